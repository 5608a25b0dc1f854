#!/usr/bin/env node
// Writes a TCGA-sized synthetic expression matrix for the benchmarks: genes in rows,
// samples in columns, tab-separated, log2-like values with 4 decimals (0.0000–~20),
// Firehose-style gene IDs `SYMBOL|ENTREZ` and TCGA aliquot barcodes as sample IDs.
// Deterministic for given arguments (xorshift32 with a fixed seed).
//
// Usage: node bench/make-matrix.js OUT [genes=20531] [samples=11000] [seed=20240611]
//          [--normals N] [--patients FILE] [--normal-shift D]
//   OUT ending in .gz is gzip-compressed (level 1, one gzip member per 16 MB; slower).
//   --normals N: N of the samples, spread evenly, are solid-tissue normals (-11A) of the
//     previous sample's patient (default: every 20th sample).
//   --patients FILE: the tumours' patients are these 12-character barcodes (one a line,
//     spread evenly over the list) instead of synthetic ones; with TCGA-CDR's patients,
//     `--clinical tcga-cdr` gives every sample its real cancer type.
//   --normal-shift D: in the normals, the migrasome-core genes are D of their SDs higher
//     (1st, 3rd, ... core gene) or lower (2nd, 4th, ...), so tumour-versus-normal tests
//     reach far into the tail; every other value is the same as without it.
// 20,531 × 11,000 is about 1.7 GB of text.
//
// The rows include the 11 migrasome-core genes under their Firehose (2016) IDs, Entrez
// IDs from org.Hs.eg.db 3.16 (../shared/data/human-gene-ids.tsv.gz): EOGT appears as
// its old symbol C3orf64 and CPQ as PGCP, as in the real Firehose files. Every other
// row is a synthetic `SYNnnnnn|9nnnnnnnn` gene, plus a few `?|ENTREZ` rows as Firehose has.
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const CORE = [
  ['TSPAN4', 7106], ['TSPAN7', 7102], ['ITGA5', 3678], ['ITGB1', 3688], ['NDST1', 3340],
  ['C3orf64', 285203], ['PIGK', 10026], ['PGCP', 10404], ['PIP5K1A', 8394], ['RAB35', 11021],
  ['SGMS2', 166929],
];

const positional = [];
const options = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--normals' || a === '--patients' || a === '--normal-shift') options[a.slice(2)] = process.argv[++i];
  else positional.push(a);
}
const [out, genesArg, samplesArg, seedArg] = positional;
if (!out || Object.values(options).some((v) => v === undefined)) {
  console.error('usage: node bench/make-matrix.js OUT [genes=20531] [samples=11000] [seed=20240611] [--normals N] [--patients FILE] [--normal-shift D]');
  process.exit(2);
}
const nGenes = Number(genesArg ?? 20531);
const nSamples = Number(samplesArg ?? 11000);
const shift = Number(options['normal-shift'] ?? 0);
if (!Number.isFinite(shift)) {
  console.error(`--normal-shift must be a number (gene SDs), not ${options['normal-shift']}`);
  process.exit(2);
}
const nNormals = options.normals === undefined ? undefined : Number(options.normals);
if (nNormals !== undefined && !(Number.isInteger(nNormals) && nNormals >= 0 && nNormals <= nSamples / 2)) {
  console.error(`--normals must be a whole number from 0 to half the samples (${nSamples / 2}), not ${options.normals}`);
  process.exit(2);
}
const gz = out.endsWith('.gz');
let state = Number(seedArg ?? 20240611) >>> 0 || 1;

/** xorshift32: uniform integer in [0, 2^32). */
function next() {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state;
}
const unif = () => next() / 4294967296;

// Gene IDs: a few `?|ENTREZ` first (as Firehose sorts them), the core genes spread out.
const ids = [];
const corePos = new Map(CORE.map((g, i) => [Math.floor(((i + 1) * nGenes) / (CORE.length + 1)), g]));
for (let g = 0; g < nGenes; g++) {
  const core = corePos.get(g);
  if (core) ids.push(`${core[0]}|${core[1]}`);
  else if (g < 29) ids.push(`?|${100130000 + g * 7}`);
  else ids.push(`SYN${String(g).padStart(5, '0')}|${900000000 + g}`);
}

