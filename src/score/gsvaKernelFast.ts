// GSVA's Gaussian kernel sums (row_d in kernel_estimation.c, see ./gsvaKernel.ts), fast.
// GSVA adds, for each sample j, the table term of (x_j - x_i) / h over every sample i:
// n^2 terms per gene, each with two divisions. Here each gene is sorted once and each
// pair of samples is visited once:
//  - both of a pair's terms come from one table index, because (x_j - x_i) / h is exactly
//    -((x_i - x_j) / h) in IEEE arithmetic: C's `cdf` for one and `1.0 - cdf` for the other;
//  - from the first table entry equal to 1 (|v| >= 8.293) on, every term is exactly 1 or 0,
//    so those pairs are counted, not visited;
//  - the index trunc(|v| / 10 * 10000) comes from one multiplication, and from C's two
//    divisions only when the product lies within 1e-10 of an integer (where the two could
//    truncate differently; they differ by at most ~6e-12).
// The terms are GSVA's, added in another order, so a sum S differs from C's by at most
// 2 * gamma_n * S (Higham's bound for any order of n non-negative terms, twice). GSVA uses
// these values only through the order of the genes within each sample, so
// forEachNearTie() finds every pair of genes of a sample whose values lie too close for
// that bound to decide their order; the caller recomputes them in C's order.

/** Unit roundoff of doubles. */
const U = 2 ** -53;
/** Below this distance from an integer, the product may truncate unlike C's divisions. */
const INDEX_TOLERANCE = 1e-10;

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

/**
 * One gene, Gaussian kernel, bandwidth bw: out[offset + j] = -log((1 - L) / L) with
 * L = S_j / n, S_j = sum over i of C's precomputedCdf(x_j - x_i, bw), summed pairwise over
 * the sorted values. `maxPrecompute / resolution` are GSVA's table constants (10, 10000).
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
  const stop = saturated + 0.5; // a product this large has an exact index >= saturated
  for (let a = 0; a < n; a++) {
    const xa = xs[a];
    let below = 0.0; // sample a's terms 1 - cdf from the larger values
    let b = a + 1;
    for (; b < n; b++) {
      const d = xs[b] - xa;
      const q = d * scale;
      if (q >= stop) break;
      let k = q | 0;
      const r = q - k;
      if ((r < INDEX_TOLERANCE && k > 0) || r > 1 - INDEX_TOLERANCE) {
        // C: v = d / bw; v > 10 -> 1, else entry (int)(fabs(v) / 10 * 10000)
        const v = d / bw;
        k = v > maxPrecompute ? saturated : Math.trunc((v / maxPrecompute) * resolution);
      }
      if (k >= saturated) break;
      const cdf = table[k];
      sums[b] += cdf;
      below += 1.0 - cdf;
    }
    sums[a] += below;
    ones[b]++; // every value from xs[b] on is more than the table's reach above xa: term 1
  }
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

/**
 * How far a value of gaussianRowSorted can lie from the one C computes on the same gene
 * (n samples): at most abs + rel * |value|. Both sums add the same n terms in [0, 1]
 * (S <= n), so |dS| <= 2 gamma_n n; L = S / n lies in [0.5 / n, 1 - 0.5 / n] (each sample's
 * own term is 0.5), where the log-odds' slope 1 / (L (1 - L)) is at most ~2n; each side
 * rounds L, 1 - L, the quotient and the log. Doubled for safety.
 */
export function nearTieBound(n: number): { abs: number; rel: number } {
  const gamma = (n * U) / (1 - n * U);
  const dL = 2 * gamma + 2 * U;
  const lMin = 0.5 / n;
  const slope = 1 / (lMin * (1 - lMin));
  return { abs: 2 * (dL * slope + 8 * U), rel: 2 * 4 * U };
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
  bound: { abs: number; rel: number },
  visit: (g: number, j: number) => void,
  sampleStart = 0,
  sampleEnd = nSamples,
): void {
  const columns = Array.from({ length: SAMPLES_PER_PASS }, () => new Float64Array(nGenes));
  const sorted = new Float64Array(nGenes);
  const runs: number[] = []; // [lo, hi] value ranges of genes to recompute, ascending
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
        const reach = 2 * bound.abs + bound.rel * (Math.abs(a) + Math.abs(b));
        if (!(b - a <= reach)) continue;
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
