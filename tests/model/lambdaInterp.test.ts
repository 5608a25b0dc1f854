import { describe, expect, test } from 'vitest';
import { coefficientsAt, lambdaInterp } from '../../src/model/lambdaInterp.js';

// glmnet's lambda.interp: linear in lambda between neighbouring path points, ends clamped.
describe('lambdaInterp', () => {
  const lambda = [1, 0.5, 0.25, 0.125];

  test('a lambda on the path takes that column alone', () => {
    const r = lambdaInterp(lambda, [0.5, 1, 0.125]);
    expect(Array.from(r.left)).toEqual([1, 0, 3]);
    expect(Array.from(r.right)).toEqual([1, 0, 3]);
    expect(Array.from(r.frac)).toEqual([1, 1, 1]);
  });

  test('between two points, linear in lambda (not log lambda)', () => {
    const r = lambdaInterp(lambda, [0.4]);
    expect(r.left[0]).toBe(1);
    expect(r.right[0]).toBe(2);
    expect(r.frac[0]).toBeCloseTo((0.4 - 0.25) / (0.5 - 0.25), 14);
  });

  test('beyond either end, the end column', () => {
    const r = lambdaInterp(lambda, [3, 0.01]);
    expect([r.left[0], r.right[0], r.frac[0]]).toEqual([0, 0, 1]);
    expect([r.left[1], r.right[1], r.frac[1]]).toEqual([3, 3, 1]);
  });

  test('a one-point path is used for every lambda', () => {
    const r = lambdaInterp([0.3], [1, 0.1]);
    expect(Array.from(r.left)).toEqual([0, 0]);
    expect(Array.from(r.frac)).toEqual([1, 1]);
  });

  test('coefficients: frac·left + (1 − frac)·right', () => {
    const beta = [new Float64Array([0, 0]), new Float64Array([1, 0]), new Float64Array([2, -1]), new Float64Array([3, -2])];
    const [b] = coefficientsAt(beta, lambda, [0.375]);
    expect(b[0]).toBeCloseTo(1.5, 14);
    expect(b[1]).toBeCloseTo(-0.5, 14);
  });
});
