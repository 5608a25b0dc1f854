// What the figures of `migrascore associate` read: the rows of associate.tsv,
// associate_pairs.tsv and associate_skipped.tsv as the contract names their columns,
// the samples' scores with their variable values, and display labels for variables.

/** A row of associate.tsv: one test of one variable in one cancer ("all" when pooled). */
export interface AssociateTestRow {
  cancer: string;
  variable: string;
  n: number;
  /** Spearman's rho for a numeric variable; null otherwise. */
  estimate: number | null;
  /** S, W or the Kruskal–Wallis chi-squared. */
  statistic: number | null;
  /** Kruskal–Wallis degrees of freedom; null otherwise. */
  df: number | null;
  p: number | null;
  /** spearman-exact, spearman-asymptotic, wilcoxon-exact, wilcoxon-normal or kruskal. */
  method: string;
  /** Benjamini–Hochberg over all rows of associate.tsv. */
  fdr: number | null;
}

/** A row of associate_pairs.tsv: pairwise.wilcox.test with BH within the cancer and variable. */
export interface AssociatePairRow {
  cancer: string;
  variable: string;
  level1: string;
  level2: string;
  p_adjusted: number | null;
}

/** A row of associate_skipped.tsv: a dropped level (`level` set) or an untested variable (`level` null). */
export interface AssociateSkippedRow {
  cancer: string;
  variable: string;
  level: string | null;
  n: number | null;
  /** all-missing, constant, fewer than 2 levels, min-level, min-samples. */
  reason: string;
}

/** Display labels for variables (e.g. leukocyte_fraction → "Leukocyte fraction"); the column name where absent. */
export type VariableLabels = Readonly<Record<string, string>>;

/** The label of `variable`: its entry in `labels`, else the column name itself. */
export function variableLabel(variable: string, labels?: VariableLabels): string {
  const l = labels && Object.prototype.hasOwnProperty.call(labels, variable) ? labels[variable] : undefined;
  return l !== undefined && l.trim() !== '' ? l : variable;
}
