// `migrascore associate`: what the score travels with. Reads like the methods paragraph:
// join tumour samples to the covariate table (one per patient) → score within each cancer
// (or pooled) → per variable Spearman, Wilcoxon or Kruskal–Wallis with pairwise tests →
// BH over all tests → (--genes) Spearman of the score with every gene, BH within cancer.
import { MigrascoreError } from '../errors.js';
import { loadClinicalTable, textColumn, type ClinicalTable } from '../io/clinical.js';
import { parseNumberCell } from '../io/values.js';
import { benjaminiHochberg } from '../stats/multipleTesting.js';
import { spearmanManyGroupsInWorkers } from './spearmanWorkers.js';
import { spearmanPValue } from '../stats/spearman.js';
import { formatSignificant } from '../format/numbers.js';
import { sortLevels } from '../survival/design.js';
import { parseTcgaBarcode } from '../tcga/barcode.js';
import type { AssociateGene, AssociatePair, AssociateRow, AssociateSkipped } from '../associate/types.js';
import { collapseStage, testVariable, type VariableValues } from './associateVariable.js';
import type { ScoreRequest } from './scoreMatrix.js';
import { prepareExpression, prepareScores, scoreClinicalRows, type PreparedExpression, type PreparedScores } from './survivalInput.js';
import type { JoinReport } from '../tcga/join.js';

export interface AssociateOptions {
  /** The covariate table (a file, or a built-in table's file). */
  with: string;
  id?: string;
  /** Tests within each cancer type of this column; absent or `pooled`: one cohort "all". */
  cancerColumn?: string;
  pooled: boolean;
  vars: string[];
  collapseStages: boolean;
  minLevel: number;
  minSamples: number;
  genes: boolean;
  /** Score the matrix within each cancer (--expr) ... */
  request?: ScoreRequest;
  set?: string;
  /** ... or take precomputed scores (--scores). */
  scores?: { file: string; column?: string };
  onProgress?: (p: { cancer: string; index: number; total: number; tested: number }) => void;
}

/** A cancer's scored samples: clinical rows, their scores, and (--expr) their matrix columns. */
export interface AssociateCohort {
  cancer: string;
  rows: number[];
  scores: Float64Array;
  columns: Int32Array;
}

/** A variable's values over all rows of the covariate table (levels collapsed with --collapse-stages). */
export interface AssociateVariable {
  name: string;
  type: 'numeric' | 'categorical';
  numbers?: Float64Array;
  levels?: (string | null)[];
}

export interface AssociateRun {
  table: ClinicalTable;
  scoreName: string;
  expr?: PreparedExpression;
  scores?: PreparedScores;
  join: JoinReport;
  cohorts: AssociateCohort[];
  variables: AssociateVariable[];
  rows: AssociateRow[];
  pairs: AssociatePair[];
  skipped: AssociateSkipped[];
  genes: AssociateGene[];
  /** Cancers whose set could not be scored, and why. */
  messages: string[];
  inputPaths: string[];
}

export async function runAssociate(opts: AssociateOptions): Promise<AssociateRun> {
  const table = loadClinicalTable(opts.with, opts.id, 'Covariate table');
  const variables = opts.vars.map((name) => readVariable(table, name, opts.collapseStages));
  const cancerOf = opts.cancerColumn && !opts.pooled ? textColumn(table, opts.cancerColumn, 'the cancer type (--cancer-col)') : undefined;
  const expr = opts.request ? await prepareExpression(opts.request, table.ids, undefined, opts.set) : undefined;
  const scores = opts.scores ? prepareScores(opts.scores.file, opts.scores.column, table, undefined) : undefined;
  const joined = (expr ?? scores)!.joined;
  const matched = (r: number) => joined.sampleForClinical[r] >= 0;
  const cancerOfRow = (r: number) => (cancerOf ? cancerOf[r] : 'all');
  const cancers = sortLevels(table.ids.map((_, r) => (matched(r) ? cancerOfRow(r) : null)));

  const cohorts: AssociateCohort[] = [];
  const rows: AssociateRow[] = [];
  const pairs: AssociatePair[] = [];
  const skipped: AssociateSkipped[] = [];
  const messages: string[] = [];
  for (const [index, cancer] of cancers.entries()) {
    const cancerRows = table.ids.map((_, r) => r).filter((r) => matched(r) && cancerOfRow(r) === cancer);
    const values = await cohortScores(cancerRows, { expr, scores }, (r) => !matched(r) || cancerOfRow(r) !== cancer, cancer, messages);
    if (!values) continue;
    const score = Float64Array.from(cancerRows, (r) => values[r]);
    cohorts.push({ cancer, rows: cancerRows, scores: score, columns: Int32Array.from(cancerRows, (r) => joined.sampleForClinical[r]) });
    let tested = 0;
    for (const v of variables) {
      const outcome = testVariable(cancer, score, valuesOf(v, cancerRows), opts);
      if (outcome.row) { rows.push(outcome.row); tested++; }
      pairs.push(...outcome.pairs);
      skipped.push(...outcome.skipped);
    }
    opts.onProgress?.({ cancer, index, total: cancers.length, tested });
  }
  messages.push(...zeroExactP(rows));
  const fdr = benjaminiHochberg(rows.map((r) => r.p ?? NaN));
  rows.forEach((r, i) => { r.fdr = Number.isNaN(fdr[i]) ? null : fdr[i]; });
  const genes = opts.genes && expr ? await geneCorrelations(expr, cohorts) : [];
  return {
    table, scoreName: expr ? expr.scoring.sets[expr.setIndex].name : scores!.column, expr, scores, join: joined.report,
    cohorts, variables, rows, pairs, skipped, genes, messages,
    inputPaths: [opts.with, ...(expr ? expr.inputPaths : [scores!.file])],
  };
}

