// A matrix restricted to some samples (columns), e.g. the matched analysis cohort;
// scores inside `survival` are computed on exactly those samples (contract).
import { blockMatrix, newBlock, type BlockMatrix } from '../matrix/blockMatrix.js';
import type { ExpressionMatrix } from './types.js';

/**
 * Reusable shared memory for successive subsets (pancan: one per cancer). Without it each
 * cancer's copy is a fresh SharedArrayBuffer that the collector frees late, and a
 * 33-cancer run holds several of them at once. A subset made with a scratch is valid
 * until the next subset made with the same scratch.
 */
export class SampleScratch {
  private buffers: SharedArrayBuffer[] = [];
  private capacity = 0;

  /** Views of `count` rows × k columns for each block, growing the buffers when k exceeds what they hold. */
  blocks(blockRows: number[], k: number): Float64Array[] {
    if (k > this.capacity || this.buffers.length !== blockRows.length) {
      this.capacity = Math.max(k, this.capacity);
      this.buffers = blockRows.map((rows) => new SharedArrayBuffer(rows * this.capacity * 8));
    }
    return blockRows.map((rows, b) => new Float64Array(this.buffers[b], 0, rows * k));
  }
}

export function selectSamples(matrix: ExpressionMatrix, columns: ArrayLike<number>, scratch?: SampleScratch, rowsPerBlock = 256): ExpressionMatrix | BlockMatrix {
  const k = columns.length;
  let identity = k === matrix.nSamples;
  for (let j = 0; identity && j < k; j++) identity = columns[j] === j;
  if (identity) return matrix;
  const blockRows: number[] = [];
  for (let start = 0; start < matrix.nRows; start += rowsPerBlock) blockRows.push(Math.min(rowsPerBlock, matrix.nRows - start));
  const blocks = scratch ? scratch.blocks(blockRows, k) : blockRows.map((rows) => newBlock(rows, k));
  blocks.forEach((block, b) => {
    for (let i = 0; i < blockRows[b]; i++) {
      const row = matrix.row(b * rowsPerBlock + i);
      const offset = i * k;
      for (let j = 0; j < k; j++) block[offset + j] = row[columns[j]];
    }
  });
  return blockMatrix(matrix.rowIds, Array.from(columns, (c) => matrix.samples[c]), blocks, rowsPerBlock);
}
