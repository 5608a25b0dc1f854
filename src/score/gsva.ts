// GSVA scores (Hänzelmann, Castelo & Guinney 2013) as Bioconductor GSVA 1.46 computes
// them: gsva(expr, sets, method = "gsva", kcdf = "Gaussian" | "Poisson", mx.diff,
// tau, abs.ranking = FALSE). Steps, with the R/C function each reproduces:
//  1. .filterFeatures(): genes whose sd across samples is < 1e-10, or NA (any missing
//     value), are dropped; R warns and goes on without them. Gene sets shrink to the
//     remaining genes; a set left empty is dropped by R (filterGeneSets, min.sz = 1) —
//     here it keeps its row, filled with NaN, so the output stays aligned with `sets`.
//  2. compute.gene.density() / matrix_density_R(): kernel CDF log-odds per gene and
//     sample (./gsvaKernel.ts).
//  3. compute.geneset.es(): per sample, genes ordered by decreasing density with R's
//     stable order(decreasing = TRUE) (ties keep gene order), and the gene at position
//     p = 1..G gets the symmetric rank score |G - p + 1 - G/2|.
//  4. ks_test_m() / C ks_sample(): a random walk over that order that steps up by
//     score^tau / sum(set scores^tau) at set genes and down by 1 / (G - |set|)
//     elsewhere; the score is max + min of the walk (mx.diff = TRUE) or its largest
//     excursion (mx.diff = FALSE).
import { MigrascoreError } from '../errors.js';
import { gsvaKernelCdf, type GsvaKcdf } from './gsvaKernel.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from './types.js';

export type { GsvaKcdf } from './gsvaKernel.js';

export interface GsvaOptions {
  /** Kernel for the per-gene CDF: 'gaussian' (log-scale data) or 'poisson' (counts). */
  kcdf: GsvaKcdf;
  /** Score = max + min deviation of the walk (default true, GSVA's mx.diff). */
  mxDiff?: boolean;
  /** Weight exponent of the rank scores in the walk (default 1, GSVA's tau). */
  tau?: number;
  /** Kernel CDFs of the gsvaKeptRows() genes, already computed (e.g. across worker threads). */
  density?: Float64Array;
}

/** Below this sd a gene counts as constant (GSVA's .filterFeatures, after matrixStats::rowSds). */
const CONSTANT_SD = 1e-10;

/**
 * Matrix rows GSVA keeps: sd across samples (n - 1 denominator) >= 1e-10 and no
 * missing or infinite value (R's rowSds is NA or NaN then).
 */
export function gsvaKeptRows(matrix: ExpressionMatrix): Int32Array {
  const kept: number[] = [];
  const n = matrix.nSamples;
  for (let r = 0; r < matrix.nRows; r++) {
    const x = matrix.row(r);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += x[j];
    const mean = sum / n;
    let ss = 0;
    for (let j = 0; j < n; j++) ss += (x[j] - mean) * (x[j] - mean);
    const sd = Math.sqrt(ss / (n - 1));
    if (sd >= CONSTANT_SD) kept.push(r); // false for NaN
  }
  return Int32Array.from(kept);
}

/**
 * The walk statistics from a gene-major density matrix (nGenes × nSamples, as from
 * gsvaKernelCdf over the kept rows). `sets` holds indices into those genes, in set order
 * (the order matters only for the last bits of the sum of set scores, as in C).
 */
export function gsvaEnrichment(
  density: Float64Array,
  nGenes: number,
  nSamples: number,
  sets: readonly ArrayLike<number>[],
  mxDiff = true,
  tau = 1,
): ScoreMatrix {
  const out = sets.map(() => new Float64Array(nSamples).fill(NaN));
  const masks = sets.map((s) => {
    const m = new Uint8Array(nGenes);
    for (let k = 0; k < s.length; k++) m[s[k]] = 1;
    return m;
  });
  const column = new Float64Array(nGenes);
  const order = new Int32Array(nGenes);
  const weight = new Float64Array(nGenes); // rank score ^ tau per gene
  const byDecreasingDensity = (a: number, b: number): number => {
    const da = column[a];
    const db = column[b];
    if (da > db) return -1;
    if (da < db) return 1;
    if (da === db) return a - b;
    // NaN last (R's na.last = TRUE), in gene order among themselves
    return Number.isNaN(da) ? (Number.isNaN(db) ? a - b : 1) : -1;
  };
  for (let j = 0; j < nSamples; j++) {
    for (let g = 0; g < nGenes; g++) {
      column[g] = density[g * nSamples + j];
      order[g] = g;
    }
    order.sort(byDecreasingDensity);
    // compute_rank_score(): abs(seq(from = G, to = 1) - G/2) placed at the ordered genes
    for (let p = 0; p < nGenes; p++) {
      const score = Math.abs(nGenes - p - nGenes / 2);
      weight[order[p]] = tau === 1 ? score : Math.pow(score, tau);
    }
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s];
      const k = set.length;
      if (k === 0) continue;
      out[s][j] = randomWalk(order, weight, masks[s], set, mxDiff);
    }
  }
  return out;
}

/** ks_test.c, ks_sample() with abs_rnk = 0; `weight` already holds score^tau. */
function randomWalk(
  order: Int32Array,
  weight: Float64Array,
  mask: Uint8Array,
  set: ArrayLike<number>,
  mxDiff: boolean,
): number {
  const nGenes = order.length;
  const dec = 1.0 / (nGenes - set.length);
  let sumSet = 0.0;
  for (let k = 0; k < set.length; k++) sumSet += weight[set[k]];
  let cumSum = 0.0;
  let mxPos = 0.0;
  let mxNeg = 0.0;
  for (let p = 0; p < nGenes; p++) {
    const g = order[p];
    if (mask[g] === 1) cumSum += weight[g] / sumSet;
    else cumSum -= dec;
    if (cumSum > mxPos) mxPos = cumSum;
    if (cumSum < mxNeg) mxNeg = cumSum;
  }
  if (mxDiff) return mxPos + mxNeg;
  return mxPos > Math.abs(mxNeg) ? mxPos : mxNeg;
}

/**
 * GSVA enrichment scores, scores[set][sample], as GSVA 1.46's
 * gsva(method = "gsva", kcdf, mx.diff, tau, abs.ranking = FALSE, min.sz = 1, max.sz = Inf).
 * Pure and deterministic. Throws when fewer than two genes vary (as GSVA stops).
 */
export function gsva(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], options: GsvaOptions): ScoreMatrix {
  const mxDiff = options.mxDiff ?? true;
  const tau = options.tau ?? 1;
  const kept = gsvaKeptRows(matrix);
  if (kept.length < 2) {
    throw new MigrascoreError(
      `GSVA needs at least two genes that vary across samples; found ${kept.length} (constant genes and genes with missing values are left out)`,
    );
  }
  const keptIndex = new Int32Array(matrix.nRows).fill(-1);
  for (let g = 0; g < kept.length; g++) keptIndex[kept[g]] = g;
  const mapped = sets.map((s) => Int32Array.from(s.rows.map((r) => keptIndex[r]).filter((g) => g >= 0)));
  const density = options.density ?? gsvaKernelCdf(matrix, kept, options.kcdf);
  return gsvaEnrichment(density, kept.length, matrix.nSamples, mapped, mxDiff, tau);
}
