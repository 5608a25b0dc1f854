// Kernel estimates of each gene's CDF across samples, as GSVA 1.46 computes them before
// ranking (R: compute.gene.density -> C: matrix_density_R / row_d in
// src/kernel_estimation.c). For every gene and sample j,
//   r[j] = -log((1 - F(y_j)) / F(y_j)),  F(y) = mean_i K(y - x_i)
// with K = Gaussian CDF of bandwidth sd(x)/4, read from GSVA's precomputed table, or
// K = Poisson CDF ppois(y, x_i + 0.5) for counts. The result only matters through the
// order of genes within a sample (ties included). The Poisson kernel follows the C code's
// floating-point operations in the same order, O(n^2) per gene (n samples) as GSVA. The
// Gaussian kernel sorts each gene once and visits each pair of samples once
// (gsvaKernelFast.ts), which adds C's terms in another order; values that end up too close
// to another gene's for that to be safe are then recomputed in C's order, so every
// sample's order of genes is GSVA's.
// Limit: the Gaussian table is R's bit for bit, but the Poisson CDF (poisson.ts, ~1e-14) and the final
// log (V8) may differ from R's glibc-based values by an ulp or so, which reorders genes
// only where R's own order rests on rounding: genes whose kernel sums are mathematically
// equal (the same counts in another sample order, common for very low counts).
import type { ExpressionMatrix } from './types.js';
import { poissonCdf } from './poisson.js';
import { MAX_PRECOMPUTE, normalCdfTable, PRECOMPUTE_RESOLUTION } from './gsvaNormalTable.js';
import { firstSaturatedIndex, forEachNearTie, gaussianRowSorted, nearTieBound, rowScratch } from './gsvaKernelFast.js';

export type GsvaKcdf = 'gaussian' | 'poisson';

const SIGMA_FACTOR = 4;
/** Poisson kernel: ppois(y, x + 0.5) (row_d's `bw` when rnaseq = TRUE). */
const POISSON_OFFSET = 0.5;


/**
 * GSVA's precomputedCdf(x, sigma): Φ(x / sigma) read from the table at index
 * trunc(|v| / 10 * 10000) (rounding toward zero, i.e. toward the table point nearer 0),
 * mirrored for v < 0; 0 below -10 and 1 above 10.
 */
export function precomputedNormalCdf(x: number, sigma: number): number {
  const t = normalCdfTable();
  const v = x / sigma;
  if (v < -MAX_PRECOMPUTE) return 0;
  if (v > MAX_PRECOMPUTE) return 1;
  const cdf = t[Math.trunc((Math.abs(v) / MAX_PRECOMPUTE) * PRECOMPUTE_RESOLUTION)];
  return v < 0 ? 1.0 - cdf : cdf;
}

// Error-free transformations (Knuth's TwoSum, Dekker's product): a op b = hi + lo exactly.
const SPLITTER = 134217729; // 2^27 + 1
function twoSumLo(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}
function twoProdLo(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
/** (hi + lo) / d rounded once to double. */
function divideOnce(hi: number, lo: number, d: number): number {
  const q = hi / d;
  const p = q * d;
  const r = hi - p - twoProdLo(q, d, p) + lo; // (hi + lo) - q * d, to first order exact
  return q + r / d;
}

/**
 * The bandwidth's standard deviation as GSVA's C sd() (after R's cov.c): mean with one
 * correction pass, then sum((x - mean)^2) / (n - 1) with each square rounded to double.
 * C keeps both sums (and the mean until its final cast) in long double; here they are
 * double-double, so the doubles C rounds to are reproduced (bar exact-tie cases).
 */
export function gsvaSd(x: ArrayLike<number>): number {
  const n = x.length;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const s = hi + x[i];
    lo += twoSumLo(hi, x[i], s);
    hi = s;
  }
  let mean = divideOnce(hi, lo, n);
  if (Number.isFinite(mean)) {
    // sum(x - mean) exactly (each difference as hi + lo), then mean += sum / n.
    let c = 0;
    let cl = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i] - mean;
      const dl = twoSumLo(x[i], -mean, d);
      const s = c + d;
      cl += twoSumLo(c, d, s) + dl;
      c = s;
    }
    mean = mean + divideOnce(c, cl, n);
  }
  let ss = 0;
  let ssl = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    const sq = d * d;
    const s = ss + sq;
    ssl += twoSumLo(ss, sq, s);
    ss = s;
  }
  return Math.sqrt(divideOnce(ss, ssl, n - 1));
}

