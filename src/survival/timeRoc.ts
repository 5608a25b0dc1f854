// Cumulative/dynamic time-dependent ROC with inverse-probability-of-censoring weights,
// as riskRegression::Score(metrics = "auc", cens.model = "km", se.fit = TRUE) computes
// it (Blanche, Dartigues & Jacqmin-Gadda 2013, Stat Med 32:5381; Uno et al. 2007, JASA
// 102:527), and as timeROC::timeROC(weighting = "marginal", iid = TRUE) apart from its
// two quirks (cases T < t, row-order-dependent se with tied times). Pure.
//
// Cases at t: T ≤ t with an event, weight 1/Ĝ(T−); controls: T > t, whose common weight
// 1/Ĝ(t) cancels; censored before t: neither. Ĝ is prodlim's reverse Kaplan–Meier
// (./censoringKm.ts). Marker ties count one half; higher marker = higher risk.
import { censoringBefore, censoringKaplanMeier, type CensoringCurve } from './censoringKm.js';
import { normalQuantile } from '../stats/distributions.js';

/** Why a time has no AUC. */
export type TimeRocGap = 'no_cases' | 'no_controls';

export interface TimeRocAt {
  time: number;
  /** null when there are no cases or no controls at t (`gap` says which). */
  auc: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  cases: number;
  controls: number;
  gap?: TimeRocGap;
  /** ROC points from the largest marker value down, then (−Inf, 1, 1); empty with a gap. */
  roc: { threshold: number[]; tpr: number[]; fpr: number[] };
}

export interface TimeRoc {
  n: number;
  /** The last observed time (any status); t at or past it has no controls. */
  lastTime: number;
  firstEvent: number | null;
  confLevel: number;
  at: TimeRocAt[];
}

/** First index with a[k] >= x (a ascending). */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[k] > x (a ascending). */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * AUC(t), its iid standard error and the ROC points at each of `times`. Every row must
 * have a finite time, a 0/1 event and a finite marker (drop missing markers first: they
 * change Ĝ).
 */
export function timeDependentRoc(
  time: ArrayLike<number>, event: ArrayLike<number>, marker: ArrayLike<number>, times: number[], options: { confLevel?: number } = {},
): TimeRoc {
  const n = time.length;
  if (event.length !== n || marker.length !== n) throw new Error('timeDependentRoc: time, event and marker must have the same length');
  const confLevel = options.confLevel ?? 0.95;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const curve = censoringKaplanMeier(time, event);
  // A(s) = Σ_{u ≤ s} n·C(u)/Y(u)²: the censoring-hazard part of the influence of Ĝ.
  const m = curve.times.length;
  const cumA = new Float64Array(m);
  for (let k = 0, s = 0; k < m; k++) {
    s += (n * curve.censored[k]) / (curve.atRisk[k] * curve.atRisk[k]);
    cumA[k] = s;
  }
  // Distinct marker values, descending: the ROC thresholds.
  const thresholds = [...new Set(Array.from(marker))].sort((a, b) => b - a);
  let lastTime = -Infinity;
  let firstEvent: number | null = null;
  for (let i = 0; i < n; i++) {
    lastTime = Math.max(lastTime, time[i]);
    if (event[i] && (firstEvent === null || time[i] < firstEvent)) firstEvent = time[i];
  }
  const at = times.map((t) => rocAt(t, time, event, marker, curve, cumA, thresholds, z));
  return { n, lastTime, firstEvent, confLevel, at };
}

