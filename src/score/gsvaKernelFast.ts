// GSVA's Gaussian kernel sums (row_d in kernel_estimation.c, see ./gsvaKernel.ts), fast.
// GSVA adds, for each sample j, the table term of (x_j - x_i) / h over every sample i:
// n^2 terms per gene, each with two divisions. Here each gene is sorted once and each
// pair of samples is visited once:
//  - both of a pair's terms come from one table index, because (x_j - x_i) / h is exactly
//    -((x_i - x_j) / h) in IEEE arithmetic: C's `cdf` for one and `1.0 - cdf` for the other;
//  - from the first table entry equal to 1 (|v| >= 8.293) on, every term is exactly 1 or 0,
//    so those pairs are counted, not visited;
//  - the index trunc(|v| / 10 * 10000) comes from one multiplication, and from C's two
//    divisions only when the product lies within 3e-10 of an integer (where the two could
//    truncate differently; they differ by at most ~6e-12).
// The terms are GSVA's, added in another order, so a sum S differs from C's by at most
// 2 * gamma_n * S (Higham's bound for any order of n non-negative terms, twice). GSVA uses
// these values only through the order of the genes within each sample, so
// forEachNearTie() finds every pair of genes of a sample whose values lie too close for
// that bound to decide their order; the caller recomputes them in C's order.

/** Unit roundoff of doubles. */
const U = 2 ** -53;

/** First table index from which every entry is exactly 1 (8293 for GSVA's table). */
export function firstSaturatedIndex(table: Float64Array): number {
  let k = table.length;
  while (k > 0 && table[k - 1] === 1) k--;
  return k;
}

/** Reusable buffers for one gene of n samples. */
export interface RowScratch {
  sorted: Float64Array;
  sums: Float64Array;
  ones: Int32Array;
}

export function rowScratch(n: number): RowScratch {
  return { sorted: new Float64Array(n), sums: new Float64Array(n), ones: new Int32Array(n + 1) };
}

/** GSVA's table and bandwidth for one gene, with what the pair loops derive from them. */
interface Kernel {
  table: Float64Array;
  saturated: number;
  bw: number;
  maxPrecompute: number;
  resolution: number;
  /** resolution / maxPrecompute / bw: the table index as one product. */
  scale: number;
  /** A shifted product this large has an exact index >= saturated. */
  stop: number;
}

/** C's table index for d = x_j - x_i >= 0: v = d / bw; v > 10 reads 1, else entry (int)(v / 10 * 10000). */
function exactIndex(d: number, k: Kernel): number {
  const v = d / k.bw;
  return v > k.maxPrecompute ? k.saturated : ((v / k.maxPrecompute) * k.resolution) | 0;
}

// The index as q = d * scale + SHIFT, truncated. The product is within ~6e-12 of C's
// two-division value (below 8294, 6 roundings); shifting it up by SHIFT puts C's value
// strictly between trunc(q) and q unless q's fractional part is below BAND, where C's
// own divisions decide. Ties (d = 0) read entry 0 either way.
const SHIFT = 1e-10;
const BAND = 3e-10;

/** The table index of one pair, d >= 0, saturated or beyond when the term is exactly 1. */
function pairIndex(d: number, k: Kernel): number {
  const q = d * k.scale + SHIFT;
  if (q >= k.stop) return k.saturated;
  const i = q | 0;
  return q - i < BAND && d > 0 ? exactIndex(d, k) : i;
}

/**
 * Pairs (a, b) for b = from.. while in the table's reach: adds each cdf to sums[b], marks
 * where a's reach ends in `ones` and returns a's terms 1 - cdf, summed.
 */
function pairsOf(xs: Float64Array, a: number, from: number, sums: Float64Array, ones: Int32Array, k: Kernel): number {
  const n = xs.length;
  const xa = xs[a];
  const { table, scale, stop } = k;
  let below = 0.0;
  let b = from;
  for (; b < n; b++) {
    const d = xs[b] - xa;
    const q = d * scale + SHIFT;
    if (q >= stop) break;
    let i = q | 0;
    if (q - i < BAND && d > 0) i = exactIndex(d, k);
    const cdf = table[i];
    sums[b] += cdf;
    below += 1.0 - cdf;
  }
  ones[b]++; // every value from xs[b] on is beyond the table's reach above xa: term 1
  return below;
}

