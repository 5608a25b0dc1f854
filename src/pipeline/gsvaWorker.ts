// Worker thread for gsvaWorkers.ts: kernel CDFs of chunks of genes taken from the shared
// counter, then the near-tie pass over one range of samples.
import { parentPort, workerData } from 'node:worker_threads';
import { gsvaKernelRows, gsvaSettleNearTies } from '../score/gsvaKernel.js';
import { matrixOverRows } from './scoreWorkers.js';
import type { GsvaTask, GsvaWorkerData } from './gsvaWorkers.js';

/** Genes per chunk: small enough to balance the threads, large enough to be cheap to take. */
const CHUNK = 16;

const { rows, kept, kcdf, density, next } = workerData as GsvaWorkerData;
const matrix = matrixOverRows(rows);
const n = matrix.nSamples;

parentPort!.on('message', (message: GsvaTask) => {
  if (message.task === 'kernel') {
    for (let from = Atomics.add(next, 0, CHUNK); from < kept.length; from = Atomics.add(next, 0, CHUNK)) {
      const to = Math.min(from + CHUNK, kept.length);
      gsvaKernelRows(matrix, kept, kcdf, from, to, density, from * n);
    }
    parentPort!.postMessage('done');
  } else {
    parentPort!.postMessage(gsvaSettleNearTies(density, matrix, kept, kcdf, message.sampleStart, message.sampleEnd));
  }
});
