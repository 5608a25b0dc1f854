// Combined z-score (Lee et al. 2008) as Bioconductor GSVA 1.46 computes it:
// gsva(method="zscore"), i.e. R functions `zscore` and `combinez` in GSVA's R/gsva.R:
// Z <- t(scale(t(X))) (each gene centred by its mean across samples and divided by its
// SD with n - 1), then score = sum of the set's z over sqrt(k).
//
// Before scoring, GSVA's `.filterFeatures` (R/utils.R) discards, for every method but
// ssgsea, the genes whose SD across samples is below 1e-10 or NA (a gene with a missing
// value has SD NA), so such genes leave every set and k shrinks; a set left with no gene
// gives NaN here (GSVA drops it from its output). `standardisedRow` applies the same
// rule, shared with plage and meanz.
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from './types.js';

/** GSVA 1.46 `.filterFeatures`: genes with SD below this count as constant. */
export const CONSTANT_SD = 1e-10;

/**
 * R's `scale()` of one gene across samples: (x - mean) / sd with sd over n - 1. Null
 * when GSVA would drop the gene: a missing value, fewer than two samples, or
 * SD < 1e-10.
 */
export function standardisedRow(values: ArrayLike<number>): Float64Array | null {
  const n = values.length;
  if (n < 2) return null;
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const v = values[j];
    if (v !== v) return null;
    sum += v;
  }
  const mean = sum / n;
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const d = values[j] - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd >= CONSTANT_SD) || !Number.isFinite(sd)) return null;
  const z = new Float64Array(n);
  for (let j = 0; j < n; j++) z[j] = (values[j] - mean) / sd;
  return z;
}

/**
 * True when GSVA 1.46's `.filterFeatures` discards this gene: SD (n - 1) below 1e-10,
 * or NA (a missing value, or fewer than two samples). Same rule as standardisedRow.
 */
export function gsvaDropsRow(values: ArrayLike<number>): boolean {
  const n = values.length;
  if (n < 2) return true;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += values[j];
  if (sum !== sum) return true;
  const mean = sum / n;
  let ss = 0;
  for (let j = 0; j < n; j++) ss += (values[j] - mean) * (values[j] - mean);
  const sd = Math.sqrt(ss / (n - 1));
  return !(sd >= CONSTANT_SD) || !Number.isFinite(sd);
}

/** Standardised rows of every distinct row used by `sets` (null = dropped by GSVA's filter). */
export function standardisedSetRows(matrix: ExpressionMatrix, sets: ResolvedGeneSet[]): Map<number, Float64Array | null> {
  const out = new Map<number, Float64Array | null>();
  for (const set of sets) {
    for (const r of set.rows) if (!out.has(r)) out.set(r, standardisedRow(matrix.row(r)));
  }
  return out;
}

/** The z-score rows of one set that survive GSVA's filter, in set order. */
export function keptRows(set: ResolvedGeneSet, z: Map<number, Float64Array | null>): Float64Array[] {
  const rows: Float64Array[] = [];
  for (const r of set.rows) {
    const zr = z.get(r);
    if (zr) rows.push(zr);
  }
  return rows;
}

/** GSVA's combined z-score: sum over the set's standardised genes / sqrt(k). */
export function zscore(matrix: ExpressionMatrix, sets: ResolvedGeneSet[]): ScoreMatrix {
  const z = standardisedSetRows(matrix, sets);
  const n = matrix.nSamples;
  return sets.map((set) => {
    const rows = keptRows(set, z);
    const out = new Float64Array(n);
    if (rows.length === 0) return out.fill(NaN);
    for (const zr of rows) for (let j = 0; j < n; j++) out[j] += zr[j];
    const f = Math.sqrt(rows.length);
    for (let j = 0; j < n; j++) out[j] /= f;
    return out;
  });
}
