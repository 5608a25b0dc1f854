#!/usr/bin/env node
// `npm run demo`: the main job on the bundled real TCGA data (examples/README.md), with the
// built-in TCGA-CDR table and the default gene set: the pan-cancer survival analysis of
// four cancers (ACC, DLBC, UCS, UVM) into ./migrascore-demo/, then tumour versus normal in
// cholangiocarcinoma (36 tumours, 9 matched normals) into ./migrascore-demo-compare/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = (name) => relative(process.cwd(), join(root, 'examples', name));
const runs = [
  ['pancan', '--expr', example('tcga-mini-pancan.rsem.tsv.gz'), '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--per-gene', '--out', 'migrascore-demo'],
  ['compare', '--expr', example('tcga-chol.rsem.tsv.gz'), '--clinical', 'tcga-cdr', '--paired', '--per-gene', '--out', 'migrascore-demo-compare'],
];
for (const args of runs) {
  console.error(`$ migrascore ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [join(root, 'bin', 'migrascore.js'), ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  console.error('');
}
console.error(`Open ${join(process.cwd(), 'migrascore-demo', 'index.html')} (survival) and ${join(process.cwd(), 'migrascore-demo-compare', 'index.html')} (tumour versus normal) in a browser for the reports.`);
