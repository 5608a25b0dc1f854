#!/usr/bin/env node
// `migrascore associate --genes` end to end on a TCGA-sized matrix, next to R.
// The matrix (bench/make-matrix.js): 20,531 genes × 11,000 primary tumours (no normals) of
// TCGA-CDR patients spread evenly over its table, so `--with tcga-cdr` puts them in all 33
// cancer types in TCGA-CDR's proportions; the variable tested is age at diagnosis. Timed
// (median of runs, each run measured on its own by measure.js — hyperfine for the wall time,
// /usr/bin/time for CPU and peak RSS — so the load average is read between runs):
//   migrascore associate --expr M --with tcga-cdr --vars age_at_initial_pathologic_diagnosis
//     --genes --log2 no --out DIR --force
// i.e. parse, ssgsea within each cancer, the test of age, 20,531 × 33 rank correlations with
// cor.test p-values, BH, associate_genes.tsv.gz, figure and JSON. Then bench/associate.R on
// the same matrix and migrascore's own scores.tsv: cor(score, t(x), method = "spearman") per
// cancer in full, cor.test on K random genes per cancer (extrapolated), and the agreement of
// rho (every pair) and p (the sampled pairs) with associate_genes.tsv.gz.
// Usage (after npm install): node bench/associate.js [runs=3] [K=607] [genes=20531] [samples=11000]
//   (results also in $CACHE/associate-bench.md)
//   runs = 0: only R and the comparison, on the output of an earlier run; K = 0: no R.
// The matrix is cached in $MIGRASCORE_BENCH_CACHE (default /tmp/migrascore-bench), 1.6 GB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { measure, median } from './measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [runs, K, genes, samples] = [3, 607, 20531, 11000].map((d, i) => Number(process.argv[2 + i] ?? d));
const cache = process.env.MIGRASCORE_BENCH_CACHE ?? '/tmp/migrascore-bench';
mkdirSync(cache, { recursive: true });

