// Kaplan–Meier estimation and the summaries R reads off a survfit object:
// the curve with its pointwise intervals, quantiles (median), the restricted
// mean and the curve at chosen times. Everything mirrors R 4.2 / survival 3.5.
import { normalQuantile } from './distributions.js';

export type ConfType = 'log' | 'log-log' | 'plain';

export interface KaplanMeierOptions {
  /** Interval transform, as survfit's `conf.type` (default 'log', as R). */
  confType?: ConfType;
  /** As survfit's `conf.int` (default 0.95). */
  confLevel?: number;
  /**
   * Merge times closer than R's tolerance first, as survfit's `timefix = TRUE`
   * (default). survfit applies this to the pooled data before splitting into
   * groups; for bit-for-bit parity with a grouped survfit call, run
   * `fixTiedTimes` on the pooled times and pass `timefix: false` per group.
   */
  timefix?: boolean;
}

/** One Kaplan–Meier curve: one entry per distinct event or censoring time, ascending. */
export interface SurvivalCurve {
  time: Float64Array;
  nRisk: Int32Array;
  nEvent: Int32Array;
  nCensor: Int32Array;
  /** S(t) just after each time. */
  surv: Float64Array;
  /** Standard error of S(t) (Greenwood), as summary.survfit's `std.err`; NaN where S = 0. */
  stdErr: Float64Array;
  /** Pointwise interval; NaN where R gives NA (S = 0; S = 1 for log-log). */
  lower: Float64Array;
  upper: Float64Array;
  n: number;
  events: number;
  confType: ConfType;
  confLevel: number;
}

/** R's sqrt(.Machine$double.eps), the tolerance survival uses for times and quantiles. */
export const SURVIVAL_TOLERANCE = 1.4901161193847656e-8;

/**
 * Merge near-identical times, as survival's aeqSurv (called by survfit and
 * survdiff with timefix = TRUE): sorted distinct times whose gap is
 * <= tol, or <= tol relative to the mean absolute time, are mapped onto the
 * first time of their run. Guards against floating-point "ties" such as
 * days/30.44 that print equal but are not.
 */
export function fixTiedTimes(time: ArrayLike<number>, tolerance = SURVIVAL_TOLERANCE): Float64Array {
  const out = Float64Array.from(time);
  const unique = Array.from(new Set(Array.from(out).filter(Number.isFinite))).sort((a, b) => a - b);
  if (unique.length < 2) return out;
  let meanAbs = 0;
  for (const y of unique) meanAbs += Math.abs(y);
  meanAbs /= unique.length;
  const cutOf = new Map<number, number>();
  let cut = unique[0];
  let tied = false;
  cutOf.set(cut, cut);
  for (let i = 1; i < unique.length; i++) {
    const dy = unique[i] - unique[i - 1];
    if (dy <= tolerance || dy / meanAbs <= tolerance) tied = true;
    else cut = unique[i];
    cutOf.set(unique[i], cut);
  }
  if (!tied) return out;
  for (let i = 0; i < out.length; i++) {
    const c = cutOf.get(out[i]);
    if (c !== undefined) out[i] = c;
  }
  return out;
}

/** The z multiplier of a two-sided interval; survfit_confint's qnorm(1 - (1 - conf.int)/2). */
function zValue(confLevel: number): number {
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`confLevel must be in (0, 1), got ${confLevel}`);
  return normalQuantile(1 - (1 - confLevel) / 2);
}

/**
 * Pointwise interval for S from the standard error of log S, as survival's
 * survfit_confint (conf.lower = "usual"). log: exp(log S ± z·se) with the upper
 * end capped at 1; log-log: exp(-exp(log(-log S) ∓ z·se/log S)), NA at S = 0 or 1;
 * plain: S ± z·se·S clipped to [0, 1] (NaN at S = 0 because se is infinite there).
 */
