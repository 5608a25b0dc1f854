// The summaries R reads off a fitted Kaplan–Meier curve: quantiles (the median)
// with their intervals as quantile.survfit and print.survfit's table, the
// restricted mean as survmean (summary(fit, rmean =)), and the curve at chosen
// times as summary(fit, times =). Everything mirrors R 4.2 / survival 3.5.
import type { SurvivalCurve } from './kaplanMeier.js';
import { SURVIVAL_TOLERANCE } from './timefix.js';

/** survfit0's start time: min(0, first time). */
function startTime(curve: SurvivalCurve): number {
  return curve.time.length > 0 ? Math.min(0, curve.time[0]) : 0;
}

// ---------------------------------------------------------------------------
// Quantiles

export interface SurvivalQuantile {
  /** The p-quantile (the median for p = 0.5); null when the curve never reaches it. */
  median: number | null;
  /** Where the lower / upper confidence curves reach it; null when they do not. */
  lower: number | null;
  upper: number | null;
}

export interface SurvivalQuantileOptions {
  /**
   * 'quantile.survfit' (default) follows quantile.survfit; 'survfit.table'
   * follows the median column of print.survfit / summary(fit)$table (survmean's
   * internal minmin). They agree except when a curve ends exactly at 1 - p:
   * quantile.survfit then returns the midpoint of that time and the last
   * observed time, the table returns the time the curve reached 1 - p.
   */
  method?: 'quantile.survfit' | 'survfit.table';
  tolerance?: number;
}

/**
 * Smallest x whose (ordered) value reaches v, as approx(values, index, v,
 * method = "constant", f = 1, rule = 1): NaN outside the range of values.
 */
function approxConstantRight(values: number[], index: number[], v: number): number {
  let lo = 0;
  let hi = values.length; // first position with values[pos] >= v
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo === values.length ? NaN : index[lo];
}

/**
 * R's findq (inside quantile.survfit): x = times with the start time prepended,
 * y = 1 - S with 0 prepended. Duplicated y values are dropped (keeping the
 * first time a level is reached), then x is read where y ± tol crosses p; when
 * the curve sits exactly at p on a flat stretch the two differ and the quantile
 * is their midpoint (the 934.5 of colon), and when it ends there the midpoint
 * with the last time.
 */
function findQuantile(x: number[], y: number[], p: number, tol: number): number | null {
  let maxY = -Infinity;
  for (const v of y) if (!Number.isNaN(v) && v > maxY) maxY = v;
  if (maxY < p) return null;
  const xmax = x[x.length - 1];
  const seen = new Set<number>(); // SameValueZero: NaN matches NaN, as duplicated()
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (seen.has(y[i])) continue;
    seen.add(y[i]);
    xs.push(x[i]);
    ys.push(y[i]);
  }
  if (p === 0) return xs[0];
  // approx() drops NA pairs and orders by the interpolation variable.
  const pts = ys.map((v, i) => ({ v, i })).filter((e) => !Number.isNaN(e.v));
  pts.sort((a, b) => a.v - b.v || a.i - b.i);
  const idx = pts.map((e) => e.i);
  const i1 = approxConstantRight(pts.map((e) => e.v + tol), idx, p);
  const i2 = approxConstantRight(pts.map((e) => e.v - tol), idx, p);
  let q = (xs[i1] + xs[i2]) / 2; // NaN when either index is NA
  const last = ys[ys.length - 1];
  if (!Number.isNaN(last) && Math.abs(p - last) < tol) q = (xs[i1] + xmax) / 2;
  return Number.isNaN(q) ? null : q;
}

/**
 * survmean's minmin (print.survfit / summary(fit)$table median): the first time
 * the curve is below 0.5 + tol, or — when it sits at 0.5 — the midpoint with
 * the next time it drops lower. Curves include the time-0 point (survfit0).
 */
function tableMedian(x: number[], y: number[], tol: number): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (!Number.isNaN(y[i]) && y[i] < 0.5 + tol) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  if (xs.length === 0) return null;
  if (Math.abs(ys[0] - 0.5) < tol) {
    const j = ys.findIndex((v) => v < ys[0]);
    if (j >= 0) return (xs[0] + xs[j]) / 2;
  }
  return xs[0];
}

/**
 * Survival quantile with its confidence interval, as survival's
 * quantile.survfit(fit, probs = p) (the median for p = 0.5): the interval ends
 * are where the lower / upper pointwise confidence curves reach 1 - p
 * (Brookmeyer & Crowley 1982). See SurvivalQuantileOptions for the table variant.
 */
