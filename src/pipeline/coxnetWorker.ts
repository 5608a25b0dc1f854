// Worker thread of coxnetWorkers.ts: one glmnet path fit per request.
import { parentPort, workerData } from 'node:worker_threads';
import { coxnetFit, type CoxnetWorkerData } from './coxnetWorkers.js';

const data = workerData as CoxnetWorkerData;
parentPort!.on('message', (k: number) => {
  parentPort!.postMessage({ k, fit: coxnetFit(data, k) });
});
