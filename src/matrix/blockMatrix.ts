// Matrices whose gene rows live in SharedArrayBuffer blocks, so worker threads can
// read them without copying and a streaming reader need not know the row count ahead.
import type { ExpressionMatrix } from './expressionMatrix.js';

/** A matrix whose rows live in blocks: row r is blocks[floor(r / rowsPerBlock)] at offset (r % rowsPerBlock) × nSamples. */
export interface BlockMatrix extends ExpressionMatrix {
  /** Float64Arrays over SharedArrayBuffers; the last block may hold fewer rows. */
  blocks: Float64Array[];
  rowsPerBlock: number;
}

/** Builds row views over blocks. */
export function blockMatrix(rowIds: string[], samples: string[], blocks: Float64Array[], rowsPerBlock: number): BlockMatrix {
  const n = samples.length;
  const views: Float64Array[] = new Array(rowIds.length);
  for (let r = 0; r < rowIds.length; r++) {
    const off = (r % rowsPerBlock) * n;
    views[r] = blocks[Math.floor(r / rowsPerBlock)].subarray(off, off + n);
  }
  return { rowIds, samples, nRows: rowIds.length, nSamples: n, row: (r) => views[r], blocks, rowsPerBlock };
}

export function newBlock(rows: number, nSamples: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(rows * nSamples * 8));
}

/** Copies any matrix into shared blocks (a no-op for a block matrix). */
export function toBlockMatrix(matrix: ExpressionMatrix, rowsPerBlock = 256): BlockMatrix {
  const m = matrix as Partial<BlockMatrix>;
  if (Array.isArray(m.blocks) && typeof m.rowsPerBlock === 'number') return matrix as BlockMatrix;
  const blocks: Float64Array[] = [];
  for (let start = 0; start < matrix.nRows; start += rowsPerBlock) {
    const count = Math.min(rowsPerBlock, matrix.nRows - start);
    const block = newBlock(count, matrix.nSamples);
    for (let i = 0; i < count; i++) block.set(matrix.row(start + i), i * matrix.nSamples);
    blocks.push(block);
  }
  return blockMatrix(matrix.rowIds, matrix.samples, blocks, rowsPerBlock);
}
