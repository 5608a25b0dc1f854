#!/usr/bin/env node
// `npm run demo`: the pan-cancer analysis on the embedded real TCGA data (ACC, DLBC, UCS,
// UVM; examples/README.md) with the built-in TCGA-CDR survival table, default gene set
// and defaults otherwise, written to ./migrascore-demo/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = [
  join(root, 'bin', 'migrascore.js'), 'pancan',
  '--expr', relative(process.cwd(), join(root, 'examples', 'tcga-mini-pancan.rsem.tsv.gz')),
  '--clinical', 'tcga-cdr',
  '--endpoint', 'OS',
  '--per-gene',
  '--out', 'migrascore-demo',
];
console.error(`$ migrascore ${args.slice(1).join(' ')}`);
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (run.status === 0) console.error(`\nOpen ${join(process.cwd(), 'migrascore-demo', 'index.html')} in a browser for the report.`);
process.exit(run.status ?? 1);