function interval(s: number, seLog: number, confType: ConfType, z: number): [number, number] {
  if (confType === 'plain') {
    const half = seLog * s * z; // Inf * 0 = NaN at S = 0; R's pmax/pmin keep the NaN
    if (Number.isNaN(half)) return [NaN, NaN];
    return [Math.max(s - half, 0), Math.min(s + half, 1)];
  }
  if (confType === 'log') {
    if (s === 0) return [NaN, NaN];
    const half = z * seLog;
    return [Math.exp(Math.log(s) - half), Math.min(Math.exp(Math.log(s) + half), 1)];
  }
  if (s === 0 || s === 1) return [NaN, NaN];
  const half = (z * seLog) / Math.log(s);
  const ll = Math.log(-Math.log(s));
  return [Math.exp(-Math.exp(ll - half)), Math.exp(-Math.exp(ll + half))];
}

function sortedOrder(time: Float64Array): Uint32Array {
  const order = new Uint32Array(time.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => time[a] - time[b]);
}

/**
 * Kaplan–Meier curve, as survival's survfit(Surv(time, event) ~ 1, conf.type=)
 * read through summary(fit, censored = TRUE). Product-limit S(t) = Π (n-d)/n and
 * Greenwood var(log S) = Σ d/(n(n-d)) (survfitkm.c; Klein & Moeschberger §4.2).
 * `event` is 1 for an event and 0 for censoring.
 */
export function kaplanMeier(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  options: KaplanMeierOptions = {},
): SurvivalCurve {
  const confType = options.confType ?? 'log';
  const confLevel = options.confLevel ?? 0.95;
  const z = zValue(confLevel);
  const n = time.length;
  if (event.length !== n) throw new RangeError(`time has ${n} values but event has ${event.length}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(time[i])) throw new RangeError(`time[${i}] is not a finite number (${time[i]})`);
    if (event[i] !== 0 && event[i] !== 1) throw new RangeError(`event[${i}] must be 0 or 1 (got ${event[i]})`);
  }
  const t = options.timefix === false ? Float64Array.from(time) : fixTiedTimes(time);
  const order = sortedOrder(t);

  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || t[order[i]] !== t[order[i - 1]]) distinct++;

  const curve: SurvivalCurve = {
    time: new Float64Array(distinct),
    nRisk: new Int32Array(distinct),
    nEvent: new Int32Array(distinct),
    nCensor: new Int32Array(distinct),
    surv: new Float64Array(distinct),
    stdErr: new Float64Array(distinct),
    lower: new Float64Array(distinct),
    upper: new Float64Array(distinct),
    n,
    events: 0,
    confType,
    confLevel,
  };

  let atRisk = n;
  let km = 1;
  let greenwood = 0;
  for (let i = 0, row = 0; i < n; row++) {
    const ti = t[order[i]];
    let d = 0;
    let c = 0;
    for (; i < n && t[order[i]] === ti; i++) {
      if (event[order[i]] === 1) d++;
      else c++;
    }
    if (d > 0) {
      km *= (atRisk - d) / atRisk;
      greenwood += d / (atRisk * (atRisk - d)); // Inf when everyone left dies
    }
    const seLog = Math.sqrt(greenwood);
    const [lo, hi] = interval(km, seLog, confType, z);
    curve.time[row] = ti;
    curve.nRisk[row] = atRisk;
    curve.nEvent[row] = d;
    curve.nCensor[row] = c;
    curve.surv[row] = km;
    curve.stdErr[row] = seLog * km; // Inf * 0 = NaN at S = 0, as summary.survfit
    curve.lower[row] = lo;
    curve.upper[row] = hi;
    curve.events += d;
    atRisk -= d + c;
  }
  return curve;
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

/** survfit0's start time: min(0, first time). */
function startTime(curve: SurvivalCurve): number {
  return curve.time.length > 0 ? Math.min(0, curve.time[0]) : 0;
}

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