// Sample IDs: TCGA-<TSS>-<patient>-<type><vial>-<portion>R-<plate>-07; every 20th sample
// (or --normals of them, evenly spread: never two in a row) a solid-tissue normal (-11A)
// of the previous sample's patient.
const TSS = ['OR', 'V4', 'N5', 'FF', 'A6', 'BR', 'CV', 'E2', 'KL', 'W5', 'ZR', '2F'];
const isNormal = (i) => (nNormals === undefined ? i % 20 === 19 : Math.floor(((i + 1) * nNormals) / nSamples) > Math.floor((i * nNormals) / nSamples));
let given = null;
if (options.patients) {
  given = readFileSync(options.patients, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const tumours = nSamples - (nNormals ?? Math.floor(nSamples / 20));
  if (given.length < tumours) {
    console.error(`--patients ${options.patients} lists ${given.length} patients, fewer than the ${tumours} tumour samples`);
    process.exit(2);
  }
}
const samples = [];
const normalColumn = new Uint8Array(nSamples);
let tumour = -1;
for (let i = 0; i < nSamples; i++) {
  const normal = isNormal(i);
  normalColumn[i] = normal ? 1 : 0;
  if (!normal) tumour++;
  const p = normal ? i - 1 : i;
  const plate = `A${(Math.floor(p / 96) % 1296).toString(36).toUpperCase().padStart(2, '0')}Z`;
  const patient = given
    ? given[Math.floor((tumour * given.length) / (nSamples - (nNormals ?? Math.floor(nSamples / 20))))]
    : `TCGA-${TSS[p % TSS.length]}-${p.toString(36).toUpperCase().padStart(4, '0')}`;
  samples.push(`${patient}-${normal ? '11A' : '01A'}-11R-${plate}-07`);
}

// Byte tables: 4-digit fractions "0000".."9999".
const FRAC = new Uint8Array(40000);
for (let f = 0; f < 10000; f++) {
  FRAC[4 * f] = 48 + Math.floor(f / 1000);
  FRAC[4 * f + 1] = 48 + (Math.floor(f / 100) % 10);
  FRAC[4 * f + 2] = 48 + (Math.floor(f / 10) % 10);
  FRAC[4 * f + 3] = 48 + (f % 10);
}

const t0 = process.hrtime.bigint();
const fd = openSync(out, 'w');
const maxLine = 64 + nSamples * 9;
const buf = Buffer.allocUnsafe(Math.max(16 << 20, 2 * maxLine));
let pos = 0;
function flush() {
  if (pos === 0) return;
  const data = gz ? gzipSync(buf.subarray(0, pos), { level: 1 }) : buf.subarray(0, pos);
  for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
  pos = 0;
}

pos += buf.write(`gene_id\t${samples.join('\t')}\n`, pos, 'latin1');
flush();
for (let g = 0; g < nGenes; g++) {
  if (pos + maxLine > buf.length) flush();
  pos += buf.write(ids[g], pos, 'latin1');
  // Gene mean 0–14 (some genes barely expressed), SD 0.2–2.2; values ~ N(mean, SD) clipped at 0.
  const mean = unif() < 0.1 ? unif() : unif() * 14;
  const sd = 0.2 + unif() * 2;
  const k = shift === 0 ? -1 : CORE.indexOf(corePos.get(g));
  const normalMean = k < 0 ? mean : mean + (k % 2 === 0 ? 1 : -1) * shift * sd;
  for (let j = 0; j < nSamples; j++) {
    const z = (unif() + unif() + unif() + unif() - 2) * 1.7320508075688772;
    let v = Math.round(((normalColumn[j] ? normalMean : mean) + sd * z) * 10000);
    if (v < 0) v = 0;
    buf[pos++] = 9;
    let ip = Math.floor(v / 10000);
    const fp = v - ip * 10000;
    if (ip >= 10) { buf[pos++] = 48 + Math.floor(ip / 10); ip %= 10; }
    buf[pos++] = 48 + ip;
    buf[pos++] = 46;
    buf[pos++] = FRAC[4 * fp];
    buf[pos++] = FRAC[4 * fp + 1];
    buf[pos++] = FRAC[4 * fp + 2];
    buf[pos++] = FRAC[4 * fp + 3];
  }
  buf[pos++] = 10;
}
flush();
closeSync(fd);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const bytes = statSync(out).size;
console.log(`wrote ${out}: ${nGenes} genes × ${nSamples} samples, ${(bytes / 1e6).toFixed(1)} MB${gz ? ' (gzip)' : ''} in ${secs.toFixed(1)} s`);