/** A --vars column: numeric when every non-missing value is a number (contract), else categorical. */
function readVariable(table: ClinicalTable, name: string, collapse: boolean): AssociateVariable {
  if (!table.header.includes(name)) throw unknownVariable(table, name);
  const text = textColumn(table, name, 'a variable (--vars)');
  const numbers = new Float64Array(text.length);
  let numeric = true;
  for (let i = 0; i < text.length && numeric; i++) {
    const t = text[i];
    if (t === null) { numbers[i] = NaN; continue; }
    const v = parseNumberCell(t);
    if (v === undefined || Number.isNaN(v)) numeric = false;
    else numbers[i] = v;
  }
  if (numeric) return { name, type: 'numeric', numbers };
  return { name, type: 'categorical', levels: collapse ? text.map((t) => (t === null ? null : collapseStage(t))) : text };
}

function unknownVariable(table: ClinicalTable, name: string): MigrascoreError {
  const folded = table.header.find((h) => h.toLowerCase() === name.toLowerCase());
  return new MigrascoreError(
    `--vars: ${table.path} has no column "${name}".${folded ? ` Did you mean "${folded}" (names are case-sensitive)?` : ''} ` +
      `Available columns: ${table.header.filter((h) => h !== table.idColumn).join(', ')}.`, 2);
}

function valuesOf(v: AssociateVariable, rows: number[]): VariableValues {
  return v.type === 'numeric'
    ? { name: v.name, type: 'numeric', numbers: Float64Array.from(rows, (r) => v.numbers![r]) }
    : { name: v.name, type: 'categorical', levels: rows.map((r) => v.levels![r]) };
}

/** Scores of a cancer's matched rows: computed on exactly those samples (--expr) or as given (--scores). */
async function cohortScores(
  rows: number[], source: { expr?: PreparedExpression; scores?: PreparedScores }, excluded: (r: number) => boolean, cancer: string, messages: string[],
): Promise<Float64Array | null> {
  if (source.scores) return source.scores.values;
  try {
    return (await scoreClinicalRows(source.expr!, rows, excluded)).values!;
  } catch (e) {
    if (!(e instanceof MigrascoreError)) throw e;
    messages.push(`${cancer}: not analysed — ${e.message}`);
    return null;
  }
}

/** Spearman of each cancer's score with every gene of the matrix (row IDs as written); BH within cancer, constant genes NA. */
async function geneCorrelations(expr: PreparedExpression, cohorts: AssociateCohort[]): Promise<AssociateGene[]> {
  const matrix = expr.scoring.matrix;
  const results = await spearmanManyGroupsInWorkers(cohorts.map((c) => ({ score: c.scores, columns: c.columns })), matrix, expr.request.threads);
  const out: AssociateGene[] = [];
  cohorts.forEach((c, k) => {
    const { rho, p } = results[k];
    const fdr = benjaminiHochberg(p);
    for (let g = 0; g < matrix.nRows; g++) {
      out.push({ cancer: c.cancer, gene: matrix.rowIds[g], rho: nan(rho[g]), p: nan(p[g]), fdr: nan(fdr[g]) });
    }
  });
  return out;
}

const nan = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * AS 89's Edgeworth series (R's prho, n > 9) reaches 0 for strong correlations, and R's
 * cor.test reports p = 0; the table keeps R's value, and the run says what it means.
 */
function zeroExactP(rows: AssociateRow[]): string[] {
  return rows.filter((r) => r.method === 'spearman-exact' && r.p === 0 && r.estimate !== null).map((r) => {
    const t = spearmanPValue(r.estimate!, r.n, true).p;
    return `${r.cancer} ${r.variable}: rho = ${formatSignificant(r.estimate!, 3)} on n = ${r.n}; the exact p is 0 as R's cor.test gives it (AS 89's Edgeworth series is clamped at 0 for so strong a correlation) — it means very small, not exactly 0; the t approximation (cor.test exact = FALSE) gives ${formatSignificant(t, 3)}.`;
  });
}

/** The TCGA patient of a sample ID, else the ID. */
export function patientOf(id: string): string {
  return parseTcgaBarcode(id)?.patient ?? id;
}
