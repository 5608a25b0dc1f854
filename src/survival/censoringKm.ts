// Kaplan–Meier of the censoring times, as prodlim(..., reverse = TRUE) computes it for
// riskRegression::Score(cens.model = "km") and as survival's fastkm1 (src/fastkm.c)
// computes G for concordance(timewt = "n/G2"): a subject who has the event at u is not
// at risk of being censored at u, so the factor at u is 1 − C(u) / (Y(u) − D(u)).
// This is not survfit(Surv(T, 1 − event)), which divides by Y(u).

export interface CensoringCurve {
  /** Distinct observed times, ascending. */
  times: Float64Array;
  /** Y(u) = #{T ≥ u}, D(u) events and C(u) censorings at each distinct time. */
  atRisk: Float64Array;
  events: Float64Array;
  censored: Float64Array;
  /** Ĝ(u) = ∏_{v ≤ u} (1 − C(v) / (Y(v) − D(v))), the value right after each time. */
  survival: Float64Array;
  /** Index into `times` of each subject's time. */
  index: Int32Array;
}

export function censoringKaplanMeier(time: ArrayLike<number>, event: ArrayLike<number>): CensoringCurve {
  const n = time.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b]);
  const index = new Int32Array(n);
  const distinct: number[] = [];
  for (const i of order) {
    if (distinct.length === 0 || time[i] !== distinct[distinct.length - 1]) distinct.push(time[i]);
    index[i] = distinct.length - 1;
  }
  const m = distinct.length;
  const events = new Float64Array(m);
  const censored = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    if (event[i]) events[index[i]]++;
    else censored[index[i]]++;
  }
  const atRisk = new Float64Array(m);
  const survival = new Float64Array(m);
  let remaining = n;
  let g = 1;
  for (let k = 0; k < m; k++) {
    atRisk[k] = remaining;
    const free = remaining - events[k];
    if (censored[k] > 0) g *= 1 - censored[k] / free;
    survival[k] = g;
    remaining -= events[k] + censored[k];
  }
  return { times: Float64Array.from(distinct), atRisk, events, censored, survival, index };
}

/** Ĝ(u−), the left limit at the k-th distinct time (1 before the first). */
export function censoringBefore(curve: CensoringCurve, k: number): number {
  return k > 0 ? curve.survival[k - 1] : 1;
}
