// Loads a clinical table and a grouping source and builds the analysis cohort, as the
// contract's "Analysis cohort" section says: matched rows with time and event, then
// rows with a grouping value; covariate gaps are left for each Cox model to drop.
// `pancan` reuses the pieces: the clinical data and the scored matrix are loaded once,
// then a cohort is assembled per cancer type.
import { existsSync } from 'node:fs';
import { MigrascoreError } from '../errors.js';
import { eventColumn, loadClinicalTable, numericColumn, textColumn, timeColumn, type ClinicalTable } from '../io/clinical.js';
import { requireColumn } from '../io/delimited.js';
import { loadScoreColumn } from '../io/scores.js';
import type { ReportCitation } from '../report/model.js';
import { joinSamplesToClinical, type JoinReport, type JoinResult } from '../tcga/join.js';
import { SampleScratch, selectSamples } from '../score/subset.js';
import { covariateTerm, type DesignTerm } from '../survival/design.js';
import { assertCovariateLevels, assertGroupLevels } from './levelCap.js';
import { loadForScoring, newScoringCheck, onMethodScale, scoreLoaded, type LoadedForScoring, type ScoreRequest, type ScoreRunReport } from './scoreMatrix.js';
import { pickItems, pickNumbers, pickTerms } from './rows.js';

export type GroupingSource =
  | { kind: 'group'; column: string }
  | { kind: 'value'; column: string }
  | { kind: 'scores'; file: string; column?: string }
  /** Score the matrix on the matched cohort in this run; `set` picks the score column (default: the first set). */
  | { kind: 'expr'; request: ScoreRequest; set?: string };

export interface ClinicalInputOptions {
  clinical: string;
  id?: string;
  time: string;
  event: string;
  covariates: string[];
}

export interface SurvivalInputOptions extends ClinicalInputOptions {
  grouping: GroupingSource;
  sampleTypes?: string[];
  /** The clinical table's cancer-type column and, with --cancer, the one cancer analysed. */
  cancer?: { column: string; value?: string };
}

/** Rows with survival data and their grouping input, before any split. */
export interface LoadedCohort {
  clinicalPath: string;
  inputPaths: string[];
  ids: string[];
  time: Float64Array;
  event: Uint8Array;
  /** Categorical grouping (for --group) or null. */
  categories: (string | null)[] | null;
  /** Numeric grouping value (for --value/--scores/--expr) or null. */
  values: Float64Array | null;
  valueName: string | null;
  covariates: DesignTerm[];
  join?: JoinReport & { missing_survival: number };
  /** Gene matching, scale and method of a score computed in this run (--expr). */
  scoring?: ScoreRunReport;
  dropped: { missing_survival: number; missing_group: number };
  /** Cancer type per row, when the clinical table has a known cancer column. */
  cancers?: (string | null)[];
  /** Warnings about the cohort itself (e.g. several cancer types under one cut). */
  warnings?: string[];
  /** For a value made by another command (model fit's risk): the report's title, input roles and citations. */
  origin?: { title: string; inputs: { role: string; path: string }[]; citations: ReportCitation[] };
}

/** The clinical table with its survival and covariate columns parsed (all rows). */
export interface ClinicalData {
  path: string;
  table: ClinicalTable;
  time: Float64Array;
  /** 0/1, -1 where missing. */
  event: Int8Array;
  covariates: DesignTerm[];
}

export function loadClinicalData(opts: ClinicalInputOptions): ClinicalData {
  return clinicalColumns(loadClinicalTable(opts.clinical, opts.id), opts);
}

/** Parses the survival and covariate columns of an already loaded table (pancan: once per endpoint). */
export function clinicalColumns(table: ClinicalTable, opts: Omit<ClinicalInputOptions, 'id'>): ClinicalData {
  // Validate every named column up front so one run reports a wrong name at once.
  requireColumn(table, opts.time, 'the survival time (--time)');
  requireColumn(table, opts.event, 'the event indicator (--event)');
  return {
    path: opts.clinical,
    table,
    time: timeColumn(table, opts.time),
    event: eventColumn(table, opts.event),
    covariates: opts.covariates.map((c) => {
      const term = covariateTerm(c, textColumn(table, c, 'a covariate (--covariates)'));
      assertCovariateLevels(term);
      return term;
    }),
  };
}

