// A matrix restricted to some samples (columns), e.g. the matched analysis cohort;
// scores inside `survival` are computed on exactly those samples (contract).
import { blockMatrix, newBlock, type BlockMatrix } from './blockMatrix.js';
import type { ExpressionMatrix } from './types.js';

export function selectSamples(matrix: ExpressionMatrix, columns: ArrayLike<number>, rowsPerBlock = 256): ExpressionMatrix | BlockMatrix {
  const k = columns.length;
  let identity = k === matrix.nSamples;
  for (let j = 0; identity && j < k; j++) identity = columns[j] === j;
  if (identity) return matrix;
  const blocks: Float64Array[] = [];
  for (let start = 0; start < matrix.nRows; start += rowsPerBlock) {
    const count = Math.min(rowsPerBlock, matrix.nRows - start);
    const block = newBlock(count, k);
    for (let i = 0; i < count; i++) {
      const row = matrix.row(start + i);
      const offset = i * k;
      for (let j = 0; j < k; j++) block[offset + j] = row[columns[j]];
    }
    blocks.push(block);
  }
  return blockMatrix(matrix.rowIds, Array.from(columns, (c) => matrix.samples[c]), blocks, rowsPerBlock);
}
