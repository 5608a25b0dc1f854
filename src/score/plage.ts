// PLAGE (Tomfohr et al. 2005) as Bioconductor GSVA 1.46 computes it: gsva(method="plage"),
// i.e. R functions `plage` and `rightsingularsvdvectorgset` in GSVA's R/gsva.R: the set's
// genes standardised across samples (t(scale(t(X))), SD with n - 1; genes with SD < 1e-10
// or a missing value dropped beforehand, as `.filterFeatures`), then the first right
// singular vector svd(Z[set, ])$v[, 1] (unit length over the samples) is the score.
//
// LAPACK's sign of a singular vector is arbitrary; the migrascore contract fixes it so
// the score correlates positively with meanz (the mean of the same z rows). Exactly
// uncorrelated scores (no sign information) get their largest-magnitude entry positive.
//
// The singular vector is computed from the smaller Gram matrix (Z Z' when k <= n, else
// Z'Z) by cyclic Jacobi rotations, which converge to full accuracy for symmetric
// matrices. A one-gene set gives z / ||z|| (GSVA 1.46 drops the matrix to a vector there
// and returns a garbled result).
import { meanOfRows } from './mean.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from './types.js';
import { keptRows, standardisedSetRows } from './zscore.js';

/**
 * Eigen-decomposition of a symmetric m x m matrix (row-major, overwritten) by cyclic
 * Jacobi rotations. Returns the eigenvalues (unsorted) and the eigenvectors as the
 * columns of a row-major m x m matrix.
 */
export function jacobiEigen(a: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  let scale = 0;
  for (let i = 0; i < m * m; i++) scale += a[i] * a[i];
  scale = Math.sqrt(scale);
  for (let sweep = 0; sweep < 100 && scale > 0; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q] * a[p * m + q];
    if (Math.sqrt(off) <= 1e-17 * scale) break;
    for (let p = 0; p < m - 1; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q];
        if (apq === 0) continue;
        const app = a[p * m + p];
        const aqq = a[q * m + q];
        // rotation zeroing a[p][q]: t = tan(phi), the smaller root of t^2 + 2 theta t - 1 = 0
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          // columns p and q of A
          const akp = a[k * m + p];
          const akq = a[k * m + q];
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          // rows p and q of A
          const apk = a[p * m + k];
          const aqk = a[q * m + k];
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
        a[p * m + q] = 0;
        a[q * m + p] = 0;
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p];
          const vkq = v[k * m + q];
          v[k * m + p] = c * vkp - s * vkq;
          v[k * m + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) values[i] = a[i * m + i];
  return { values, vectors: v };
}

/** The first right singular vector (unit length, sign as LAPACK leaves it arbitrary) of the k x n matrix with these rows. */
export function firstRightSingularVector(rows: Float64Array[], n: number): Float64Array {
  const k = rows.length;
  const out = new Float64Array(n);
  if (k === 0 || n === 0) return out.fill(NaN);
  if (k <= n) {
    const g = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      const ra = rows[a];
      for (let b = a; b < k; b++) {
        const rb = rows[b];
        let s = 0;
        for (let j = 0; j < n; j++) s += ra[j] * rb[j];
        g[a * k + b] = s;
        g[b * k + a] = s;
      }
    }
    const { values, vectors } = jacobiEigen(g, k);
    const top = argmax(values);
    for (let a = 0; a < k; a++) {
      const u = vectors[a * k + top];
      const ra = rows[a];
      for (let j = 0; j < n; j++) out[j] += u * ra[j];
    }
    let norm = 0;
    for (let j = 0; j < n; j++) norm += out[j] * out[j];
    norm = Math.sqrt(norm);
    for (let j = 0; j < n; j++) out[j] /= norm;
    return out;
  }
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += rows[a][i] * rows[a][j];
      g[i * n + j] = s;
      g[j * n + i] = s;
    }
  }
  const { values, vectors } = jacobiEigen(g, n);
  const top = argmax(values);
  for (let j = 0; j < n; j++) out[j] = vectors[j * n + top];
  return out;
}

function argmax(x: Float64Array): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
  return best;
}

/** Flips `v` in place so that it correlates positively with `ref` (see the header). */
export function alignSign(v: Float64Array, ref: Float64Array): Float64Array {
  const n = v.length;
  let mv = 0;
  let mr = 0;
  for (let j = 0; j < n; j++) {
    mv += v[j];
    mr += ref[j];
  }
  mv /= n;
  mr /= n;
  let cov = 0;
  for (let j = 0; j < n; j++) cov += (v[j] - mv) * (ref[j] - mr);
  let flip = cov < 0;
  if (cov === 0 || cov !== cov) {
    let big = 0;
    for (let j = 1; j < n; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
    flip = v[big] < 0;
  }
  if (flip) for (let j = 0; j < n; j++) v[j] = -v[j];
  return v;
}

export function plage(matrix: ExpressionMatrix, sets: ResolvedGeneSet[]): ScoreMatrix {
  const z = standardisedSetRows(matrix, sets);
  const n = matrix.nSamples;
  return sets.map((set) => {
    const rows = keptRows(set, z);
    if (rows.length === 0) return new Float64Array(n).fill(NaN);
    return alignSign(firstRightSingularVector(rows, n), meanOfRows(rows, n));
  });
}
