import { describe, expect, test } from 'vitest';
import { coxnet } from '../../src/model/coxnet.js';
import { checkFolds, cvCoxnet, fitFold, foldControl } from '../../src/model/crossValidation.js';
import { MODEL_CASES, caseDesign, expectRelative, modelCase } from '../helpers/modelCases.js';

// cv.glmnet(x, Surv(time, status), family = "cox", foldid) on every fixture, at the
// contract's tolerances (relative 1e-5 for cvm, cvsd and coefficients, 1e-6 for the
// lambdas, nzero exact).
describe.each(MODEL_CASES)('cv.glmnet, case %s', (name) => {
  const c = modelCase(name);
  const x = caseDesign(c);
  const cv = cvCoxnet(x, c.input.time, c.input.status, c.input.foldid);

  test('cv table: lambda, cvm, cvsd, nzero', () => {
    expect(cv.lambda.length).toBe(c.cv.lambda.length);
    expectRelative(cv.lambda, c.cv.lambda, 1e-6, `${name} lambda`);
    expectRelative(cv.cvm, c.cv.cvm, 1e-5, `${name} cvm`);
    expectRelative(cv.cvsd, c.cv.cvsd, 1e-5, `${name} cvsd`);
    expect(Array.from(cv.nzero)).toEqual(c.cv.nzero);
  });

  test('lambda.min, lambda.1se and the coefficients there', () => {
    expectRelative([cv.lambdaMin, cv.lambda1se], [c.cv.lambda_min, c.cv.lambda_1se], 1e-6, `${name} lambda.min/1se`);
    expectRelative(cv.fit.beta[cv.indexMin], c.cv.coef_min, 1e-5, `${name} coef at lambda.min`);
    expectRelative(cv.fit.beta[cv.index1se], c.cv.coef_1se, 1e-5, `${name} coef at lambda.1se`);
  });

  test('each fold is refitted on its own default path', () => {
    const lengths = Array.from({ length: cv.nfolds }, (_, k) => fitFold(x, c.input.time, c.input.status, c.input.foldid, k + 1).lambda.length);
    expect(lengths).toEqual(c.cv.fold_path_lengths);
  });
});

describe('cross-validation details', () => {
  test('no gene at lambda.1se (sim-null): lambda.1se is the first lambda, nzero 0', () => {
    const c = modelCase('sim-null');
    const cv = cvCoxnet(caseDesign(c), c.input.time, c.input.status, c.input.foldid);
    expect(cv.index1se).toBe(0);
    expect(cv.nzero[cv.index1se]).toBe(0);
    expect(cv.fit.beta[cv.index1se].every((b) => b === 0)).toBe(true);
  });

  test('fold fits cut short by glmnet (sim-weights) are kept and reported', () => {
    const c = modelCase('sim-weights');
    const cv = cvCoxnet(caseDesign(c), c.input.time, c.input.status, c.input.foldid);
    expect(cv.warnings).toEqual(['Numerical error at 57th lambda value; solutions for larger values of lambda returned', 'Numerical error at 79th lambda value; solutions for larger values of lambda returned']);
  });

  test('fold fits supplied by the caller (e.g. from worker threads) give the same table', () => {
    const c = modelCase('sim-ties');
    const x = caseDesign(c);
    const full = coxnet(x, c.input.time, c.input.status);
    const control = foldControl(x, c.input.time, c.input.status);
    expect(control.stopBelow).toBeCloseTo(full.lambda[1] * Math.pow(1e-4, Math.fround(1 / 99)) ** 98, 12);
    const folds = Array.from({ length: 8 }, (_, k) => fitFold(x, c.input.time, c.input.status, c.input.foldid, k + 1, control));
    const a = cvCoxnet(x, c.input.time, c.input.status, c.input.foldid, {}, { full, folds });
    const b = cvCoxnet(x, c.input.time, c.input.status, c.input.foldid);
    expect(Array.from(a.cvm)).toEqual(Array.from(b.cvm));
    expect(a.lambdaMin).toBe(b.lambdaMin);
  });

  test("lung with censorings tied with deaths at times >= 256: equal to R, glmnet's psort7 deciding who is at risk", () => {
    // R's cv.glmnet on the unmoved times: glmnet's quicksort (psort7) leaves some tied
    // censorings before the death, out of its risk set; sorting as it does gives R's numbers.
    const c = modelCase('lung');
    const raw = c.extra.cv_unmoved;
    const cv = cvCoxnet(caseDesign(c), raw.time, c.input.status, c.input.foldid);
    const d = Math.max(...Array.from(cv.cvm, (v, l) => Math.abs(v - raw.cvm[l]) / raw.cvm[l]));
    expect(d).toBeLessThan(1e-8);
    const s = Math.max(...Array.from(cv.cvsd, (v, l) => Math.abs(v - raw.cvsd[l]) / raw.cvsd[l]));
    expect(s).toBeLessThan(1e-8);
    expect(cv.lambdaMin).toBeCloseTo(raw.lambda_min, 12);
  });

  test('folds must be 1..K with K >= 3 and every fold used', () => {
    expect(() => checkFolds([1, 2, 1, 2], 4)).toThrow(/at least 3 folds/);
    expect(() => checkFolds([1, 2, 4, 4, 1], 5)).toThrow(/folds 3 have no samples/);
    expect(() => checkFolds([1, 2, 0], 3)).toThrow(/whole numbers from 1/);
    expect(checkFolds([3, 1, 2, 1], 4).nfolds).toBe(3);
  });
});

describe('fold deviances', () => {
  test('one centred x·β for both deviances equals coxnet.deviance on all rows minus on the training rows', async () => {
    const { coxnetDeviance, cvDevianceScorer } = await import('../../src/model/coxDeviance.js');
    const { glmnetTimes } = await import('../../src/model/riskSets.js');
    const { trainingRows } = await import('../../src/model/crossValidation.js');
    const c = modelCase('uvm-core-os');
    const x = caseDesign(c);
    const ty = glmnetTimes(c.input.time, c.input.status);
    const betas = coxnet(x, c.input.time, c.input.status).beta.filter((_, l) => l % 10 === 0);
    const rows = trainingRows(c.input.foldid, 3);
    const all = coxnetDeviance(x, ty, c.input.status, betas);
    const train = coxnetDeviance(x, ty, c.input.status, betas, rows);
    const diff = cvDevianceScorer(x, ty, c.input.status)(betas, rows);
    diff.forEach((v, l) => expect(Math.abs(v - (all[l] - train[l]))).toBeLessThan(1e-10 * Math.abs(all[l])));
    expect(all[0]).toBeGreaterThan(train[0]);
  });
});
