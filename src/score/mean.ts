// The two simple scores of the migrascore contract (no R function behind them):
// - mean:  mean expression of the set's genes in each sample (missing values skipped;
//          NaN when a sample has none of the set's genes).
// - meanz: each gene z-scored across samples (mean, SD with n - 1, as R's scale()),
//          then averaged per sample. Genes are filtered as GSVA filters them for zscore
//          and plage (SD < 1e-10 or any missing value: dropped), so meanz equals
//          zscore * sqrt(k) / k and is the reference for plage's sign.
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from './types.js';
import { keptRows, standardisedSetRows } from './zscore.js';

export function meanScore(matrix: ExpressionMatrix, sets: ResolvedGeneSet[]): ScoreMatrix {
  const n = matrix.nSamples;
  return sets.map((set) => {
    const sum = new Float64Array(n);
    const count = new Int32Array(n);
    for (const r of set.rows) {
      const row = matrix.row(r);
      for (let j = 0; j < n; j++) {
        const v = row[j];
        if (v === v) {
          sum[j] += v;
          count[j]++;
        }
      }
    }
    for (let j = 0; j < n; j++) sum[j] = count[j] > 0 ? sum[j] / count[j] : NaN;
    return sum;
  });
}

/** Per-sample mean of already standardised rows (NaN when there are none). */
export function meanOfRows(rows: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  if (rows.length === 0) return out.fill(NaN);
  for (const zr of rows) for (let j = 0; j < n; j++) out[j] += zr[j];
  for (let j = 0; j < n; j++) out[j] /= rows.length;
  return out;
}

export function meanZScore(matrix: ExpressionMatrix, sets: ResolvedGeneSet[]): ScoreMatrix {
  const z = standardisedSetRows(matrix, sets);
  return sets.map((set) => meanOfRows(keptRows(set, z), matrix.nSamples));
}
