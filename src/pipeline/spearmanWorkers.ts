// associate --genes across worker threads: each worker runs spearmanManyGroups (R's
// cor.test per gene and cancer) on a range of genes of the same shared rows, read in place;
// a gene's result depends on that gene alone, so the ranges are joined as they come back.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { spearmanManyGroups, type SpearmanGroup, type SpearmanManyResult } from '../stats/spearmanMany.js';
import type { BlockMatrix } from '../matrix/blockMatrix.js';
import type { ExpressionMatrix } from '../score/types.js';
import type { SharedRows } from './scoreWorkers.js';

/** Below this many cells (genes × samples over the groups), thread start-up costs more than it saves. */
export const MIN_CELLS_FOR_SPEARMAN_WORKERS = 4_000_000;

/** What spearmanWorker.ts receives. */
export interface SpearmanWorkerData {
  rows: SharedRows;
  groups: { score: Float64Array; columns: Int32Array }[];
  geneStart: number;
  geneEnd: number;
}

/**
 * spearmanManyGroups over every row of the matrix, on up to `threads` workers (default: all
 * cores). A matrix not held in shared blocks is done here, on this thread: copying a
 * TCGA-sized matrix into blocks would cost more memory than the threads save time.
 */
export async function spearmanManyGroupsInWorkers(groups: readonly SpearmanGroup[], matrix: ExpressionMatrix, threads?: number): Promise<SpearmanManyResult[]> {
  const nGenes = matrix.nRows;
  const cells = nGenes * groups.reduce((s, g) => s + g.columns.length, 0);
  const workers = Math.max(1, Math.min(threads ?? availableParallelism(), Math.floor(nGenes / 64)));
  const { blocks, rowsPerBlock } = matrix as Partial<BlockMatrix>;
  if (workers === 1 || cells < MIN_CELLS_FOR_SPEARMAN_WORKERS || !Array.isArray(blocks) || typeof rowsPerBlock !== 'number') {
    return spearmanManyGroups(groups, nGenes, (g) => matrix.row(g));
  }
  const rows: SharedRows = { blocks, rowsPerBlock, nRows: nGenes, nSamples: matrix.nSamples };
  const plain = groups.map((g) => ({ score: Float64Array.from(g.score), columns: Int32Array.from(g.columns) }));
  const bounds = Array.from({ length: workers + 1 }, (_, i) => Math.round((i * nGenes) / workers));
  const parts = await Promise.all(bounds.slice(0, -1).map((geneStart, i) => runWorker({ rows, groups: plain, geneStart, geneEnd: bounds[i + 1] })));
  return groups.map((_, k) => {
    const out: SpearmanManyResult = { rho: new Float64Array(nGenes), p: new Float64Array(nGenes), exact: new Uint8Array(nGenes), n: new Int32Array(nGenes) };
    parts.forEach((part, i) => {
      out.rho.set(part[k].rho, bounds[i]);
      out.p.set(part[k].p, bounds[i]);
      out.exact.set(part[k].exact, bounds[i]);
      out.n.set(part[k].n, bounds[i]);
    });
    return out;
  });
}

function runWorker(data: SpearmanWorkerData): Promise<SpearmanManyResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./spearmanWorker.js', import.meta.url), { workerData: data });
    worker.once('message', (result: SpearmanManyResult[]) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`Spearman worker stopped with exit code ${code}`));
    });
  });
}
