// Calibration at a time u, as rms 6.5 calibrate(fit, cmethod = "KM", u = u, m = m)
// computes its apparent (not bootstrap-corrected) curve: predicted S(u) per patient,
// cuts = unique(quantile(c(0, 1, S), seq(0, 1, length = g + 1))) for g groups, then
// Hmisc cut2(S, cuts) and rms groupkm(S, Surv, u = u, cuts = cuts): per group the mean
// predicted S(u) and the Kaplan–Meier S(u) (survfitKM, no timefix) with its standard
// error of log S (Greenwood); the interval is groupkm's errbar one, KM·exp(∓z·se).
import { normalQuantile } from '../stats/distributions.js';
import { quantileType7 } from '../stats/quantile.js';
import { kaplanMeier } from '../survival/kaplanMeier.js';
import { seqLength } from '../stats/pretty.js';

export interface CalibrationGroup {
  group: number;
  /** The group's interval of predicted S(u): [lower, upper) ([lower, upper] for the last). */
  lower_cut: number;
  upper_cut: number;
  n: number;
  events: number;
  /** Mean predicted S(u); NaN for an empty group. */
  predicted: number;
  /** Kaplan–Meier S(u); NaN with fewer than 2 patients or when u is beyond the group's follow-up. */
  observed: number;
  /** Standard error of log S(u) (survfit's std.err). */
  std_err: number;
  lower: number;
  upper: number;
}

export interface Calibration {
  time: number;
  groups: CalibrationGroup[];
  cuts: number[];
  confLevel: number;
}

/** Sorted distinct values. */
function uniqueSorted(x: number[]): number[] {
  return [...new Set(x)].sort((a, b) => a - b);
}

/**
 * Calibration groups at `u` for `g` quantile groups of the predicted survival `pred`
 * (NaN predictions are dropped, as groupkm does). `event` is 0/1.
 */
export function calibrate(pred: ArrayLike<number>, time: ArrayLike<number>, event: ArrayLike<number>, u: number, g: number, confLevel = 0.95): Calibration {
  const keep: number[] = [];
  for (let i = 0; i < pred.length; i++) if (!Number.isNaN(pred[i]) && !Number.isNaN(time[i])) keep.push(i);
  const probs = seqLength(0, 1, g + 1);
  const pool = [0, 1, ...keep.map((i) => pred[i])];
  // quantile() returns the cuts in probability order; unique() keeps the first of equal ones.
  const cuts = [...new Set(probs.map((p) => quantileType7(pool, p)))];
  // groupkm zeroes |x| < 1e-10 before cutting.
  const x = keep.map((i) => (Math.abs(pred[i]) < 1e-10 ? 0 : pred[i]));
  const groupOf = cut2(x, cuts);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const groups: CalibrationGroup[] = [];
  for (let k = 0; k < groupOf.levels; k++) {
    const members = keep.filter((_, j) => groupOf.group[j] === k);
    const xs = x.filter((_, j) => groupOf.group[j] === k);
    const events = members.reduce((s, i) => s + (event[i] ? 1 : 0), 0);
    const base = { group: k + 1, lower_cut: groupOf.cuts[k], upper_cut: groupOf.cuts[k + 1] };
    if (members.length < 2) {
      const predicted = members.length === 1 ? xs[0] : NaN;
      groups.push({ ...base, n: 0, events: 0, predicted, observed: NaN, std_err: NaN, lower: NaN, upper: NaN });
      continue;
    }
    const km = kaplanMeier(members.map((i) => time[i]), members.map((i) => (event[i] ? 1 : 0)), { timefix: false });
    let tm = -1;
    for (let j = 0; j < km.time.length; j++) if (km.time[j] <= u + 1e-6) tm = j;
    let observed = tm < 0 ? 1 : km.surv[tm];
    let se = tm < 0 ? 0 : km.surv[tm] > 0 ? km.stdErr[tm] / km.surv[tm] : Infinity;
    const last = km.time.length - 1;
    if (u > km.time[last] + 1e-6 && km.surv[last] > 0) {
      observed = NaN;
      se = NaN;
    }
    groups.push({
      ...base, n: members.length, events, predicted: mean(xs), observed, std_err: se,
      lower: observed === 0 ? 0 : observed * Math.exp(-z * se),
      upper: observed === 0 ? 0 : Math.min(1, observed * Math.exp(z * se)),
    });
  }
  return { time: u, groups, cuts, confLevel };
}

/** R's mean(): the sum divided by n, then corrected by the mean residual. */
function mean(x: number[]): number {
  const n = x.length;
  let s = 0;
  for (const v of x) s += v;
  s /= n;
  if (!Number.isFinite(s)) return s;
  let t = 0;
  for (const v of x) t += v - s;
  return s + t / n;
}

/**
 * Hmisc cut2(x, cuts) (minmax = TRUE): cuts extended to the range of x, breaks moved
 * down by half the smallest gap between distinct values so each group is
 * [cut_k, cut_k+1) and the last is closed; then cut() (right-closed) on those breaks.
 */
export function cut2(x: number[], cutsIn: number[]): { group: Int32Array; levels: number; cuts: number[] } {
  const cuts = [...cutsIn].sort((a, b) => a - b);
  const xu = uniqueSorted([...x, ...cuts]);
  let minDif = Infinity;
  for (let i = 1; i < xu.length; i++) minDif = Math.min(minDif, xu[i] - xu[i - 1]);
  minDif /= 2;
  const lo = Math.min(...x);
  const hi = Math.max(...x);
  if (lo < cuts[0]) cuts.unshift(lo);
  if (hi > cuts[cuts.length - 1]) cuts.push(hi);
  const l = cuts.length;
  const k2 = cuts.map((c, i) => (i === l - 1 ? c : c - minDif));
  const group = new Int32Array(x.length).fill(-1);
  x.forEach((v, j) => {
    for (let i = 0; i < l - 1; i++) {
      if (v > k2[i] && v <= k2[i + 1]) {
        group[j] = i;
        break;
      }
    }
  });
  return { group, levels: l - 1, cuts };
}
