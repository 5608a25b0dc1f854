import { describe, expect, it } from 'vitest';
import { singscore } from '../../src/score/singscore.js';
import { matrixFromRows } from '../../src/score/types.js';
import { expectClose } from '../helpers/fixtures.js';

// Hand-computed with singscore's definitions (R/rankAndScoring.R): ranks ascending with
// ties.method="min", score = (mean rank - (k+1)/2) / ((2N-k+1)/2 - (k+1)/2) - 0.5.
describe('singscore', () => {
  // one sample: g1..g6 = 10, 20, 20, 5, 30, 1 -> min ranks 3, 4, 4, 2, 6, 1 (N = 6)
  const single = matrixFromRows(['g1', 'g2', 'g3', 'g4', 'g5', 'g6'], ['s'], [[10], [20], [20], [5], [30], [1]]);
  const set = (name: string, rows: number[]) => ({ name, rows, genes: rows.map((r) => `g${r + 1}`) });

  it('ties get the minimum rank; centred by default', () => {
    const [up, mixed, low] = singscore(single, [set('up', [1, 4]), set('mixed', [2, 5, 3]), set('low', [5])]);
    // up: ranks 4, 6 -> mean 5; bounds 1.5 and (12-2+1)/2 = 5.5 -> 3.5/4 - 0.5
    expectClose(up[0], 3.5 / 4 - 0.5, 1e-12, 'up');
    // mixed: ranks 4, 1, 2 -> mean 7/3; bounds 2 and 5 -> (1/3)/3 - 0.5
    expectClose(mixed[0], 1 / 9 - 0.5, 1e-12, 'mixed');
    // low: the lowest gene alone scores the minimum
    expectClose(low[0], -0.5, 1e-12, 'low');
  });

  it('uncentred scores lie in [0, 1]', () => {
    const [up, top] = singscore(single, [set('up', [1, 4]), set('top', [4])], { centre: false });
    expectClose(up[0], 0.875, 1e-12, 'up');
    expectClose(top[0], 1, 1e-12, 'top');
  });

  it('scores each sample on its own ranks', () => {
    // s2 reverses s1: the set {g1, g2} is at the top of s1 and the bottom of s2
    const m = matrixFromRows(['g1', 'g2', 'g3', 'g4'], ['s1', 's2'], [[4, 1], [3, 2], [2, 3], [1, 4]]);
    const [s] = singscore(m, [set('top', [0, 1])]);
    expectClose(s[0], 0.5, 1e-12, 's1');
    expectClose(s[1], -0.5, 1e-12, 's2');
  });

  it('missing values leave the gene out of that sample; empty sets give NaN', () => {
    const m = matrixFromRows(['g1', 'g2', 'g3', 'g4'], ['s1', 's2'], [[NaN, 1], [3, 2], [2, 3], [1, 4]]);
    const [s, none] = singscore(m, [set('a', [0, 1]), set('none', [])]);
    // s1: N = 3, set {g2} with rank 3 -> bounds 1 and (6-1+1)/2 = 3 -> 1 - 0.5
    expectClose(s[0], 0.5, 1e-12, 's1');
    // s2: N = 4, ranks 1, 2 -> mean 1.5; bounds 1.5 and 3.5 -> 0 - 0.5
    expectClose(s[1], -0.5, 1e-12, 's2');
    expect(Array.from(none).every(Number.isNaN)).toBe(true);
  });
});
