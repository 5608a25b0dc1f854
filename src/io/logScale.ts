// Is an expression matrix on a log scale? GEO2R's rule (the R script behind NCBI's
// GEO2R), applied to all values of the matrix:
//   qx <- quantile(ex, c(0, 0.25, 0.5, 0.75, 0.99, 1.0), na.rm = TRUE)
//   LogC <- (qx[5] > 100) || (qx[6] - qx[1] > 50 && qx[2] > 0)
// and log2(x + 1) for data that are not (RSEM, TPM, counts).
import { mulberry32 } from '../random.js';
import type { ExpressionMatrix } from '../matrix/expressionMatrix.js';
import { blockMatrix, newBlock, type BlockMatrix } from '../matrix/blockMatrix.js';
import { quantileOfSorted } from '../stats/quantile.js';

/** --log2: apply log2(x + 1) when the matrix looks unlogged (auto), always (yes) or never (no). */
export type Log2Mode = 'auto' | 'yes' | 'no';

export const LOG_PROBS = [0, 0.25, 0.5, 0.75, 0.99, 1] as const;

/** Matrices with at most this many values are judged on every value. */
export const EXACT_LIMIT = 2_000_000;
/** Otherwise the inner quantiles come from this many values drawn by a fixed-seed generator. */
export const SAMPLE_SIZE = 1_000_000;

export interface LogScaleDecision {
  unlogged: boolean;
  reason: string;
  /** qx: quantiles at 0, 0.25, 0.5, 0.75, 0.99, 1 (R type 7), NaN when there are no values. */
  quantiles: number[];
  /** Values the quantiles were computed on ('all' when exact). */
  basis: 'all' | { sampled: number; of: number };
}

const fmt = (x: number) => String(Number(x.toPrecision(6)));

/**
 * GEO2R's log-scale rule on the matrix's non-missing values. Up to EXACT_LIMIT values:
 * exact quantiles of all of them. Above: the minimum and maximum are still exact (one
 * pass), the 25/50/75/99% quantiles are those of SAMPLE_SIZE cells drawn uniformly
 * with replacement by mulberry32 with a fixed seed — deterministic for a given matrix,
 * and within about ±0.1 percentile points of the exact ones.
 */
export function detectUnlogged(matrix: ExpressionMatrix): LogScaleDecision {
  const { nRows, nSamples } = matrix;
  const total = nRows * nSamples;
  let values: Float64Array;
  let basis: LogScaleDecision['basis'] = 'all';
  let min = Infinity;
  let max = -Infinity;
  if (total <= EXACT_LIMIT) {
    values = new Float64Array(total);
    let k = 0;
    for (let r = 0; r < nRows; r++) {
      const row = matrix.row(r);
      for (let j = 0; j < nSamples; j++) if (!Number.isNaN(row[j])) values[k++] = row[j];
    }
    values = values.subarray(0, k);
  } else {
    for (let r = 0; r < nRows; r++) {
      const row = matrix.row(r);
      for (let j = 0; j < nSamples; j++) {
        const v = row[j];
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    const rand = mulberry32(0x5eed1234);
    values = new Float64Array(SAMPLE_SIZE);
    let k = 0;
    for (let i = 0; i < SAMPLE_SIZE; i++) {
      const cell = Math.floor(rand() * total);
      const v = matrix.row(Math.floor(cell / nSamples))[cell % nSamples];
      if (!Number.isNaN(v)) values[k++] = v;
    }
    values = values.subarray(0, k);
    basis = { sampled: SAMPLE_SIZE, of: total };
  }
  if (values.length === 0) {
    return { unlogged: false, reason: 'the matrix has no non-missing values', quantiles: LOG_PROBS.map(() => NaN), basis };
  }
  values.sort();
  const qx = LOG_PROBS.map((p) => quantileOfSorted(values, p));
  if (basis !== 'all') { qx[0] = min; qx[5] = max; }
  const where = basis === 'all' ? '' : ` (quantiles of ${SAMPLE_SIZE.toLocaleString('en-US')} sampled values)`;
  if (qx[4] > 100) {
    return { unlogged: true, reason: `99th percentile ${fmt(qx[4])} > 100${where}`, quantiles: qx, basis };
  }
  if (qx[5] - qx[0] > 50 && qx[1] > 0) {
    return { unlogged: true, reason: `range ${fmt(qx[0])} to ${fmt(qx[5])} spans more than 50 and the 25th percentile ${fmt(qx[1])} > 0${where}`, quantiles: qx, basis };
  }
  return {
    unlogged: false,
    reason: `looks log-scaled: 99th percentile ${fmt(qx[4])} ≤ 100 and ${qx[5] - qx[0] > 50 ? `25th percentile ${fmt(qx[1])} ≤ 0` : `range ${fmt(qx[0])} to ${fmt(qx[5])} ≤ 50`}${where}`,
    quantiles: qx,
    basis,
  };
}

/**
 * log2(x + 1) of every value, into NEW SharedArrayBuffer blocks (same layout as the
 * input's blocks when it has them, else 256 rows per block): the result needs as much
 * memory again as the input values (8 bytes × rows × samples) while the input is alive.
 * With `inPlace` and a block matrix (e.g. from readExpressionMatrix), its blocks are
 * overwritten instead and the same matrix is returned — no extra memory, but the
 * original values are gone. Values below -1 give NaN, as log2 does in R.
 */
export function log2PlusOne(matrix: ExpressionMatrix, options: { inPlace?: boolean } = {}): BlockMatrix {
  const { nRows, nSamples } = matrix;
  const src = matrix as Partial<BlockMatrix>;
  const hasBlocks = Array.isArray(src.blocks) && typeof src.rowsPerBlock === 'number';
  if (options.inPlace && hasBlocks) {
    for (const block of src.blocks!) for (let i = 0; i < block.length; i++) block[i] = Math.log2(block[i] + 1);
    return matrix as BlockMatrix;
  }
  const rowsPerBlock = hasBlocks ? src.rowsPerBlock! : 256;
  const blocks: Float64Array[] = [];
  for (let start = 0; start < nRows; start += rowsPerBlock) {
    const count = Math.min(rowsPerBlock, nRows - start);
    const block = newBlock(count, nSamples);
    for (let i = 0; i < count; i++) {
      const row = matrix.row(start + i);
      const off = i * nSamples;
      for (let j = 0; j < nSamples; j++) block[off + j] = Math.log2(row[j] + 1);
    }
    blocks.push(block);
  }
  return blockMatrix(matrix.rowIds, matrix.samples, blocks, rowsPerBlock);
}

/** Cells where log2(x + 1) is undefined (x ≤ -1: NaN, or -Inf at -1), with the first few (row, column, value). */
export function cellsBelowMinusOne(matrix: ExpressionMatrix, examples = 3): { cells: number; rows: number; first: { row: number; column: number; value: number }[] } {
  let cells = 0;
  let rows = 0;
  const first: { row: number; column: number; value: number }[] = [];
  for (let r = 0; r < matrix.nRows; r++) {
    const x = matrix.row(r);
    let inRow = 0;
    for (let j = 0; j < x.length; j++) {
      if (x[j] <= -1) {
        inRow++;
        if (first.length < examples) first.push({ row: r, column: j, value: x[j] });
      }
    }
    if (inRow > 0) { cells += inRow; rows++; }
  }
  return { cells, rows, first };
}