/** A grouping input per clinical row, and (for matched sources) which rows have a sample. */
export interface RowGrouping {
  categories?: (string | null)[];
  values?: Float64Array;
  valueName?: string;
  /** Clinical rows outside the cohort (no matched sample, another cancer). */
  excluded?: (r: number) => boolean;
  join?: JoinReport;
  scoring?: ScoreRunReport;
  inputPaths: string[];
}

/** The analysis cohort: rows not excluded, with time and event, then with a grouping value. */
export function assembleCohort(clinical: ClinicalData, g: RowGrouping): LoadedCohort {
  const { table, time, event } = clinical;
  const keep: number[] = [];
  let missingSurvival = 0;
  let missingGroup = 0;
  for (let r = 0; r < table.rows.length; r++) {
    if (g.excluded?.(r)) continue;
    if (Number.isNaN(time[r]) || event[r] < 0) { missingSurvival++; continue; }
    const noGroup = g.categories ? g.categories[r] === null : Number.isNaN(g.values![r]);
    if (noGroup) { missingGroup++; continue; }
    keep.push(r);
  }
  const rows = Int32Array.from(keep);
  return {
    clinicalPath: clinical.path,
    inputPaths: [clinical.path, ...g.inputPaths],
    ids: pickItems(table.ids, rows),
    time: pickNumbers(time, rows),
    event: Uint8Array.from(pickNumbers(event, rows)),
    categories: g.categories ? pickItems(g.categories, rows) : null,
    values: g.values ? pickNumbers(g.values, rows) : null,
    valueName: g.valueName ?? null,
    covariates: pickTerms(clinical.covariates, rows),
    join: g.join ? { ...g.join, missing_survival: missingSurvival } : undefined,
    scoring: g.scoring,
    dropped: { missing_survival: missingSurvival, missing_group: missingGroup },
  };
}

export async function loadSurvivalInput(opts: SurvivalInputOptions): Promise<LoadedCohort> {
  const clinical = loadClinicalData(opts);
  const cancerOf = opts.cancer ? textColumn(clinical.table, opts.cancer.column, 'the cancer type (--cancer-col)') : undefined;
  const chosen = opts.cancer?.value;
  // --cancer: only that cancer's rows exist for the analysis (and for scoring, as in pancan).
  const inCohort = chosen === undefined ? () => true : (r: number) => cancerOf![r] === chosen;
  const loaded = await loadGrouping(clinical, opts, inCohort, chosen === undefined ? undefined : { column: opts.cancer!.column, value: chosen, values: cancerOf! });
  if (!cancerOf) return loaded;
  const rowOf = new Map(clinical.table.ids.map((id, r) => [id, r]));
  const cancers = pickItems(cancerOf, Int32Array.from(loaded.ids, (id) => rowOf.get(id)!));
  return { ...loaded, cancers, warnings: chosen === undefined ? mixedCancerWarning(cancers, opts) : [] };
}

