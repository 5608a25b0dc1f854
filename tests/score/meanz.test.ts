import { describe, expect, it } from 'vitest';
import { meanZScore } from '../../src/score/mean.js';
import { matrixFromRows } from '../../src/score/types.js';
import { zscore } from '../../src/score/zscore.js';
import { expectClose } from '../helpers/fixtures.js';
import { casesWithExpected, expectCaseMatchesR } from '../helpers/scoring.js';

describe('meanz against the R reference', () => {
  const cases = casesWithExpected('meanz');
  it('has its R reference cases', () => expect(cases).toEqual(['synthetic-log', 'synthetic-counts', 'bladder-microarray']));
  for (const name of cases) it(name, () => expectCaseMatchesR(name, 'meanz', meanZScore));
});

describe('meanz by hand', () => {
  const m = matrixFromRows(
    ['a', 'b', 'flat', 'holed'],
    ['s1', 's2', 's3'],
    [[1, 2, 3], [10, 30, 20], [4, 4, 4], [1, NaN, 2]],
  );

  it('averages z-scores (SD with n - 1)', () => {
    const [ab] = meanZScore(m, [{ name: 'ab', rows: [0, 1], genes: ['a', 'b'] }]);
    // a: z = -1, 0, 1; b: z = -1, 1, 0
    [-1, 0.5, 0.5].forEach((v, j) => expectClose(ab[j], v, 1e-12, `s${j + 1}`));
  });

  it('drops constant genes and genes with missing values, as GSVA does for zscore', () => {
    const sets = [
      { name: 'mixed', rows: [0, 2, 3, 1], genes: ['a', 'flat', 'holed', 'b'] },
      { name: 'bad', rows: [2, 3], genes: ['flat', 'holed'] },
    ];
    const [mixed, bad] = meanZScore(m, sets);
    [-1, 0.5, 0.5].forEach((v, j) => expectClose(mixed[j], v, 1e-12, `s${j + 1}`));
    expect(Array.from(bad).every(Number.isNaN)).toBe(true);
    // meanz = zscore * sqrt(k) / k
    const z = zscore(m, sets);
    mixed.forEach((v, j) => expectClose(v, z[0][j] / Math.sqrt(2), 1e-12, `zscore s${j + 1}`));
  });
});
