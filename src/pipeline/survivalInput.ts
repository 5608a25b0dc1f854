// Loads a clinical table and a grouping source and builds the analysis cohort, as the
// contract's "Analysis cohort" section says: matched rows with time and event, then
// rows with a grouping value; covariate gaps are left for each Cox model to drop.
import { MigrascoreError } from '../errors.js';
import { eventColumn, loadClinicalTable, numericColumn, textColumn, timeColumn } from '../io/clinical.js';
import { requireColumn } from '../io/delimited.js';
import { loadScoreColumn } from '../io/scores.js';
import { existsSync } from 'node:fs';
import { joinSamplesToClinical, type JoinReport } from '../tcga/join.js';
import { selectSamples } from '../score/subset.js';
import { loadForScoring, onMethodScale, scoreLoaded, type ScoreRequest, type ScoreRunReport } from './scoreMatrix.js';
import { covariateTerm, type DesignTerm } from '../survival/design.js';
import { pickItems, pickNumbers, pickTerms } from './rows.js';

export type GroupingSource =
  | { kind: 'group'; column: string }
  | { kind: 'value'; column: string }
  | { kind: 'scores'; file: string; column?: string }
  /** Score the matrix on the matched cohort in this run; `set` picks the score column (default: the first set). */
  | { kind: 'expr'; request: ScoreRequest; set?: string };

export interface SurvivalInputOptions {
  clinical: string;
  id?: string;
  time: string;
  event: string;
  grouping: GroupingSource;
  covariates: string[];
  sampleTypes?: string[];
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
  /** Numeric grouping value (for --value/--scores) or null. */
  values: Float64Array | null;
  valueName: string | null;
  covariates: DesignTerm[];
  join?: JoinReport & { missing_survival: number };
  /** Gene matching, scale and method of a score computed in this run (--expr). */
  scoring?: ScoreRunReport;
  dropped: { missing_survival: number; missing_group: number };
}

export async function loadSurvivalInput(opts: SurvivalInputOptions): Promise<LoadedCohort> {
  const table = loadClinicalTable(opts.clinical, opts.id);
  // Validate every named column up front so one run reports a wrong name at once.
  requireColumn(table, opts.time, 'the survival time (--time)');
  requireColumn(table, opts.event, 'the event indicator (--event)');
  const time = timeColumn(table, opts.time);
  const event = eventColumn(table, opts.event);
  const covariates = opts.covariates.map((c) => covariateTerm(c, textColumn(table, c, 'a covariate (--covariates)')));

  let rowForSample: Int32Array | null = null; // clinical row → score index
  let categories: (string | null)[] | null = null;
  let values: Float64Array | null = null;
  let valueName: string | null = null;
  let join: JoinReport | undefined;
  let scoring: ScoreRunReport | undefined;
  const inputPaths = [opts.clinical];
  const g = opts.grouping;
  if (g.kind === 'group') {
    categories = textColumn(table, g.column, 'the grouping (--group)');
  } else if (g.kind === 'value') {
    values = numericColumn(table, g.column, 'value (--value)');
    valueName = g.column;
  } else if (g.kind === 'expr') {
    const scored = await scoreCohort(table.ids, time, event, g, opts.sampleTypes);
    join = scored.join;
    rowForSample = scored.rowForSample;
    values = scored.values;
    valueName = scored.valueName;
    scoring = scored.report;
    inputPaths.push(g.request.expr, ...g.request.genesets.filter((s) => existsSync(s)));
  } else {
    const scores = loadScoreColumn(g.file, g.column);
    inputPaths.push(g.file);
    const joined = joinSamplesToClinical(scores.sampleIds, table.ids, opts.sampleTypes);
    join = joined.report;
    if (joined.report.matched === 0) {
      throw new MigrascoreError(
        `No sample of ${g.file} matches an ID of ${opts.clinical} (column "${table.idColumn}"). ` +
          `First score IDs: ${scores.sampleIds.slice(0, 3).join(', ')}; first clinical IDs: ${table.ids.slice(0, 3).join(', ')}. ` +
          'Choose the clinical ID column with --id; TCGA barcodes match at patient level.',
      );
    }
    rowForSample = joined.sampleForClinical;
    values = new Float64Array(table.rows.length).fill(NaN);
    for (let r = 0; r < values.length; r++) if (rowForSample[r] >= 0) values[r] = scores.values[rowForSample[r]];
    valueName = scores.column;
  }

  const keep: number[] = [];
  let missingSurvival = 0;
  let missingGroup = 0;
  for (let r = 0; r < table.rows.length; r++) {
    if (rowForSample && rowForSample[r] < 0) continue;
    if (Number.isNaN(time[r]) || event[r] < 0) { missingSurvival++; continue; }
    const noGroup = categories ? categories[r] === null : Number.isNaN(values![r]);
    if (noGroup) { missingGroup++; continue; }
    keep.push(r);
  }
  const rows = Int32Array.from(keep);
  return {
    clinicalPath: opts.clinical,
    inputPaths,
    ids: pickItems(table.ids, rows),
    time: pickNumbers(time, rows),
    event: Uint8Array.from(pickNumbers(event, rows)),
    categories: categories ? pickItems(categories, rows) : null,
    values: values ? pickNumbers(values, rows) : null,
    valueName,
    covariates: pickTerms(covariates, rows),
    join: join ? { ...join, missing_survival: missingSurvival } : undefined,
    scoring,
    dropped: { missing_survival: missingSurvival, missing_group: missingGroup },
  };
}

/**
 * --expr: reads and scores the matrix on exactly the analysis cohort — samples matched
 * to clinical rows that have a time and an event (contract) — and returns one value per
 * clinical row (NaN where no sample matched).
 */
async function scoreCohort(
  clinicalIds: string[], time: Float64Array, event: Int8Array,
  g: Extract<GroupingSource, { kind: 'expr' }>, sampleTypes?: string[],
) {
  const loaded = await loadForScoring(g.request);
  const joined = joinSamplesToClinical(loaded.matrix.samples, clinicalIds, sampleTypes);
  if (joined.report.matched === 0) {
    throw new MigrascoreError(
      `No sample of ${g.request.expr} matches a clinical ID. First sample IDs: ${loaded.matrix.samples.slice(0, 3).join(', ')}; ` +
        `first clinical IDs: ${clinicalIds.slice(0, 3).join(', ')}. Choose the clinical ID column with --id; TCGA barcodes match at patient level.`,
    );
  }
  const cohortRows: number[] = [];
  for (let r = 0; r < clinicalIds.length; r++) {
    if (joined.sampleForClinical[r] >= 0 && !Number.isNaN(time[r]) && event[r] >= 0) cohortRows.push(r);
  }
  const setIndex = g.set === undefined ? 0 : loaded.sets.findIndex((s) => s.name === g.set);
  if (setIndex < 0) {
    throw new MigrascoreError(`--score "${g.set}" is not one of the scored gene sets (${loaded.sets.map((s) => s.name).join(', ')}).`, 2);
  }
  const cohort = selectSamples(loaded.matrix, cohortRows.map((r) => joined.sampleForClinical[r]));
  const onScale = onMethodScale(cohort, g.request, loaded.report);
  const scores = await scoreLoaded(onScale, loaded.sets, g.request);
  const values = new Float64Array(clinicalIds.length).fill(NaN);
  cohortRows.forEach((r, j) => { values[r] = scores[setIndex][j]; });
  return {
    join: joined.report,
    rowForSample: joined.sampleForClinical,
    values,
    valueName: loaded.sets[setIndex].name,
    report: { ...loaded.report, scored_samples: cohortRows.length } as ScoreRunReport,
  };
}
