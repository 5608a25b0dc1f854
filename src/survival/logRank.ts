// The G-rho family of k-sample tests (log-rank, Peto–Peto), as survival's survdiff.
import { chiSquareUpperTail } from '../stats/distributions.js';
import { fixTiedTimes } from './timefix.js';
import { benjaminiHochberg } from '../stats/multipleTesting.js';

export interface LogRankOptions {
  /** Merge near-identical times first, as survdiff's `timefix = TRUE` (default). */
  timefix?: boolean;
}

export interface LogRankResult {
  chisq: number;
  /** Groups with a positive expected count, minus one (as survdiff). */
  df: number;
  p: number;
  /** Per group (index = group code); weighted by S(t-)^rho like survdiff's `obs`. */
  observed: number[];
  expected: number[];
  /** k × k covariance matrix of observed - expected (survdiff's `var`). */
  variance: number[][];
  /** Subjects per group. */
  n: number[];
}

/**
 * Solve A x = b by Gaussian elimination with partial pivoting (the LU of
 * LAPACK dgesv behind R's solve()). Returns null when A is singular, where R
 * stops with "system is exactly singular".
 */
function solveLinear(a: number[][], b: number[]): number[] | null {
  const m = b.length;
  const lu = a.map((row) => row.slice());
  const x = b.slice();
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(lu[r][col]) > Math.abs(lu[pivot][col])) pivot = r;
    if (lu[pivot][col] === 0 || !Number.isFinite(lu[pivot][col])) return null;
    [lu[col], lu[pivot]] = [lu[pivot], lu[col]];
    [x[col], x[pivot]] = [x[pivot], x[col]];
    for (let r = col + 1; r < m; r++) {
      const f = lu[r][col] / lu[col][col];
      if (f === 0) continue;
      for (let c = col; c < m; c++) lu[r][c] -= f * lu[col][c];
      x[r] -= f * x[col];
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let s = x[r];
    for (let c = r + 1; c < m; c++) s -= lu[r][c] * x[c];
    x[r] = s / lu[r][r];
  }
  return x;
}

/**
 * k-sample test of equal survival, as survival's survdiff(Surv(time, event) ~ group, rho=).
 * At each distinct event time, with n at risk, d events and r_g at risk in group g,
 * weight w = S(t-)^rho from the pooled left-continuous Kaplan–Meier (w = 1 for
 * the log-rank test, rho = 1 for Peto & Peto's Wilcoxon):
 *   O_g += w d_g,  E_g += w d r_g / n,
 *   V_gh += w² d (n-d)/(n(n-1)) (r_g δ_gh - r_g r_h / n)    (survdiff2.c;
 * Harrington & Fleming 1982). The statistic is (O-E)' V⁻ (O-E) over the groups
 * with E > 0, dropping the first of them to invert V (as survdiff), on
 * df = #(E > 0) - 1. `group` holds integer codes 0..k-1.
 *
 * Where R stops with an error (a single group present, singular V) the
 * statistic is NaN; with fewer than two groups having E > 0 it is 0 with
 * p = 1 (df 0), as survdiff's pchisq(0, 0, lower.tail = FALSE).
 */
