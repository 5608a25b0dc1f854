// `migrascore pancan`: the survival analysis once per cancer type — scores computed and
// patients split within each cancer — for one or more endpoints, then the pan-cancer
// table (BH FDR across cancers), per-gene Cox models, figures and the HTML report.
import { MigrascoreError } from '../errors.js';
import { loadClinicalTable, textColumn } from '../io/clinical.js';
import { sortLevels } from '../survival/design.js';
import type { ScoreRequest } from './scoreMatrix.js';
import { analyseLoaded, type SurvivalOptions, type SurvivalRun } from './survival.js';
import {
  assembleCohort, clinicalColumns, matchedRowsWithSurvival, prepareExpression, prepareScores, scoreClinicalRows, scoreRows,
  type ClinicalData, type PreparedExpression, type PreparedScores,
} from './survivalInput.js';
import { continuousHrNote, groupHrNote, groupTermNote } from './estimability.js';
import { splitTestP } from './splitSignificance.js';
import type { JoinResult } from '../tcga/join.js';
import { perGeneCox, type GeneCoxRow } from './perGene.js';
import { benjaminiHochberg } from '../stats/multipleTesting.js';
import type { PancanTableRow, SkippedCancer } from '../report/model.js';
import { timeUnitWarnings } from './timeUnitCheck.js';
import type { CoxSummary } from './analyseCohort.js';
import { folderNames } from './cancerFolders.js';
import { geneRowsOfSet, perGeneNeedsLog2 } from './setGenes.js';

export interface Endpoint {
  name: string;
  time: string;
  event: string;
}

export interface PancanOptions extends Omit<SurvivalOptions, 'grouping' | 'time' | 'event' | 'endpoint'> {
  cancerColumn: string;
  endpoints: Endpoint[];
  /** Score the matrix within each cancer (--expr) ... */
  request?: ScoreRequest;
  /** ... or take precomputed scores (--scores, a table from `score`; `column` default: its first score column). */
  scores?: { file: string; column?: string };
  /** The gene set whose score is analysed (default: the first). */
  set?: string;
  minSamples: number;
  perGene: boolean;
  /** Only these cancer types (default: all). */
  cancers?: string[];
  onProgress?: (p: PancanProgress) => void;
}

export interface PancanProgress {
  endpoint: string;
  cancer: string;
  index: number;
  total: number;
  outcome: { row: PancanTableRow } | { skipped: SkippedCancer };
}

export interface CancerResult {
  cancer: string;
  run: SurvivalRun;
  row: PancanTableRow;
}

export interface EndpointResult {
  endpoint: Endpoint;
  /** '' for a single endpoint, else `<endpoint>/`. */
  dir: string;
  results: CancerResult[];
  skipped: SkippedCancer[];
  genes: GeneCoxRow[];
  /** The endpoint's times contradict --time-in (timeUnitCheck.ts). */
  timeWarnings: string[];
}

/** Where a run's scores come from, whichever the source. */
export interface ScoreSource {
  kind: 'expr' | 'scores';
  /** The analysed score: a gene set's name (--expr) or a score column (--scores). */
  scoreName: string;
  /** The expression matrix or the score table. */
  file: string;
  joined: JoinResult;
  /** Files read besides the clinical table. */
  inputPaths: string[];
}

export interface PancanRun {
  source: ScoreSource;
  /** The matrix scored within each cancer (--expr); absent with --scores. */
  expr?: PreparedExpression;
  /** Precomputed scores (--scores). */
  scores?: PreparedScores;
  clinicalPath: string;
  cancerOf: (string | null)[];
  endpoints: EndpointResult[];
  /** Genes of the analysed set and their matrix rows (for --per-gene). */
  setGenes: { gene: string; row: number }[];
  /** Cancer types of the clinical table without any matched sample. */
  withoutSamples: string[];
  /** Cancer types with samples left out by --cancers. */
  notChosen: string[];
}

