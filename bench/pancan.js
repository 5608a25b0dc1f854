#!/usr/bin/env node
// Pan-cancer benchmark: `migrascore pancan` end to end on the TCGA-sized synthetic matrix
// of bench/score.js (20,531 genes × 11,000 samples), with a synthetic clinical table that
// spreads the patients over the 33 TCGA cancer types in TCGA-CDR's proportions: ssgsea of
// migrasome-core within each cancer, median split, KM/log-rank/Cox, figures and report.
// Usage (after npm install): node bench/pancan.js [runs=3]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out');
const runs = Number(process.argv[2] ?? 3);
mkdirSync(work, { recursive: true });
const matrix = join(work, 'matrix-11000.tsv');
if (!existsSync(matrix)) {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'make-matrix.js'), matrix, '20531', '11000'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('make-matrix failed');
}

// Cancer types in TCGA-CDR proportions; one clinical row per patient of the matrix.
const cdr = gunzipSync(readFileSync(join(root, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n').slice(1).filter(Boolean);
const types = cdr.map((l) => l.split('\t')[2]);
const fd = openSync(matrix, 'r');
const buf = Buffer.alloc(1 << 20);
const got = readSync(fd, buf, 0, buf.length, 0);
closeSync(fd);
const header = buf.subarray(0, got).toString('utf8').split('\n')[0].split('\t').slice(1);
const patients = [...new Set(header.map((s) => s.slice(0, 12)))];
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const lines = ['bcr_patient_barcode\ttype\tOS\tOS.time'];
patients.forEach((p, i) => {
  const t = Math.max(1, Math.round(-Math.log(1 - rand()) * 1500));
  const c = Math.round(rand() * 4000);
  lines.push(`${p}\t${types[(i * 7919) % types.length]}\t${t <= c ? 1 : 0}\t${Math.min(t, c)}`);
});
const clinical = join(work, 'clinical-33.tsv');
writeFileSync(clinical, lines.join('\n') + '\n');

const wall = [];
const rss = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'bin', 'migrascore.js'), 'pancan', '--expr', matrix,
    '--clinical', clinical, '--id', 'bcr_patient_barcode', '--cancer-col', 'type', '--endpoint', 'OS', '--log2', 'no', '--out', join(work, 'pancan')],
  { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (p.status !== 0) throw new Error(p.stderr);
  wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
  rss.push(Number(p.stderr.trim().split('\n').pop()) / 1024);
  if (i === 0) process.stderr.write(p.stderr.split('\n').filter((l) => !l.startsWith('pancan OS')).slice(0, 6).join('\n') + '\n');
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`# pancan benchmark — ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${runs} runs`);
console.log('| case | median wall (s) | min–max (s) | peak RSS (MB) |\n|---|---|---|---|');
console.log(`| pancan, 20531 × 11000, ${patients.length} patients in 33 cancers, ssgsea + median + Cox, report | ${median(wall).toFixed(2)} | ${Math.min(...wall).toFixed(2)}–${Math.max(...wall).toFixed(2)} | ${median(rss).toFixed(0)} |`);
