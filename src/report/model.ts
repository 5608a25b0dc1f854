// The data model of the HTML report, one shape for one cohort (`migrascore survival`,
// scope "cohort"), for many (`migrascore pancan`, one per cancer type) and for a group
// comparison (`migrascore compare`, scope "compare", in `compare`) and for the associations
// of `migrascore associate` (scope "associate", in `associate`): plain data,
// filled by the pipeline, turned into one self-contained HTML file by buildReportHtml (html.ts).
// Figures are SVG strings from renderSvg (src/plots/render.ts), inlined as they are.
import type { AssociateGene, AssociatePair, AssociateRow, AssociateSkipped } from '../associate/types.js';
import type { CompareGeneRow, CompareLevels, ComparePair, CompareRow, CompareSkipped } from '../compare/types.js';
import type { GeneSetReport } from '../genes/resolve.js';
import type { JoinReport } from '../tcga/join.js';

export interface ReportParameter {
  name: string;
  value: string;
}

/** An input file with its checksum, so a reader can tell exactly what was analysed. */
export interface ReportInput {
  /** What the file is, e.g. "expression matrix", "clinical table", "gene set". */
  role: string;
  path: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  bytes: number;
  note?: string;
}

export interface ReportCitation {
  text: string;
  /** Bare DOI ("10.1016/j.cell.2018.02.052"); shown as a https://doi.org/ link. */
  doi?: string;
}

/** A figure: an SVG string as renderSvg returns it. */
export interface ReportFigure {
  /** Stable name, e.g. "forest", "heatmap", "km"; unique within its list. */
  id: string;
  title: string;
  svg: string;
  caption?: string;
  /** The figure's own files (relative to the report), linked under it. */
  files?: string[];
}

/** One row of pancan.tsv; null where the TSV has NA. */
export interface PancanTableRow {
  cancer: string;
  n: number;
  events: number;
  hr: number | null;
  hr_lower: number | null;
  hr_upper: number | null;
  p: number | null;
  logrank_p: number | null;
  /** maxstat's Lau92 p of a searched (optimal) cutpoint; null otherwise. */
  p_adjusted: number | null;
  /** BH over the split's own test: `p_adjusted` when the cut was searched, else `logrank_p`. */
  fdr: number | null;
  hr_continuous: number | null;
  p_continuous: number | null;
  fdr_continuous: number | null;
  cutpoint: number | null;
  /** Why the group HR is not estimable (e.g. "no events in group low"); null when it is. */
  hr_note: string | null;
  /** Why the continuous HR is not estimable; null when it is. */
  hr_continuous_note: string | null;
  /**
   * With 3 or more score groups `hr` is NA (the group Cox model has one term per group): the
   * term of the top group versus the reference (first) group of that same model, which the
   * forest plot, the report and stderr show, labelled (e.g. "high vs low").
   */
  hr_top?: { label: string; groups: number; hr: number | null; lower: number | null; upper: number | null; p: number | null; note: string | null };
  /** With --roc-times: pancan.tsv's auc_<T> columns, in EndpointSection.aucTimes order. */
  auc?: (number | null)[];
  /** Why each AUC is null (null where it is a number). */
  auc_notes?: (string | null)[];
  /** With --covariates: the group term of Surv ~ group + covariates (cox_adjusted). */
  hr_covariate_adjusted?: number | null;
  hr_covariate_adjusted_lower?: number | null;
  hr_covariate_adjusted_upper?: number | null;
  p_covariate_adjusted?: number | null;
}

/** The group's hazard ratio adjusted for covariates (cox_adjusted) in one cancer; null where not estimable. */
export interface AdjustedRow {
  cancer: string;
  /** Complete cases of the adjusted model. */
  n: number;
  events: number;
  hr: number | null;
  lower: number | null;
  upper: number | null;
  p: number | null;
  /** Benjamini–Hochberg over the adjusted p across cancers. */
  fdr: number | null;
  /** Why the HR is not shown. */
  note?: string;
}

/** A cancer type not analysed (below --min-samples, no events, ...). */
export interface SkippedCancer {
  cancer: string;
  n: number;
  events: number;
  reason: string;
}

/** A Cox model's hazard ratios, as shown (R's possibly infinite coefficients flagged). */
export interface CohortModel {
  /** e.g. "Score groups", "Continuous score", "Adjusted for covariates". */
  label: string;
  formula: string;
  n: number;
  events: number;
  /** `note`: why the HR is not estimable (e.g. "no events in group low"), shown instead of R's numbers. */
  terms: { term: string; hr: number; lower: number; upper: number; p: number; infinite?: boolean; aliased?: boolean; note?: string }[];
  /** Harrell's C (survival::concordance, the default timewt). */
  concordance: number;
  /** Uno's C: concordance(fit, timewt = "n/G2"). */
  concordanceUno?: number;
  /** cox.zph GLOBAL p (proportional hazards test). */
  phGlobalP: number | null;
}