/**
 * Sample y of one gene, Gaussian kernel, as row_d (rnaseq = FALSE) computes it: C's terms
 * added in sample order, then the log-odds.
 */
function gaussianLogOdds(x: Float64Array, y: number, bw: number, t: Float64Array): number {
  const n = x.length;
  let leftTail = 0.0;
  for (let i = 0; i < n; i++) {
    const v = (y - x[i]) / bw;
    if (v < -MAX_PRECOMPUTE) continue; // adds 0
    if (v > MAX_PRECOMPUTE) {
      leftTail += 1;
      continue;
    }
    const cdf = t[Math.trunc((Math.abs(v) / MAX_PRECOMPUTE) * PRECOMPUTE_RESOLUTION)];
    leftTail += v < 0 ? 1.0 - cdf : cdf;
  }
  leftTail = leftTail / n;
  return -1.0 * Math.log((1.0 - leftTail) / leftTail);
}

/** One gene, Gaussian kernel, literally as row_d: O(n^2) in C's order. */
function gaussianRow(x: Float64Array, out: Float64Array, offset: number, t: Float64Array): void {
  const bw = gsvaSd(x) / SIGMA_FACTOR;
  for (let j = 0; j < x.length; j++) out[offset + j] = gaussianLogOdds(x, x[j], bw, t);
}

/**
 * One gene, Poisson kernel (row_d with rnaseq = TRUE). ppois(y, x_i + 0.5) depends on y
 * only through floor(y + 1e-7) (or y < 0), so it is evaluated once per distinct pair of
 * (y class, x_i); the terms are still added in sample order, as in C, so the sums are
 * the same doubles.
 */
function poissonRow(x: Float64Array, out: Float64Array, offset: number): void {
  const n = x.length;
  const lambdas = new Map<number, number>(); // x value -> column
  const counts = new Map<number, number>(); // ppois's effective y -> row
  const col = new Int32Array(n);
  const row = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = x[i] < 0 ? -1 : Math.floor(x[i] + 1e-7);
    if (!counts.has(key)) counts.set(key, counts.size);
    row[i] = counts.get(key)!;
    if (!lambdas.has(x[i])) lambdas.set(x[i], lambdas.size);
    col[i] = lambdas.get(x[i])!;
  }
  const u = lambdas.size;
  const cdf = new Float64Array(counts.size * u); // cdf[row * u + col] = ppois(y, x + 0.5)
  for (const [y, a] of counts) {
    for (const [v, b] of lambdas) cdf[a * u + b] = poissonCdf(y, v + POISSON_OFFSET);
  }
  for (let j = 0; j < n; j++) {
    const base = row[j] * u;
    let leftTail = 0.0;
    for (let i = 0; i < n; i++) leftTail += cdf[base + col[i]];
    leftTail = leftTail / n;
    out[offset + j] = -1.0 * Math.log((1.0 - leftTail) / leftTail);
  }
}

/** Below this many samples the literal O(n^2) loop is as quick, and R's to the bit. */
export const FAST_MIN_SAMPLES = 16;

/** Does the Gaussian kernel of n samples go through gaussianRowSorted (and so need gsvaSettleNearTies)? */
function usesFastPath(kcdf: GsvaKcdf, n: number): boolean {
  return kcdf === 'gaussian' && n >= FAST_MIN_SAMPLES;
}

