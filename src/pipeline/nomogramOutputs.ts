// The files of `model nomogram`: nomogram.json (the cph fit, the nomogram, the
// calibration), nomogram.tsv (every axis: value → points), predictions.tsv (per patient),
// calibration.tsv, and the two figures.
import { toJson, toTsv, type OutputFile } from '../io/output.js';
import { formatTimeValue } from '../format/numbers.js';
import { pointsToLp } from '../model/nomogram.js';
import { survivalAt } from '../model/cph.js';
import { calibrationFigure } from '../plots/calibrationFigure.js';
import { nomogramFigure } from '../plots/nomogramFigure.js';
import { convertTime, type TimeUnit } from '../plots/timeUnits.js';
import { figureFiles, renderFigure, type FigureFormats } from './figureFiles.js';
import type { NomogramRun, NomogramRunOptions } from './nomogram.js';
import { columnDisplays, labelMap } from '../tcga/columnLabels.js';

const SINGULAR: Record<TimeUnit, string> = { days: 'day', weeks: 'week', months: 'month', years: 'year' };

/**
 * "1-year survival" for 365 days shown in years: a time converted to the display unit,
 * rounded to a whole number when within 1% of one (365 days is 0.9993 years).
 */
export function survivalLabel(t: number, timeIn: TimeUnit, timeUnit: TimeUnit): string {
  return `${formatTimeValue(shownTime(t, timeIn, timeUnit))}-${SINGULAR[timeUnit]} survival`;
}

function shownTime(t: number, timeIn: TimeUnit, timeUnit: TimeUnit): number {
  const v = convertTime(t, timeIn, timeUnit);
  return timeIn !== timeUnit && Math.abs(v - Math.round(v)) <= 0.01 * Math.max(1, Math.abs(v)) ? Math.round(v) : v;
}

