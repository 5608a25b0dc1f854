// GSVA (method="gsva") across worker threads. The kernel CDFs (n^2 work per gene) are
// computed by every worker on the same shared rows, each taking the next chunk of genes
// from a shared counter and writing into one shared gene-major buffer; then each worker
// settles the near ties of a range of samples (gsvaSettleNearTies); the walk over each
// sample's gene order (much cheaper) runs here through gsva() itself.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { gsva, gsvaKeptRows, type GsvaKcdf } from '../score/gsva.js';
import { toBlockMatrix } from '../matrix/blockMatrix.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from '../score/types.js';
import type { SharedRows } from './scoreWorkers.js';

/** Below this many kernel terms (genes × samples²), thread start-up costs more than it saves. */
export const MIN_TERMS_FOR_WORKERS = 50_000_000;

/** What gsvaWorker.ts receives. */
export interface GsvaWorkerData {
  rows: SharedRows;
  kept: Int32Array;
  kcdf: GsvaKcdf;
  /** kept.length × nSamples, over a SharedArrayBuffer. */
  density: Float64Array;
  /** [next gene to take], over a SharedArrayBuffer. */
  next: Int32Array;
}

export type GsvaTask = { task: 'kernel' } | { task: 'settle'; sampleStart: number; sampleEnd: number };

export async function gsvaInWorkers(
  matrix: ExpressionMatrix,
  sets: ResolvedGeneSet[],
  kcdf: GsvaKcdf,
  threads?: number,
): Promise<ScoreMatrix> {
  const n = matrix.nSamples;
  const kept = gsvaKeptRows(matrix);
  const workers = Math.max(1, Math.min(threads ?? availableParallelism(), kept.length));
  if (workers === 1 || kept.length < 2 || kept.length * n * n < MIN_TERMS_FOR_WORKERS) return gsva(matrix, sets, { kcdf });
  const { blocks, rowsPerBlock, nRows, nSamples } = toBlockMatrix(matrix);
  const data: GsvaWorkerData = {
    rows: { blocks, rowsPerBlock, nRows, nSamples },
    kept,
    kcdf,
    density: new Float64Array(new SharedArrayBuffer(kept.length * n * 8)),
    next: new Int32Array(new SharedArrayBuffer(4)),
  };
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./gsvaWorker.js', import.meta.url), { workerData: data }));
  try {
    await Promise.all(pool.map((w) => run(w, { task: 'kernel' })));
    const bounds = Array.from({ length: workers + 1 }, (_, i) => Math.round((i * n) / workers));
    await Promise.all(pool.map((w, i) => run(w, { task: 'settle', sampleStart: bounds[i], sampleEnd: bounds[i + 1] })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return gsva(matrix, sets, { kcdf, density: data.density });
}

/** Sends one task and waits for the worker's answer. */
function run(worker: Worker, task: GsvaTask): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`GSVA worker stopped with exit code ${code}`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (answer: unknown) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      resolve(answer);
    });
    worker.postMessage(task);
  });
}
