// Spearman's rank correlation test exactly as R's cor.test(x, y, method = "spearman")
// (stats:::cor.test.default, R 4.2): two-sided, exact = NULL, continuity = FALSE.
import { studentTTail } from './distributions.js';
import { prho } from './prho.js';
import { rankWithTies } from './ranks.js';

/** cor.test uses AS 89 (prho) up to this many pairs when there are no ties. */
export const SPEARMAN_EXACT_MAX_N = 1290;

export type SpearmanMethod = 'spearman-exact' | 'spearman-asymptotic';

export interface SpearmanResult {
  /** cor(rank(x), rank(y)); NaN when x or y is constant (R: NA with a warning). */
  rho: number;
  /** S = (n³ − n)(1 − rho)/6; NaN with rho. */
  statistic: number;
  /** Two-sided p; NaN with rho. */
  p: number;
  /** AS 89 (n ≤ 1290, no ties) or the t approximation. */
  method: SpearmanMethod;
  /** Complete pairs used. */
  n: number;
}

/**
 * cor.test(x, y, method = "spearman"): pairs with NaN in x or y are dropped (R's
 * complete.cases; ±Infinity is kept and ranked, as R does). Throws a RangeError when fewer
 * than 2 pairs remain — R stops with "not enough finite observations".
 */
export function spearmanTest(x: ArrayLike<number>, y: ArrayLike<number>): SpearmanResult {
  if (x.length !== y.length) throw new RangeError('spearmanTest: x and y must have the same length');
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    xs.push(x[i]);
    ys.push(y[i]);
  }
  const n = xs.length;
  if (n < 2) throw new RangeError('spearmanTest: not enough finite observations');
  const rx = rankWithTies(xs);
  const ry = rankWithTies(ys);
  const mean = (n + 1) / 2; // mean of any average ranks, exact in binary
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx.ranks[i] - mean;
    const b = ry.ranks[i] - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  const rho = rankCorrelation(sxy, sxx, syy, n);
  return { rho, ...spearmanPValue(rho, n, rx.ties || ry.ties), n };
}

/**
 * R's cor() of two rank vectors from their centred sums (stats/src/cov.c): cov / (sd·sd),
 * clamped to [−1, 1]; NaN when either is constant. The sums of centred average ranks are
 * multiples of 1/4 and exact in doubles, as in R's long doubles.
 */
export function rankCorrelation(sxy: number, sxx: number, syy: number, n: number): number {
  if (sxx === 0 || syy === 0) return NaN;
  const n1 = n - 1;
  const r = sxy / n1 / (Math.sqrt(sxx / n1) * Math.sqrt(syy / n1));
  return r >= 1 ? 1 : r <= -1 ? -1 : r;
}

/** S and the two-sided p of cor.test for a given rho on n pairs; ties force the t approximation. */
export function spearmanPValue(rho: number, n: number, ties: boolean): { statistic: number; p: number; method: SpearmanMethod } {
  const exact = !ties && n <= SPEARMAN_EXACT_MAX_N;
  const method: SpearmanMethod = exact ? 'spearman-exact' : 'spearman-asymptotic';
  if (!Number.isFinite(rho)) return { statistic: NaN, p: NaN, method };
  const q = ((n ** 3 - n) * (1 - rho)) / 6;
  const p = q > (n ** 3 - n) / 6 ? pspearman(q, n, false, exact) : pspearman(q, n, true, exact);
  return { statistic: q, p: Math.min(2 * p, 1), method };
}

/** cor.test's inner pspearman(q, n, lower.tail) with its `exact` flag. */
export function pspearman(q: number, n: number, lowerTail: boolean, exact: boolean): number {
  if (n <= SPEARMAN_EXACT_MAX_N && exact) return prho(n, rint(q) + 2 * Number(lowerTail), lowerTail);
  const den = (n * (n ** 2 - 1)) / 6;
  const r = 1 - q / den;
  return studentTTail(r / Math.sqrt((1 - r ** 2) / (n - 2)), n - 2, !lowerTail);
}

/** R's round(x) (digits = 0): nearest integer, halves to even. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
