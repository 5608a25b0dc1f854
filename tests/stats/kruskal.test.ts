import { describe, expect, it } from 'vitest';
import { kruskalTest, pairwiseWilcoxon } from '../../src/stats/kruskal.js';
import { expectR, readFixture, toNumbers, type RNum } from './rValues.js';

interface Pair { level1: string; level2: string; p: number | null; p_adjusted: number | null }
interface Case { name: string; x: RNum[]; g: (string | null)[]; levels: string[]; statistic: [number | null]; df: number; p: [number | null]; pairs: Pair[] }

// R 4.2.2 kruskal.test(x, g) and pairwise.wilcox.test(x, factor(g, levels), p.adjust.method = "BH")
// (scripts/r/kruskal.R); pairs listed by the rows of R's p-value matrix.
const cases = readFixture<Case[]>('kruskal.json');

describe('kruskal.test against R', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = kruskalTest(toNumbers(c.x), c.g);
      expect(r.df).toBe(c.df);
      expectR(r.statistic, c.statistic[0], 1e-12);
      expectR(r.p, c.p[0]);
    });
  }
});

describe('pairwise.wilcox.test(p.adjust.method = "BH") against R', () => {
  for (const c of cases) {
    it(c.name, () => {
      const pairs = pairwiseWilcoxon(toNumbers(c.x), c.g, c.levels);
      expect(pairs.map((p) => [p.level1, p.level2])).toEqual(c.pairs.map((p) => [p.level1, p.level2]));
      pairs.forEach((p, i) => {
        expectR(p.p, c.pairs[i].p);
        expectR(p.p_adjusted, c.pairs[i].p_adjusted);
      });
    });
  }

  it('the cases cover exact and normal pairs, 3 and 4 levels, unsorted level order', () => {
    const methods = (name: string) => {
      const c = cases.find((k) => k.name === name)!;
      return new Set(pairwiseWilcoxon(toNumbers(c.x), c.g, c.levels).map((p) => p.method));
    };
    expect(methods('3 levels no ties (exact pairs)')).toEqual(new Set(['exact']));
    expect(methods('4 levels with ties (normal pairs)')).toEqual(new Set(['normal']));
    expect(methods('3 levels of 50+ (normal, deep tail)')).toEqual(new Set(['normal']));
    const c = cases.find((k) => k.name === '4 levels, level order not sorted')!;
    expect(c.pairs[0]).toMatchObject({ level1: 'b', level2: 'd' });
  });
});

describe('edge cases as R', () => {
  it('stops with one group or fewer than two values', () => {
    expect(() => kruskalTest([1, 2, 3], ['a', 'a', 'a'])).toThrow(/same group/);
    expect(() => kruskalTest([1, NaN, 3], ['a', 'b', null])).toThrow(RangeError);
  });
  it('a level without values stops as wilcox.test does', () => {
    expect(() => pairwiseWilcoxon([1, 2, 3], ['a', 'a', 'b'], ['a', 'b', 'c'])).toThrow(RangeError);
  });
  it('ignores values of groups outside the levels', () => {
    const a = pairwiseWilcoxon([1, 2, 3, 4, 9, 9], ['a', 'a', 'b', 'b', 'z', null], ['a', 'b']);
    expect(a).toHaveLength(1);
    expect(a[0].statistic).toBe(4); // wilcox.test(c(3, 4), c(1, 2))$statistic: x is the row level b
  });
});
