import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { linearPredictor, riskScore } from '../../src/model/apply.js';
import { cvCoxnet } from '../../src/model/crossValidation.js';
import { designFromColumns } from '../../src/model/design.js';
import { readTsv } from '../helpers/fixtures.js';
import { MODEL_FIXTURES, caseDesign, expectRelative, modelCase } from '../helpers/modelCases.js';

// The shared reference case (../shared/reference/model/uvm-core-os, copied under
// reference/): model.json's lambdas, genes and cv table, and risk.tsv, from the engine on
// the same x (log2(value + 1) of the 31 candidate genes, UVM, OS, R's folds).
describe('uvm-core-os against the shared R reference', () => {
  const c = modelCase('uvm-core-os');
  const ref = join(MODEL_FIXTURES, 'uvm-core-os', 'reference', 'expected');
  const expected = JSON.parse(readFileSync(join(ref, 'model.json'), 'utf8'));
  const x = caseDesign(c);
  const cv = cvCoxnet(x, c.input.time, c.input.status, c.input.foldid);
  const beta = cv.fit.beta[cv.indexMin];

  test('lambda_min, lambda_1se and the cv table', () => {
    expectRelative([cv.lambdaMin, cv.lambda1se], [expected.lambda_min, expected.lambda_1se], 1e-6, 'lambdas');
    expect(cv.lambda.length).toBe(expected.cv.length);
    expectRelative(cv.lambda, expected.cv.map((r: any) => r.lambda), 1e-6, 'cv lambda');
    expectRelative(cv.cvm, expected.cv.map((r: any) => r.cvm), 1e-5, 'cvm');
    expectRelative(cv.cvsd, expected.cv.map((r: any) => r.cvsd), 1e-5, 'cvsd');
    expect(Array.from(cv.nzero)).toEqual(expected.cv.map((r: any) => r.nzero));
  });

  test('genes: the nonzero coefficients at lambda.min, named as in the gene set', () => {
    const genes = c.genes.map((gene, j) => ({ gene, coef: beta[j] })).filter((g) => g.coef !== 0);
    expect(genes.map((g) => g.gene)).toEqual(expected.genes.map((g: any) => g.gene));
    expectRelative(genes.map((g) => g.coef), expected.genes.map((g: any) => g.coef), 1e-5, 'coef');
  });

  test('risk.tsv: x·β with no centring, per sample', () => {
    const rows = readTsv(join(ref, 'risk.tsv'));
    expect(rows.length).toBe(c.input.time.length);
    const risk = linearPredictor(x, beta);
    expectRelative(risk, rows.map((r) => Number(r.risk)), 1e-5, 'risk');
    // The same from the saved genes alone (model apply).
    const kept = c.genes.flatMap((_, j) => (beta[j] !== 0 ? [j] : []));
    const fromGenes = riskScore(rows.length, kept.map((j) => c.input.x[j]), kept.map((j) => beta[j]));
    expectRelative(fromGenes, risk, 1e-12, 'riskScore');
  });
});

describe('linear predictor', () => {
  test('x·β by hand, zeros skipped, no intercept', () => {
    const x = designFromColumns([[1, 2, 3], [0.5, -1, 4]]);
    expect(Array.from(linearPredictor(x, [2, -1]))).toEqual([1.5, 5, 2]);
    expect(Array.from(linearPredictor(x, [0, 0]))).toEqual([0, 0, 0]);
    expect(() => linearPredictor(x, [1])).toThrow(/1 coefficients for 2 columns/);
  });

  test('a model with no gene scores every sample 0', () => {
    expect(Array.from(riskScore(4, [], []))).toEqual([0, 0, 0, 0]);
  });
});
