// runModelFit / runModelApply in process (no worker threads: the case is small), the
// default candidate genes, and the fold and cohort rules of `model fit`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runModelApply } from '../../src/pipeline/modelApply.js';
import { runModelFit, type ModelFitOptions } from '../../src/pipeline/modelFit.js';
import { candidateSpec } from '../../src/pipeline/modelGenes.js';
import { modelFolds, type ModelCohort } from '../../src/pipeline/modelCohort.js';
import { savedModel } from '../../src/pipeline/modelOutputs.js';
import { TCGA_CDR } from '../../src/tcga/cdr.js';
import { readTsv } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/cli.js';
import { expectRelative, MODEL_FIXTURES } from '../helpers/modelCases.js';
import { writeFileSync } from 'node:fs';

const CASE = join(MODEL_FIXTURES, 'uvm-core-os', 'reference');
const OPTS: ModelFitOptions = {
  expr: join(CASE, 'expr.tsv'), clinical: TCGA_CDR.path, id: TCGA_CDR.idColumn, time: 'OS.time', event: 'OS', endpoint: 'OS',
  genes: [join(CASE, 'candidates.gmt')], cancer: { column: 'type', value: 'UVM' }, log2: 'yes', nfolds: 10, foldid: join(CASE, 'folds.tsv'),
  seed: 1, lambda: 'min', timeIn: 'days', timeUnit: 'days',
};

describe('runModelFit', () => {
  test('the reference case in one thread: R\'s lambdas, genes and risks; x in set order, rows in matrix order', async () => {
    const run = await runModelFit(OPTS);
    const expected = JSON.parse(readFileSync(join(CASE, 'expected', 'model.json'), 'utf8'));
    expect(run.threads).toBe(1);
    expect(run.candidates.map((c) => c.gene)).toEqual(readFileSync(join(CASE, 'candidates.gmt'), 'utf8').trim().split('\t').slice(2));
    expect(run.cohort.samples).toEqual(readTsv(join(CASE, 'expected', 'risk.tsv')).map((r) => r.sample));
    expectRelative([run.cv.lambdaMin, run.cv.lambda1se], [expected.lambda_min, expected.lambda_1se], 1e-6, 'lambdas');
    expectRelative(run.genes.map((g) => g.coef), expected.genes.map((g: any) => g.coef), 1e-5, 'coef');
    expectRelative(run.risk, readTsv(join(CASE, 'expected', 'risk.tsv')).map((r) => Number(r.risk)), 1e-5, 'risk');
    expect(run.survival?.analysis.n).toBe(80);
    const saved = await savedModel(run, OPTS, { command: 'test', png: false });
    expect(saved.genes).toBe(run.genes);
    expect(saved.lambda_rule).toBe('min');
  });

  test('--lambda 1se: the genes of lambda.1se; --roc-times reach the survival analysis of the risk', async () => {
    const run = await runModelFit({ ...OPTS, lambda: '1se', rocTimes: [365, 1095] });
    expect(run.lambda).toBe(run.cv.lambda1se);
    expect(run.genes).toHaveLength(2);
    expect(run.survival?.tables.map((t) => t.name)).toContain('roc.tsv');
    expect(run.survival?.figures.map((f) => f.name)).toEqual(expect.arrayContaining(['km', 'roc', 'auc']));
  });

  test('without --cancer on a matrix of several cancers: all analysed, with a warning', async () => {
    const run = await runModelFit({ ...OPTS, cancer: { column: 'type' }, foldid: undefined });
    expect(run.cohort.samples).toHaveLength(88);
    expect(run.warnings.join(' ')).toMatch(/2 cancer types \(UVM 80, ACC 8; column "type"\)/);
    expect(run.folds.source).toEqual({ kind: 'seed', seed: 1 });
  });

  test('runModelApply on the fitted matrix reproduces the fitted risks', async () => {
    const run = await runModelFit(OPTS);
    const dir = tempDir();
    const path = join(dir, 'model.json');
    writeFileSync(path, JSON.stringify(await savedModel(run, OPTS, { command: 'test', png: false })));
    const applied = await runModelApply({ model: path, expr: OPTS.expr, log2: 'yes' });
    const bySample = new Map(applied.samples.map((s, j) => [s, applied.risk[j]]));
    run.cohort.samples.forEach((s, i) => expect(bySample.get(s)).toBe(run.risk[i]));
    expect(applied.missing).toEqual([]);
  });
});

describe('candidate genes', () => {
  test('default: every gene of the built-in migrasome sets, once each, in set order', () => {
    const { spec, sets } = candidateSpec([]);
    expect(sets).toEqual(['migrasome-core', 'migrasome-markers', 'migrasome-biogenesis', 'migrasome-tetraspanins']);
    expect(spec.genes).toEqual(['TSPAN4', 'TSPAN7', 'ITGA5', 'ITGB1', 'NDST1', 'EOGT', 'PIGK', 'CPQ', 'PIP5K1A', 'RAB35', 'SGMS2',
      'TSPAN1', 'TSPAN2', 'TSPAN6', 'TSPAN9', 'TSPAN18', 'CD82', 'CD81']);
  });

  test('several --genes specs: concatenated in order, repeats dropped', () => {
    expect(candidateSpec(['a=G1,G2,G3', 'b=G2,G4']).spec.genes).toEqual(['G1', 'G2', 'G3', 'G4']);
  });
});

describe('folds', () => {
  const cohort = { samples: ['TCGA-AA-0001-01A', 'TCGA-AA-0002-01A', 'TCGA-AA-0003-01A'], patients: ['TCGA-AA-0001', 'TCGA-AA-0002', 'TCGA-AA-0003'] } as ModelCohort;
  const table = (entries: [string, number][]) => ({ path: 'folds.tsv', folds: new Map(entries) });

  test('by sample or by patient ID; samples of the matrix outside the cohort are ignored', () => {
    const f = modelFolds(cohort, { foldTable: table([['TCGA-AA-0001-01A', 2], ['TCGA-AA-0002', 1], ['TCGA-AA-0003-01A', 3], ['TCGA-BB-0009-01A', 1]]), nfolds: 10, seed: 1 },
      [...cohort.samples, 'TCGA-BB-0009-01A']);
    expect(Array.from(f.foldid)).toEqual([2, 1, 3]);
    expect(f.nfolds).toBe(3);
    expect(f.source).toEqual({ kind: 'file', path: 'folds.tsv' });
  });

  test('unknown samples and samples without a fold are errors naming them', () => {
    expect(() => modelFolds(cohort, { foldTable: table([['TCGA-AA-0001-01A', 1], ['nobody', 2]]), nfolds: 10, seed: 1 }, cohort.samples))
      .toThrow(/1 sample is not a column of the matrix: nobody/);
    expect(() => modelFolds(cohort, { foldTable: table([['TCGA-AA-0001-01A', 1]]), nfolds: 10, seed: 1 }, cohort.samples))
      .toThrow(/2 of the 3 analysed samples have no fold: TCGA-AA-0002-01A, TCGA-AA-0003-01A/);
  });

  test('from a seed: balanced and reproducible; more folds than samples is a usage error', () => {
    const a = modelFolds(cohort, { nfolds: 3, seed: 5 }, cohort.samples);
    expect([...a.foldid].sort()).toEqual([1, 2, 3]);
    expect(Array.from(modelFolds(cohort, { nfolds: 3, seed: 5 }, cohort.samples).foldid)).toEqual(Array.from(a.foldid));
    expect(() => modelFolds(cohort, { nfolds: 4, seed: 5 }, cohort.samples)).toThrow(/--nfolds 4 is more than the 3 analysed samples/);
  });
});
