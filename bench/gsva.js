#!/usr/bin/env node
// GSVA benchmark: `migrascore score --method gsva` (Gaussian kernel) and R's
// GSVA 1.46 gsva(method = "gsva", kcdf = "Gaussian") side by side on the same
// deterministic matrix and the same three built-in sets, timed with hyperfine (median of
// the runs; our own timing loop when hyperfine is missing), then the two score tables
// compared cell by cell. Usage (after npm install):
//   node bench/gsva.js [genes=20000] [samples=2000] [runs=3] [rRuns=2]
// Writes bench/out/gsva-<genes>x<samples>.tsv (bench/make-matrix.js) once and reuses it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasHyperfine, measure as measureIn, median } from './measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out');
const [genes = 20000, samples = 2000, runs = 3, rRuns = 2] = process.argv.slice(2).map(Number);
mkdirSync(work, { recursive: true });

const matrix = join(work, `gsva-${genes}x${samples}.tsv`);
const measure = (name, command, n) => measureIn(work, name, command, n);
if (!existsSync(matrix)) {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'make-matrix.js'), matrix, String(genes), String(samples)], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('make-matrix failed');
}

function readScores(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return { sets: header.slice(1), rows: new Map(lines.map(([s, ...v]) => [s, v.map(Number)])) };
}

const cli = join(root, 'bin', 'migrascore.js');
const ours = join(work, 'gsva-ours.tsv');
const theirs = join(work, 'gsva-r.tsv');
const sets = ['migrasome-core', 'migrasome-markers', 'migrasome-tetraspanins'].map((s) => `--geneset ${s}`).join(' ');
rmSync(join(work, 'gsva-r.log'), { force: true });
const load0 = loadavg()[0];
const rows = [];
rows.push([`migrascore score --method gsva, 2 threads`, measure('gsva-ours', `${process.execPath} ${cli} score --expr ${matrix} --method gsva ${sets} --log2 no --out ${ours}`, runs)]);
const haveR = spawnSync('Rscript', ['-e', 'suppressMessages({library(GSVA); library(data.table)})']).status === 0;
if (haveR && rRuns > 0) {
  rows.push([`R: fread + gsva(method="gsva", kcdf="Gaussian")`, measure('gsva-r', `Rscript ${join(root, 'bench', 'gsva.R')} ${matrix} ${theirs} 2>>${join(work, 'gsva-r.log')}`, rRuns)]);
}
const load1 = loadavg()[0];

console.log(`# gsva benchmark — ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`${genes} genes × ${samples} samples; ${runs} runs of migrascore, ${rRuns} of R; ${hasHyperfine ? 'hyperfine' : 'own timing loop'}; load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after\n`);
console.log('| case | median wall (s) | min–max (s) | CPU user+sys (s) | peak RSS (MB) |\n|---|---|---|---|---|');
for (const [name, r] of rows) console.log(`| ${name} | ${r.wall.toFixed(1)} | ${r.min.toFixed(1)}–${r.max.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.rss.toFixed(0)} |`);
if (rows.length === 2) {
  const a = readScores(ours);
  const b = readScores(theirs);
  let maxDiff = 0;
  let cells = 0;
  for (const [sample, values] of b.rows) {
    b.sets.forEach((set, k) => {
      const v = a.rows.get(sample)?.[a.sets.indexOf(set)];
      if (v === undefined) throw new Error(`no score for ${sample} ${set} in ${ours}`);
      maxDiff = Math.max(maxDiff, Math.abs(v - values[k]));
      cells++;
    });
  }
  const inR = readFileSync(join(work, 'gsva-r.log'), 'utf8').match(/gsva\(\) ([\d.]+) s elapsed/g) ?? [];
  const gsvaOnly = median(inR.map((m) => Number(m.split(' ')[1])));
  console.log(`\nR / migrascore wall-time ratio: **${(rows[1][1].wall / rows[0][1].wall).toFixed(1)}×** ` +
    `(R's gsva() call alone, without R start-up and fread: ${gsvaOnly.toFixed(1)} s, ${(gsvaOnly / rows[0][1].wall).toFixed(1)}×).`);
  console.log(`Scores: ${cells} cells, max |migrascore − R| = ${maxDiff.toExponential(2)}.`);
} else {
  console.log('\n(R with GSVA and data.table not found, or rRuns = 0: no side-by-side run.)');
}
