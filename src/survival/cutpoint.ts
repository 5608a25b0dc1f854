// Optimal cutpoint of a continuous value for survival: the maximally selected
// log-rank statistic with the Lausen & Schumacher (1992) adjusted p-value.
//
// Reproduces R `maxstat::maxstat.test(Surv(time, status) ~ x, smethod = "LogRank",
// pmethod = "Lau92", minprop, maxprop)` (maxstat 0.7-25). Written from a reading of
// the R sources, not copied:
//   - maxstat R/maxstat.R: `cmaxstat` (candidate cuts, standardized statistic, choice
//     of the cutpoint) and `pLausen92` (the p-value);
//   - exactRankTests R/cscores.R: `cscores.Surv` (the log-rank scores maxstat uses),
//     with `irank` (C) giving the *maximum* rank of tied times;
//   - R nmath dnorm.c for the normal density in the tail.
//
// Algorithm (O(n log n): two sorts, then linear passes):
//   1. log-rank scores a_i = d_i - sum_{j: t_j <= t_i} d_j / (N - r_j + 1), where r_j is the
//      maximum rank of t_j among all times (so all members of a tie group get the same
//      denominator N - r + 1 = (number with time > t) + 1, exactRankTests' tie handling —
//      *not* the usual "at risk" count; with tied times the scores need not sum to 0);
//   2. order the samples by x (stable); for each distinct x value except the largest, the
//      lower group is {x <= cut}, of size m; keep m with max(1, floor(N minprop)) <= m <=
//      floor(N maxprop);
//   3. S_m = sum of the scores in the lower group; under permutation E = m/N * sum(a) and
//      V = m (N - m) / (N^2 (N - 1)) * (N sum(a^2) - sum(a)^2); statistic |S_m - E| / sqrt(V);
//   4. the cutpoint maximizes the statistic; R takes the first (smallest) cut attaining the
//      maximum;
//   5. p (Lau92) = 4 phi(b)/b + phi(b) (b - 1/b) log(maxprop (1 - minprop) / ((1 - maxprop)
//      minprop)), 1 when b < 1, floored at 0 (R does not cap it at 1; neither do we).

export interface CutpointOptions {
  /** Smallest allowed proportion of samples in the lower group (R `minprop`, default 0.1). */
  minprop?: number;
  /** Largest allowed proportion of samples in the lower group (default 1 - minprop). */
  maxprop?: number;
}

export interface CutpointCandidates {
  /** Candidate cutpoints (lower group = value <= cutpoint), ascending; R `$cuts`. */
  cutpoint: Float64Array;
  /** Standardized log-rank statistic |S - E| / sqrt(V) of each candidate; R `$stats`. */
  statistic: Float64Array;
  /** Size of the lower group (value <= cutpoint) of each candidate. */
  nLow: Int32Array;
}

export interface CutpointResult {
  /** The selected cutpoint: lower group = value <= cutpoint ("low"), upper = value > cutpoint. */
  cutpoint: number;
  /** The maximally selected standardized log-rank statistic (R `$statistic`, "M"). */
  statistic: number;
  /** Lausen & Schumacher (1992) adjusted p-value (R `$p.value` with pmethod = "Lau92"). */
  pAdjusted: number;
  pMethod: 'Lau92';
  minprop: number;
  maxprop: number;
  /** Number of samples. */
  n: number;
  /** Number of samples with value <= cutpoint. */
  nLow: number;
  candidates: CutpointCandidates;
}

export interface CutpointFeasibility {
  feasible: boolean;
  /** Number of samples. */
  n: number;
  /** Number of distinct values. */
  nDistinct: number;
  /** Number of candidate cutpoints that satisfy minprop/maxprop. */
  nCandidates: number;
  minprop: number;
  maxprop: number;
  /** Why no cutpoint is possible (undefined when feasible). */
  message?: string;
}

// ---------------------------------------------------------------------------
// helpers

function resolveProps(options: CutpointOptions): { minprop: number; maxprop: number } {
  const minprop = options.minprop ?? 0.1;
  const maxprop = options.maxprop ?? 1 - minprop;
  if (!(minprop > 0 && minprop < 1)) {
    throw new RangeError(`minprop must be strictly between 0 and 1 (got ${minprop})`);
  }
  if (!(maxprop > 0 && maxprop < 1)) {
    throw new RangeError(`maxprop must be strictly between 0 and 1 (got ${maxprop})`);
  }
  if (minprop > maxprop) {
    throw new RangeError(`minprop (${minprop}) must not exceed maxprop (${maxprop})`);
  }
  return { minprop, maxprop };
}

function toFloat64(values: ArrayLike<number>, label: string): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new RangeError(`${label}[${i}] is not a finite number (${out[i]}); pass complete rows only`);
    }
  }
  return out;
}

