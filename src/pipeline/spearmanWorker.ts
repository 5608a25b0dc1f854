// Worker thread: spearmanManyGroups for one range of genes (rows geneStart..geneEnd-1).
import { parentPort, workerData } from 'node:worker_threads';
import { spearmanManyGroups } from '../stats/spearmanMany.js';
import { matrixOverRows } from './scoreWorkers.js';
import type { SpearmanWorkerData } from './spearmanWorkers.js';

const { rows, groups, geneStart, geneEnd } = workerData as SpearmanWorkerData;
const matrix = matrixOverRows(rows);
parentPort!.postMessage(spearmanManyGroups(groups, geneEnd - geneStart, (g) => matrix.row(geneStart + g)));
