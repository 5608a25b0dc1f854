// Worker thread: un-normalised ssGSEA scores for one range of samples.
import { parentPort, workerData } from 'node:worker_threads';
import { ssgseaRaw } from '../score/ssgsea.js';
import { matrixOverRows } from './scoreWorkers.js';

const { rows, sets, sampleStart, sampleEnd } = workerData;
parentPort!.postMessage(ssgseaRaw(matrixOverRows(rows), sets, { sampleStart, sampleEnd }));
