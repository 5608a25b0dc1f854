// The results of `migrascore associate`, as plain data: filled by pipeline/associate*.ts,
// written by pipeline/associateOutputs.ts, drawn by plots/associate*.ts.

export type AssociateMethod = 'spearman-exact' | 'spearman-asymptotic' | 'wilcoxon-exact' | 'wilcoxon-normal' | 'kruskal';

/** One row of associate.tsv; null where the TSV has NA. */
export interface AssociateRow {
  cancer: string;
  variable: string;
  type: 'numeric' | 'categorical';
  n: number;
  /** Spearman's rho (numeric); null for categorical variables. */
  estimate: number | null;
  /** S (Spearman), W (Wilcoxon) or the Kruskal–Wallis chi-square. */
  statistic: number | null;
  /** Kruskal–Wallis degrees of freedom; null otherwise. */
  df: number | null;
  p: number | null;
  method: AssociateMethod;
  /** Benjamini–Hochberg over all rows. */
  fdr: number | null;
  /** Categorical: the levels tested, sorted (x = the first for Wilcoxon). */
  levels?: string[];
}

/** One row of associate_pairs.tsv: R's pairwise.wilcox.test(p.adjust.method = "BH") matrix cell. */
export interface AssociatePair {
  cancer: string;
  variable: string;
  /** The row of R's p-value matrix (the later level). */
  level1: string;
  /** The column (the earlier level). */
  level2: string;
  p_adjusted: number | null;
}

export type SkipReason = 'all-missing' | 'constant' | 'fewer than 2 levels' | 'min-level' | 'min-samples';

/** One row of associate_skipped.tsv: a dropped level (`level` set) or an untested variable (`level` null). */
export interface AssociateSkipped {
  cancer: string;
  variable: string;
  level: string | null;
  n: number;
  reason: SkipReason;
}

/** One row of associate_genes.tsv.gz (--genes). */
export interface AssociateGene {
  cancer: string;
  gene: string;
  rho: number | null;
  p: number | null;
  fdr: number | null;
}