/** Indices 0..n-1 sorted ascending by values[i], ties in input order (as R `order`). */
function stableOrder(values: Float64Array): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  // Uint32Array.prototype.sort is not guaranteed stable with a comparator across engines;
  // break ties on the index to make it so.
  return idx.sort((a, b) => values[a] - values[b] || a - b);
}

/**
 * The lower-group sizes m of the admissible cuts in x-sorted order, as in `cmaxstat`:
 * m = (first position of each distinct value) - 1, i.e. the number of samples strictly below
 * each distinct value = the number <= the previous distinct value; m = 0 (the smallest value)
 * never qualifies and the largest value is never a cut. Kept: max(1, floor(N minprop)) <= m
 * <= floor(N maxprop) (floors of the double products, as R).
 */
function admissibleSizes(xs: Float64Array, minprop: number, maxprop: number): { m: number[]; nDistinct: number } {
  const n = xs.length;
  const lo = Math.max(1, Math.floor(n * minprop));
  const hi = Math.floor(n * maxprop);
  const m: number[] = [];
  let nDistinct = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || xs[i] !== xs[i - 1]) {
      nDistinct++;
      if (i >= lo && i <= hi) m.push(i);
    }
  }
  return { m, nDistinct };
}

function infeasibleMessage(n: number, nDistinct: number, minprop: number, maxprop: number): string {
  return (
    `no cutpoint leaves between minprop = ${minprop} and maxprop = ${maxprop} of the ${n} samples ` +
    `in the lower group (value <= cutpoint): the value has ${nDistinct} distinct value` +
    `${nDistinct === 1 ? '' : 's'}; lower --minprop or use a value with more distinct values`
  );
}

/**
 * Whether an optimal cutpoint can be searched for these values under minprop/maxprop (at
 * least one admissible candidate cut), without computing anything else. `message` is the
 * same text `maximallySelectedLogRank` throws.
 */
export function cutpointFeasible(x: ArrayLike<number>, options: CutpointOptions = {}): CutpointFeasibility {
  const { minprop, maxprop } = resolveProps(options);
  const xv = toFloat64(x, 'x');
  const xs = xv.slice().sort();
  const { m, nDistinct } = admissibleSizes(xs, minprop, maxprop);
  const feasible = m.length > 0;
  return {
    feasible,
    n: xs.length,
    nDistinct,
    nCandidates: m.length,
    minprop,
    maxprop,
    ...(feasible ? {} : { message: infeasibleMessage(xs.length, nDistinct, minprop, maxprop) }),
  };
}

/**
 * Log-rank scores of right-censored data as exactRankTests `cscores.Surv` (used by maxstat
 * with smethod = "LogRank"): a_i = event_i - sum_{j: t_j <= t_i} event_j / (N - r_j + 1), r_j the
 * maximum rank of t_j (ties share it).
 */
export function logRankScores(time: ArrayLike<number>, event: ArrayLike<number>): Float64Array {
  const t = toFloat64(time, 'time');
  const d = toFloat64(event, 'event');
  const n = t.length;
  if (d.length !== n) throw new RangeError(`time and event differ in length (${n} vs ${d.length})`);
  for (let i = 0; i < n; i++) {
    if (d[i] !== 0 && d[i] !== 1) throw new RangeError(`event[${i}] must be 0 (censored) or 1 (event), got ${d[i]}`);
  }
  const ord = stableOrder(t);
  const scores = new Float64Array(n);
  // Walk tie groups of time in ascending order; all members share the max rank r = end of the
  // group (1-based), hence the denominator n - r + 1, and the cumulative sum at the group end.
  let cum = 0;
  let comp = 0; // Neumaier compensation (R accumulates cumsum in long double)
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && t[ord[end]] === t[ord[start]]) end++;
    const denom = n - end + 1; // r = end (1-based max rank)
    for (let k = start; k < end; k++) {
      const f = d[ord[k]] / denom;
      const s = cum + f;
      comp += Math.abs(cum) >= Math.abs(f) ? cum - s + f : f - s + cum;
      cum = s;
    }
    const h = cum + comp;
    for (let k = start; k < end; k++) scores[ord[k]] = d[ord[k]] - h;
    start = end;
  }
  return scores;
}

/** Standard normal density as R nmath `dnorm4` (mean 0, sd 1), accurate in the far tail. */
function dnorm(x: number): number {
  const M_1_SQRT_2PI = 0.398942280401432677939946059934;
  x = Math.abs(x);
  // beyond this the density underflows to 0 (sqrt(-2 ln 2 (DBL_MIN_EXP + 1 - DBL_MANT_DIG)))
  if (x >= 2 * Math.sqrt(Number.MAX_VALUE)) return 0;
  if (x > Math.sqrt(-2 * Math.LN2 * (-1021 + 1 - 53))) return 0;
  if (x < 5) return M_1_SQRT_2PI * Math.exp(-0.5 * x * x);
  // split x = x1 + x2 with x1 exact to 16 bits to avoid cancellation in x^2/2 (Morten Welinder)
  const x1 = Math.round(x * 65536) / 65536;
  const x2 = x - x1;
  return M_1_SQRT_2PI * (Math.exp(-0.5 * x1 * x1) * Math.exp((-0.5 * x2 - x1) * x2));
}

