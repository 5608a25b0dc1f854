// `migrascore compare` as a user runs it: groups, skipped cancers, --levels, --paired, and
// bad inputs (clear message, exit code, nothing written).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';

const SYN = join(FIXTURES, 'compare', 'synthetic-tcga-rules');
const BLADDER = join(FIXTURES, 'compare', 'bladder-cancer-normal');
const MINI = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const synthetic = ['compare', '--expr', join(SYN, 'expr.tsv'), '--clinical', join(SYN, 'clinical.tsv'), '--id', 'patient_id', '--cancer-col', 'project',
  '--method', 'zscore', '--log2', 'yes'];
const bladder = ['compare', '--expr', join(BLADDER, 'expr.tsv'), '--geneset', join(BLADDER, 'genesets.gmt'), '--method', 'ssgsea', '--log2', 'no',
  '--samples', join(BLADDER, 'samples.tsv'), '--id', 'sample', '--group', 'tissue'];

describe('compare: groups and outputs', () => {
  it('TCGA sample types: tumour versus normal per cancer, with the paired test and its pairs', () => {
    const out = join(tempDir(), 'out');
    const r = runCli([...synthetic, '--paired', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const rows = readTsv(join(out, 'compare.tsv'));
    expect(rows.map((x) => x.cancer)).toEqual(['KIRC', 'LIHC']);
    expect(Object.keys(rows[0])).toEqual(['cancer', 'n_case', 'n_reference', 'median_case', 'median_reference', 'diff_median', 'statistic', 'p', 'method', 'fdr',
      'n_pairs', 'statistic_paired', 'p_paired', 'fdr_paired', 'method_paired']);
    // KIRC has a patient whose tumour and normal scores are equal: R drops the zero difference, counts the pair
    const pairs = readTsv(join(out, 'compare_pairs.tsv')).filter((p) => p.cancer === 'KIRC');
    expect(pairs.length).toBe(Number(rows[0].n_pairs));
    expect(rows[0].method_paired).toBe('normal');
    const scores = readTsv(join(out, 'scores.tsv'));
    expect(new Set(scores.map((s) => s.group))).toEqual(new Set(['tumour', 'normal']));
    // one sample per patient per group
    const keys = scores.map((s) => `${s.patient}/${s.group}`);
    expect(new Set(keys).size).toBe(keys.length);
    const summary = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    expect(summary.samples.dropped.duplicate_samples).toBeGreaterThan(0);
    expect(summary.samples.dropped.other_sample_type).toBe(1); // TCGA-Z1-0009-20A: a control
    expect(r.stderr).toMatch(/KIRC\s+n=13\/8/);
    expect(r.stderr).toMatch(/paired: 7 pairs/);
  });

  it('--levels normal,tumour swaps case and reference: W becomes n₁n₂ − W, p unchanged', () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    expect(runCli([...synthetic, '--out', a]).status).toBe(0);
    expect(runCli([...synthetic, '--levels', 'normal,tumour', '--out', b]).status).toBe(0);
    const [x] = readTsv(join(a, 'compare.tsv'));
    const [y] = readTsv(join(b, 'compare.tsv'));
    expect(Number(y.n_case)).toBe(Number(x.n_reference));
    expect(Number(y.statistic)).toBe(Number(x.n_case) * Number(x.n_reference) - Number(x.statistic));
    expect(Number(y.p)).toBeCloseTo(Number(x.p), 12);
    expect(Number(y.diff_median)).toBeCloseTo(-Number(x.diff_median), 12);
  });

  it('lists cancers with too few samples in compare_skipped.tsv with the reason, and leaves them out of scores.tsv', () => {
    const out = join(tempDir(), 'out');
    const r = runCli([...synthetic, '--min-samples', '7', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const [skipped] = readTsv(join(out, 'compare_skipped.tsv'));
    expect(skipped).toMatchObject({ cancer: 'LIHC', n_case: '10', n_reference: '6', reason: '6 normal samples, fewer than --min-samples 7' });
    expect(readTsv(join(out, 'scores.tsv')).some((s) => s.cancer === 'LIHC')).toBe(false);
    expect(r.stderr).toMatch(/skipped 1: LIHC/);
  });

  it('a sample table without a cancer column is one cohort, cancer "all"; the default levels are the two sorted', () => {
    const out = join(tempDir(), 'out');
    const z = join(FIXTURES, 'compare', 'bladder-zscore-per-gene');
    const r = runCli(['compare', '--expr', join(z, 'expr.tsv.gz'), '--geneset', join(z, 'genesets.gmt'), '--samples', join(z, 'samples.tsv'), '--id', 'sample_id', '--group', 'tissue', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const [row] = readTsv(join(out, 'compare.tsv'));
    expect(row).toMatchObject({ cancer: 'all', n_case: '40', n_reference: '8', method: 'exact' });
  });
});

describe('compare: bad input', () => {
  const failsCleanly = (args: string[], code: number, message: RegExp) => {
    const out = join(tempDir(), 'out');
    const r = runCli([...args, '--out', out]);
    expect(r.status, r.stderr).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
    return r.stderr;
  };

  it('no normal sample at all: says so, names the matrix and the barcode rule', () => {
    failsCleanly(['compare', '--expr', MINI, '--clinical', 'tcga-cdr'], 1, /no sample of .*tcga-mini-pancan.* is a normal sample \(TCGA sample-type code 10–19/);
  });

  it('unknown --levels: lists the levels present', () => {
    failsCleanly([...bladder, '--levels', 'tumor,normal'], 2, /"tumor" is not a level of column "tissue".*levels present: "biopsy" \(9\), "cancer" \(40\), "normal" \(8\)\)/);
  });

  it('a group column with one level', () => {
    const dir = tempDir();
    const samples = join(dir, 'samples.tsv');
    const lines = readFileSync(join(BLADDER, 'samples.tsv'), 'utf8').trim().split('\n');
    writeFileSync(samples, [lines[0], ...lines.slice(1).map((l) => `${l.split('\t')[0]}\tcancer`)].join('\n') + '\n');
    failsCleanly([...bladder.slice(0, -6), '--samples', samples, '--id', 'sample', '--group', 'tissue'], 1, /has one level only \("cancer" \(57\)\).*needs two groups/);
  });

  it('more than two levels without --levels asks for them', () => {
    const dir = tempDir();
    const samples = join(dir, 'samples.tsv');
    const lines = readFileSync(join(BLADDER, 'samples.tsv'), 'utf8').trim().split('\n');
    writeFileSync(samples, [lines[0], ...lines.slice(1).map((l, i) => `${l.split('\t')[0]}\t${['a', 'b', 'c'][i % 3]}`)].join('\n') + '\n');
    failsCleanly([...bladder.slice(0, -6), '--samples', samples, '--id', 'sample', '--group', 'tissue'], 2, /3 levels .*--levels CASE,REFERENCE/);
  });

  it('an unknown --group column names the columns', () => {
    failsCleanly([...bladder.slice(0, -1), 'tisue'], 1, /tisue/);
    failsCleanly([...bladder], 2, /3 levels \("biopsy" \(9\), "cancer" \(40\), "normal" \(8\)\); say which two/);
  });

  it('--clinical with other --levels than tumour/normal, both or neither table, --samples without --group', () => {
    failsCleanly([...synthetic, '--levels', 'cancer,normal'], 2, /with --clinical the groups are the TCGA sample types/);
    failsCleanly(['compare', '--expr', join(SYN, 'expr.tsv')], 2, /Say how samples are grouped/);
    failsCleanly([...synthetic, '--samples', join(BLADDER, 'samples.tsv')], 2, /either --clinical .* or --samples/);
    failsCleanly(['compare', '--expr', join(BLADDER, 'expr.tsv'), '--samples', join(BLADDER, 'samples.tsv')], 2, /--samples needs --group/);
  });

  it('several gene sets without --score', () => {
    failsCleanly([...synthetic, '--geneset', 'migrasome-core', '--geneset', 'migrasome-markers'], 2, /one gene set per run.*--score NAME/);
  });

  it('no cancer with enough samples: exit 1, the reasons, nothing written', () => {
    failsCleanly([...synthetic, '--min-samples', '20'], 1, /No cancer type could be compared.*KIRC: .*fewer than --min-samples 20/);
  });
});
