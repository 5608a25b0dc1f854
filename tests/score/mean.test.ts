import { describe, expect, it } from 'vitest';
import { meanScore } from '../../src/score/mean.js';
import { matrixFromRows } from '../../src/score/types.js';
import { casesWithExpected, expectCaseMatchesR } from '../helpers/scoring.js';

describe('mean against the R reference', () => {
  const cases = casesWithExpected('mean');
  it('has its R reference cases', () => expect(cases).toEqual(['synthetic-log', 'synthetic-counts', 'bladder-microarray']));
  for (const name of cases) it(name, () => expectCaseMatchesR(name, 'mean', meanScore));
});

describe('mean by hand', () => {
  it('averages the set genes per sample, skipping missing values', () => {
    const m = matrixFromRows(['a', 'b', 'c'], ['s1', 's2', 's3'], [[1, 2, NaN], [3, NaN, NaN], [5, 6, 7]]);
    const [ab, abc, none] = meanScore(m, [
      { name: 'ab', rows: [0, 1], genes: ['a', 'b'] },
      { name: 'abc', rows: [0, 1, 2], genes: ['a', 'b', 'c'] },
      { name: 'none', rows: [], genes: ['x'] },
    ]);
    expect(Array.from(ab)).toEqual([2, 2, NaN]);
    expect(Array.from(abc)).toEqual([3, 4, 7]);
    expect(Array.from(none).every(Number.isNaN)).toBe(true);
  });
});
