import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  decreasingPosition,
  minRanks,
  rankFromCounts,
  scanRankCounts,
  stableOrderDecreasing,
  unionOfRows,
} from '../../src/score/ranking.js';
import { matrixFromRows } from '../../src/score/types.js';

/** Deterministic pseudo-random numbers (LCG) for property checks. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('R rank() and order()', () => {
  // R: rank(c(3, 1, 3, NA, 2, 3)) = 4 1 4 6 2 4 (na.last=TRUE); matrixStats::colRanks keeps NA.
  it('average ranks with ties, NaN kept', () => {
    expect(Array.from(averageRanks([3, 1, 3, NaN, 2, 3]))).toEqual([4, 1, 4, NaN, 2, 4]);
    expect(Array.from(averageRanks([2, 2, 1, 1]))).toEqual([3.5, 3.5, 1.5, 1.5]);
  });

  it('min ranks with ties', () => {
    expect(Array.from(minRanks([3, 1, 3, NaN, 2, 3]))).toEqual([3, 1, 3, NaN, 2, 3]);
    expect(Array.from(minRanks([10, 20, 20, 5, 30, 1]))).toEqual([3, 4, 4, 2, 6, 1]);
  });

  it('order(decreasing=TRUE) is stable and puts NaN last', () => {
    // R: order(c(3L, 1L, 3L, 2L, 3L), decreasing=TRUE) = 1 3 5 4 2
    expect(Array.from(stableOrderDecreasing([3, 1, 3, 2, 3]))).toEqual([0, 2, 4, 3, 1]);
    expect(Array.from(stableOrderDecreasing([NaN, 1, NaN, 2]))).toEqual([3, 1, 0, 2]);
  });
});

describe('scanRankCounts', () => {
  it('agrees with full ranks and stable orders, with ties, NaN and sample blocks', () => {
    const rnd = lcg(42);
    const nGenes = 300;
    const nSamples = 75; // more than one block of samples
    const rows = Array.from({ length: nGenes }, () =>
      Array.from({ length: nSamples }, () => (rnd() < 0.03 ? NaN : Math.round(rnd() * 40) / 4)),
    );
    const matrix = matrixFromRows(rows.map((_, i) => `g${i}`), Array.from({ length: nSamples }, (_, j) => `s${j}`), rows);
    const picked = [7, 0, 299, 150, 151, 42, 43, 44, 120];
    const seen: number[] = [];
    scanRankCounts(matrix, picked, 5, 70, (j, c) => {
      seen.push(j);
      const column = rows.map((r) => r[j]);
      const valid = column.filter((v) => !Number.isNaN(v)).length;
      expect(c.valid).toBe(valid);
      const avg = averageRanks(column);
      const min = minRanks(column);
      const order = Array.from(stableOrderDecreasing(column));
      picked.forEach((r, s) => {
        if (Number.isNaN(column[r])) {
          expect(c.less[s]).toBe(-1);
          return;
        }
        expect(rankFromCounts.average(c.less[s], c.equal[s])).toBe(avg[r]);
        expect(rankFromCounts.min(c.less[s])).toBe(min[r]);
        expect(decreasingPosition(c.valid, c.less[s], c.equal[s], c.equalBefore[s])).toBe(order.indexOf(r) + 1);
      });
    });
    expect(seen).toEqual(Array.from({ length: 65 }, (_, i) => i + 5));
  });

  it('rejects duplicate rows', () => {
    const matrix = matrixFromRows(['a', 'b'], ['s'], [[1], [2]]);
    expect(() => scanRankCounts(matrix, [1, 1], 0, 1, () => {})).toThrow(RangeError);
  });
});

describe('unionOfRows', () => {
  it('shares slots between overlapping sets', () => {
    const { rows, slots } = unionOfRows([{ rows: [4, 2] }, { rows: [2, 9] }, { rows: [] }]);
    expect(Array.from(rows)).toEqual([4, 2, 9]);
    expect(slots.map((s) => Array.from(s))).toEqual([[0, 1], [1, 2], []]);
  });
});
