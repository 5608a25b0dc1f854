#!/usr/bin/env node
// Derives examples/tcga-mini-pancan.rsem.tsv.gz from the Firehose RSEM matrix of the
// four small TCGA cohorts (see examples/README.md): every sample, and the rows of every
// 4th gene plus every gene of the built-in gene sets (matched by Entrez ID), values
// unchanged. Usage: node scripts/make-example-matrix.js SOURCE.tsv.gz OUT.tsv.gz
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [source, out] = process.argv.slice(2);
if (!source || !out) {
  console.error('usage: node scripts/make-example-matrix.js SOURCE.tsv.gz OUT.tsv.gz');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const setEntrez = new Set();
for (const file of readdirSync(join(root, 'genesets'))) {
  const set = JSON.parse(readFileSync(join(root, 'genesets', file), 'utf8'));
  for (const gene of set.genes ?? []) if (gene.entrez) setEntrez.add(String(gene.entrez));
}
const [header, ...rows] = gunzipSync(readFileSync(source)).toString('utf8').split('\n').filter((l) => l.length > 0);
const kept = rows.filter((row, i) => i % 4 === 0 || setEntrez.has(row.slice(0, row.indexOf('\t')).split('|').pop()));
writeFileSync(out, gzipSync([header, ...kept].join('\n') + '\n', { level: 9 }));
console.error(`kept ${kept.length} of ${rows.length} genes (${setEntrez.size} gene-set genes) × ${header.split('\t').length - 1} samples → ${out}`);