/**
 * Lausen & Schumacher (1992) approximation to P(max |standardized statistic| >= b) over cuts
 * with minprop <= m/N <= maxprop, as maxstat `pLausen92` (not capped at 1).
 */
export function pLausen92(b: number, minprop = 0.1, maxprop = 0.9): number {
  if (Number.isNaN(b)) return NaN;
  if (b < 1) return 1;
  const db = dnorm(b);
  const p = (4 * db) / b + db * (b - 1 / b) * Math.log((maxprop * (1 - minprop)) / ((1 - maxprop) * minprop));
  return Math.max(p, 0);
}

// ---------------------------------------------------------------------------
// main

/**
 * Maximally selected log-rank statistic over cutpoints of x (lower group: x <= cutpoint),
 * with the Lau92 adjusted p-value; R `maxstat.test(Surv(time, event) ~ x, smethod =
 * "LogRank", pmethod = "Lau92", minprop, maxprop)`. Inputs must be complete rows of equal
 * length; event is 1 = event, 0 = censored.
 *
 * @throws Error when no cutpoint satisfies minprop/maxprop (see `cutpointFeasible`) or when the
 *   scores are constant (e.g. no events), so no statistic can be standardized.
 */
export function maximallySelectedLogRank(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  x: ArrayLike<number>,
  options: CutpointOptions = {},
): CutpointResult {
  const { minprop, maxprop } = resolveProps(options);
  const xv = toFloat64(x, 'x');
  const n = xv.length;
  if (time.length !== n || event.length !== n) {
    throw new RangeError(`time, event and x differ in length (${time.length}, ${event.length}, ${n})`);
  }
  const scores = logRankScores(time, event);

  // samples in x order (stable, as R y[order(x)] / sort(x))
  const ord = stableOrder(xv);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = xv[ord[i]];
    ys[i] = scores[ord[i]];
  }

  const { m, nDistinct } = admissibleSizes(xs, minprop, maxprop);
  if (m.length === 0) throw new Error(infeasibleMessage(n, nDistinct, minprop, maxprop));

  // sum(a), sum(a^2) and the running sum, with compensation (R uses long double there)
  let ss = 0;
  let ssC = 0;
  let sq = 0;
  let sqC = 0;
  for (let i = 0; i < n; i++) {
    const y = ys[i];
    let s = ss + y;
    ssC += Math.abs(ss) >= Math.abs(y) ? ss - s + y : y - s + ss;
    ss = s;
    const y2 = y * y;
    s = sq + y2;
    sqC += Math.abs(sq) >= Math.abs(y2) ? sq - s + y2 : y2 - s + sq;
    sq = s;
  }
  ss += ssC;
  sq += sqC;
  const spread = n * sq - ss * ss; // N sum(a^2) - sum(a)^2

  const k = m.length;
  const cutpoint = new Float64Array(k);
  const statistic = new Float64Array(k);
  const nLow = new Int32Array(k);
  let cum = 0;
  let cumC = 0;
  let pos = 0; // samples summed so far
  for (let j = 0; j < k; j++) {
    const mj = m[j];
    for (; pos < mj; pos++) {
      const y = ys[pos];
      const s = cum + y;
      cumC += Math.abs(cum) >= Math.abs(y) ? cum - s + y : y - s + cum;
      cum = s;
    }
    const e = (mj / n) * ss;
    const v = ((mj * (n - mj)) / (n * n * (n - 1))) * spread;
    cutpoint[j] = xs[mj - 1];
    statistic[j] = Math.abs((cum + cumC - e) / Math.sqrt(v));
    nLow[j] = mj;
  }

  // R: STATISTIC <- max(Test); ESTIMATOR <- x[m[min(which(Test == STATISTIC))]]: the first
  // (smallest) cut attaining the maximum exactly. Mathematically tied maxima are therefore
  // decided by the last bit of each statistic; the compensated sums above reproduce R's
  // long-double sums so that the same cut wins (no tolerance here on purpose).
  let max = -Infinity;
  let best = -1;
  for (let j = 0; j < k; j++) {
    if (statistic[j] > max) {
      max = statistic[j];
      best = j;
    }
  }
  if (best < 0 || !Number.isFinite(max)) {
    throw new Error('cannot select a cutpoint: the log-rank scores are constant (are there any events?)');
  }

  return {
    cutpoint: cutpoint[best],
    statistic: statistic[best],
    pAdjusted: pLausen92(statistic[best], minprop, maxprop),
    pMethod: 'Lau92',
    minprop,
    maxprop,
    n,
    nLow: nLow[best],
    candidates: { cutpoint, statistic, nLow },
  };
}
