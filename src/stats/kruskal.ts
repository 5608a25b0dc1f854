// Kruskal–Wallis and pairwise Wilcoxon tests exactly as R's kruskal.test(x, g) and
// pairwise.wilcox.test(x, g, p.adjust.method = "BH") (stats package, R 4.2).
import { chiSquareUpperTail } from './distributions.js';
import { benjaminiHochberg } from './multipleTesting.js';
import { rankWithTies } from './ranks.js';
import { wilcoxonRankSum, type WilcoxonResult } from './wilcoxon.js';

/** A group label; null/undefined (R: NA) drops the value. */
export type GroupLabel = string | null | undefined;

export interface KruskalResult {
  /** Kruskal–Wallis chi-squared, tie-corrected; NaN when every value is tied (R: NaN). */
  statistic: number;
  /** k − 1 over the groups present. */
  df: number;
  p: number;
  /** Values used (complete cases). */
  n: number;
}

/**
 * kruskal.test(x, g): complete cases of x (NaN dropped; ±Infinity ranked, as R) and g;
 * H = (12 Σ R_j²/n_j / (n(n+1)) − 3(n+1)) / (1 − Σ(t³ − t)/(n³ − n)), p = pchisq upper tail.
 * Throws a RangeError where R stops: fewer than 2 groups, or fewer than 2 values.
 */
export function kruskalTest(values: ArrayLike<number>, groups: ArrayLike<GroupLabel>): KruskalResult {
  if (values.length !== groups.length) throw new RangeError("kruskalTest: 'x' and 'g' must have the same length");
  const xs: number[] = [];
  const gs: number[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const g = groups[i];
    if (Number.isNaN(values[i]) || g === null || g === undefined) continue;
    let j = index.get(g);
    if (j === undefined) index.set(g, (j = index.size));
    xs.push(values[i]);
    gs.push(j);
  }
  const k = index.size;
  if (k < 2) throw new RangeError('kruskalTest: all observations are in the same group');
  const n = xs.length;
  if (n < 2) throw new RangeError('kruskalTest: not enough observations');
  const { ranks, tieSum } = rankWithTies(xs);
  const sums = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums[gs[i]] += ranks[i];
    sizes[gs[i]]++;
  }
  let s = 0;
  for (let j = 0; j < k; j++) s += (sums[j] * sums[j]) / sizes[j];
  const statistic = ((12 * s) / (n * (n + 1)) - 3 * (n + 1)) / (1 - tieSum / (n ** 3 - n));
  const df = k - 1;
  return { statistic, df, p: chiSquareUpperTail(statistic, df), n };
}

export interface PairwiseWilcoxon {
  /** The row of R's p-value matrix: the later level of the pair. */
  level1: string;
  /** The column: the earlier level. */
  level2: string;
  /** wilcox.test(x[level1], x[level2]) before adjustment. */
  p: number;
  statistic: number;
  method: WilcoxonResult['method'];
  /** BH over all pairs, as pairwise.table. */
  p_adjusted: number;
}

/**
 * pairwise.wilcox.test(x, factor(g, levels), p.adjust.method = "BH"): for each pair of
 * levels i > j, wilcox.test(x[g == levels[i]], x[g == levels[j]]) (exact or normal as
 * wilcox.test chooses), then BH over all pairs at once. Pairs are returned by the matrix's
 * rows — (levels[1], levels[0]), (levels[2], levels[0]), (levels[2], levels[1]), … —
 * which is also how R's print of the matrix reads. Values whose group is missing or not
 * among `levels` are ignored (R: NA group); a level without values throws a RangeError, as
 * wilcox.test stops.
 */
export function pairwiseWilcoxon(values: ArrayLike<number>, groups: ArrayLike<GroupLabel>, levels: readonly string[]): PairwiseWilcoxon[] {
  if (values.length !== groups.length) throw new RangeError('pairwiseWilcoxon: values and groups must have the same length');
  const byLevel = new Map<string, number[]>(levels.map((l) => [l, []]));
  for (let i = 0; i < values.length; i++) {
    const g = groups[i];
    if (g === null || g === undefined) continue;
    byLevel.get(g)?.push(values[i]);
  }
  const pairs: PairwiseWilcoxon[] = [];
  for (let i = 1; i < levels.length; i++) {
    for (let j = 0; j < i; j++) {
      const w = wilcoxonRankSum(byLevel.get(levels[i])!, byLevel.get(levels[j])!);
      pairs.push({ level1: levels[i], level2: levels[j], p: w.p, statistic: w.statistic, method: w.method, p_adjusted: NaN });
    }
  }
  // p.adjust is order-free for BH (tied p get one value), so the row order serves.
  const adjusted = benjaminiHochberg(pairs.map((q) => q.p));
  pairs.forEach((q, i) => (q.p_adjusted = adjusted[i]));
  return pairs;
}
