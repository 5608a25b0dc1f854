#!/usr/bin/env node
// Scoring benchmark: `migrascore score` end to end (read, resolve, score, write) on a
// TCGA-sized synthetic matrix, and side by side with R (data.table::fread + GSVA) on a
// slice R can handle. Usage (after npm install):
//   node bench/score.js [samples=11000] [runs=3]
// Writes bench/out/matrix-<samples>.tsv (about 2 GB for 11,000 samples) once and reuses it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out');
const samples = Number(process.argv[2] ?? 11000);
const runs = Number(process.argv[3] ?? 3);
const genes = 20531;
mkdirSync(work, { recursive: true });

function ensureMatrix(nSamples) {
  const path = join(work, `matrix-${nSamples}.tsv`);
  if (!existsSync(path)) {
    const r = spawnSync(process.execPath, [join(root, 'bench', 'make-matrix.js'), path, String(genes), String(nSamples)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('make-matrix failed');
  }
  return path;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall seconds and peak RSS (MB) of a command over `runs` runs. */
function measure(cmd, args, n = runs) {
  const wall = [];
  const rss = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (p.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${p.stderr}`);
    wall.push(s);
    rss.push(Number(p.stderr.trim().split('\n').pop()) / 1024);
  }
  return { wall: median(wall), min: Math.min(...wall), max: Math.max(...wall), rss: median(rss) };
}

const cli = join(root, 'bin', 'migrascore.js');
const big = ensureMatrix(samples);
const rows = [];
for (const method of ['ssgsea', 'meanz']) {
  const r = measure(process.execPath, [cli, 'score', '--expr', big, '--method', method, '--log2', 'no', '--out', join(work, `scores-${method}.tsv`)]);
  rows.push([`score --method ${method} (migrasome-core), ${genes} × ${samples}, ${(statSync(big).size / 1e9).toFixed(2)} GB`, r]);
}

// Side by side with R on a slice: 20,531 genes × 500 samples, 3 sets, ssgsea.
const haveR = spawnSync('Rscript', ['-e', 'suppressMessages({library(GSVA); library(data.table)})']).status === 0;
let ratio = null;
if (haveR) {
  const slice = ensureMatrix(500);
  const gmt = join(work, 'three-sets.gmt');
  spawnSync(process.execPath, [cli, 'genesets', 'export', 'migrasome-core', '--format', 'gmt', '--out', gmt]);
  const ours = measure(process.execPath, [cli, 'score', '--expr', slice, '--geneset', 'migrasome-core', '--geneset', 'migrasome-markers', '--geneset', 'migrasome-tetraspanins', '--log2', 'no', '--out', join(work, 'slice-ours.tsv')]);
  const rScript = join(root, 'bench', 'gsva.R');
  const theirs = measure('Rscript', [rScript, slice, join(work, 'slice-r.tsv'), 'ssgsea'], Math.min(runs, 3));
  rows.push([`score ssgsea, 3 sets, ${genes} × 500 (migrascore)`, ours]);
  rows.push([`R: fread + gsva(method="ssgsea"), same slice`, theirs]);
  ratio = theirs.wall / ours.wall;
}

console.log(`# score benchmark — ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, median of ${runs} runs`);
console.log('| case | median wall (s) | min–max (s) | peak RSS (MB) |\n|---|---|---|---|');
for (const [name, r] of rows) console.log(`| ${name} | ${r.wall.toFixed(2)} | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${r.rss.toFixed(0)} |`);
if (ratio !== null) console.log(`\nR / migrascore wall-time ratio on the 500-sample slice: ${ratio.toFixed(1)}×`);
else console.log('\n(R with GSVA and data.table not found: no side-by-side run.)');
