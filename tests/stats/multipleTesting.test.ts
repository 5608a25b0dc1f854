import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/multipleTesting.js';
import { expectClose } from '../helpers/fixtures.js';

describe('benjaminiHochberg (R p.adjust(method = "BH"))', () => {
  const check = (p: number[], expected: number[]) => {
    const out = benjaminiHochberg(p);
    expect(out.length).toBe(expected.length);
    expected.forEach((e, i) => expectClose(out[i], e, 1e-12, `p[${i}]`));
  };

  it('NA stays NA and is not counted, ties share a value', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, NA, 0.5, 0.04), "BH") -> 0.030 0.048 0.048 0.030 NA 0.500 0.048
    check([0.01, 0.04, 0.03, 0.005, NaN, 0.5, 0.04], [0.03, 0.048, 0.048, 0.03, NaN, 0.5, 0.048]);
  });

  it('running minimum from the largest p', () => {
    // R: p.adjust(c(0.9, 0.8, 0.95, 0.99), "BH") -> 0.99 0.99 0.99 0.99
    check([0.9, 0.8, 0.95, 0.99], [0.99, 0.99, 0.99, 0.99]);
    // R: p.adjust(c(1e-300, 0.2, 0.02, 0.002), "BH") -> 4e-300 0.2 0.02666666666666667 0.004
    check([1e-300, 0.2, 0.02, 0.002], [4e-300, 0.2, 0.02666666666666667, 0.004]);
  });

  it('takes p-values above 1 (maxstat Lau92) as R does: pmin(1, cummin(n/i * p))', () => {
    // R: p.adjust(c(1.37, 0.5, 0.02, 1.1), "BH") -> 1.00 1.00 0.08 1.00
    check([1.37, 0.5, 0.02, 1.1], [1, 1, 0.08, 1]);
    // R: p.adjust(c(1.2, 0.01), "BH") -> 1.00 0.02
    check([1.2, 0.01], [1, 0.02]);
  });

  it('caps at 1 and handles empty and all-NA input', () => {
    // R: p.adjust(c(0.6, 0.7), "BH") -> 0.7 0.7; single p unchanged
    check([0.6, 0.7], [0.7, 0.7]);
    check([0.3], [0.3]);
    expect(benjaminiHochberg([])).toEqual([]);
    const allNa = benjaminiHochberg([NaN, NaN]);
    expect(allNa.every(Number.isNaN)).toBe(true);
  });
});
