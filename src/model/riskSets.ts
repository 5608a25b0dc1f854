// The Breslow risk-set layout glmnet 4.1-6 builds for family="cox" (its `groups` and
// `died` steps): rows ordered by time (psort7), one group per distinct event time holding that
// time's events and every censoring up to the next event time, so a group's risk set
// is itself plus every later group. Rows censored before the first event are dropped.
import { MigrascoreError } from '../errors.js';
import { psort7 } from './psort7.js';

/** glmnet adds 100 * .Machine$double.eps to censored times so they sort after tied events. */
export const CENSORED_TIME_SHIFT = 100 * 2.220446049250313e-16;

export interface CoxRiskSets {
  /** Rows in the likelihood, by time (events before censorings at equal times). */
  order: Int32Array;
  /** End (exclusive, into `order`) of each event-time group; length = number of groups. */
  groupEnd: Int32Array;
  /** Events of each group (unit weights). */
  events: Float64Array;
  /** The first event time: rows with an earlier time take no part. */
  firstEventTime: number;
}

/** Times as glmnet uses them: censored times shifted by CENSORED_TIME_SHIFT (lost when time >= 256). */
export function glmnetTimes(time: ArrayLike<number>, status: ArrayLike<number>): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = time[i] + (1 - status[i]) * CENSORED_TIME_SHIFT;
    if (!(out[i] > 0)) {
      throw new MigrascoreError(`LASSO Cox: row ${i + 1} has survival time ${time[i]}; glmnet requires times > 0. Remove that sample or fix its time.`);
    }
  }
  return out;
}

/**
 * Risk sets over the given rows (all rows when `rows` is omitted). `times` are already
 * shifted (glmnetTimes), `rows` in the order glmnet sees them (x's row order). Equal
 * times end up in psort7's order; a censoring it puts before a tied event is not at risk there.
 */
export function coxRiskSets(times: Float64Array, status: ArrayLike<number>, rows?: Int32Array): CoxRiskSets {
  const n = rows ? rows.length : times.length;
  const all = new Int32Array(n);
  for (let k = 0; k < n; k++) all[k] = rows ? rows[k] : k;
  // glmnet's own (unstable) sort: where it leaves a censoring tied with an event decides
  // whether that censoring is in the event's risk set (possible when the time is >= 256,
  // where CENSORED_TIME_SHIFT is lost to rounding).
  psort7(times, all);
  let first = 0;
  while (first < n && !(status[all[first]] > 0)) first++;
  // glmnet's groups(): at least two rows must follow the first event.
  if (first >= n - 2) {
    throw new MigrascoreError(`LASSO Cox: ${first >= n ? 'no events' : 'too few rows at risk after the first event'} among ${n} samples; glmnet cannot fit this cohort ("probably too many censored observations").`);
  }
  const t0 = times[all[first]];
  let start = first;
  while (start > 0 && times[all[start - 1]] >= t0) start--;
  const order = all.subarray(start);
  const ends: number[] = [];
  const events: number[] = [];
  let current = t0;
  let count = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    if (status[i] > 0 && times[i] > current) {
      ends.push(j);
      events.push(count);
      count = 0;
      current = times[i];
    }
    if (status[i] > 0) count++;
  }
  ends.push(order.length);
  events.push(count);
  return { order: Int32Array.from(order), groupEnd: Int32Array.from(ends), events: Float64Array.from(events), firstEventTime: t0 };
}

/**
 * Risk-set sums U_k = Σ_{groups >= k} e, by one backward pass over the ordered rows
 * (glmnet's usk), into `out`.
 */
export function riskSetSums(sets: CoxRiskSets, e: Float64Array, out: Float64Array): void {
  const { order, groupEnd } = sets;
  let h = 0;
  for (let k = groupEnd.length - 1; k >= 0; k--) {
    const from = k > 0 ? groupEnd[k - 1] : 0;
    for (let j = groupEnd[k] - 1; j >= from; j--) h += e[order[j]];
    out[k] = h;
  }
}

/**
 * Breslow log partial likelihood Σ d_i f_i − Σ_k D_k log U_k with `dk` the (weighted)
 * events per group and `d` the (weighted) event indicators (glmnet's risk function).
 */
export function breslowLogLik(sets: CoxRiskSets, d: Float64Array, dk: Float64Array, f: Float64Array, e: Float64Array, work: Float64Array): number {
  riskSetSums(sets, e, work);
  let a = 0;
  for (let i = 0; i < f.length; i++) a += d[i] * f[i];
  let b = 0;
  for (let k = 0; k < dk.length; k++) b += dk[k] * Math.log(work[k]);
  return a - b;
}
