// --roc-times in a survival run (and each cancer of pancan): the time-dependent ROC of the
// continuous value on every analysed row that has one (./survivalInput.ts already drops
// missing values), its summary.json entries, roc.tsv, and the ROC and AUC(t) figures.
import { MigrascoreError } from '../errors.js';
import { formatAuc, formatConfLevel, formatTimeValue } from '../format/numbers.js';
import { toTsv, type OutputFile } from '../io/output.js';
import { aucTimeFigure, rocFigure } from '../plots/rocFigure.js';
import { convertTime, formatDuration, type TimeUnit } from '../plots/timeUnits.js';
import { timeDependentRoc, type TimeRoc, type TimeRocAt } from '../survival/timeRoc.js';
import { renderFigure, type RenderedFigure } from './figureFiles.js';
import { endpointText, type KmSubject } from './figureLabels.js';
import type { LoadedCohort } from './survivalInput.js';
import type { SurvivalOptions } from './survivalTypes.js';

/** The ROC of one run, with the unit its times are in. */
export interface RunTimeRoc extends TimeRoc {
  valueName: string;
  timeIn: TimeUnit;
}

/** AUC(t) at opts.rocTimes of the loaded cohort's value, or undefined without --roc-times. */
export function runTimeRoc(loaded: LoadedCohort, opts: SurvivalOptions, context: string): RunTimeRoc | undefined {
  if (!opts.rocTimes?.length) return undefined;
  if (!loaded.values) {
    throw new MigrascoreError(`${context}: --roc-times needs a continuous value (--value, --scores or --expr); --group has categories only.`, 2);
  }
  const roc = timeDependentRoc(loaded.time, loaded.event, loaded.values, opts.rocTimes, { confLevel: opts.confLevel });
  return { ...roc, valueName: loaded.valueName ?? 'value', timeIn: opts.timeIn ?? 'days' };
}

/** Why a time has no AUC, in words with the unit. */
export function rocGapNote(a: TimeRocAt, roc: RunTimeRoc, display: TimeUnit = roc.timeIn): string | null {
  const at = (t: number) => formatDuration(t, roc.timeIn, display);
  if (a.gap === 'no_cases') {
    return roc.firstEvent === null
      ? 'no cases: no patient has an event'
      : `no cases: no event at or before ${at(a.time)} (the first event is at ${at(roc.firstEvent)})`;
  }
  if (a.gap === 'no_controls') {
    return `no controls: ${at(a.time)} is at or beyond the end of follow-up (last observed time ${at(roc.lastTime)}), no patient is followed past it`;
  }
  return null;
}

/** The reason in a few words, for a figure note: "no controls: last follow-up 4556 days". */
function rocGapShort(a: TimeRocAt, roc: RunTimeRoc): string {
  if (a.gap === 'no_cases') return roc.firstEvent === null ? 'no cases: no events' : `no cases: first event at ${formatDuration(roc.firstEvent, roc.timeIn)}`;
  return `no controls: last follow-up ${formatDuration(roc.lastTime, roc.timeIn)}`;
}

/** summary.json `time_roc`: the contract's fields, and `note` when the AUC is null. */
export function timeRocEntries(roc: RunTimeRoc): Record<string, unknown>[] {
  return roc.at.map((a) => {
    const note = rocGapNote(a, roc);
    return { time: a.time, auc: a.auc, se: a.se, lower: a.lower, upper: a.upper, cases: a.cases, controls: a.controls, ...(note ? { note } : {}) };
  });
}

/** summary.json `time_roc_method`: what was computed, on how many rows. */
export function timeRocMethod(roc: RunTimeRoc): Record<string, unknown> {
  return {
    value: roc.valueName,
    n: roc.n,
    direction: 'higher value = higher risk (never flipped)',
    cases: 'event at or before t (T <= t)',
    controls: 'event-free beyond t (T > t)',
    weights: 'inverse probability of censoring, Kaplan-Meier of the censoring times as prodlim(reverse = TRUE)',
    se: 'iid representation (influence function) as riskRegression::Score',
    conf_level: roc.confLevel,
    r_equivalent: 'riskRegression::Score(list(value), Hist(time, event) ~ 1, data, times, metrics = "auc", cens.model = "km", se.fit = TRUE)',
  };
}