/**
 * Kernel CDF log-odds of rows[from..to) into `out` from `outOffset`, gene-major: value
 * outOffset + (g - from) * nSamples + j is gene rows[g], sample j. Every sample is both a
 * density sample and a test sample (as gsva() calls it). With the Gaussian kernel the
 * values are GSVA's to ~1e-12 but may not yet be in GSVA's order where two genes of a
 * sample nearly tie: run gsvaSettleNearTies once all rows are in. One call covers a range
 * of rows, so the work can be split across worker threads.
 */
export function gsvaKernelRows(
  matrix: ExpressionMatrix,
  rows: ArrayLike<number>,
  kcdf: GsvaKcdf,
  from: number,
  to: number,
  out: Float64Array,
  outOffset = 0,
): void {
  const n = matrix.nSamples;
  if (usesFastPath(kcdf, n)) {
    const t = normalCdfTable();
    const saturated = firstSaturatedIndex(t);
    const scratch = rowScratch(n);
    for (let g = from; g < to; g++) {
      const x = matrix.row(rows[g]);
      const bw = gsvaSd(x) / SIGMA_FACTOR;
      gaussianRowSorted(x, bw, t, saturated, MAX_PRECOMPUTE, PRECOMPUTE_RESOLUTION, out, outOffset + (g - from) * n, scratch);
    }
    return;
  }
  const t = kcdf === 'gaussian' ? normalCdfTable() : undefined;
  for (let g = from; g < to; g++) {
    const x = matrix.row(rows[g]);
    if (t !== undefined) gaussianRow(x, out, outOffset + (g - from) * n, t);
    else poissonRow(x, out, outOffset + (g - from) * n);
  }
}

/**
 * Recomputes in C's order every value of samples [sampleStart, sampleEnd) that lies too
 * close to another gene's value of the same sample for the fast sums to decide their
 * order (gsvaKernelFast.ts), so that each sample's order of genes, ties included, is
 * GSVA's. `density` holds all genes rows[0..] (as from gsvaKernelRows). Returns how many
 * values were recomputed.
 */
export function gsvaSettleNearTies(
  density: Float64Array,
  matrix: ExpressionMatrix,
  rows: ArrayLike<number>,
  kcdf: GsvaKcdf,
  sampleStart = 0,
  sampleEnd = matrix.nSamples,
): number {
  const n = matrix.nSamples;
  if (!usesFastPath(kcdf, n)) return 0;
  const t = normalCdfTable();
  const bandwidths = new Map<number, number>();
  let recomputed = 0;
  forEachNearTie(density, rows.length, n, nearTieBound(n), (g, j) => {
    const x = matrix.row(rows[g]);
    let bw = bandwidths.get(g);
    if (bw === undefined) {
      bw = gsvaSd(x) / SIGMA_FACTOR;
      bandwidths.set(g, bw);
    }
    density[g * n + j] = gaussianLogOdds(x, x[j], bw, t);
    recomputed++;
  }, sampleStart, sampleEnd);
  return recomputed;
}

/**
 * Kernel CDF log-odds for rows[from..to) of the matrix (GSVA's gene.density), gene-major:
 * value (g - from) * nSamples + j is gene rows[g], sample j. Within each sample the genes
 * are in GSVA's order (ties included), which is all gsva() uses them for; the values are
 * GSVA's to ~1e-12 (bit for bit below FAST_MIN_SAMPLES samples).
 */
export function gsvaKernelCdf(
  matrix: ExpressionMatrix,
  rows: ArrayLike<number>,
  kcdf: GsvaKcdf,
  from = 0,
  to = rows.length,
): Float64Array {
  const n = matrix.nSamples;
  const out = new Float64Array(Math.max(0, to - from) * n);
  gsvaKernelRows(matrix, rows, kcdf, from, to, out);
  gsvaSettleNearTies(out, matrix, Array.from({ length: Math.max(0, to - from) }, (_, g) => rows[from + g]), kcdf);
  return out;
}
