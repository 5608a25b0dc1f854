// `migrascore compare --paired --per-gene` on the bundled CHOL tumour/normal example
// (tests/fixtures/compare/chol-paired; its tables against R's are checked with the other
// cases in compareCases.test.ts): every sample kept and paired, the paired test's branch,
// and the example's promise: 36 tumours, 9 normals, each normal's patient with a tumour
// and a CHOL row in TCGA-CDR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { tableDifferences } from '../helpers/compare.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';

const CASE = join(FIXTURES, 'compare', 'chol-paired');
let out = '';
let stderr = '';

beforeAll(() => {
  out = join(tempDir(), 'chol');
  const args = readFileSync(join(CASE, 'call.txt'), 'utf8').trim().split(/\s+/).map((w) => (w === 'OUT' ? out : w));
  const r = runCli(args, CASE);
  expect(r.status, r.stderr).toBe(0);
  stderr = r.stderr;
});

describe('compare on examples/tcga-chol.rsem.tsv.gz', () => {
  it('pairs each normal with its patient\'s tumour, as R does', () => {
    const pairs = readTsv(join(out, 'compare_pairs.tsv'));
    expect(tableDifferences(readTsv(join(CASE, 'expected', 'compare_pairs.tsv')), pairs, ['cancer', 'patient'], 'compare_pairs.tsv')).toEqual([]);
    expect(pairs).toHaveLength(9);
  });

  it('keeps every sample: 36 tumours and 9 normals, all 9 paired, nothing skipped', () => {
    const summary = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    expect(summary.samples.kept).toEqual({ tumour: 36, normal: 9 });
    expect(Object.values(summary.samples.dropped).every((n) => n === 0)).toBe(true);
    expect(readTsv(join(out, 'compare_skipped.tsv'))).toEqual([]);
    const row = readTsv(join(out, 'compare.tsv'))[0];
    expect([row.cancer, row.n_pairs, row.method, row.method_paired]).toEqual(['CHOL', '9', 'exact', 'exact']);
    expect(stderr).toMatch(/CHOL\s+n=36\/9/);
  });
});

describe('the bundled example itself', () => {
  const samples = gunzipSync(readFileSync(join(ROOT, 'examples', 'tcga-chol.rsem.tsv.gz'))).toString('utf8').split('\n', 1)[0].split('\t').slice(1);
  const type = (s: string) => s.slice(13, 15);

  it('has 36 primary tumours and 9 adjacent normals, each normal with its patient\'s tumour', () => {
    expect(samples.filter((s) => type(s) === '01')).toHaveLength(36);
    const normals = samples.filter((s) => type(s) === '11');
    expect(normals).toHaveLength(9);
    for (const n of normals) expect(samples.filter((s) => s.startsWith(n.slice(0, 12)) && type(s) === '01'), n).toHaveLength(1);
  });

  it('has every patient as a CHOL row of the built-in TCGA-CDR', () => {
    const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n').slice(1).map((l) => l.split('\t'));
    const typeOf = new Map(cdr.map((f) => [f[1], f[2]]));
    const patients = new Set(samples.map((s) => s.slice(0, 12)));
    expect(patients.size).toBe(36);
    for (const p of patients) expect(typeOf.get(p), p).toBe('CHOL');
  });
});
