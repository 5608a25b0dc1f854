#!/usr/bin/env node
// Tumour-versus-normal benchmark: `migrascore compare --per-gene` end to end on a
// TCGA-sized synthetic matrix — 20,531 genes × 11,000 samples: 10,270 tumours of
// TCGA-CDR patients (spread over its 33 cancer types) and 730 solid-tissue normals of
// some of them, so the built-in `--clinical tcga-cdr` groups them; in the normals the 11
// set genes are shifted by 3 SDs, up or down, so p-values reach far into the tail) — next
// to what reading the same matrix costs. Then R's wilcox.test on the same groups (set score and each set
// gene per cancer), timed against migrascore's own Wilcoxon code, and the p-values compared.
// Usage (after npm install): node bench/compare.js [runs=3] [rReps=11]
//   runs = 0: only the statistics part, on the outputs of an earlier run.
// Writes bench/out/matrix-11000-n730-s3.tsv (1.6 GB, bench/make-matrix.js) once and reuses it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { measure as measureIn, median, hasHyperfine } from './measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out');
const [runs = 3, rReps = 11] = process.argv.slice(2).map(Number);
const genes = 20531;
const samples = 11000;
const normals = 730;
const shift = 3;
mkdirSync(work, { recursive: true });
const measure = (name, command, n = runs) => measureIn(work, name, command, n);

