#!/usr/bin/env node
// Many-gene Spearman benchmark (associate --genes, the statistics alone): the score of each
// sample against every gene of a TCGA-sized matrix within each of 33 cancers, rho and the
// cor.test p-value per gene (spearmanManyGroups in src/stats/spearmanMany.ts: all cancers per
// matrix row), side by side with R on a few cancers.
// The matrix is made in memory with bench/make-matrix.js's value model (log2-like values with
// 4 decimals, 10% of genes barely expressed and clipped at 0, so many genes have ties), in
// SharedArrayBuffer row blocks as the reader leaves it; cancers take every 33rd column.
// Usage (after npm install): node bench/spearman.js [genes=20531] [samples=11000] [runs=3] [R cancers=2]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spearmanManyGroups } from '../dist/stats/spearmanMany.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out');
const [nGenes, nSamples, runs, rCancers] = [20531, 11000, 3, 2].map((d, i) => Number(process.argv[2 + i] ?? d));
const nCancers = 33;
mkdirSync(work, { recursive: true });

let state = 20240611;
const unif = () => {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state / 4294967296;
};
const t0 = process.hrtime.bigint();
const rowsPerBlock = 256;
const blocks = [];
for (let start = 0; start < nGenes; start += rowsPerBlock) {
  const count = Math.min(rowsPerBlock, nGenes - start);
  const block = new Float64Array(new SharedArrayBuffer(count * nSamples * 8));
  for (let r = 0; r < count; r++) {
    const mean = unif() < 0.1 ? unif() : unif() * 14;
    const sd = 0.2 + unif() * 2;
    const off = r * nSamples;
    for (let j = 0; j < nSamples; j++) {
      const z = (unif() + unif() + unif() + unif() - 2) * 1.7320508075688772;
      block[off + j] = Math.max(0, Math.round((mean + sd * z) * 10000)) / 10000;
    }
  }
  blocks.push(block);
}
const views = Array.from({ length: nGenes }, (_, g) => {
  const off = (g % rowsPerBlock) * nSamples;
  return blocks[Math.floor(g / rowsPerBlock)].subarray(off, off + nSamples);
});
const row = (g) => views[g];
const cancers = Array.from({ length: nCancers }, (_, c) => Int32Array.from({ length: Math.ceil((nSamples - c) / nCancers) }, (_, i) => c + i * nCancers));
const scores = cancers.map((cols) => Float64Array.from(cols, () => unif() * 2 - 1));
process.stderr.write(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; matrix ${nGenes} × ${nSamples} made in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s\n`);

const wall = [];
const cpu = [];
let results;
for (let run = 0; run < runs; run++) {
  const t = process.hrtime.bigint();
  const u = process.cpuUsage();
  results = spearmanManyGroups(cancers.map((columns, c) => ({ score: scores[c], columns })), nGenes, row);
  wall.push(Number(process.hrtime.bigint() - t) / 1e9);
  const d = process.cpuUsage(u);
  cpu.push((d.user + d.system) / 1e6);
}
let exact = 0, asymptotic = 0, na = 0;
for (const r of results) for (let g = 0; g < nGenes; g++) {
  if (Number.isNaN(r.rho[g])) na++;
  else if (r.exact[g]) exact++;
  else asymptotic++;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// R on the first rCancers cancers: cor(..., method = "spearman") for rho, cor.test per gene for p.
let rLine = '';
if (rCancers > 0) {
  const rOut = [];
  for (let c = 0; c < rCancers; c++) {
    const cols = cancers[c];
    const sub = new Float64Array(nGenes * cols.length); // genes × samples, row-major = R's column-major of t()
    for (let g = 0; g < nGenes; g++) for (let i = 0; i < cols.length; i++) sub[g * cols.length + i] = views[g][cols[i]];
    writeFileSync(join(work, `spearman-${c}.bin`), Buffer.from(sub.buffer));
    writeFileSync(join(work, `spearman-${c}-score.bin`), Buffer.from(scores[c].buffer.slice(0)));
    const p = spawnSync('Rscript', [join(root, 'bench', 'spearman.R'), join(work, `spearman-${c}`), String(nGenes), String(cols.length)], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(p.stderr);
    const [corSecs, testSecs] = p.stdout.trim().split(/\s+/).map(Number);
    const r = new Float64Array(readFileSync(join(work, `spearman-${c}-r.bin`)).buffer.slice(0));
    let dRho = 0, dP = 0;
    for (let g = 0; g < nGenes; g++) {
      const [rho, pv] = [r[g], r[nGenes + g]];
      if (Number.isNaN(rho)) { if (!Number.isNaN(results[c].rho[g])) throw new Error(`gene ${g}: R NA`); continue; }
      dRho = Math.max(dRho, Math.abs(rho - results[c].rho[g]));
      if (pv > 0) dP = Math.max(dP, Math.abs(pv - results[c].p[g]) / pv);
      else if (results[c].p[g] !== 0) throw new Error(`gene ${g}: R p 0`);
    }
    rOut.push({ corSecs, testSecs, dRho, dP, n: cols.length });
  }
  const rPer = rOut.reduce((s, o) => s + o.corSecs + o.testSecs, 0) / rCancers;
  const rCor = rOut.reduce((s, o) => s + o.corSecs, 0) / rCancers;
  const ours = median(cpu) / nCancers;
  rLine = `| R 4.2.2: cor(method="spearman") + cor.test p per gene, per cancer (mean of ${rCancers}) | ${rPer.toFixed(2)} (cor alone ${rCor.toFixed(2)}) | — | — | CPU ratio R / migrascore per cancer: ${(rPer / ours).toFixed(0)}× (cor alone ${(rCor / ours).toFixed(1)}×) |\n` +
    `\nAgreement with R on those cancers: max |Δrho| = ${Math.max(...rOut.map((o) => o.dRho)).toExponential(1)}, max relative Δp = ${Math.max(...rOut.map((o) => o.dP)).toExponential(1)}.`;
}

console.log(`# spearman benchmark — ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${runs} runs`);
console.log('| case | median wall (s) | min–max (s) | median CPU (s) | notes |\n|---|---|---|---|---|');
console.log(`| spearmanMany, ${nGenes} genes × ${nSamples} samples in ${nCancers} cancers (${nGenes * nCancers} correlations), 1 thread | ${median(wall).toFixed(2)} | ${Math.min(...wall).toFixed(2)}–${Math.max(...wall).toFixed(2)} | ${median(cpu).toFixed(2)} | p: ${exact} AS 89, ${asymptotic} t (ties), ${na} NA |`);
if (rLine) console.log(rLine);