async function loadGrouping(
  clinical: ClinicalData, opts: SurvivalInputOptions, inCohort: (r: number) => boolean,
  cancer?: { column: string; value: string; values: (string | null)[] },
): Promise<LoadedCohort> {
  const { table } = clinical;
  const g = opts.grouping;
  if (cancer && !cancer.values.includes(cancer.value)) throw unknownCancer(cancer.value, cancer.values, `no row of the clinical table has "${cancer.value}" in column "${cancer.column}"`);
  if (g.kind === 'group') {
    const categories = textColumn(table, g.column, 'the grouping (--group)');
    assertGroupLevels(categories.filter((_, r) => inCohort(r)), g.column);
    return assembleCohort(clinical, { categories, inputPaths: [], excluded: (r) => !inCohort(r) });
  }
  if (g.kind === 'value') {
    return assembleCohort(clinical, { values: numericColumn(table, g.column, 'value (--value)'), valueName: g.column, inputPaths: [], excluded: (r) => !inCohort(r) });
  }
  if (g.kind === 'expr') {
    const expr = await prepareExpression(g.request, table.ids, opts.sampleTypes, g.set);
    if (cancer && !cancer.values.some((c, r) => c === cancer.value && expr.joined.sampleForClinical[r] >= 0)) {
      throw unknownCancer(cancer.value, cancer.values.map((c, r) => (expr.joined.sampleForClinical[r] >= 0 ? c : null)),
        `no sample of ${g.request.expr} matches a patient with "${cancer.value}" in column "${cancer.column}"`);
    }
    const cohortRows = matchedRowsWithSurvival(clinical, expr.joined, inCohort);
    return assembleCohort(clinical, await scoreClinicalRows(expr, cohortRows, (r) => !inCohort(r) || expr.joined.sampleForClinical[r] < 0));
  }
  return assembleCohort(clinical, scoreRows(prepareScores(g.file, g.column, table, opts.sampleTypes), inCohort));
}

/** A score table (from `score`) read once and joined to the clinical rows. */
export interface PreparedScores {
  file: string;
  column: string;
  joined: JoinResult;
  /** The score of each clinical row (NaN without a matched sample). */
  values: Float64Array;
  /** The score table's sample IDs (`joined.sampleForClinical` indexes them). */
  sampleIds: string[];
}

export function prepareScores(file: string, column: string | undefined, table: ClinicalTable, sampleTypes: string[] | undefined): PreparedScores {
  const scores = loadScoreColumn(file, column);
  const joined = joinSamplesToClinical(scores.sampleIds, table.ids, sampleTypes);
  if (joined.report.matched === 0) throw noMatch(file, scores.sampleIds, table);
  const values = new Float64Array(table.rows.length).fill(NaN);
  for (let r = 0; r < values.length; r++) if (joined.sampleForClinical[r] >= 0) values[r] = scores.values[joined.sampleForClinical[r]];
  return { file, column: scores.column, joined, values, sampleIds: scores.sampleIds };
}

/** The grouping of the rows with a matched score among those `inCohort` accepts (scores as given, not recomputed). */
export function scoreRows(scores: PreparedScores, inCohort: (r: number) => boolean = () => true): RowGrouping {
  const { joined } = scores;
  return {
    values: scores.values, valueName: scores.column, join: joined.report, inputPaths: [scores.file],
    excluded: (r) => joined.sampleForClinical[r] < 0 || !inCohort(r),
  };
}

function unknownCancer(value: string, values: (string | null)[], what: string): MigrascoreError {
  const counts = cancerCounts(values);
  return new MigrascoreError(
    `--cancer ${value}: ${what}. ` +
      `Cancer types present: ${counts.map(([c, n]) => `${c} (${n})`).join(', ') || 'none'}. Choose one of them (names are case-sensitive).`, 2);
}