export async function runPancan(opts: PancanOptions): Promise<PancanRun> {
  const table = loadClinicalTable(opts.clinical, opts.id);
  const cancerOf = textColumn(table, opts.cancerColumn, 'the cancer type (--cancer-col)');
  // Parse every endpoint's columns before the (long) matrix read, so a wrong name fails fast.
  const clinicalByEndpoint = opts.endpoints.map((e) => clinicalColumns(table, { clinical: opts.clinical, time: e.time, event: e.event, covariates: opts.covariates }));
  const expr = opts.request ? await prepareExpression(opts.request, table.ids, opts.sampleTypes, opts.set) : undefined;
  const scores = opts.scores ? prepareScores(opts.scores.file, opts.scores.column, table, opts.sampleTypes) : undefined;
  const source = scoreSource(expr, scores);
  // Cancer types with at least one matched sample; the others are not part of the run
  // (e.g. TCGA-CDR's 33 types against a matrix of 4) and are only counted.
  const withSamples = sortLevels(cancerOf.map((c, r) => (source.joined.sampleForClinical[r] >= 0 ? c : null)));
  const withoutSamples = sortLevels(cancerOf).filter((c) => !withSamples.includes(c));
  let cancers = withSamples;
  if (opts.cancers) {
    const unknown = opts.cancers.filter((c) => !cancers.includes(c));
    if (unknown.length) {
      throw new MigrascoreError(
        `--cancers: ${unknown.join(', ')} ${unknown.length > 1 ? 'have' : 'has'} no sample of ${source.file} matched to column "${opts.cancerColumn}" of the clinical table ` +
          `(cancers with samples: ${cancers.join(', ')}).`, 2);
    }
    cancers = cancers.filter((c) => opts.cancers!.includes(c));
  }
  const notChosen = withSamples.filter((c) => !cancers.includes(c));
  const setGenes = expr ? geneRowsOfSet(expr.scoring, expr.setIndex) : [];
  const geneLog2 = opts.perGene && expr ? perGeneNeedsLog2(expr.scoring, expr.request) : false;
  const rowOfId = new Map(table.ids.map((id, r) => [id, r]));

  const endpoints: EndpointResult[] = [];
  const endpointFolders = folderNames(opts.endpoints.map((e) => e.name));
  for (const [k, endpoint] of opts.endpoints.entries()) {
    const clinical = clinicalByEndpoint[k];
    const dir = opts.endpoints.length > 1 ? `${endpointFolders.get(endpoint.name)}/` : '';
    const results: CancerResult[] = [];
    const skipped: SkippedCancer[] = [];
    const genes: GeneCoxRow[] = [];
    for (const [index, cancer] of cancers.entries()) {
      const outcome = await analyseCancer(cancer, clinical, cancerOf, { expr, scores, joined: source.joined }, opts, endpoint);
      if ('skipped' in outcome) skipped.push(outcome.skipped);
      else {
        results.push(outcome.result);
        if (opts.perGene && expr) genes.push(...cancerGenes(outcome.result.run, cancer, expr, rowOfId, setGenes, opts, geneLog2));
      }
      opts.onProgress?.({
        endpoint: endpoint.name, cancer, index, total: cancers.length,
        outcome: 'skipped' in outcome ? outcome : { row: outcome.result.row },
      });
    }
    addFdr(results.map((r) => r.row), opts.split.kind === 'optimal');
    const fdr = benjaminiHochberg(genes.map((g) => g.p));
    genes.forEach((g, i) => { g.fdr = fdr[i]; });
    const timeWarnings = timeUnitWarnings({ column: endpoint.time, times: clinical.time, events: clinical.event, unit: opts.timeIn ?? 'days' });
    endpoints.push({ endpoint, dir, results, skipped, genes, timeWarnings });
  }
  return { source, expr, scores, clinicalPath: opts.clinical, cancerOf, endpoints, setGenes, withoutSamples, notChosen };
}

function scoreSource(expr: PreparedExpression | undefined, scores: PreparedScores | undefined): ScoreSource {
  if (expr) {
    return { kind: 'expr', scoreName: expr.scoring.sets[expr.setIndex].name, file: expr.request.expr, joined: expr.joined, inputPaths: expr.inputPaths };
  }
  if (!scores) throw new MigrascoreError('pancan needs scores: --expr FILE (scored within each cancer) or --scores FILE.', 2);
  return { kind: 'scores', scoreName: scores.column, file: scores.file, joined: scores.joined, inputPaths: [scores.file] };
}

async function analyseCancer(
  cancer: string, clinical: ClinicalData, cancerOf: (string | null)[],
  source: { expr?: PreparedExpression; scores?: PreparedScores; joined: JoinResult },
  opts: PancanOptions, endpoint: Endpoint,
): Promise<{ result: CancerResult } | { skipped: SkippedCancer }> {
  const inCancer = (r: number) => cancerOf[r] === cancer;
  const { expr, scores, joined } = source;
  const rows = matchedRowsWithSurvival(clinical, joined, inCancer);
  let events = 0;
  for (const r of rows) events += clinical.event[r];
  const skip = (reason: string) => ({ skipped: { cancer, n: rows.length, events, reason } });
  if (rows.length < opts.minSamples) return skip(`${rows.length} patients with a matched sample and ${endpoint.name} data, fewer than --min-samples ${opts.minSamples}`);
  if (events === 0) return skip(`no ${endpoint.name} events among ${rows.length} patients`);
  const survivalOpts: SurvivalOptions = {
    ...opts,
    time: endpoint.time,
    event: endpoint.event,
    endpoint: endpoint.name,
    cancer: { column: opts.cancerColumn, value: cancer },
    grouping: expr ? { kind: 'expr', request: expr.request, set: opts.set } : { kind: 'scores', file: scores!.file, column: scores!.column },
  };
  try {
    // --expr: scored on exactly this cancer's cohort; --scores: the given scores of its patients.
    // Inside the try: a cancer whose set genes are all constant is skipped with the reason.
    const grouping = expr
      ? await scoreClinicalRows(expr, rows, (r) => !inCancer(r) || joined.sampleForClinical[r] < 0)
      : scoreRows(scores!, inCancer);
    const loaded = assembleCohort(clinical, grouping);
    const run = await analyseLoaded(loaded, survivalOpts, `${cancer} (${endpoint.name})`);
    return { result: { cancer, run, row: tableRow(cancer, run) } };
  } catch (e) {
    if (e instanceof MigrascoreError) return skip(e.message.replace(/^[^:]*: /, ''));
    throw e;
  }
}

