// `survival --cancer C`: one cancer of a pan-cancer cohort, scored on its patients alone
// (what pancan does for that cancer), and the loud warning when one cut spans cancers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const MIXED = /4 cancer types \(UVM 80, ACC 79, UCS 57, DLBC 48; column "type"\): one cut is applied across cancer types/;

describe('survival --cancer with --clinical tcga-cdr', () => {
  let pancan = '';
  beforeAll(() => {
    pancan = join(tempDir(), 'pancan');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--split', 'optimal', '--out', pancan]);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it('analyses exactly the patients and scores pancan analyses for that cancer', () => {
    for (const c of ['UVM', 'ACC']) {
      const out = join(tempDir(), c);
      const r = runCli(['survival', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--split', 'optimal', '--cancer', c, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/WARNING/);
      const a = json(join(out, 'summary.json'));
      const b = json(join(pancan, c, 'summary.json'));
      for (const key of ['n', 'events', 'groups', 'logrank', 'cutpoint', 'cox', 'cox_continuous', 'scoring']) expect(a[key], `${c} ${key}`).toEqual(b[key]);
      expect(a.input.cancer).toEqual({ column: 'type', value: c });
      expect(a.warnings.some((w: string) => /cancer types/.test(w))).toBe(false);
      for (const f of ['km.tsv', 'groups.tsv', 'cutpoint.tsv', 'cutpoint.svg']) expect(readFileSync(join(out, f), 'utf8'), `${c} ${f}`).toBe(readFileSync(join(pancan, c, f), 'utf8'));
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`<dt>Cancer type</dt><dd>${c} only (column type)</dd>`);
    }
  });

  it('warns loudly, naming the cancer types with counts, when one cut spans several', () => {
    const out = join(tempDir(), 'mixed');
    const r = runCli(['survival', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`WARNING: .*${MIXED.source}`));
    const s = json(join(out, 'summary.json'));
    expect(s.n).toBe(264);
    expect(s.input.cancer).toEqual({ column: 'type', value: null });
    expect(s.warnings[0]).toMatch(MIXED);
    expect(s.warnings[0]).toMatch(/--cancer C/);
    const html = readFileSync(join(out, 'index.html'), 'utf8').replace(/&quot;/g, '"');
    expect(html).toMatch(new RegExp(`<ul class="messages"><li>[^<]*${MIXED.source}`));
  });

  it('refuses a cancer without samples and names the ones there are (exit 2)', () => {
    const r = runCli(['survival', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--cancer', 'BRCA', '--out', join(tempDir(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--cancer BRCA: no sample of .*tcga-mini-pancan.* matches a patient with "BRCA" in column "type"\. Cancer types present: UVM \(80\), ACC \(79\), UCS \(57\), DLBC \(48\)/);
  });
});

describe('survival --cancer-col on a clinical table of ones own', () => {
  let clinical = '';
  beforeAll(() => {
    // two cancers of TCGA-CDR, the cancer column renamed
    const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n');
    const header = cdr[0].split('\t');
    const type = header.indexOf('type');
    header[type] = 'tumour';
    clinical = join(tempDir(), 'clinical.tsv');
    writeFileSync(clinical, [header.join('\t'), ...cdr.slice(1).filter((l) => ['UVM', 'UCS'].includes(l.split('\t')[type]))].join('\n') + '\n');
  }, 120_000);
  const base = () => ['survival', '--clinical', clinical, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--value', 'age_at_initial_pathologic_diagnosis'];

  it('warns about the mix of cancers under one median of a clinical value', () => {
    const out = join(tempDir(), 'age');
    const r = runCli([...base(), '--cancer-col', 'tumour', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/WARNING: The analysed patients belong to 2 cancer types \(UVM 80, UCS 57; column "tumour"\)/);
    // without a cancer column nothing is known, nothing is said
    const plain = runCli([...base(), '--out', join(tempDir(), 'plain')]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).not.toMatch(/WARNING/);
  });

  it('keeps one cancer with --cancer, the same as a table of that cancer alone', () => {
    const out = join(tempDir(), 'ucs');
    const r = runCli([...base(), '--cancer-col', 'tumour', '--cancer', 'UCS', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/WARNING/);
    const lines = readFileSync(clinical, 'utf8').trim().split('\n');
    const col = lines[0].split('\t').indexOf('tumour');
    const alone = join(tempDir(), 'alone.tsv');
    writeFileSync(alone, [lines[0], ...lines.slice(1).filter((l) => l.split('\t')[col] === 'UCS')].join('\n') + '\n');
    const ref = join(tempDir(), 'ref');
    expect(runCli(['survival', '--clinical', alone, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--value', 'age_at_initial_pathologic_diagnosis', '--out', ref]).status).toBe(0);
    const a = json(join(out, 'summary.json'));
    const b = json(join(ref, 'summary.json'));
    expect(a.n).toBe(57);
    for (const key of ['n', 'events', 'groups', 'logrank', 'cutpoint', 'cox', 'cox_continuous']) expect(a[key], key).toEqual(b[key]);
  });

  it('needs a cancer column for --cancer (exit 2)', () => {
    const r = runCli([...base(), '--cancer', 'UCS', '--out', join(tempDir(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--cancer UCS: say which clinical column holds the cancer type with --cancer-col COL/);
  });
});
