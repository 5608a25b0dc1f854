#!/usr/bin/env node
// LASSO Cox benchmark: cv.glmnet(x, Surv(time, status), family = "cox", foldid) on 500
// patients × 1,000 genes (bench/coxnet-data.js), migrascore's engine against R's glmnet 4.1-6
// on the same numbers and folds. Times the cross-validated fit itself (not process start or
// reading): single-threaded, and with the 11 path fits (full + 10 folds) spread over worker
// threads; then compares lambda.min, its coefficients and the cv table with R's.
// Usage: node bench/coxnet.js [runs=5] [r-runs=3]   (after npm install; Rscript with glmnet)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cvCoxnet, foldControl } from '../dist/model/crossValidation.js';
import { engineLabel } from '../dist/model/kernels.js';
import { coxnetDataTsv, makeCoxnetData } from './coxnet-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out');
const runs = Number(process.argv[2] ?? 5);
const rRuns = Number(process.argv[3] ?? 3);
mkdirSync(work, { recursive: true });

const data = makeCoxnetData(500, 1000);
const n = data.time.length;
const p = data.columns.length;
const tsv = join(work, `coxnet-${n}x${p}.tsv`);
writeFileSync(tsv, coxnetDataTsv(data));
const shared = new Float64Array(new SharedArrayBuffer(8 * n * p));
data.columns.forEach((c, j) => shared.set(c, j * n));
const x = { nrow: n, ncol: p, values: shared };
const nfolds = Math.max(...data.foldid);

/** The 11 fits on `threads` workers (largest first), then cv.glmnet's summary on this thread. */
async function cvInWorkers(threads) {
  const perFold = foldControl(x, data.time, data.status);
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./coxnet-worker.js', import.meta.url), {
    workerData: { values: shared, nrow: n, ncol: p, time: data.time, status: data.status, foldid: data.foldid, foldControl: perFold },
  }));
  const queue = Array.from({ length: nfolds + 1 }, (_, k) => k);
  const fits = new Array(nfolds + 1);
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    const next = () => (queue.length ? w.postMessage(queue.shift()) : resolve());
    w.on('message', ({ k, fit }) => { fits[k] = fit; next(); });
    w.on('error', reject);
    next();
  })));
  await Promise.all(workers.map((w) => w.terminate()));
  return cvCoxnet(x, data.time, data.status, data.foldid, {}, { full: fits[0], folds: fits.slice(1) });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Wall and CPU time (user + system, all threads of this process) of each run. */
async function measure(fn) {
  const wall = [];
  const cpu = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = await fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { wall, cpu, result };
}

const threads = availableParallelism();
const single = await measure(() => cvCoxnet(x, data.time, data.status, data.foldid));
const parallel = await measure(() => cvInWorkers(threads));
const cv = parallel.result;

const rOut = join(work, 'coxnet-r.json');
let r = null;
if (rRuns > 0) {
  const proc = spawnSync('Rscript', [join(root, 'bench', 'coxnet.R'), tsv, rOut, String(rRuns)], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (proc.status !== 0) throw new Error('Rscript bench/coxnet.R failed');
}
try { r = JSON.parse(readFileSync(rOut, 'utf8')); } catch { r = null; }
if (r && !Array.isArray(r.wall)) r = null; // from an older bench/coxnet.R

const fmt = (xs) => `${median(xs).toFixed(2)} | ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
console.log(`# coxnet benchmark: ${n} × ${p}, ${nfolds} folds, ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, solver kernels ${engineLabel()} (MIGRASCORE_KERNELS=wasm|js to compare), load ${loadavg()[0].toFixed(1)}, ${new Date().toISOString().slice(0, 10)}`);
console.log('| case | median wall (s) | min–max (s) | median CPU (s) |');
console.log('|---|---|---|---|');
console.log(`| migrascore cvCoxnet, 1 thread (${runs} runs) | ${fmt(single.wall)} | ${median(single.cpu).toFixed(2)} |`);
console.log(`| migrascore cvCoxnet, ${threads} worker threads (${runs} runs) | ${fmt(parallel.wall)} | ${median(parallel.cpu).toFixed(2)} |`);
if (r) {
  console.log(`| R: cv.glmnet (glmnet ${r.glmnet}, ${r.wall.length} runs) | ${fmt(r.wall)} | ${median(r.cpu).toFixed(2)} |`);
  const b = cv.fit.beta[cv.indexMin];
  let coef = 0;
  let nonzero = 0;
  for (let j = 0; j < p; j++) {
    if (b[j] !== 0) nonzero++;
    if ((b[j] !== 0) !== (r.coef_min[j] !== 0)) coef = Infinity;
    else if (b[j] !== 0) coef = Math.max(coef, Math.abs(b[j] - r.coef_min[j]) / Math.abs(r.coef_min[j]));
  }
  let cvm = 0;
  for (let l = 0; l < cv.cvm.length; l++) cvm = Math.max(cvm, Math.abs(cv.cvm[l] - r.cvm[l]) / Math.abs(r.cvm[l]));
  console.log(`\nR / migrascore (${threads} threads) median wall: ${(median(r.wall) / median(parallel.wall)).toFixed(1)}×; single thread: ${(median(r.wall) / median(single.wall)).toFixed(1)}×; CPU time, single thread: ${(median(r.cpu) / median(single.cpu)).toFixed(1)}×`);
  console.log(`lambda.min ${cv.lambdaMin} (R ${r.lambda_min[0]}), ${nonzero} genes; max relative difference of the lambda.min coefficients ${coef.toExponential(1)}, of cvm ${cvm.toExponential(1)} (path ${cv.lambda.length}, R ${r.path})`);
}
