// ssGSEA across worker threads: each worker scores a range of samples on the same
// gene-major rows, shared (SharedArrayBuffer) rather than copied; the run-wide range
// normalisation (GSVA's ssgsea.norm) is applied once all ranges are back.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { normaliseByRange, ssgseaRaw } from '../score/ssgsea.js';
import { blockMatrix, toBlockMatrix } from '../matrix/blockMatrix.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from '../score/types.js';

/** Below this many cells, thread start-up costs more than it saves. */
const MIN_CELLS_FOR_WORKERS = 4_000_000;

/** What a worker needs to see the matrix rows: the shared blocks and their layout. */
export interface SharedRows {
  blocks: Float64Array[];
  rowsPerBlock: number;
  nRows: number;
  nSamples: number;
}

/** A row-access view over shared blocks (used inside workers). */
export function matrixOverRows({ blocks, rowsPerBlock, nRows, nSamples }: SharedRows): ExpressionMatrix {
  return blockMatrix(new Array<string>(nRows).fill(''), new Array<string>(nSamples).fill(''), blocks, rowsPerBlock);
}

export async function scoreInWorkers(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], threads?: number): Promise<ScoreMatrix> {
  const n = matrix.nSamples;
  const workers = Math.max(1, Math.min(threads ?? availableParallelism(), Math.ceil(n / 64)));
  if (workers === 1 || matrix.nRows * n < MIN_CELLS_FOR_WORKERS) {
    return normaliseByRange([ssgseaRaw(matrix, sets, { sampleStart: 0, sampleEnd: n })]);
  }
  const { blocks, rowsPerBlock, nRows, nSamples } = toBlockMatrix(matrix);
  const rows: SharedRows = { blocks, rowsPerBlock, nRows, nSamples };
  const plainSets = sets.map((s) => ({ name: s.name, rows: s.rows, genes: s.genes }));
  const bounds = Array.from({ length: workers + 1 }, (_, i) => Math.round((i * n) / workers));
  const parts = await Promise.all(
    bounds.slice(0, -1).map((start, i) => runWorker({ rows, sets: plainSets, sampleStart: start, sampleEnd: bounds[i + 1] })),
  );
  return normaliseByRange(parts);
}

function runWorker(data: { rows: SharedRows; sets: ResolvedGeneSet[]; sampleStart: number; sampleEnd: number }): Promise<ScoreMatrix> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ssgseaWorker.js', import.meta.url), { workerData: data });
    worker.once('message', (result: ScoreMatrix) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ssGSEA worker stopped with exit code ${code}`));
    });
  });
}
