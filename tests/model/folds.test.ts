import { describe, expect, test } from 'vitest';
import { foldsFromSeed } from '../../src/model/folds.js';

describe('foldsFromSeed', () => {
  test('balanced folds 1..K, the same for the same seed, others for another', () => {
    const a = foldsFromSeed(83, 10, 42);
    const counts = new Array(11).fill(0);
    for (const f of a) counts[f]++;
    expect(counts.slice(1).sort()).toEqual([8, 8, 8, 8, 8, 8, 8, 9, 9, 9]);
    expect(Array.from(foldsFromSeed(83, 10, 42))).toEqual(Array.from(a));
    expect(Array.from(foldsFromSeed(83, 10, 43))).not.toEqual(Array.from(a));
    expect(Array.from(a.slice(0, 10))).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('refuses fewer than 3 folds or more folds than samples', () => {
    expect(() => foldsFromSeed(10, 2, 1)).toThrow(/>= 3/);
    expect(() => foldsFromSeed(5, 10, 1)).toThrow(/exceeds/);
  });
});