/**
 * One gene, Gaussian kernel, bandwidth bw: out[offset + j] = -log((1 - L) / L) with
 * L = S_j / n, S_j = sum over i of C's precomputedCdf(x_j - x_i, bw), summed pairwise over
 * the sorted values, four rows a at a time (one load and one update of sums[b] per four
 * pairs). `maxPrecompute / resolution` are GSVA's table constants (10, 10000).
 */
export function gaussianRowSorted(
  x: Float64Array,
  bw: number,
  table: Float64Array,
  saturated: number,
  maxPrecompute: number,
  resolution: number,
  out: Float64Array,
  offset: number,
  scratch: RowScratch = rowScratch(x.length),
): void {
  const n = x.length;
  const xs = scratch.sorted;
  xs.set(x);
  xs.sort();
  const sums = scratch.sums.fill(0.5); // each sample's own term: v = 0 reads entry 0 = 0.5
  const ones = scratch.ones.fill(0);
  const scale = resolution / maxPrecompute / bw;
  const k: Kernel = { table, saturated, bw, maxPrecompute, resolution, scale, stop: saturated + 0.5 };
  const stop = k.stop;
  let a = 0;
  for (; a + 3 < n; a += 4) {
    for (let i = a; i < a + 3; i++) {
      for (let j = i + 1; j < a + 4; j++) {
        const cdf = table[pairIndex(xs[j] - xs[i], k)];
        sums[j] += cdf;
        sums[i] += 1.0 - cdf;
      }
    }
    const x0 = xs[a];
    const x1 = xs[a + 1];
    const x2 = xs[a + 2];
    const x3 = xs[a + 3];
    let below0 = 0.0;
    let below1 = 0.0;
    let below2 = 0.0;
    let below3 = 0.0;
    let b = a + 4;
    for (; b < n; b++) {
      const y = xs[b];
      const d0 = y - x0;
      const q0 = d0 * scale + SHIFT;
      if (q0 >= stop) break; // x0 is the smallest: its reach ends first
      const d1 = y - x1;
      const d2 = y - x2;
      const d3 = y - x3;
      const q1 = d1 * scale + SHIFT;
      const q2 = d2 * scale + SHIFT;
      const q3 = d3 * scale + SHIFT;
      let i0 = q0 | 0;
      let i1 = q1 | 0;
      let i2 = q2 | 0;
      let i3 = q3 | 0;
      if (q0 - i0 < BAND && d0 > 0) i0 = exactIndex(d0, k);
      if (q1 - i1 < BAND && d1 > 0) i1 = exactIndex(d1, k);
      if (q2 - i2 < BAND && d2 > 0) i2 = exactIndex(d2, k);
      if (q3 - i3 < BAND && d3 > 0) i3 = exactIndex(d3, k);
      const c0 = table[i0];
      const c1 = table[i1];
      const c2 = table[i2];
      const c3 = table[i3];
      sums[b] += c0 + c1 + c2 + c3;
      below0 += 1.0 - c0;
      below1 += 1.0 - c1;
      below2 += 1.0 - c2;
      below3 += 1.0 - c3;
    }
    ones[b]++;
    sums[a] += below0;
    sums[a + 1] += below1 + pairsOf(xs, a + 1, b, sums, ones, k);
    sums[a + 2] += below2 + pairsOf(xs, a + 2, b, sums, ones, k);
    sums[a + 3] += below3 + pairsOf(xs, a + 3, b, sums, ones, k);
  }
  for (; a < n; a++) sums[a] += pairsOf(xs, a, a + 1, sums, ones, k);
  let count = 0;
  for (let b = 0; b < n; b++) {
    count += ones[b];
    sums[b] += count;
  }
  for (let j = 0; j < n; j++) {
    const leftTail = sums[lowerBound(xs, x[j])] / n;
    out[offset + j] = -1.0 * Math.log((1.0 - leftTail) / leftTail);
  }
}

