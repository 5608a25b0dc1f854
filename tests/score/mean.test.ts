import { describe, expect, it } from 'vitest';
import { meanScore } from '../../src/score/mean.js';
import { matrixFromRows } from '../../src/score/types.js';
import { expectClose } from '../helpers/fixtures.js';
import { expectedScores, SCORING_CASES, scoringMatrix, scoringSets } from '../helpers/scoring.js';

describe('mean against the R reference', () => {
  const cases = SCORING_CASES.filter((c) => expectedScores(c, 'mean') !== null);
  it('has its R reference cases', () => expect(cases).toEqual(['synthetic-log', 'synthetic-counts', 'bladder-microarray']));
  for (const name of cases) {
    const expected = expectedScores(name, 'mean');
    it(name, () => {
      const matrix = scoringMatrix(name);
      const sets = scoringSets(name, matrix);
      const scores = meanScore(matrix, sets);
      expect(sets.map((s) => s.name)).toEqual(expected!.sets);
      let checked = 0;
      matrix.samples.forEach((sample, j) => {
        const row = expected!.rows.get(sample)!;
        sets.forEach((set, g) => {
          expectClose(scores[g][j], row[g], 1e-6, `${name} ${set.name} ${sample}`);
          checked++;
        });
      });
      expect(checked).toBe(matrix.nSamples * sets.length);
    });
  }
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