/** "1 and 3 years", "365 days". */
export function timesText(times: number[], timeIn: TimeUnit, timeUnit: TimeUnit): string {
  const v = times.map((t) => formatTimeValue(shownTime(t, timeIn, timeUnit)));
  const list = v.length === 1 ? v[0] : `${v.slice(0, -1).join(', ')} and ${v[v.length - 1]}`;
  return `${list} ${v.length === 1 && v[0] === '1' ? SINGULAR[timeUnit] : timeUnit}`;
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

export async function nomogramFiles(run: NomogramRun, opts: NomogramRunOptions, formats: FigureFormats & { command?: string }): Promise<OutputFile[]> {
  const { fit, nomogram: nom, calibration: cal } = run;
  const labels = opts.times.map((t) => survivalLabel(t, opts.timeIn, opts.timeUnit));
  const calLabel = survivalLabel(cal.time, opts.timeIn, opts.timeUnit);
  const atTotal = (t: number) => nom.totalPoints.map((p) => ({ points: p, linear_predictor: pointsToLp(nom, p), survival: num(survivalAt(fit.baseline, t, pointsToLp(nom, p))) }));
  const json = {
    command: formats.command,
    r_equivalent: 'rms 6.5: dd <- datadist(d); options(datadist = "dd"); fit <- cph(Surv(time, event) ~ predictors, data = d, surv = TRUE, x = TRUE, y = TRUE, time.inc = u); ' +
      'surv <- Survival(fit); nomogram(fit, fun = list(function(x) surv(t1, x), ...), lp = TRUE); calibrate(fit, cmethod = "KM", u = u, m = n / groups) (apparent columns)',
    n: fit.cox.n,
    events: fit.cox.events,
    incomplete_cases_dropped: run.incomplete,
    predictors: run.predictors,
    time_unit: { input: opts.timeIn, display: opts.timeUnit },
    times: opts.times,
    cph: {
      ties: fit.cox.ties,
      terms: fit.cox.terms.map((t) => ({ term: t.term, coef: t.coef, se: t.se, hr: t.hr, hr_lower: t.hr_lower, hr_upper: t.hr_upper, z: t.z, p: t.p })),
      conf_level: opts.confLevel,
      loglik: fit.cox.loglik, lrt: fit.cox.lrt, wald: fit.cox.wald, score: fit.cox.score,
      means: Array.from(fit.means), center: fit.center,
      converged: fit.cox.converged,
    },
    baseline: Array.from(fit.baseline.time, (time, i) => ({ time, surv: fit.baseline.surv[i] })),
    nomogram: {
      maxscale: 100,
      points_per_unit_lp: nom.scale,
      lp_at_zero_points: nom.intercept,
      predictors: nom.predictors.map((p) => ({ name: p.name, kind: p.kind, values: p.ticks.map((t, i) => ({ value: t.value, xbeta: p.xbeta[i], points: t.points })) })),
      total_points: nom.totalPoints,
      linear_predictor: nom.linearPredictor.map((t) => ({ value: t.value, points: t.points })),
      survival: nom.survival.map((s, k) => ({
        time: s.time, label: labels[k], baseline: s.baseline,
        axis: s.ticks.map((t) => ({ survival: t.value, points: t.points })),
        at_total_points: atTotal(s.time),
      })),
    },
    calibration: {
      time: cal.time, label: calLabel, groups: opts.groups, conf_level: cal.confLevel, cuts: cal.cuts,
      rows: cal.groups.map((g) => ({ ...g, predicted: num(g.predicted), observed: num(g.observed), std_err: num(g.std_err), lower: num(g.lower), upper: num(g.upper) })),
    },
    ...(run.cohort.join ? { join: run.cohort.join } : {}),
    warnings: run.warnings,
  };

  const axisRows: (string | number | null)[][] = [];
  for (const p of nom.predictors) for (const t of p.ticks) axisRows.push([p.name, t.value, t.points]);
  for (const p of nom.totalPoints) axisRows.push(['Total Points', p, p]);
  for (const t of nom.linearPredictor) axisRows.push(['Linear Predictor', t.value, t.points]);
  nom.survival.forEach((s, k) => { for (const t of s.ticks) axisRows.push([labels[k], t.value, t.points]); });

  const timeCols = opts.times.map((t) => `surv_${t}`);
  const predictions = toTsv(['sample', 'linear_predictor', 'total_points', ...timeCols],
    run.patients.map((p) => [p.sample, p.linearPredictor, p.totalPoints, ...p.survival]));
  const calibration = toTsv(['time', 'group', 'lower_cut', 'upper_cut', 'n', 'events', 'predicted', 'observed', 'std_err', 'lower', 'upper'],
    cal.groups.map((g) => [cal.time, g.group, g.lower_cut, g.upper_cut, g.n, g.events, g.predicted, g.observed, g.std_err, g.lower, g.upper]));

  const who = `${fit.cox.n} patients, ${fit.cox.events} events`;
  // Built-in table columns get their documented label (age_at_initial_pathologic_diagnosis → Age at diagnosis).
  const predictorLabels = labelMap(columnDisplays(opts.clinical, nom.predictors.map((p) => p.name)));
  const nomFig = await renderFigure('nomogram', 'Nomogram',
    nomogramFigure({ nomogram: nom, predictorLabels, survivalLabels: labels.map((l) => `${l} probability`), title: `Nomogram: predicted survival probability at ${timesText(opts.times, opts.timeIn, opts.timeUnit)}`, subtitle: `Cox model (rms cph) of ${run.predictors.join(' + ')}; ${who}` }));
  const calFig = await renderFigure('calibration', 'Calibration',
    calibrationFigure({ calibration: cal, timeLabel: calLabel, title: `Calibration at ${timesText([cal.time], opts.timeIn, opts.timeUnit)}`, subtitle: `Predicted vs Kaplan–Meier observed survival in ${cal.groups.length} groups of predicted ${calLabel}; ${who}; apparent (same patients as the fit, no bootstrap correction)` }));
  return [
    { name: 'nomogram.json', content: toJson(json) },
    { name: 'nomogram.tsv', content: toTsv(['axis', 'value', 'points'], axisRows) },
    { name: 'predictions.tsv', content: predictions },
    { name: 'calibration.tsv', content: calibration },
    ...figureFiles('', nomFig, formats),
    ...figureFiles('', calFig, formats),
  ];
}