/** roc.tsv: time, threshold, tpr, fpr for every time with an AUC. */
export function rocTable(roc: RunTimeRoc): string {
  const rows: (number | null)[][] = [];
  for (const a of roc.at) a.roc.threshold.forEach((c, i) => rows.push([a.time, c, a.roc.tpr[i], a.roc.fpr[i]]));
  return toTsv(['time', 'threshold', 'tpr', 'fpr'], rows);
}

/** One line per time for stderr: "AUC at 365 days: 0.856 (95% CI 0.787–0.925), 22 cases, 290 controls". */
export function timeRocLines(roc: RunTimeRoc, display: TimeUnit = roc.timeIn): string[] {
  // The time as given (--time-in), then in the --time-unit: "365 days (1.0 years)", a
  // conversion within 1% of a whole number shown as that number (365 days is 0.9993 years).
  const shown = (t: number) => {
    if (display === roc.timeIn) return formatDuration(t, roc.timeIn);
    const v = convertTime(t, roc.timeIn, display);
    const whole = Math.round(v);
    const text = whole > 0 && Math.abs(v - whole) <= 0.01 * whole ? whole.toFixed(1) : formatTimeValue(v);
    return `${formatDuration(t, roc.timeIn)} (${text} ${display})`;
  };
  return roc.at.map((a) => {
    const head = `time-dependent AUC of ${roc.valueName} at ${shown(a.time)}`;
    return a.auc === null
      ? `${head}: NA (${rocGapNote(a, roc, display)})`
      : `${head}: ${formatAuc(a.auc)} (${formatConfLevel(roc.confLevel)} CI ${formatAuc(a.lower)}\u2013${formatAuc(a.upper)}), ${a.cases} cases, ${a.controls} controls`;
  });
}

/** roc.tsv and the figures: ROC curves (a time with an AUC), AUC(t) (two or more). */
export async function rocOutputs(roc: RunTimeRoc, opts: SurvivalOptions, subject: KmSubject, valueText: string): Promise<{ tables: OutputFile[]; figures: RenderedFigure[] }> {
  const tables = [{ name: 'roc.tsv', content: rocTable(roc) }];
  const figures: RenderedFigure[] = [];
  const defined = roc.at.filter((a) => a.auc !== null);
  const gaps = roc.at.filter((a) => a.auc === null).map((a) => `${formatDuration(a.time, roc.timeIn)} (${rocGapShort(a, roc)})`);
  const note = gaps.length ? `No AUC at ${gaps.join(', ')}.` : undefined;
  const where = `${subject.cancer ? `${subject.cancer} \u00b7 ` : ''}${endpointText(subject.endpoint, subject.time, subject.event)}`;
  const subtitle = `Cases: event by t; controls: event-free beyond t; censoring-weighted (IPCW); n = ${roc.n}`;
  const common = { inputUnit: roc.timeIn, timeUnit: opts.timeUnit, confLevel: roc.confLevel, note };
  if (defined.length > 0) {
    figures.push(await renderFigure('roc', 'Time-dependent ROC', rocFigure({
      ...common,
      curves: defined.map((a) => ({ time: a.time, auc: a.auc!, lower: a.lower!, upper: a.upper!, fpr: a.roc.fpr, tpr: a.roc.tpr })),
      palette: opts.figures?.palette,
      title: `${where}: time-dependent ROC of ${valueText}`,
      subtitle,
    }), `Cumulative/dynamic ROC at each time (riskRegression::Score, cens.model = "km"); AUC with ${formatConfLevel(roc.confLevel)} CI from the iid standard error; dashed: chance.`));
  }
  if (defined.length >= 2) {
    figures.push(await renderFigure('auc', 'Time-dependent AUC', aucTimeFigure({
      ...common,
      points: defined.map((a) => ({ time: a.time, auc: a.auc!, lower: a.lower!, upper: a.upper!, cases: a.cases, controls: a.controls })),
      title: `${where}: AUC(t) of ${valueText}, time in ${opts.timeUnit}`,
      subtitle,
    }), `AUC(t) at the --roc-times with a pointwise ${formatConfLevel(roc.confLevel)} band (AUC \u00b1 z\u00b7se, not clipped); dashed: chance (0.5).`));
  }
  return { tables, figures };
}