/** Cancer types with their counts, most frequent first, then by name. */
function cancerCounts(values: (string | null)[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of values) if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** One cut (or one grouping) across several cancer types mixes cancer with score: say so. */
function mixedCancerWarning(cancers: (string | null)[], opts: SurvivalInputOptions): string[] {
  const counts = cancerCounts(cancers);
  if (counts.length < 2) return [];
  const what = opts.grouping.kind === 'group'
    ? `the groups of "${opts.grouping.column}" are compared across cancer types`
    : 'one cut is applied across cancer types';
  return [
    `The analysed patients belong to ${counts.length} cancer types (${counts.map(([c, n]) => `${c} ${n}`).join(', ')}; column "${opts.cancer!.column}"): ` +
      `${what}, so groups and hazard ratios partly reflect cancer type (scores and survival differ between cancers). ` +
      `Analyse one with --cancer C, or each with \`migrascore pancan\`.`,
  ];
}

function noMatch(file: string, sampleIds: string[], table: ClinicalTable): MigrascoreError {
  return new MigrascoreError(
    `No sample of ${file} matches an ID of ${table.path} (column "${table.idColumn}"). ` +
      `First sample IDs: ${sampleIds.slice(0, 3).join(', ')}; first clinical IDs: ${table.ids.slice(0, 3).join(', ')}. ` +
      'Choose the clinical ID column with --id; TCGA barcodes match at patient level.',
  );
}

/** An expression matrix read once, put on its method's scale, and joined to the clinical rows. */
export interface PreparedExpression {
  request: ScoreRequest;
  scoring: LoadedForScoring;
  joined: JoinResult;
  setIndex: number;
  inputPaths: string[];
  /** Memory reused by the per-cohort copies (pancan scores one cancer after another). */
  scratch: SampleScratch;
}

export async function prepareExpression(request: ScoreRequest, clinicalIds: string[], sampleTypes: string[] | undefined, set?: string): Promise<PreparedExpression> {
  const scoring = await loadForScoring(request);
  const setIndex = set === undefined ? 0 : scoring.sets.findIndex((s) => s.name === set);
  if (setIndex < 0) {
    throw new MigrascoreError(`--score "${set}" is not one of the scored gene sets (${scoring.sets.map((s) => s.name).join(', ')}).`, 2);
  }
  // The scale is a property of the data source: decide it once, on the matrix as read,
  // so a cancer scored alone and within a pan-cancer run are scored alike.
  scoring.matrix = onMethodScale(scoring.matrix, request, scoring.report) as typeof scoring.matrix;
  const joined = joinSamplesToClinical(scoring.matrix.samples, clinicalIds, sampleTypes);
  if (joined.report.matched === 0) {
    throw new MigrascoreError(
      `No sample of ${request.expr} matches a clinical ID. First sample IDs: ${scoring.matrix.samples.slice(0, 3).join(', ')}; ` +
        `first clinical IDs: ${clinicalIds.slice(0, 3).join(', ')}. Choose the clinical ID column with --id; TCGA barcodes match at patient level.`,
    );
  }
  return { request, scoring, joined, setIndex, inputPaths: [request.expr, ...request.genesets.filter((s) => existsSync(s))], scratch: new SampleScratch() };
}

/** Clinical rows with a matched sample and a time and an event: the contract's analysis cohort. */
export function matchedRowsWithSurvival(clinical: ClinicalData, joined: JoinResult, extra: (r: number) => boolean = () => true): number[] {
  const rows: number[] = [];
  for (let r = 0; r < clinical.time.length; r++) {
    if (joined.sampleForClinical[r] >= 0 && !Number.isNaN(clinical.time[r]) && clinical.event[r] >= 0 && extra(r)) rows.push(r);
  }
  return rows;
}

/** Scores exactly the samples of `cohortRows` (contract) and returns the grouping for those rows. */
export async function scoreClinicalRows(
  expr: PreparedExpression, cohortRows: number[],
  excluded: (r: number) => boolean = (r) => expr.joined.sampleForClinical[r] < 0,
): Promise<RowGrouping> {
  const { scoring, joined, setIndex } = expr;
  const nClinical = joined.sampleForClinical.length;
  const cohort = selectSamples(scoring.matrix, cohortRows.map((r) => joined.sampleForClinical[r]), expr.scratch);
  const check = newScoringCheck();
  const scores = await scoreLoaded(cohort, scoring.sets, expr.request, check);
  const lost = check.excluded.find((e) => e.set === scoring.sets[setIndex].name);
  if (lost) {
    throw new MigrascoreError(`Gene set "${lost.set}" cannot be scored on the ${cohortRows.length} samples of the analysis cohort: ${lost.reason}.`);
  }
  const values = new Float64Array(nClinical).fill(NaN);
  cohortRows.forEach((r, j) => { values[r] = scores[setIndex][j]; });
  return {
    values,
    valueName: scoring.sets[setIndex].name,
    join: joined.report,
    scoring: {
      ...scoring.report, scored_samples: cohortRows.length,
      messages: [...scoring.report.messages, ...check.messages],
      ...(check.constant_genes.length ? { constant_genes: check.constant_genes } : {}),
    } as ScoreRunReport,
    inputPaths: expr.inputPaths,
    excluded,
  };
}