/** First position p with xs[p] >= v (xs sorted ascending). */
function lowerBound(xs: Float64Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far a fast value may lie from C's: see nearTieBound() and halfWidth(). */
export interface NearTieBound {
  /** Largest |L_fast - L_C|, L = S / n. */
  dL: number;
  /** Largest |value_fast - value_C| over all values (|value| <= log(2n - 1)). */
  abs: number;
  /** Rounding of the final quotient and log, relative to |value|. */
  rel: number;
}

/**
 * For genes of n samples. Both sums add the same n terms in [0, 1] (S <= n), so
 * |dS| <= 2 gamma_n n, plus one rounding of S / n on each side. The log-odds' slope in L is
 * 1 / (L (1 - L)), largest at the extremes L = 0.5 / n and 1 - 0.5 / n (each sample's own
 * term is 0.5). Each side also rounds 1 - L, the quotient and the log. Doubled for safety.
 */
export function nearTieBound(n: number): NearTieBound {
  const gamma = (n * U) / (1 - n * U);
  const dL = 2 * gamma + 2 * U;
  const lMin = 0.5 / n;
  return { dL, abs: 2 * (dL / (lMin * (1 - lMin)) + 8 * U), rel: 8 * U };
}

/** The bound at a value v: there L = 1 / (1 + e^-v), so 1 / (L (1 - L)) = 2 + 2 cosh(v). */
export function halfWidth(v: number, bound: NearTieBound): number {
  return 2 * (bound.dL * (2 + 2 * Math.cosh(v)) + 8 * U) + bound.rel * Math.abs(v);
}

/** Samples gathered per pass over the density (one cache line of each gene's row). */
const SAMPLES_PER_PASS = 8;

/**
 * Calls visit(g, j) for every gene g of sample j (j in [sampleStart, sampleEnd)) whose
 * value lies within the bound of another gene's value in that sample, i.e. whenever GSVA's
 * order of the two (ties in gene order) could differ from the order of our values.
 * `density` is gene-major: gene g, sample j at g * nSamples + j.
 */
export function forEachNearTie(
  density: Float64Array,
  nGenes: number,
  nSamples: number,
  bound: NearTieBound,
  visit: (g: number, j: number) => void,
  sampleStart = 0,
  sampleEnd = nSamples,
): void {
  const columns = Array.from({ length: SAMPLES_PER_PASS }, () => new Float64Array(nGenes));
  const sorted = new Float64Array(nGenes);
  const runs: number[] = []; // [lo, hi] value ranges of genes to recompute, ascending
  const uniformReach = 2 * bound.abs + bound.rel * 2 * Math.log(2 * nSamples);
  for (let j0 = sampleStart; j0 < sampleEnd; j0 += SAMPLES_PER_PASS) {
    const width = Math.min(SAMPLES_PER_PASS, sampleEnd - j0);
    for (let g = 0; g < nGenes; g++) {
      const base = g * nSamples + j0;
      for (let w = 0; w < width; w++) columns[w][g] = density[base + w];
    }
    for (let w = 0; w < width; w++) {
      const column = columns[w];
      sorted.set(column);
      sorted.sort();
      runs.length = 0;
      for (let i = 0; i + 1 < nGenes; i++) {
        const a = sorted[i];
        const b = sorted[i + 1];
        // Adjacent pairs suffice: halfWidth is doubled, so any two values whose true bounds
        // overlap are linked by a chain of adjacent gaps each within the doubled bounds.
        if (!(b - a <= uniformReach)) continue; // NaN too
        if (b - a > halfWidth(a, bound) + halfWidth(b, bound)) continue;
        if (runs.length > 0 && runs[runs.length - 1] >= a) runs[runs.length - 1] = b;
        else runs.push(a, b);
      }
      if (runs.length === 0) continue;
      for (let g = 0; g < nGenes; g++) {
        if (inRuns(runs, column[g])) visit(g, j0 + w);
      }
    }
  }
}

/** Is v inside one of the ascending, disjoint [lo, hi] pairs? */
function inRuns(runs: number[], v: number): boolean {
  let lo = 0;
  let hi = runs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs[2 * mid + 1] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < runs.length / 2 && runs[2 * lo] <= v;
}
