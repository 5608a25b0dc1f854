// The null distribution of Spearman's S = Σ d², as R's prho (stats/src/prho.c, AS 89):
// exact counts over all n! permutations for n ≤ 9, Edgeworth series above, clamped to [0, 1].
import { normalLowerTail, normalUpperTail } from './distributions.js';

/** prho.c's n_small: exact enumeration up to this n. */
export const PRHO_EXACT_MAX = 9;

/**
 * R's prho(n, is, lower_tail): P[S ≥ is], or P[S < is] when lowerTail. `is` is the value
 * cor.test passes, round(S) + 2·lower.tail.
 */
export function prho(n: number, is: number, lowerTail: boolean): number {
  let pv = lowerTail ? 0 : 1;
  if (n <= 1) return pv;
  if (is <= 0) return pv;
  const n3 = (n * (n * n - 1)) / 3; // the largest S, (n³ − n)/3
  if (is > n3) return 1 - pv;
  if (n <= PRHO_EXACT_MAX) {
    const counts = permutationCounts(n);
    let nfac = 1;
    for (let i = 2; i <= n; i++) nfac *= i;
    let ifr = 0; // permutations with S ≥ is
    for (let s = Math.max(0, Math.ceil(is)); s < counts.length; s++) ifr += counts[s];
    return (lowerTail ? nfac - ifr : ifr) / nfac;
  }
  const c1 = 0.2274, c2 = 0.2531, c3 = 0.1745, c4 = 0.0758, c5 = 0.1033, c6 = 0.3932;
  const c7 = 0.0879, c8 = 0.0151, c9 = 0.0072, c10 = 0.0831, c11 = 0.0131, c12 = 4.6e-4;
  let y = n;
  const b = 1 / y;
  const x = (6 * (is - 1) * b / (y * y - 1) - 1) * Math.sqrt(y - 1);
  y = x * x;
  const u = x * b * (c1 + b * (c2 + c3 * b) +
    y * (-c4 + b * (c5 + c6 * b) - y * b * (c7 + c8 * b - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
  y = u / Math.exp(y / 2);
  pv = (lowerTail ? -y : y) + (lowerTail ? normalLowerTail(x) : normalUpperTail(x));
  if (pv < 0) pv = 0;
  if (pv > 1) pv = 1;
  return pv;
}

const countsByN = new Map<number, Float64Array>();

/**
 * How many of the n! permutations π give S = Σ (i − π(i))² = s, for s = 0..(n³ − n)/3.
 * prho.c walks the same permutations and counts those with S ≥ is; counting them once per
 * n gives the same integers (at most 9! = 362,880).
 */
function permutationCounts(n: number): Float64Array {
  const cached = countsByN.get(n);
  if (cached) return cached;
  const counts = new Float64Array((n * (n * n - 1)) / 3 + 1);
  const used = new Uint8Array(n + 1);
  const place = (i: number, s: number): void => {
    if (i > n) { counts[s]++; return; }
    for (let v = 1; v <= n; v++) {
      if (used[v]) continue;
      used[v] = 1;
      place(i + 1, s + (i - v) * (i - v));
      used[v] = 0;
    }
  };
  place(1, 0);
  countsByN.set(n, counts);
  return counts;
}