function tableRow(cancer: string, run: SurvivalRun): PancanTableRow {
  const a = run.analysis;
  const group = a.cox.terms.length === 1 ? a.cox.terms[0] : undefined;
  const cont = a.cox_continuous?.terms[0];
  // R's values as R gives them (Inf stays Inf); only what is absent is null (NA).
  const value = (x: number | null | undefined) => (x === undefined || x === null || Number.isNaN(x) ? null : x);
  const cut = run.cutpoint?.value;
  return {
    cancer,
    n: a.n,
    events: a.events,
    hr: value(group?.hr),
    hr_lower: value(group?.hr_lower),
    hr_upper: value(group?.hr_upper),
    p: value(group?.p),
    logrank_p: value(a.logrank.p),
    p_adjusted: run.cutpoint?.method === 'optimal' ? value(run.cutpoint.p_adjusted) : null,
    fdr: null,
    hr_continuous: value(cont?.hr),
    p_continuous: value(cont?.p),
    fdr_continuous: null,
    cutpoint: typeof cut === 'number' ? cut : null,
    hr_note: groupHrNote(a),
    hr_continuous_note: continuousHrNote(cont, a.cox_continuous?.converged),
    ...(a.groups.length > 2 ? { hr_top: topGroupTerm(a, value) } : {}),
    ...(a.cox_adjusted ? adjustedColumns(a.cox_adjusted) : {}),
  };
}

/** With 3+ groups: the top group's term of the group Cox model (versus the first group), with its estimability. */
function topGroupTerm(a: SurvivalRun['analysis'], value: (x: number | null | undefined) => number | null): NonNullable<PancanTableRow['hr_top']> {
  const top = a.groups.at(-1)!.group;
  const term = a.cox.terms.find((t) => t.term === `group=${top}`);
  return {
    label: `${top} vs ${a.groups[0].group}`, groups: a.groups.length,
    hr: value(term?.hr), lower: value(term?.hr_lower), upper: value(term?.hr_upper), p: value(term?.p),
    note: term ? groupTermNote(a, term) : 'no Cox term for the top group',
  };
}

/** The group term of the adjusted model (one group term: two groups), as pancan.tsv's extra columns (R's values, as `hr`). */
function adjustedColumns(cox: CoxSummary): Partial<PancanTableRow> {
  const groupTerms = cox.terms.filter((t) => t.term.startsWith('group='));
  const t = groupTerms.length === 1 ? groupTerms[0] : undefined;
  const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);
  return {
    hr_covariate_adjusted: finite(t?.hr),
    hr_covariate_adjusted_lower: finite(t?.hr_lower),
    hr_covariate_adjusted_upper: finite(t?.hr_upper),
    p_covariate_adjusted: finite(t?.p),
  };
}

/**
 * Benjamini–Hochberg across cancers (R p.adjust, which caps at 1 — Lau92 p may exceed 1):
 * `fdr` over the split's own test (a searched cut's naive log-rank p never counts),
 * `fdr_continuous` over the continuous Cox p.
 */
export function addFdr(rows: PancanTableRow[], searched: boolean): void {
  const fdr = benjaminiHochberg(rows.map((r) => splitTestP(r, searched) ?? NaN));
  const fdrC = benjaminiHochberg(rows.map((r) => r.p_continuous ?? NaN));
  rows.forEach((r, i) => {
    r.fdr = Number.isNaN(fdr[i]) ? null : fdr[i];
    r.fdr_continuous = Number.isNaN(fdrC[i]) ? null : fdrC[i];
  });
}

/** Per-gene Cox on the cancer's analysed patients (the rows of its survival run). */
function cancerGenes(run: SurvivalRun, cancer: string, expr: PreparedExpression, rowOfId: Map<string, number>, setGenes: { gene: string; row: number }[], opts: PancanOptions, log2: boolean): GeneCoxRow[] {
  const samples = Int32Array.from(run.loaded.ids, (id) => expr.joined.sampleForClinical[rowOfId.get(id)!]);
  return perGeneCox(expr.scoring.matrix, setGenes, samples, run.loaded.time, run.loaded.event, cancer, { ties: opts.ties, confLevel: opts.confLevel, log2 });
}
