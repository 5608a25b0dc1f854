import { describe, expect, it } from 'vitest';
import { spearmanTest } from '../../src/stats/spearman.js';
import { spearmanMany, spearmanManyGroups } from '../../src/stats/spearmanMany.js';
import { expectR, readFixture, toNumbers, type RNum } from './rValues.js';

interface Case { name: string; rows: RNum[][]; columns: number[]; score: RNum[]; rho: (number | null)[]; p: (number | null)[]; exact: number[]; n: number[] }

// R 4.2.2 cor.test(score, m[g, columns], method = "spearman") per gene (scripts/r/spearman-many.R).
const cases = readFixture<Case[]>('spearman-many.json');

describe('spearmanMany against R cor.test per gene', () => {
  for (const c of cases) {
    it(c.name, () => {
      const rows = c.rows.map((r) => Float64Array.from(toNumbers(r)));
      const got = spearmanMany(toNumbers(c.score), c.columns, rows.length, (g) => rows[g]);
      for (let g = 0; g < rows.length; g++) {
        expectR(got.rho[g], c.rho[g], 1e-14);
        expectR(got.p[g], c.p[g]);
        expect(got.exact[g]).toBe(c.exact[g]);
        expect(got.n[g]).toBe(c.n[g]);
      }
    });
  }
  it('the cases hold constant genes (NaN), ties, missing values, rho = ±1, n > 1290', () => {
    const first = cases[0];
    expect(first.rho[1]).toBeNull();
    expect(first.rho[3]).toBeCloseTo(1, 14);
    expect(first.n[5]).toBe(42);
    expect(cases[3].exact).toEqual([0, 0, 1]);
  });
});

describe('spearmanMany equals spearmanTest gene by gene', () => {
  let seed = 3;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (const n of [9, 40, 333, 1500]) {
    it(`n = ${n}, with tied and untied genes`, () => {
      const nCols = n + 7;
      const columns = Array.from({ length: n }, (_, i) => (i * 13) % nCols).filter((v, i, a) => a.indexOf(v) === i);
      const score = columns.map(() => rand());
      const rows = Array.from({ length: 30 }, (_, g) =>
        Float64Array.from({ length: nCols }, () => (g % 3 === 0 ? Math.round(rand() * 20) : rand() + (g % 5) * 0.01)));
      const got = spearmanMany(score, columns, rows.length, (g) => rows[g]);
      rows.forEach((r, g) => {
        const t = spearmanTest(score, columns.map((j) => r[j]));
        expect(got.rho[g]).toBe(t.rho);
        expect(got.p[g]).toBe(t.p);
        expect(got.exact[g]).toBe(t.method === 'spearman-exact' ? 1 : 0);
      });
    });
  }
});

describe('spearmanManyGroups', () => {
  it('gives each group what spearmanMany gives it alone', () => {
    const c = cases[0];
    const rows = c.rows.map((r) => Float64Array.from(toNumbers(r)));
    const groups = cases.slice(0, 3).map((k) => ({ score: toNumbers(k.score), columns: k.columns }));
    groups.push({ score: [0.5, 0.1, 0.9, 0.3], columns: [59, 0, 7, 30] });
    const all = spearmanManyGroups(groups, rows.length, (g) => rows[g]);
    groups.forEach((grp, k) => {
      const alone = spearmanMany(grp.score, grp.columns, rows.length, (g) => rows[g]);
      expect(all[k]).toEqual(alone);
    });
    expectR(all[1].p[0], cases[1].p[0]);
  });
  it('sorts adversarial rows right: sorted, reversed, all equal but one, organ-pipe', () => {
    const n = 200;
    const score = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7));
    const columns = Array.from({ length: n }, (_, i) => i);
    const rows = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => -i),
      Float64Array.from({ length: n }, (_, i) => (i === 77 ? 1 : 0)),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      Float64Array.from({ length: n }, (_, i) => (i % 2 ? -0 : 0) + (i % 7)),
    ];
    const got = spearmanMany(score, columns, rows.length, (g) => rows[g]);
    rows.forEach((r, g) => {
      const t = spearmanTest(score, r);
      expect(got.rho[g]).toBe(t.rho);
      expect(got.p[g]).toBe(t.p);
    });
  });
});
