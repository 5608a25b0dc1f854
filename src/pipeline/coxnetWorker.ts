// Worker thread of coxnetWorkers.ts: the data first (the worker may start before it is
// read), then one glmnet path fit per request.
import { parentPort } from 'node:worker_threads';
import { coxnetFit, type CoxnetWorkerData } from './coxnetWorkers.js';

let data: CoxnetWorkerData | undefined;
parentPort!.on('message', (m: number | CoxnetWorkerData) => {
  if (typeof m !== 'number') data = m;
  else parentPort!.postMessage({ k: m, fit: coxnetFit(data!, m) });
});
