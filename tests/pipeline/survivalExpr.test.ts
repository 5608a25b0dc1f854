// survival --expr scores the matrix on the matched cohort in the same run; on a real
// TCGA matrix (aliquot barcodes) and TCGA-CDR rows it must give exactly what scoring
// first and passing --scores gives (here every matrix sample is in the cohort).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

let dir = '';
let clinical = '';
let matrix = '';

beforeAll(() => {
  dir = tempDir();
  // ACC patients of the bundled TCGA-CDR table, and the ACC columns of the example matrix
  const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n');
  const typeCol = cdr[0].split('\t').indexOf('type');
  clinical = join(dir, 'acc-clinical.tsv');
  writeFileSync(clinical, [cdr[0], ...cdr.slice(1).filter((l) => l.split('\t')[typeCol] === 'ACC')].join('\n') + '\n');
  const acc = new Set(readFileSync(join(ROOT, 'examples', 'tcga-mini-pancan.samples.tsv'), 'utf8').split('\n')
    .filter((l) => l.endsWith('\tACC')).map((l) => l.split('\t')[0]));
  const rows = gunzipSync(readFileSync(join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz'))).toString('utf8').split('\n').filter((l) => l);
  const header = rows[0].split('\t');
  const cols = header.map((h, i) => (i === 0 || acc.has(h) ? i : -1)).filter((i) => i >= 0);
  matrix = join(dir, 'acc.rsem.tsv.gz');
  writeFileSync(matrix, gzipSync(rows.map((r) => { const c = r.split('\t'); return cols.map((i) => c[i]).join('\t'); }).join('\n') + '\n'));
});

describe.each(['ssgsea', 'meanz'])('survival --expr (%s) on TCGA ACC', (method) => {
  it('equals scoring first and passing --scores', () => {
    const scores = join(dir, `scores-${method}.tsv`);
    const s = runCli(['score', '--expr', matrix, '--method', method, '--out', scores]);
    expect(s.status, s.stderr).toBe(0);
    const common = ['survival', '--clinical', clinical, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--covariates', 'gender'];
    const a = runCli([...common, '--expr', matrix, '--method', method, '--out', join(dir, `expr-${method}`)]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/migrasome-core: 11 of 11 genes found/);
    expect(a.stderr).toMatch(/EOGT → C3orf64\|285203/);
    const b = runCli([...common, '--scores', scores, '--out', join(dir, `scores-${method}`)]);
    expect(b.status, b.stderr).toBe(0);
    const sa = JSON.parse(readFileSync(join(dir, `expr-${method}`, 'summary.json'), 'utf8'));
    const sb = JSON.parse(readFileSync(join(dir, `scores-${method}`, 'summary.json'), 'utf8'));
    for (const key of ['n', 'events', 'groups', 'logrank', 'cutpoint', 'cox', 'cox_continuous', 'cox_adjusted']) {
      expect(sa[key], key).toEqual(sb[key]);
    }
    expect(sa.join).toMatchObject({ samples: 79, matched: 79, matched_by_patient: 79 });
    expect(sa.scoring.genesets[0]).toMatchObject({ set: 'migrasome-core', found: 11 });
    expect(sa.scoring.log2.applied).toBe(method === 'meanz');
  });
});
