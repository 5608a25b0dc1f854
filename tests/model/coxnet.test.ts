import { describe, expect, test } from 'vitest';
import { coxnet } from '../../src/model/coxnet.js';
import { nativeKernels } from '../../src/model/kernels.js';
import { designFromColumns } from '../../src/model/design.js';
import { MODEL_CASES, caseDesign, expectRelative, modelCase } from '../helpers/modelCases.js';

// glmnet(x, Surv(time, status), family = "cox") on every fixture: the same lambdas, the
// same number of coordinate-descent passes (the iteration is glmnet's own, so it stops
// where glmnet stops), coefficients per lambda on the original scale, df and dev.ratio.
describe.each(MODEL_CASES)('glmnet path, case %s', (name) => {
  const c = modelCase(name);
  const fit = coxnet(caseDesign(c), c.input.time, c.input.status);

  test('lambda path, its length and the passes', () => {
    expect(fit.lambda.length).toBe(c.path.lambda.length);
    expectRelative(fit.lambda, c.path.lambda, 1e-6, `${name} lambda`);
    expect(fit.passes).toBe(c.path.npasses);
    expect(fit.nobs).toBe(c.input.time.length);
    expect(fit.nvars).toBe(c.genes.length);
  });

  test('coefficients per lambda, df, dev.ratio, null deviance', () => {
    fit.beta.forEach((b, l) => expectRelative(b, c.path.beta[l], 1e-5, `${name} beta at lambda ${l + 1}`));
    expect(Array.from(fit.df)).toEqual(c.path.df);
    expectRelative(fit.devRatio, c.path.dev_ratio, 1e-6, `${name} dev.ratio`);
    expectRelative([fit.nullDeviance], [c.path.nulldev], 1e-9, `${name} nulldev`);
  });

  test('the warning when glmnet cuts the path short', () => {
    const cut = c.warnings.find((w) => /maxit/.test(w) && !/fold/.test(w));
    if (name === 'sim-maxit') {
      expect(cut).toBeDefined();
      expect(fit.warning).toMatch(/Convergence for 75th lambda value not reached after maxit=100000/);
    } else expect(fit.warning).toBeNull();
  });
});

describe('coxnet edge cases', () => {
  const c = modelCase('sim-ties');

  test('a constant column is left out (coefficient 0) and does not change the other columns', () => {
    const fit = coxnet(caseDesign(c), c.input.time, c.input.status);
    const g07 = c.genes.indexOf('G07');
    for (const b of fit.beta) expect(b[g07]).toBe(0);
    const without = coxnet(designFromColumns(c.input.x.filter((_, j) => j !== g07)), c.input.time, c.input.status);
    expect(Array.from(without.lambda)).toEqual(Array.from(fit.lambda));
    expect(Array.from(without.beta[20])).toEqual(Array.from(fit.beta[20]).filter((_, j) => j !== g07));
  });

  test('the answer depends on column order (glmnet cycles through columns in order)', () => {
    const u = modelCase('uvm-core-os');
    const cols = u.input.x;
    const reversed = coxnet(designFromColumns([...cols].reverse()), u.input.time, u.input.status);
    const fit = coxnet(caseDesign(u), u.input.time, u.input.status);
    const l = 60;
    const back = Array.from(reversed.beta[l]).reverse();
    const d = Math.max(...back.map((b, j) => Math.abs(b - fit.beta[l][j])));
    expect(d).toBeGreaterThan(1e-3);
  });

  test('times <= 0 are refused, naming the row', () => {
    const time = [...c.input.time];
    time[4] = 0;
    expect(() => coxnet(caseDesign(c), time, c.input.status)).toThrow(/row 5 has survival time 0/);
  });

  test('no events, or only constant columns, are clear errors', () => {
    expect(() => coxnet(caseDesign(c), c.input.time, c.input.status.map(() => 0))).toThrow(/no events/);
    const flat = designFromColumns([new Float64Array(200).fill(1), new Float64Array(200).fill(2)]);
    expect(() => coxnet(flat, c.input.time, c.input.status)).toThrow(/constant/);
  });

  test.each(['wasm', ...(nativeKernels() ? ['native' as const] : [])] as const)('%s and JavaScript kernels give the same path', (engine) => {
    const u = modelCase('sim-wide');
    const fast = coxnet(caseDesign(u), u.input.time, u.input.status, { kernels: engine });
    const js = coxnet(caseDesign(u), u.input.time, u.input.status, { kernels: 'js' });
    expect(js.passes).toBe(fast.passes);
    js.beta.forEach((b, l) => expectRelative(b, fast.beta[l], 1e-9, `beta ${l}`));
  });
});