// The matrix: tumours of TCGA-CDR's patients (every cancer type, in its proportions).
const matrix = join(work, `matrix-${samples}-n${normals}-s${shift}.tsv`);
if (!existsSync(matrix)) {
  const patients = join(work, 'tcga-cdr-patients.txt');
  const cdr = gunzipSync(readFileSync(join(root, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n').slice(1).filter(Boolean);
  writeFileSync(patients, cdr.map((l) => l.split('\t')[1]).join('\n') + '\n');
  const r = spawnSync(process.execPath, [join(root, 'bench', 'make-matrix.js'), matrix, String(genes), String(samples), '--normals', String(normals), '--patients', patients, '--normal-shift', String(shift)], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('make-matrix failed');
}

const cli = `${process.execPath} ${join(root, 'bin', 'migrascore.js')}`;
const gb = (statSync(matrix).size / 1e9).toFixed(2);
const compareOut = (method) => join(work, `compare-${method}`);
const load0 = loadavg()[0];
const rows = runs === 0 ? [] : [
  ['read the bytes: `cat matrix > /dev/null`', measure('compare-cat', `cat ${matrix} > /dev/null`)],
  ['score --method meanz (reads the file, parses the 11 set rows)', measure('compare-read-meanz', `${cli} score --expr ${matrix} --method meanz --log2 no --out ${join(work, 'compare-meanz.tsv')}`)],
  ['read and parse every value (`readExpressionMatrix`, no scoring)', measure('compare-read-all', `${process.execPath} --input-type=module -e 'const m = await import("${join(root, 'dist', 'io', 'matrix.js')}"); await m.readExpressionMatrix("${matrix}");'`)],
  ['score --method ssgsea (parses every row, ssgsea on all 11,000)', measure('compare-read-ssgsea', `${cli} score --expr ${matrix} --method ssgsea --log2 no --out ${join(work, 'compare-ssgsea.tsv')}`)],
  ['**compare --per-gene** (ssgsea within each cancer)', measure('compare-ssgsea', `${cli} compare --expr ${matrix} --clinical tcga-cdr --per-gene --log2 no --out ${compareOut('ssgsea')}`)],
  ['**compare --per-gene --method meanz**', measure('compare-meanz', `${cli} compare --expr ${matrix} --clinical tcga-cdr --per-gene --method meanz --log2 no --out ${compareOut('meanz')}`)],
];
const load1 = loadavg()[0];

if (rows.length > 0) {
  console.log(`# compare benchmark — ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`${genes} genes × ${samples} samples (${normals} normals, set genes shifted ±${shift} SD), ${gb} GB; median of ${runs} runs; ${hasHyperfine ? 'hyperfine' : 'own timing loop'}; load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after\n`);
  console.log('| case | median wall (s) | min–max (s) | CPU user+sys (s) | peak RSS (MB) |\n|---|---|---|---|---|');
  for (const [name, r] of rows) console.log(`| ${name} | ${r.wall.toFixed(2)} | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rss.toFixed(0)} |`);
  console.log(`\ncompare wrote: ${readdirSync(compareOut('ssgsea')).sort().join(', ')}.`);
}

// ---- The statistics alone: R's wilcox.test against migrascore's, on the same groups.
const readTsv = (path) => {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
};
const CORE = { TSPAN4: 'TSPAN4|7106', TSPAN7: 'TSPAN7|7102', ITGA5: 'ITGA5|3678', ITGB1: 'ITGB1|3688', NDST1: 'NDST1|3340',
  EOGT: 'C3orf64|285203', PIGK: 'PIGK|10026', CPQ: 'PGCP|10404', PIP5K1A: 'PIP5K1A|8394', RAB35: 'RAB35|11021', SGMS2: 'SGMS2|166929' };
const scored = readTsv(join(compareOut('ssgsea'), 'scores.tsv'));
// The header and the 11 set rows, straight from the file (grep is faster than parsing it).
const pattern = Object.values(CORE).map((id) => id.replace('|', '\\|')).join('|');
const grep = spawnSync('sh', ['-c', `head -1 ${matrix}; grep -E '^(${pattern})\t' ${matrix}`], { encoding: 'latin1', maxBuffer: 1 << 30 });
if (grep.status !== 0) throw new Error(`could not read the set rows of ${matrix}`);
const [sampleLine, ...geneLines] = grep.stdout.trim().split('\n');
const column = new Map(sampleLine.split('\t').slice(1).map((s, i) => [s, i]));
const geneValues = new Map(geneLines.map((l) => { const [id, ...v] = l.split('\t'); return [id, v]; }));
const vars = ['migrasome-core', ...Object.keys(CORE)];
const stats = join(work, 'compare-stats.tsv');
writeFileSync(stats, [['sample', 'cancer', 'group', ...vars].join('\t'),
  ...scored.map((r) => [r.sample, r.cancer, r.group, r['migrasome-core'], ...Object.values(CORE).map((id) => geneValues.get(id)[column.get(r.sample)])].join('\t'))].join('\n') + '\n');

// migrascore's Wilcoxon (dist/stats/wilcoxon.js) over the same groups, timed the same way.
const { wilcoxonRankSum } = await import(join(root, 'dist', 'stats', 'wilcoxon.js'));
const data = readTsv(stats);
const byCancer = new Map();
for (const r of data) {
  if (!byCancer.has(r.cancer)) byCancer.set(r.cancer, { t: [], n: [] });
  byCancer.get(r.cancer)[r.group === 'tumour' ? 't' : 'n'].push(r);
}
const columns = vars.map((v) => Float64Array.from(data, (r) => Number(r[v])));
const index = new Map(data.map((r, i) => [r, i]));
const groups = [...byCancer].map(([cancer, g]) => ({ cancer, t: g.t.map((r) => index.get(r)), n: g.n.map((r) => index.get(r)) }));
let ours = [];
const oursTimes = [];
for (let rep = 0; rep < rReps; rep++) {
  const t0 = process.cpuUsage();
  ours = [];
  for (const g of groups) for (let v = 0; v < vars.length; v++) {
    const x = columns[v];
    ours.push({ cancer: g.cancer, variable: vars[v], ...wilcoxonRankSum(g.t.map((i) => x[i]), g.n.map((i) => x[i])) });
  }
  const used = process.cpuUsage(t0);
  oursTimes.push((used.user + used.system) / 1e6);
}
console.log(`\nThe statistics alone (${ours.length} Wilcoxon rank-sum tests: set score and 11 genes × ${groups.length} cancers, data in memory, median CPU time of ${rReps} passes):`);
console.log(`migrascore wilcoxonRankSum ${(median(oursTimes) * 1000).toFixed(1)} ms`);

const rOut = join(work, 'compare-r.tsv');
const r = spawnSync('Rscript', [join(root, 'bench', 'compare.R'), stats, rOut, String(rReps)], { encoding: 'utf8' });
if (r.status !== 0) {
  console.log(`(R not run: ${r.stderr.trim().split('\n').pop()})`);
} else {
  const rSecs = Number(r.stderr.match(/median ([\d.]+) s/)[1]);
  console.log(`R wilcox.test ${(rSecs * 1000).toFixed(1)} ms — R / migrascore: **${(rSecs / median(oursTimes)).toFixed(1)}×**`);
  // p-values: R's against migrascore's in-memory ones and against the CLI's output tables.
  const key = (c, v) => `${c}\t${v}`;
  const fromR = new Map(readTsv(rOut).map((x) => [key(x.cancer, x.variable), x]));
  const cliRows = [
    ...readTsv(join(compareOut('ssgsea'), 'compare.tsv')).map((x) => ({ ...x, variable: 'migrasome-core' })),
    ...readTsv(join(compareOut('ssgsea'), 'compare_genes.tsv')).map((x) => ({ ...x, variable: x.gene })),
  ];
  const rel = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
  let worstMem = 0; let worstCli = 0; let statDiff = 0; let methodDiff = 0; let minP = 1;
  const branches = { exact: 0, normal: 0 };
  for (const o of ours) {
    const x = fromR.get(key(o.cancer, o.variable));
    worstMem = Math.max(worstMem, rel(o.p, Number(x.p)));
    statDiff += o.statistic !== Number(x.statistic);
    methodDiff += o.method !== x.method;
    branches[x.method]++;
    minP = Math.min(minP, Number(x.p));
  }
  for (const c of cliRows) {
    const x = fromR.get(key(c.cancer, c.variable));
    if (!x) throw new Error(`R has no test for ${c.cancer} ${c.variable}`);
    worstCli = Math.max(worstCli, rel(Number(c.p), Number(x.p)));
    statDiff += Number(c.statistic) !== Number(x.statistic);
  }
  console.log(`p-values: ${ours.length} tests (${branches.exact} exact, ${branches.normal} normal approximation; smallest R p ${minP.toExponential(2)}); ` +
    `max relative difference from R: ${worstMem.toExponential(2)} (in memory), ${worstCli.toExponential(2)} (compare.tsv + compare_genes.tsv, ${cliRows.length} rows); ` +
    `statistics differing: ${statDiff}; branch (exact/normal) differing: ${methodDiff}.`);
}