const matrix = join(cache, `matrix-${genes}x${samples}-n0-cdr.tsv`);
if (!existsSync(matrix)) {
  const patients = join(cache, 'tcga-cdr-patients.txt');
  const cdr = gunzipSync(readFileSync(join(root, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n').slice(1).filter(Boolean);
  writeFileSync(patients, cdr.map((l) => l.split('\t')[1]).join('\n') + '\n');
  const r = spawnSync(process.execPath, [join(root, 'bench', 'make-matrix.js'), matrix, String(genes), String(samples), '--normals', '0', '--patients', patients], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('make-matrix failed');
}

const out = join(cache, `associate-${genes}x${samples}`);
const command = `${process.execPath} ${join(root, 'bin', 'migrascore.js')} associate --expr ${matrix} --with tcga-cdr ` +
  `--vars age_at_initial_pathologic_diagnosis --genes --log2 no --out ${out} --force`;
const fmtLoad = () => loadavg()[0].toFixed(1);
const lines = [];
const say = (s = '') => { lines.push(s); console.log(s); };
say(`# associate benchmark — ${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say(`${genes} genes × ${samples} tumours, --with tcga-cdr (33 cancers), \`${command.replace(process.execPath, 'node').replaceAll(root + '/', '').replaceAll(cache, '$CACHE')}\``);

let ours = null;
if (runs > 0) {
  const per = [];
  const loads = [];
  for (let i = 0; i < runs; i++) {
    const before = fmtLoad();
    per.push(measure(cache, `associate-${i}`, command, 1));
    loads.push(`${before}→${fmtLoad()}`);
    process.stderr.write(`run ${i + 1}: ${per[i].wall.toFixed(2)} s wall, ${per[i].cpu.toFixed(2)} s CPU, ${per[i].rss.toFixed(0)} MB, load ${loads[i]}\n`);
  }
  const wall = per.map((r) => r.wall);
  ours = { wall: median(wall), min: Math.min(...wall), max: Math.max(...wall), cpu: median(per.map((r) => r.cpu)), rss: median(per.map((r) => r.rss)) };
  say(`\nmigrascore, ${runs} runs; 1-minute load average at the start→end of each run: ${loads.join(', ')}\n`);
  say('| case | median wall (s) | min–max (s) | median CPU user+sys (s) | peak RSS (MB) |\n|---|---|---|---|---|');
  say(`| migrascore associate --genes (end to end) | ${ours.wall.toFixed(2)} | ${ours.min.toFixed(2)}–${ours.max.toFixed(2)} | ${ours.cpu.toFixed(2)} | ${ours.rss.toFixed(0)} |`);
}

// ---- R: cor() per cancer in full, cor.test on K genes per cancer, then the agreement.
if (K > 0) {
  const prefix = join(cache, `associate-r-${genes}x${samples}`);
  const before = fmtLoad();
  const log = join(cache, 'associate-r.time');
  const r = spawnSync('/usr/bin/time', ['-o', log, '-f', '%M %U %S %e', 'Rscript', join(root, 'bench', 'associate.R'), matrix, join(out, 'scores.tsv'), prefix, String(K), '20240611'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`R failed:\n${r.stderr}`);
  const [rssKb, user, sys, elapsed] = readFileSync(log, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const readTsv = (text) => {
    const [header, ...rows] = text.trim().split('\n').map((l) => l.split('\t'));
    return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
  };
  const times = readTsv(readFileSync(`${prefix}-times.tsv`, 'utf8')).map((t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, k === 'cancer' ? v : Number(v)])));
  const sum = (f) => times.reduce((s, t) => s + f(t), 0);
  const pairs = sum((t) => t.genes);
  const tested = sum((t) => t.test_k);
  const corCpu = sum((t) => t.cor_cpu);
  const corWall = sum((t) => t.cor_wall);
  // Each cancer's cor.test time scaled to all its genes (the cost per test grows with n).
  const testCpu = sum((t) => (t.test_cpu * t.genes) / t.test_k);
  const testWall = sum((t) => (t.test_wall * t.genes) / t.test_k);
  const testCpuMeasured = sum((t) => t.test_cpu);
  const readCpu = times[0].read_cpu;
  const readWall = times[0].read_wall;
  const subsetCpu = sum((t) => t.subset_cpu);
  say(`\nR (\`Rscript bench/associate.R\`, 1 run, load ${before}→${fmtLoad()}; whole process ${elapsed.toFixed(1)} s wall, ${(user + sys).toFixed(1)} s CPU, peak RSS ${(rssKb / 1024).toFixed(0)} MB):\n`);
  say('| R part | wall (s) | CPU (s) | notes |\n|---|---|---|---|');
  say(`| fread the matrix | ${readWall.toFixed(1)} | ${readCpu.toFixed(1)} | not counted below |`);
  say(`| as.matrix(dt[, cancer's samples]) × ${times.length} | ${sum((t) => t.subset_wall).toFixed(1)} | ${subsetCpu.toFixed(1)} | not counted below |`);
  say(`| cor(score, t(x), method = "spearman") × ${times.length} cancers, ${pairs} pairs | ${corWall.toFixed(1)} | ${corCpu.toFixed(1)} | measured in full |`);
  say(`| cor.test(..., method = "spearman")$p.value, ${pairs} pairs | ${testWall.toFixed(0)} | ${testCpu.toFixed(0)} | **extrapolated** from ${tested} random pairs (${K} genes per cancer; ${testCpuMeasured.toFixed(1)} s CPU measured) |`);
  const rCpu = corCpu + testCpu;
  const rWall = corWall + testWall;
  say(`| **R: cor + cor.test** | **${rWall.toFixed(0)}** | **${rCpu.toFixed(0)}** | statistics only: no reading, no scoring |`);
  if (ours) {
    say(`\nR (cor + cor.test, extrapolated) / migrascore (whole command): **${(rWall / ours.wall).toFixed(1)}× wall, ${(rCpu / ours.cpu).toFixed(1)}× CPU**; ` +
      `R's cor() alone / migrascore: ${(corWall / ours.wall).toFixed(1)}× wall, ${(corCpu / ours.cpu).toFixed(1)}× CPU.`);
  }

  // Agreement: every rho, the sampled p-values, against associate_genes.tsv.gz.
  const key = (c, g) => `${c}\t${g}`;
  const mine = new Map();
  for (const row of readTsv(gunzipSync(readFileSync(join(out, 'associate_genes.tsv.gz'))).toString('utf8'))) mine.set(key(row.cancer, row.gene), row);
  const num = (s) => (s === '' || s === 'NA' ? NaN : Number(s));
  let dRho = 0, nRho = 0, naBoth = 0, dP = 0, dPabs = 0, nP = 0, minP = 1;
  for (const row of readTsv(readFileSync(`${prefix}-rho.tsv`, 'utf8'))) {
    const m = mine.get(key(row.cancer, row.gene));
    if (!m) throw new Error(`associate_genes.tsv.gz has no ${row.cancer} ${row.gene}`);
    const [a, b] = [num(row.rho), num(m.rho)];
    if (Number.isNaN(a) || Number.isNaN(b)) { if (Number.isNaN(a) !== Number.isNaN(b)) throw new Error(`NA differs: ${row.cancer} ${row.gene} R ${row.rho} migrascore ${m.rho}`); naBoth++; continue; }
    dRho = Math.max(dRho, Math.abs(a - b));
    nRho++;
  }
  for (const row of readTsv(readFileSync(`${prefix}-p.tsv`, 'utf8'))) {
    const m = mine.get(key(row.cancer, row.gene));
    const [a, b] = [num(row.p), num(m.p)];
    if (Number.isNaN(a) || Number.isNaN(b)) { if (Number.isNaN(a) !== Number.isNaN(b)) throw new Error(`NA differs: ${row.cancer} ${row.gene}`); continue; }
    dPabs = Math.max(dPabs, Math.abs(a - b));
    if (a > 0) dP = Math.max(dP, Math.abs(a - b) / a);
    else if (b !== 0) throw new Error(`${row.cancer} ${row.gene}: R p 0, migrascore ${m.p}`);
    minP = Math.min(minP, a);
    nP++;
  }
  say(`\nAgreement with R: rho of all ${nRho} pairs (${naBoth} NA in both): max |Δrho| = ${dRho.toExponential(1)}; ` +
    `p of the ${nP} sampled pairs (smallest ${minP.toExponential(2)}): max |Δp| = ${dPabs.toExponential(1)}, max relative Δp = ${dP.toExponential(1)}.`);
}
writeFileSync(join(cache, 'associate-bench.md'), lines.join('\n') + '\n');