/** One cohort's own results in full: groups, tests, Cox models, cutpoint. */
export interface CohortResults {
  n: number;
  events: number;
  /** Unit of the medians and RMST below (already converted for display). */
  timeUnit: string;
  groups: { group: string; n: number; events: number; median: number | null; median_lower: number | null; median_upper: number | null; rmst?: number; rmst_se?: number }[];
  /** e.g. "Log-rank", "Peto–Peto". */
  testLabel: string;
  logrank: { chisq: number; df: number; p: number };
  models: CohortModel[];
  cutpoint?: { method: string; value: number | number[]; statistic: number | null; p_adjusted: number | null; p_method: string | null; minprop: number | null };
  /** What was split or grouped, e.g. "migrasome-core score" or a column name. */
  grouping: string;
  warnings: string[];
  /** --roc-times: the time-dependent AUC of the continuous value (summary.json `time_roc`). */
  timeRoc?: ReportTimeRoc;
}

/** Time-dependent ROC of a cohort's continuous value at the --roc-times (cumulative/dynamic, IPCW). */
export interface ReportTimeRoc {
  /** The marker, e.g. "migrasome-core". */
  valueName: string;
  /** Patients with a value (the ROC's n). */
  n: number;
  confLevel: number;
  /** One row per --roc-times time, in the order given. */
  rows: {
    time: number;
    /** The time with its unit as given ("365 days"). */
    label: string;
    auc: number | null;
    se: number | null;
    lower: number | null;
    upper: number | null;
    cases: number;
    controls: number;
    /** Why the AUC is null, in words (summary.json `note`); null when it is a number. */
    note: string | null;
  }[];
}

/** One cancer's (or the one cohort's) own results: a one-line summary and its figures (Kaplan–Meier, cutpoint). */
export interface CancerSection {
  cancer: string;
  summary: string;
  figures: ReportFigure[];
  /** Groups, tests and Cox models in full (the cohort report shows them as tables). */
  results?: CohortResults;
  /** The cohort's own output files (relative to the report), linked on its card. */
  files?: string[];
}

/** The results for one endpoint (OS, PFI, ...). */
export interface EndpointSection {
  /** Short name, e.g. "OS". */
  endpoint: string;
  /** Long name, e.g. "Overall survival". */
  label?: string;
  table: PancanTableRow[];
  skipped: SkippedCancer[];
  /** Pan-cancer figures: forest plot, gene × cancer heatmap, score distribution. */
  figures: ReportFigure[];
  /** Per-cancer figures, in table order. */
  cancers: CancerSection[];
  /** With --covariates: the adjusted hazard ratios, one row per analysed cancer. */
  adjusted?: { covariates: string[]; rows: AdjustedRow[] };
  /** With --roc-times: the times of the rows' `auc` values, as written ("365 days"). */
  aucTimes?: string[];
  /** Cancers with FDR (over the split's own test) below the threshold; counted from `table` when absent. */
  significantCount?: number;
  /**
   * The cutpoint was searched (--split optimal): maxstat's Lau92 adjusted p is the test of
   * the groups and FDR is over it; the naive log-rank p is labelled as not adjusted.
   */
  cutSearched?: boolean;
}

/** A count of samples left out of a comparison, and why (compare.json's counts). */
export interface DroppedCount {
  /** Why, as a phrase: "sample type 20 or above", "further sample of a patient", "not in the clinical table". */
  label: string;
  count: number;
}

