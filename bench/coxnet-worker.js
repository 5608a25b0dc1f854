// Worker of bench/coxnet.js: fits the full path or one fold's path (the 11 independent
// glmnet fits behind cv.glmnet) on the shared design matrix, on request.
import { parentPort, workerData } from 'node:worker_threads';
import { coxnet } from '../dist/model/coxnet.js';
import { fitFold } from '../dist/model/crossValidation.js';

const { values, nrow, ncol, time, status, foldid, foldControl } = workerData;
const x = { nrow, ncol, values };
parentPort.on('message', (k) => {
  const fit = k === 0 ? coxnet(x, time, status) : fitFold(x, time, status, foldid, k, foldControl);
  parentPort.postMessage({ k, fit });
});