export function survivalQuantile(
  curve: SurvivalCurve,
  p = 0.5,
  options: SurvivalQuantileOptions = {},
): SurvivalQuantile {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const tol = options.tolerance ?? SURVIVAL_TOLERANCE;
  const start = startTime(curve);
  if (options.method === 'survfit.table') {
    if (p !== 0.5) throw new RangeError('the survfit.table method only gives the median (p = 0.5)');
    // survfit0 prepends (start, 1) when the first time is not the start time.
    const prepend = curve.time.length === 0 || curve.time[0] !== start;
    const x = [...(prepend ? [start] : []), ...curve.time];
    const read = (v: Float64Array) => tableMedian(x, [...(prepend ? [1] : []), ...v], tol);
    return { median: read(curve.surv), lower: read(curve.lower), upper: read(curve.upper) };
  }
  // quantile.survfit prepends x$start.time, or 0, with y = 0.
  const x = [0, ...curve.time];
  const read = (v: Float64Array) => findQuantile(x, [0, ...Array.from(v, (s) => 1 - s)], p, tol);
  return { median: read(curve.surv), lower: read(curve.lower), upper: read(curve.upper) };
}

// ---------------------------------------------------------------------------
// Restricted mean and the curve at chosen times

export interface RestrictedMean {
  rmst: number;
  se: number;
}

/**
 * Restricted mean survival time up to tau and its standard error, as
 * summary(fit, rmean = tau)$table `rmean` / `se(rmean)` (survival's survmean):
 * the area under S from the start time to tau (S carried forward past the last
 * time when tau is beyond it), with variance Σ A(t_i)² d_i / (n_i (n_i - d_i)),
 * A(t_i) the area from t_i to tau, terms with n_i = d_i dropped (Klein &
 * Moeschberger §4.5). R refuses tau below the first time; here that simply
 * gives tau (S = 1 throughout) with se 0.
 */
export function restrictedMean(curve: SurvivalCurve, tau: number): RestrictedMean {
  const start = startTime(curve);
  if (!(tau >= start)) throw new RangeError(`tau (${tau}) must be at least the start time ${start}`);
  // Walk the steps up to tau collecting each step's area; the variance needs the
  // area after each event time, so accumulate it backwards.
  const m = curve.time.length;
  const widths: number[] = [];
  const hazTerms: number[] = [];
  let prevTime = start;
  let prevSurv = 1;
  let area = 0;
  for (let i = 0; i < m && curve.time[i] <= tau; i++) {
    const rect = (curve.time[i] - prevTime) * prevSurv;
    area += rect;
    widths.push(rect);
    const nr = curve.nRisk[i];
    const d = curve.nEvent[i];
    hazTerms.push(nr - d === 0 ? 0 : d / (nr * (nr - d)));
    prevTime = curve.time[i];
    prevSurv = curve.surv[i];
  }
  const tail = (tau - prevTime) * prevSurv;
  area += tail;
  let after = tail; // area from the current step's time to tau
  let variance = 0;
  for (let j = hazTerms.length - 1; j >= 0; j--) {
    variance += after * after * hazTerms[j];
    after += widths[j];
  }
  return { rmst: area + start, se: Math.sqrt(variance) };
}

export interface SurvivalAtTime {
  time: number;
  /** Number at risk at the first curve time >= `time` (as summary.survfit). */
  nRisk: number | null;
  surv: number | null;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
}

export interface SurvivalAtOptions {
  /** As summary.survfit's `extend`: report times past the last observation (n.risk 0). */
  extend?: boolean;
}

const naToNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * The curve at chosen times, as summary(fit, times = times): S, its SE and
 * interval from the last curve time <= t (S = 1, SE 0, bounds 1 before the
 * first time, as survfit0), n.risk from the first curve time >= t. Times are
 * returned sorted, as R; a time R drops (past the last observed time without
 * `extend`, or not finite) is kept with null values instead.
 */
export function survivalAt(curve: SurvivalCurve, times: number[], options: SurvivalAtOptions = {}): SurvivalAtTime[] {
  const m = curve.time.length;
  const lastTime = m > 0 ? curve.time[m - 1] : -Infinity;
  const start = startTime(curve);
  const insertsStart = m === 0 || curve.time[0] !== start;
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.map((t) => {
    if (!Number.isFinite(t) || m === 0 || (!options.extend && t > lastTime)) {
      return { time: t, nRisk: null, surv: null, stdErr: null, lower: null, upper: null };
    }
    // Number of curve times <= t (findInterval) and the first index >= t.
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (curve.time[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    const row = lo - 1;
    const nextRow = row >= 0 && curve.time[row] === t ? row : row + 1;
    const nRisk = nextRow < m ? curve.nRisk[nextRow] : 0;
    if (row < 0 && insertsStart) return { time: t, nRisk, surv: 1, stdErr: 0, lower: 1, upper: 1 };
    const r = Math.max(row, 0); // no survfit0 row: R's pmax(1, index) reads the first row
    return {
      time: t,
      nRisk,
      surv: curve.surv[r],
      stdErr: naToNull(curve.stdErr[r]),
      lower: naToNull(curve.lower[r]),
      upper: naToNull(curve.upper[r]),
    };
  });
}
