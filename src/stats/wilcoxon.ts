// Wilcoxon rank-sum and signed-rank tests exactly as R's wilcox.test.default (stats
// package, R 4.2): two-sided, mu = 0, correct = TRUE, exact = NULL. The exact branch
// sums the null distribution's counts as R's pwilcox/psignrank (nmath/wilcox.c,
// signrank.c) do — over the shorter tail, so tiny p-values keep their digits; the normal
// branch uses R's tie-corrected variance and continuity correction, with the tail from
// erfc (accurate far below 1e-50).
import { normalTwoSidedP } from './distributions.js';
import { rankWithTies } from './ranks.js';

export interface WilcoxonResult {
  /** R's W (rank-sum) or V (signed-rank). */
  statistic: number;
  p: number;
  method: 'exact' | 'normal';
}

/** wilcox.test(x, y): W = rank sum of x − n_x(n_x+1)/2. Non-finite values are dropped, as R does. */
export function wilcoxonRankSum(x: ArrayLike<number>, y: ArrayLike<number>): WilcoxonResult {
  const xs = finite(x);
  const ys = finite(y);
  const nx = xs.length;
  const ny = ys.length;
  if (nx < 1) throw new RangeError('wilcoxonRankSum: not enough (non-missing) x observations');
  if (ny < 1) throw new RangeError('wilcoxonRankSum: not enough y observations');
  const { ranks, tieSum, ties } = rankWithTies([...xs, ...ys]);
  let sum = 0;
  for (let i = 0; i < nx; i++) sum += ranks[i];
  const w = sum - (nx * (nx + 1)) / 2;
  if (nx < 50 && ny < 50 && !ties) {
    const p = w > (nx * ny) / 2 ? rankSumTail(w - 1, nx, ny, false) : rankSumTail(w, nx, ny, true);
    return { statistic: w, p: Math.min(2 * p, 1), method: 'exact' };
  }
  const n = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieSum / (n * (n - 1))));
  return { statistic: w, p: normalP(w - (nx * ny) / 2, sigma), method: 'normal' };
}

/**
 * wilcox.test(x, y, paired = TRUE) on complete pairs: V = rank sum of the positive
 * differences after zero differences are dropped; exact only below 50 non-zero
 * differences without ties or zeros. Null when no non-zero difference is left (R: p NaN).
 */
export function wilcoxonSignedRank(x: ArrayLike<number>, y: ArrayLike<number>): WilcoxonResult {
  if (x.length !== y.length) throw new RangeError('wilcoxonSignedRank: x and y must have the same length');
  const d: number[] = [];
  let zeroes = false;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const di = x[i] - y[i];
    if (di === 0) zeroes = true;
    else d.push(di);
  }
  const n = d.length;
  const { ranks, tieSum, ties } = rankWithTies(d.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) v += ranks[i];
  if (n < 50 && !ties && !zeroes) {
    const p = v > (n * (n + 1)) / 4 ? signedRankTail(v - 1, n, false) : signedRankTail(v, n, true);
    return { statistic: v, p: Math.min(2 * p, 1), method: 'exact' };
  }
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  return { statistic: v, p: normalP(v - (n * (n + 1)) / 4, sigma), method: 'normal' };
}

/** R: z <- (z - sign(z) * 0.5) / SIGMA; 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE)). NaN when SIGMA is 0. */
function normalP(centred: number, sigma: number): number {
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return Number.isNaN(z) ? NaN : normalTwoSidedP(z);
}

function finite(v: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i])) out.push(v[i]);
  return out;
}

// ------------------------------------------------------------ exact distributions

const rankSumCounts = new Map<string, Float64Array>();

/**
 * Number of ways to reach W = 0..m·n (R's cwilcox for all k at once): the coefficients of
 * the Gaussian binomial [m+n choose m], built by adding one observation at a time.
 */
function rankSumDistribution(m: number, n: number): Float64Array {
  const key = `${m},${n}`;
  const cached = rankSumCounts.get(key);
  if (cached) return cached;
  // c[j][k]: ways to choose j of the first i items with W = k, with W counting for each
  // chosen x how many y precede it; recurrence over items (i) keeps j ≤ m, i − j ≤ n.
  const max = m * n;
  let prev: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(max + 1));
  prev[0][0] = 1;
  for (let i = 1; i <= m + n; i++) {
    const next: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(max + 1));
    for (let j = 0; j <= Math.min(i, m); j++) {
      const ys = i - j; // y items among the first i
      if (ys > n) continue;
      // item i is a y: same W (ys − 1 y's before, j x's)
      if (ys >= 1) { const src = prev[j]; const dst = next[j]; for (let k = 0; k <= max; k++) dst[k] += src[k]; }
      // item i is an x preceded by ys y's: W += ys
      if (j >= 1) {
        const src = prev[j - 1];
        const dst = next[j];
        for (let k = 0; k + ys <= max; k++) dst[k + ys] += src[k];
      }
    }
    prev = next;
  }
  const counts = prev[m];
  rankSumCounts.set(key, counts);
  return counts;
}

/** R pwilcox(q, m, n, lower.tail): summed over the shorter tail, as nmath/wilcox.c. */
function rankSumTail(q: number, m: number, n: number, lower: boolean): number {
  q = Math.floor(q + 1e-7);
  if (q < 0) return lower ? 0 : 1;
  if (q >= m * n) return lower ? 1 : 0;
  const counts = rankSumDistribution(m, n);
  const total = binomial(m + n, n);
  let p = 0;
  if (q <= (m * n) / 2) {
    for (let i = 0; i <= q; i++) p += counts[i] / total;
  } else {
    const upper = m * n - q;
    for (let i = 0; i < upper; i++) p += counts[i] / total;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

const signedRankCounts = new Map<number, Float64Array>();

/** Ways to reach V = 0..n(n+1)/2 (R's csignrank): subsets of 1..n by their sum. */
function signedRankDistribution(n: number): Float64Array {
  const cached = signedRankCounts.get(n);
  if (cached) return cached;
  const max = (n * (n + 1)) / 2;
  const c = new Float64Array(max + 1);
  c[0] = 1;
  for (let r = 1; r <= n; r++) for (let k = max; k >= r; k--) c[k] += c[k - r];
  signedRankCounts.set(n, c);
  return c;
}

/** R psignrank(x, n, lower.tail), as nmath/signrank.c. */
function signedRankTail(x: number, n: number, lower: boolean): number {
  x = Math.floor(x + 1e-7);
  if (x < 0) return lower ? 0 : 1;
  if (x >= (n * (n + 1)) / 2) return lower ? 1 : 0;
  const counts = signedRankDistribution(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  if (x <= (n * (n + 1)) / 4) {
    for (let i = 0; i <= x; i++) p += counts[i] * f;
  } else {
    const upper = (n * (n + 1)) / 2 - x;
    for (let i = 0; i < upper; i++) p += counts[i] * f;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** choose(a, b) as a double (R's choose for these sizes: exact up to 2^53, then rounded). */
function binomial(a: number, b: number): number {
  b = Math.min(b, a - b);
  let r = 1;
  for (let i = 1; i <= b; i++) r = (r * (a - b + i)) / i;
  return Math.round(r);
}
