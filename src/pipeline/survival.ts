// `migrascore survival`: load → cohort → split → analyse → output files.
import { MigrascoreError } from '../errors.js';
import { parseNumberCell } from '../io/values.js';
import { sortLevels } from '../survival/design.js';
import { cutpointFeasible, maximallySelectedLogRank } from '../survival/cutpoint.js';
import { ruleCutpoints, splitAtCutpoints, splitExtremes, type ValueSplit } from '../survival/stratify.js';
import { analyseCohort, type CohortAnalysis } from './analyseCohort.js';
import { describeGrouping } from './groupingText.js';
import { loadSurvivalInput, type LoadedCohort } from './survivalInput.js';
import type { CutpointSummary, SurvivalOptions } from './survivalTypes.js';
import { survivalOutputs } from './survivalOutputs.js';
import type { OutputFile } from '../io/output.js';
import { figureFiles, type FigureFormats, type RenderedFigure } from './figureFiles.js';
import { pickNumbers, pickTerms, rowsWhere } from './rows.js';
import { requireCompleteCases } from './covariateCheck.js';
import { timeUnitWarnings } from './timeUnitCheck.js';
import { runTimeRoc, type RunTimeRoc } from './rocOutputs.js';

export type { CutpointSummary, SurvivalOptions } from './survivalTypes.js';

export interface SurvivalRun {
  loaded: LoadedCohort;
  /** Group label per analysed row of `loaded` (null when the split left the row out). */
  labels: (string | null)[];
  analysis: CohortAnalysis;
  cutpoint?: CutpointSummary;
  /** --roc-times: AUC(t) of the continuous value on every row of `loaded`. */
  timeRoc?: RunTimeRoc;
  /** km.tsv, groups.tsv, summary.json (and cutpoint.tsv, roc.tsv). */
  tables: OutputFile[];
  /** km (and cutpoint): written with figureFiles, inlined in the report. */
  figures: RenderedFigure[];
  /** The times contradict --time-in (also in summary.json warnings). */
  timeWarnings: string[];
}

/** Every file of a survival run, in folder `dir` ('' or ending in '/'). */
export function survivalRunFiles(run: SurvivalRun, dir: string, formats: FigureFormats): OutputFile[] {
  return [
    ...run.tables.map((f) => ({ name: dir + f.name, content: f.content })),
    ...run.figures.flatMap((f) => figureFiles(dir, f, formats)),
  ];
}

export async function runSurvival(opts: SurvivalOptions): Promise<SurvivalRun> {
  return analyseLoaded(await loadSurvivalInput(opts), opts, opts.clinical);
}

/** Splits a loaded cohort, analyses it and builds the output files (`survival`, and each cancer of `pancan`). */
export async function analyseLoaded(loaded: LoadedCohort, opts: SurvivalOptions, context: string): Promise<SurvivalRun> {
  if (loaded.time.length === 0) {
    throw new MigrascoreError(
      `${context}: no row has a time, an event and a grouping value ` +
        `(${loaded.dropped.missing_survival} lacked time or event, ${loaded.dropped.missing_group} the grouping value). Check the column names and missing-value codes.`,
    );
  }
  let groupOf: Int32Array;
  let levels: string[];
  let cutpoint: CutpointSummary | undefined;
  let cuts: number[] | undefined;
  if (loaded.categories) {
    levels = groupLevels(loaded.categories);
    const index = new Map(levels.map((l, i) => [l, i]));
    groupOf = Int32Array.from(loaded.categories, (c) => index.get(c!)!);
  } else {
    const split = splitValue(loaded, opts, context);
    groupOf = split.split.group;
    levels = split.split.levels;
    cutpoint = split.cutpoint;
    cuts = split.split.cutpoints;
  }

  const rows = rowsWhere(groupOf.length, (i) => groupOf[i] >= 0);
  requireCompleteCases(pickTerms(loaded.covariates, rows), pickNumbers(loaded.event, rows), context);
  const analysis = analyseCohort(
    {
      time: pickNumbers(loaded.time, rows),
      event: Uint8Array.from(pickNumbers(loaded.event, rows)),
      group: Int32Array.from(rows, (r) => groupOf[r]),
      levels,
      value: loaded.values && loaded.valueName ? { name: loaded.valueName, values: pickNumbers(loaded.values, rows) } : undefined,
      covariates: pickTerms(loaded.covariates, rows),
      grouping: describeGrouping(opts.grouping, loaded, cuts && { rule: opts.splitText, cutpoints: cuts }),
    },
    opts,
    context,
  );
  const labels = Array.from(groupOf, (g) => (g >= 0 ? levels[g] : null));
  const timeWarnings = timeUnitWarnings({ column: opts.time, times: loaded.time, events: loaded.event, unit: opts.timeIn ?? 'days' });
  // Every row with a value, also those a split leaves out (extremes): the ROC is of the value, not of the groups.
  const timeRoc = runTimeRoc(loaded, opts, context);
  const { tables, figures } = await survivalOutputs({ opts, loaded, labels, analysis, cutpoint, timeWarnings, timeRoc });
  return { loaded, labels, analysis, cutpoint, timeRoc, tables, figures, timeWarnings };
}

function splitValue(loaded: LoadedCohort, opts: SurvivalOptions, context: string): { split: ValueSplit; cutpoint: CutpointSummary } {
  const values = loaded.values!;
  const rule = opts.split;
  if (rule.kind === 'optimal') {
    const feasible = cutpointFeasible(values, { minprop: opts.minprop });
    if (!feasible.feasible) {
      throw new MigrascoreError(
        `${context}: --split optimal with --minprop ${opts.minprop}: no cutpoint of "${loaded.valueName}" leaves at least ${opts.minprop * 100}% of the ` +
          `${feasible.n} patients on each side (${feasible.nDistinct} distinct values). Lower --minprop or use --split median.`,
      );
    }
    const m = maximallySelectedLogRank(loaded.time, loaded.event, values, { minprop: opts.minprop });
    return {
      split: splitAtCutpoints(values, [m.cutpoint]),
      cutpoint: { method: 'optimal', value: m.cutpoint, statistic: m.statistic, p_adjusted: m.pAdjusted, p_method: m.pMethod, minprop: opts.minprop, candidates: m.candidates },
    };
  }
  const cuts = ruleCutpoints(values, rule);
  const split = rule.kind === 'extremes' ? splitExtremes(values, cuts[0], cuts[1]) : splitAtCutpoints(values, cuts);
  return {
    split,
    cutpoint: { method: rule.kind, value: cuts.length === 1 ? cuts[0] : cuts, statistic: null, p_adjusted: null, p_method: null, minprop: null },
  };
}

/**
 * Levels of a --group column in R's factor() order: numeric order when every value is a
 * number (R reads such a column as numeric), else ICU root collation of the text.
 */
export function groupLevels(categories: (string | null)[]): string[] {
  const levels = sortLevels(categories);
  const numbers = levels.map((l) => parseNumberCell(l));
  if (numbers.every((x) => x !== undefined && Number.isFinite(x))) {
    return levels.map((l, i) => ({ l, x: numbers[i]! })).sort((a, b) => a.x - b.x).map((e) => e.l);
  }
  return levels;
}
