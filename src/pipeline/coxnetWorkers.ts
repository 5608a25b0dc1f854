// cv.glmnet's 1 + K path fits (the full data and each fold left out) are independent:
// spread over worker threads (largest first, next fit to the first free thread), then
// summarised by cvCoxnet on this thread. Each fit is the same function on the same
// numbers as in one thread, so the answer is identical.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { coxnet, type CoxnetPath } from '../model/coxnet.js';
import { cvCoxnet, fitFold, foldControl, type CvCoxnet } from '../model/crossValidation.js';
import type { DesignMatrix } from '../model/design.js';

/** Below this many cells (samples × genes), starting threads costs more than the fits. */
export const MIN_CELLS_FOR_WORKERS = 40_000;

export interface CoxnetWorkerData {
  values: Float64Array;
  nrow: number;
  ncol: number;
  time: Float64Array;
  status: Float64Array;
  foldid: Int32Array;
  foldControl: ReturnType<typeof foldControl>;
}

/** cvCoxnet(x, time, status, foldid), in `threads` workers when x is large enough. */
export async function cvCoxnetInWorkers(
  x: DesignMatrix, time: Float64Array, status: Float64Array, foldid: Int32Array, nfolds: number,
  options: { threads?: number; minCells?: number } = {},
): Promise<CvCoxnet & { threads: number }> {
  const threads = Math.min(options.threads ?? availableParallelism(), nfolds + 1);
  if (threads < 2 || x.nrow * x.ncol < (options.minCells ?? MIN_CELLS_FOR_WORKERS)) return { ...cvCoxnet(x, time, status, foldid), threads: 1 };
  const values = new Float64Array(new SharedArrayBuffer(8 * x.values.length));
  values.set(x.values);
  const data: CoxnetWorkerData = { values, nrow: x.nrow, ncol: x.ncol, time, status, foldid, foldControl: foldControl(x, time, status) };
  const pool = Array.from({ length: threads }, () => new Worker(new URL('./coxnetWorker.js', import.meta.url), { workerData: data }));
  const queue = Array.from({ length: nfolds + 1 }, (_, k) => k);
  const fits: CoxnetPath[] = new Array(nfolds + 1);
  try {
    await Promise.all(pool.map((w) => new Promise<void>((resolve, reject) => {
      const onExit = (code: number): void => reject(new Error(`LASSO Cox worker stopped with exit code ${code}`));
      const next = (): void => {
        const k = queue.shift();
        if (k === undefined) { w.off('exit', onExit); resolve(); } else w.postMessage(k);
      };
      w.on('message', ({ k, fit }: { k: number; fit: CoxnetPath }) => { fits[k] = fit; next(); });
      w.once('error', reject);
      w.once('exit', onExit);
      next();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { ...cvCoxnet(x, time, status, foldid, {}, { full: fits[0], folds: fits.slice(1) }), threads };
}

/** One fit of the set: 0 the full data, k fold k left out. */
export function coxnetFit(data: CoxnetWorkerData, k: number): CoxnetPath {
  const x = { nrow: data.nrow, ncol: data.ncol, values: data.values };
  return k === 0 ? coxnet(x, data.time, data.status) : fitFold(x, data.time, data.status, data.foldid, k, data.foldControl);
}
