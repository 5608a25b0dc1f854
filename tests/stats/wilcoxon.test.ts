import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wilcoxonRankSum, wilcoxonSignedRank } from '../../src/stats/wilcoxon.js';
import { ROOT } from '../helpers/cli.js';

// R 4.2.2 wilcox.test values (scripts/r/wilcoxon.R).
const cases: { name: string; paired: boolean; x: number[]; y: number[]; statistic: number; p: number }[] =
  JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/stats/wilcoxon.json'), 'utf8'));

describe('wilcox.test against R', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = c.paired ? wilcoxonSignedRank(c.x, c.y) : wilcoxonRankSum(c.x, c.y);
      expect(r.statistic).toBe(c.statistic);
      if (Number.isNaN(c.p) || c.p === null) expect(r.p).toBeNaN();
      else expect(Math.abs(r.p - c.p)).toBeLessThanOrEqual(1e-10 * c.p + 1e-300);
    });
  }
  it('covers tails below 1e-50 with the normal approximation', () => {
    const deep = cases.find((c) => c.name === 'deep tail normal')!;
    expect(deep.p).toBeLessThan(1e-50);
    expect(wilcoxonRankSum(deep.x, deep.y).method).toBe('normal');
  });
});

describe('branch choice as R', () => {
  it('exact below 50 per group without ties, normal with ties or 50 values', () => {
    expect(wilcoxonRankSum([1, 2, 3], [4, 5]).method).toBe('exact');
    expect(wilcoxonRankSum([1, 2, 2], [4, 5]).method).toBe('normal');
    expect(wilcoxonRankSum(Array.from({ length: 50 }, (_, i) => i), [100.5]).method).toBe('normal');
  });
  it('signed rank: zero differences force the normal branch and are dropped', () => {
    const r = wilcoxonSignedRank([1, 2, 3, 5], [1, 1, 1, 1]);
    expect(r.method).toBe('normal');
    expect(r.statistic).toBe(6);
  });
  it('drops non-finite values as R does', () => {
    expect(wilcoxonRankSum([1, NaN, 3], [2, 4]).statistic).toBe(wilcoxonRankSum([1, 3], [2, 4]).statistic);
  });
});
