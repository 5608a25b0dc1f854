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

/** A worker of the pool, with the first error or exit it reports. */
export interface PooledWorker { worker: Worker; ended: Promise<Error> }

function startWorker(): PooledWorker {
  const worker = new Worker(new URL('./coxnetWorker.js', import.meta.url));
  const ended = new Promise<Error>((resolve) => {
    worker.once('error', resolve);
    worker.once('exit', (code) => resolve(new Error(`LASSO Cox worker stopped with exit code ${code}`)));
  });
  // Until given work, a started worker does not keep the process alive (e.g. after a reading error).
  worker.unref();
  return { worker, ended };
}

/** The threads cvCoxnetInWorkers would use for nfolds folds. */
export function workerThreads(threads: number | undefined, nfolds: number): number {
  return Math.min(threads ?? availableParallelism(), nfolds + 1);
}

/**
 * Start the workers before the data is read when the fit will (probably) use them: their
 * start-up (isolate, module loading) then overlaps reading the inputs. `cellsAtMost`
 * bounds samples × genes; cvCoxnetInWorkers starts or stops workers if the guess was off.
 */
export function startCoxnetPool(threads: number | undefined, nfolds: number, cellsAtMost: number, minCells = MIN_CELLS_FOR_WORKERS): PooledWorker[] {
  const n = workerThreads(threads, nfolds);
  return n < 2 || cellsAtMost < minCells ? [] : Array.from({ length: n }, startWorker);
}

export async function stopCoxnetPool(pool: PooledWorker[]): Promise<void> {
  await Promise.all(pool.splice(0).map(({ worker }) => worker.terminate()));
}

/** cvCoxnet(x, time, status, foldid), in `threads` workers when x is large enough (`pool`: started ones). */
export async function cvCoxnetInWorkers(
  x: DesignMatrix, time: Float64Array, status: Float64Array, foldid: Int32Array, nfolds: number,
  options: { threads?: number; minCells?: number; pool?: PooledWorker[] } = {},
): Promise<CvCoxnet & { threads: number }> {
  const threads = workerThreads(options.threads, nfolds);
  const pool = options.pool ?? [];
  if (threads < 2 || x.nrow * x.ncol < (options.minCells ?? MIN_CELLS_FOR_WORKERS)) {
    await stopCoxnetPool(pool);
    return { ...cvCoxnet(x, time, status, foldid), threads: 1 };
  }
  try {
    await stopCoxnetPool(pool.splice(threads));
    while (pool.length < threads) pool.push(startWorker());
    const values = new Float64Array(new SharedArrayBuffer(8 * x.values.length));
    values.set(x.values);
    const data: CoxnetWorkerData = { values, nrow: x.nrow, ncol: x.ncol, time, status, foldid, foldControl: foldControl(x, time, status) };
    const queue = Array.from({ length: nfolds + 1 }, (_, k) => k);
    const fits: CoxnetPath[] = new Array(nfolds + 1);
    await Promise.all(pool.map(({ worker: w, ended }) => Promise.race([
      ended.then((e) => { throw e; }),
      new Promise<void>((resolve) => {
        const next = (): void => {
          const k = queue.shift();
          if (k === undefined) resolve(); else w.postMessage(k);
        };
        w.on('message', ({ k, fit }: { k: number; fit: CoxnetPath }) => { fits[k] = fit; next(); });
        w.ref();
        w.postMessage(data);
        next();
      }),
    ])));
    return { ...cvCoxnet(x, time, status, foldid, {}, { full: fits[0], folds: fits.slice(1) }), threads };
  } finally {
    await stopCoxnetPool(pool);
  }
}

/** One fit of the set: 0 the full data, k fold k left out. */
export function coxnetFit(data: CoxnetWorkerData, k: number): CoxnetPath {
  const x = { nrow: data.nrow, ncol: data.ncol, values: data.values };
  return k === 0 ? coxnet(x, data.time, data.status) : fitFold(x, data.time, data.status, data.foldid, k, data.foldControl);
}