export function logRankTest(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  group: ArrayLike<number>,
  k: number,
  rho = 0,
  options: LogRankOptions = {},
): LogRankResult {
  const nTotal = time.length;
  if (event.length !== nTotal || group.length !== nTotal) {
    throw new RangeError(`time, event and group differ in length (${nTotal}, ${event.length}, ${group.length})`);
  }
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const n = new Array<number>(k).fill(0);
  for (let i = 0; i < nTotal; i++) {
    const g = group[i];
    if (!Number.isInteger(g) || g < 0 || g >= k) throw new RangeError(`group[${i}] = ${g} is not a code in 0..${k - 1}`);
    if (!Number.isFinite(time[i])) throw new RangeError(`time[${i}] is not a finite number (${time[i]})`);
    if (event[i] !== 0 && event[i] !== 1) throw new RangeError(`event[${i}] must be 0 or 1 (got ${event[i]})`);
    n[g]++;
  }
  const t = options.timefix === false ? Float64Array.from(time) : fixTiedTimes(time);
  const order = new Uint32Array(nTotal);
  for (let i = 0; i < nTotal; i++) order[i] = i;
  order.sort((a, b) => t[a] - t[b]);

  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const risk = n.slice();
  const deaths = new Array<number>(k).fill(0);
  const leaving = new Array<number>(k).fill(0);
  let atRisk = nTotal;
  let km = 1; // pooled KM just before the current time (left-continuous)

  for (let i = 0; i < nTotal; ) {
    const ti = t[order[i]];
    deaths.fill(0);
    leaving.fill(0);
    let d = 0;
    let size = 0;
    for (; i < nTotal && t[order[i]] === ti; i++, size++) {
      const g = group[order[i]];
      leaving[g]++;
      if (event[order[i]] === 1) {
        deaths[g]++;
        d++;
      }
    }
    const w = rho === 0 ? 1 : Math.pow(km, rho);
    if (d > 0) {
      for (let g = 0; g < k; g++) {
        observed[g] += w * deaths[g];
        expected[g] += (w * d * risk[g]) / atRisk;
      }
      if (atRisk > 1) {
        const scale = (w * w * d * (atRisk - d)) / (atRisk * (atRisk - 1));
        for (let g = 0; g < k; g++) {
          if (risk[g] === 0) continue;
          const tmp = scale * risk[g];
          variance[g][g] += tmp;
          for (let h = 0; h < k; h++) variance[g][h] -= (tmp * risk[h]) / atRisk;
        }
      }
      km *= (atRisk - d) / atRisk;
    }
    for (let g = 0; g < k; g++) risk[g] -= leaving[g];
    atRisk -= size;
  }

  const used: number[] = [];
  for (let g = 0; g < k; g++) if (expected[g] > 0) used.push(g);
  const df = used.length - 1;
  const present = n.filter((c) => c > 0).length;
  let chisq = 0;
  if (present < 2) chisq = NaN; // survdiff stops: "There is only 1 group"
  else if (used.length >= 2) {
    const keep = used.slice(1);
    const diff = keep.map((g) => observed[g] - expected[g]);
    const vv = keep.map((g) => keep.map((h) => variance[g][h]));
    const x = solveLinear(vv, diff);
    chisq = x === null ? NaN : x.reduce((s, xi, j) => s + xi * diff[j], 0);
  }
  let p: number;
  if (Number.isNaN(chisq) || df < 0) p = NaN;
  else if (df === 0) p = 1;
  else p = chiSquareUpperTail(chisq, df);
  return { chisq, df, p, observed, expected, variance, n };
}

export interface PairwiseLogRank {
  group1: string;
  group2: string;
  chisq: number;
  p: number;
  p_adjusted: number;
}

/**
 * Every pair of groups compared with its own survdiff (the pair's data only,
 * so time merging and risk sets are the pair's), p-values adjusted by
 * Benjamini–Hochberg over all pairs, as survminer::pairwise_survdiff(...,
 * p.adjust.method = "BH", rho=). Empty groups are left out (its droplevels).
 * Pairs come in level order: (1,2), (1,3), …, (2,3), …
 */
export function pairwiseLogRank(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  group: ArrayLike<number>,
  k: number,
  levels: string[],
  rho = 0,
  options: LogRankOptions = {},
): PairwiseLogRank[] {
  if (levels.length !== k) throw new RangeError(`levels has ${levels.length} names for ${k} groups`);
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    if (!Number.isInteger(g) || g < 0 || g >= k) throw new RangeError(`group[${i}] = ${g} is not a code in 0..${k - 1}`);
    members[g].push(i);
  }
  const rows: Omit<PairwiseLogRank, 'p_adjusted'>[] = [];
  for (let a = 0; a < k; a++) {
    if (members[a].length === 0) continue;
    for (let b = a + 1; b < k; b++) {
      if (members[b].length === 0) continue;
      const idx = [...members[a], ...members[b]];
      const sub = (v: ArrayLike<number>) => Float64Array.from(idx, (i) => v[i]);
      const codes = Float64Array.from(idx, (i) => (group[i] === a ? 0 : 1));
      const res = logRankTest(sub(time), sub(event), codes, 2, rho, options);
      rows.push({ group1: levels[a], group2: levels[b], chisq: res.chisq, p: res.p });
    }
  }
  const adjusted = benjaminiHochberg(rows.map((r) => r.p));
  return rows.map((r, i) => ({ ...r, p_adjusted: adjusted[i] }));
}
