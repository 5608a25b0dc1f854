// The results of `migrascore compare` (tumour versus normal, or any two sample groups),
// as plain data: filled by pipeline/compare.ts, written by pipeline/compareOutputs.ts,
// drawn by plots/compare*.ts and shown by report/compareSection.ts.

/** The two compared groups: `case` first (e.g. tumour), then `reference` (e.g. normal). */
export interface CompareLevels {
  case: string;
  reference: string;
}

/** One row of compare.tsv; null where the TSV has NA. */
export interface CompareRow {
  cancer: string;
  n_case: number;
  n_reference: number;
  median_case: number | null;
  median_reference: number | null;
  /** median_case − median_reference. */
  diff_median: number | null;
  /** R's W of wilcox.test(case, reference). */
  statistic: number | null;
  p: number | null;
  method: 'exact' | 'normal' | null;
  /** Benjamini–Hochberg over cancers. */
  fdr: number | null;
  /** --paired: patients with both samples (zero differences included). */
  n_pairs?: number;
  /** --paired: R's V of wilcox.test(case, reference, paired = TRUE); null below one non-zero pair. */
  statistic_paired?: number | null;
  p_paired?: number | null;
  method_paired?: 'exact' | 'normal' | null;
  fdr_paired?: number | null;
}

/** One scored sample (a row of scores.tsv). */
export interface CompareSample {
  sample: string;
  /** 12-character TCGA barcode with '-', else the sample ID. */
  patient: string;
  cancer: string;
  /** The level: `case` or `reference` of CompareLevels. */
  group: string;
  score: number;
}

/** One row of compare_genes.tsv (--per-gene). */
export interface CompareGeneRow {
  cancer: string;
  gene: string;
  n_case: number;
  n_reference: number;
  /** Means on the log2 scale --log2 decided. */
  mean_case: number | null;
  mean_reference: number | null;
  /** mean_case − mean_reference. */
  log2fc: number | null;
  statistic: number | null;
  p: number | null;
  /** Benjamini–Hochberg over all gene × cancer rows. */
  fdr: number | null;
}

/** A cancer not compared, and why (compare_skipped.tsv). */
export interface CompareSkipped {
  cancer: string;
  n_case: number;
  n_reference: number;
  reason: string;
}

/** A patient with both a case and a reference sample (--paired). */
export interface ComparePair {
  cancer: string;
  patient: string;
  case: number;
  reference: number;
}