/** The results of `migrascore compare`: two groups of samples compared per cancer (or once, `all`). */
export interface CompareReportSection {
  /** The two groups: `case` first (e.g. "tumour"), `reference` second (e.g. "normal"); named so everywhere. */
  levels: CompareLevels;
  /** How the groups were formed, a phrase: "TCGA sample type (tumour 01–09, normal 10–19)", "column tissue of samples.tsv". */
  grouping: string;
  /** What was compared, a phrase: "migrasome-core score (ssGSEA)". */
  score: string;
  /** compare.tsv, in file order (the table sorts in the browser). */
  rows: CompareRow[];
  /** compare_skipped.tsv. */
  skipped: CompareSkipped[];
  /** --paired: the rows carry n_pairs, statistic_paired, p_paired, method_paired, fdr_paired, shown as extra columns. */
  paired: boolean;
  /**
   * --paired: the pairs (optional). With them the summary tells the direction of the
   * significant paired tests (from V and the non-zero differences), else only their count.
   */
  pairs?: ComparePair[];
  /** --per-gene: every row of compare_genes.tsv; the report shows the `topGenes` smallest FDRs. */
  genes?: CompareGeneRow[];
  /** How many gene rows to show (default 20). */
  topGenes?: number;
  /** Figures of the comparison: the box-and-points figure by cancer, the per-gene heatmap. */
  figures: ReportFigure[];
  /** --paired: the paired line plot(s). */
  pairedFigures?: ReportFigure[];
  /** Samples left out before the comparison, and why; absent or empty: none reported. */
  dropped?: DroppedCount[];
}

/** A variable of `associate`, as named for people (built-in tables document theirs). */
export interface AssociateVariableInfo {
  name: string;
  /** The short label; the column name for a user's file. */
  label: string;
  type: 'numeric' | 'categorical';
  /** Axis unit ("mutations / Mb"), documented columns only. */
  unit?: string;
  /** Documented meaning and unit or scale, as `migrascore data show` prints them. */
  meaning?: string;
  scale?: string;
}

/** The genes most correlated with the score in one cancer (--genes). */
export interface AssociateTopGenes {
  cancer: string;
  /** Samples of the cancer. */
  n: number;
  /** Genes with a rho (constant genes have none). */
  tested: number;
  /** Genes with FDR below the report's threshold. */
  significant: number;
  /** Highest rho first. */
  positive: AssociateGene[];
  /** Lowest rho first. */
  negative: AssociateGene[];
}

/** The results of `migrascore associate`: the score against covariates per cancer (or once, `all`). */
export interface AssociateReportSection {
  /** What was correlated, a phrase: "migrasome-core score (ssGSEA)". */
  score: string;
  /** The covariate table, for people: "tcga-tme (built in)" or the path. */
  table: string;
  /** The cohorts tested, in associate.tsv order, with their samples (cancer "all" when pooled). */
  cohorts: { cancer: string; n: number }[];
  variables: AssociateVariableInfo[];
  /** associate.tsv, in file order. */
  rows: AssociateRow[];
  /** associate_pairs.tsv. */
  pairs: AssociatePair[];
  /** associate_skipped.tsv. */
  skipped: AssociateSkipped[];
  minLevel: number;
  minSamples: number;
  /** --genes: the top genes per cancer (every row is in associate_genes.tsv.gz). */
  genes?: AssociateTopGenes[];
  /** The heatmap of rho (numeric variables). */
  figures: ReportFigure[];
  /** Box plots of categorical variables. */
  boxFigures: ReportFigure[];
  /** --scatter plots. */
  scatterFigures: ReportFigure[];
}

export interface ReportModel {
  /**
   * "cohort": one cohort (`survival`): one endpoint section with one cancer section and its results;
   * "compare": `migrascore compare`, results in `compare` and `endpoints` empty;
   * "associate": `migrascore associate`, results in `associate`, `endpoints` empty; default: pan-cancer.
   */
  scope?: 'cohort' | 'pancan' | 'compare' | 'associate';
  /** e.g. "migrascore pan-cancer report". */
  title: string;
  /** ISO 8601 timestamp. */
  generatedAt: string;
  /** migrascore version. */
  version: string;
  /** The command line as run. */
  command: string;
  /** Method, gene set, split, endpoint(s), min-samples, ... in display order. */
  parameters: ReportParameter[];
  inputs: ReportInput[];
  citations: ReportCitation[];
  /** The gene-matching report, one entry per gene set. */
  geneReport: GeneSetReport[];
  /** How expression samples were matched to clinical rows, when two tables were joined. */
  join?: JoinReport;
  /** Warnings of the run (shown as warning boxes). */
  messages: string[];
  /** Notes of the run that need no action, collapsed (<details>): a one-line summary and the detail. */
  notes?: { summary: string; detail: string }[];
  /** Every output file of the run, relative to the report's folder (linked in "Files"). */
  files?: string[];
  endpoints: EndpointSection[];
  /** scope "compare": the comparison's results. */
  compare?: CompareReportSection;
  /** scope "associate": the associations. */
  associate?: AssociateReportSection;
  /** FDR threshold for "significant" (default 0.05). */
  fdrThreshold?: number;
  /** Confidence level of the hazard-ratio intervals (default 0.95). */
  confLevel?: number;
}
