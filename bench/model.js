#!/usr/bin/env node
// `migrascore model fit` end to end on the LASSO benchmark cohort (bench/coxnet-data.js:
// 500 patients × 1,000 genes, 10 folds), as a user runs it: reading the matrix and the
// clinical table, the cross-validated fit on 1 and on 2 worker threads, model.json,
// risk.tsv, figures and the survival analysis of the risk. R's side is bench/coxnet.js's
// (cv.glmnet on the same numbers and folds, bench/out/coxnet-r.json); run that first for
// the ratio and the coefficient check.
// Usage: node bench/model.js [runs=5]   (after npm install)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineLabel } from '../dist/model/kernels.js';
import { makeCoxnetData } from './coxnet-data.js';
import { measure, median } from './measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out', 'model');
const runs = Number(process.argv[2] ?? 5);
mkdirSync(work, { recursive: true });

const data = makeCoxnetData(500, 1000);
const n = data.time.length;
const patients = Array.from({ length: n }, (_, i) => `P${i + 1}`);
// Genes in rows, patients in columns, values log2-like already (--log2 no).
const matrix = [['gene', ...patients].join('\t'), ...data.genes.map((g, j) => [g, ...data.columns[j]].join('\t'))].join('\n') + '\n';
writeFileSync(join(work, 'expr.tsv'), matrix);
writeFileSync(join(work, 'clinical.tsv'), ['patient\ttime\tstatus', ...patients.map((p, i) => `${p}\t${data.time[i]}\t${data.status[i]}`)].join('\n') + '\n');
writeFileSync(join(work, 'folds.tsv'), ['sample\tfold', ...patients.map((p, i) => `${p}\t${data.foldid[i]}`)].join('\n') + '\n');
writeFileSync(join(work, 'candidates.gmt'), ['candidates', 'bench', ...data.genes].join('\t') + '\n');

const bin = join(root, 'bin', 'migrascore.js');
const fit = (threads, out) => [
  'node', bin, 'model', 'fit', '--expr', join(work, 'expr.tsv'), '--clinical', join(work, 'clinical.tsv'),
  '--id', 'patient', '--time', 'time', '--event', 'status', '--genes', join(work, 'candidates.gmt'),
  '--log2', 'no', '--foldid', join(work, 'folds.tsv'), '--threads', String(threads), '--out', join(work, out),
].join(' ');

const load0 = loadavg()[0];
const one = measure(work, 'fit-1', `${fit(1, 'out1')} 2>/dev/null`, runs);
const two = measure(work, 'fit-2', `${fit(2, 'out2')} 2>/dev/null`, runs);
const load1 = loadavg()[0];

const row = (name, m) => `| ${name} (${runs} runs) | ${m.wall.toFixed(2)} | ${m.min.toFixed(2)}–${m.max.toFixed(2)} | ${m.cpu.toFixed(2)} | ${m.rss.toFixed(0)} |`;
console.log(`# model fit: ${n} × ${data.genes.length}, 10 folds, ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, solver kernels ${engineLabel()}, load ${load0.toFixed(1)}–${load1.toFixed(1)}, ${new Date().toISOString().slice(0, 10)}`);
console.log('| case | median wall (s) | min–max (s) | median CPU (s) | peak RSS (MB) |');
console.log('|---|---|---|---|---|');
console.log(row('migrascore model fit --threads 1', one));
console.log(row('migrascore model fit --threads 2', two));

const rFile = join(root, 'bench', 'out', 'coxnet-r.json');
if (existsSync(rFile)) {
  const r = JSON.parse(readFileSync(rFile, 'utf8'));
  const model = JSON.parse(readFileSync(join(work, 'out2', 'model.json'), 'utf8'));
  const ours = new Map(model.genes.map((g) => [g.gene, g.coef]));
  let worst = 0;
  let mismatch = 0;
  data.genes.forEach((g, j) => {
    const theirs = r.coef_min[j];
    const mine = ours.get(g) ?? 0;
    if ((mine !== 0) !== (theirs !== 0)) mismatch++;
    else if (mine !== 0) worst = Math.max(worst, Math.abs(mine - theirs) / Math.abs(theirs));
  });
  console.log(`| R cv.glmnet alone (bench/coxnet.R, ${r.wall.length} runs) | ${median(r.wall).toFixed(2)} | ${Math.min(...r.wall).toFixed(2)}–${Math.max(...r.wall).toFixed(2)} | ${median(r.cpu).toFixed(2)} | — |`);
  console.log(`\nR cv.glmnet / migrascore model fit (2 threads, end to end): ${(median(r.wall) / two.wall).toFixed(1)}× wall`);
  console.log(`lambda.min ${model.lambda_min} (R ${r.lambda_min[0]}); ${ours.size} genes; selection differs for ${mismatch}; max relative coefficient difference ${worst.toExponential(1)}`);
} else {
  console.log('\n(no bench/out/coxnet-r.json: run node bench/coxnet.js first for R\'s side)');
}
