// Kaplan–Meier estimation, as survival's survfit: the curve with its Greenwood
// standard errors and pointwise intervals. The summaries R reads off a fitted
// curve (median, restricted mean, the curve at chosen times) are in
// survfitSummary.ts. Everything mirrors R 4.2 / survival 3.5.
import { normalQuantile } from '../stats/distributions.js';
import { fixTiedTimes } from './timefix.js';

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
