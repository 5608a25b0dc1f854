import { describe, expect, it } from 'vitest';
import { prho } from '../../src/stats/prho.js';
import { spearmanTest } from '../../src/stats/spearman.js';
import { expectR, readFixture, toNumbers, type RNum } from './rValues.js';

interface Case { name: string; x: RNum[]; y: RNum[]; n: number; rho: [number | null]; statistic: [number | null]; p: [number | null]; method: string }

// R 4.2.2 cor.test(x, y, method = "spearman") values (scripts/r/spearman.R).
const spearmanCases = readFixture<Case[]>('spearman.json');

describe('cor.test(method = "spearman") against R', () => {
  for (const c of spearmanCases) {
    it(c.name, () => {
      const r = spearmanTest(toNumbers(c.x), toNumbers(c.y));
      expect(r.n).toBe(c.n);
      expect(r.method).toBe(c.method);
      expectR(r.rho, c.rho[0], 1e-14);
      // S near 0 (rho = 1) is a rounding residue in R and here: compare on its scale n³.
      if (c.statistic[0] === null) expect(r.statistic).toBeNaN();
      else expect(Math.abs(r.statistic - c.statistic[0])).toBeLessThanOrEqual(1e-12 * c.n ** 3);
      expectR(r.p, c.p[0]);
    });
  }

  it('covers every branch: enumeration, Edgeworth, t for ties and for n > 1290, clamped and tiny p', () => {
    const by = (name: string) => spearmanCases.find((c) => c.name === name)!;
    expect(spearmanCases.filter((c) => /^exact enumeration/.test(c.name)).map((c) => c.n)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(by('asymptotic n=1291 no ties').method).toBe('spearman-asymptotic');
    expect(by('edgeworth n=1290').method).toBe('spearman-exact');
    expect(by('edgeworth tiny p (clamped)').p[0]).toBe(0);
    expect(by('asymptotic n=1400 small p').p[0]).toBeLessThan(1e-25);
    expect(by('edgeworth n=1290').p[0]).toBeLessThan(1e-15);
  });
});

describe('spearmanTest edge cases', () => {
  it('throws a RangeError below 2 complete pairs, as R stops', () => {
    expect(() => spearmanTest([1, NaN, 3], [NaN, 2, NaN])).toThrow(RangeError);
    expect(() => spearmanTest([1], [2])).toThrow(/not enough finite observations/);
  });
  it('a constant variable gives NaN rho, S and p (R: NA)', () => {
    const r = spearmanTest([1, 1, 1, 1], [1, 2, 3, 4]);
    expect(r.rho).toBeNaN();
    expect(r.p).toBeNaN();
  });
});

describe('prho (AS 89) as R', () => {
  it('enumeration: P[S >= is] counts permutations', () => {
    // n = 3: S over the 6 permutations is 0, 2, 2, 6, 6, 8.
    expect(prho(3, 6, false)).toBeCloseTo(3 / 6, 15);
    expect(prho(3, 8, false)).toBeCloseTo(1 / 6, 15);
    expect(prho(3, 3, true)).toBeCloseTo(3 / 6, 15);
    expect(prho(3, 0, false)).toBe(1);
    expect(prho(3, 9, false)).toBe(0);
  });
});