function rocAt(
  t: number, time: ArrayLike<number>, event: ArrayLike<number>, marker: ArrayLike<number>,
  curve: CensoringCurve, cumA: Float64Array, thresholds: number[], z: number,
): TimeRocAt {
  const n = time.length;
  const caseRows: number[] = [];
  const controlRows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (time[i] > t) controlRows.push(i);
    else if (event[i]) caseRows.push(i);
  }
  const cases = caseRows.length;
  const controls = controlRows.length;
  const empty = { threshold: [], tpr: [], fpr: [] };
  if (cases === 0 || controls === 0) {
    return { time: t, auc: null, se: null, lower: null, upper: null, cases, controls, gap: cases === 0 ? 'no_cases' : 'no_controls', roc: empty };
  }
  const weight = new Float64Array(n);
  let W = 0;
  for (const i of caseRows) {
    weight[i] = 1 / censoringBefore(curve, curve.index[i]);
    W += weight[i];
  }
  const N1 = controls;
  const controlMarkers = Float64Array.from(controlRows, (j) => marker[j]).sort();

  // K_i = Σ_controls K(M_i, M_j): controls below plus half the ties.
  const kCase = new Float64Array(n);
  let sum = 0;
  for (const i of caseRows) {
    const below = lowerBound(controlMarkers, marker[i]);
    const tied = upperBound(controlMarkers, marker[i]) - below;
    kCase[i] = below + tied / 2;
    sum += weight[i] * kCase[i];
  }
  const auc = sum / (W * N1);

  // Influence function of riskRegression's AUC (Score's getInfluenceCurve.AUC for
  // cens.model "km"): the case part r, the control part q, and the part through Ĝ.
  const r = new Float64Array(n);
  for (const i of caseRows) r[i] = weight[i] * (kCase[i] - N1 * auc);
  // q_k = Σ_cases w_i K(M_i, M_k) − W·AUC for a control k.
  const byMarker = [...caseRows].sort((a, b) => marker[a] - marker[b]);
  const caseMarkers = Float64Array.from(byMarker, (i) => marker[i]);
  const cumW = new Float64Array(byMarker.length + 1);
  byMarker.forEach((i, k) => { cumW[k + 1] = cumW[k] + weight[i]; });
  const q = new Float64Array(n);
  for (const k of controlRows) {
    const lo = lowerBound(caseMarkers, marker[k]);
    const hi = upperBound(caseMarkers, marker[k]);
    q[k] = (W - cumW[hi]) + (cumW[hi] - cumW[lo]) / 2 - W * auc;
  }
  // Σ_i r_i Λ_k(T_i−) = [k censored]·(n/Y(T_k))·Σ_{T_i > T_k} r_i − Σ_i r_i A(min(T_i−, T_k)),
  // from prefix sums over the distinct times of Σ r_i and Σ r_i A(T_i−).
  const m = curve.times.length;
  const rAt = new Float64Array(m);
  const rAAt = new Float64Array(m);
  for (const i of caseRows) {
    const k = curve.index[i];
    rAt[k] += r[i];
    rAAt[k] += r[i] * (k > 0 ? cumA[k - 1] : 0);
  }
  let rTotal = 0;
  for (let k = 0; k < m; k++) {
    rTotal += rAt[k];
    if (k > 0) { rAt[k] += rAt[k - 1]; rAAt[k] += rAAt[k - 1]; }
  }
  const influence = new Float64Array(n);
  let mean = 0;
  for (let k = 0; k < n; k++) {
    const u = curve.index[k];
    const after = rTotal - rAt[u];
    let lambda = -(rAAt[u] + cumA[u] * after);
    if (!event[k]) lambda += (n / curve.atRisk[u]) * after;
    influence[k] = (n / (W * N1)) * (r[k] + q[k] + lambda / n);
    mean += influence[k];
  }
  mean /= n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (influence[k] - mean) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : NaN;

  return {
    time: t, auc, se, lower: auc - z * se, upper: auc + z * se, cases, controls,
    roc: rocPoints(thresholds, caseRows, controlRows, marker, weight, W),
  };
}

/** tpr = Σ_cases w·1(M > c)/W, fpr = #controls with M > c / N1, per threshold c (descending), then −Inf. */
function rocPoints(thresholds: number[], caseRows: number[], controlRows: number[], marker: ArrayLike<number>, weight: Float64Array, W: number) {
  const cases = [...caseRows].sort((a, b) => marker[b] - marker[a]);
  const controls = [...controlRows].sort((a, b) => marker[b] - marker[a]);
  const tpr: number[] = [];
  const fpr: number[] = [];
  let ci = 0;
  let cj = 0;
  let wAbove = 0;
  for (const c of thresholds) {
    while (ci < cases.length && marker[cases[ci]] > c) wAbove += weight[cases[ci++]];
    while (cj < controls.length && marker[controls[cj]] > c) cj++;
    tpr.push(wAbove / W);
    fpr.push(cj / controls.length);
  }
  return { threshold: [...thresholds, -Infinity], tpr: [...tpr, 1], fpr: [...fpr, 1] };
}
