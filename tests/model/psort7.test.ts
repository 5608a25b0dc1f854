import { describe, expect, test } from 'vitest';
import { psort7 } from '../../src/model/psort7.js';

describe('psort7 (glmnet\'s Singleton quicksort)', () => {
  test('sorts any length, with many ties, into non-decreasing order of v', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const n of [0, 1, 2, 3, 11, 12, 13, 40, 257]) {
      const v = Float64Array.from({ length: n }, () => Math.floor(rnd() * 20));
      const a = Int32Array.from({ length: n }, (_, i) => i);
      psort7(v, a);
      expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      for (let i = 1; i < n; i++) expect(v[a[i - 1]]).toBeLessThanOrEqual(v[a[i]]);
    }
  });

  test('is not stable: ties come out where the algorithm leaves them, as in glmnet', () => {
    // Expected order from a line-by-line emulation of psort7 that predicts which tied
    // censoring glmnet 4.1-6 keeps at risk on TCGA-ACC OS (checked on 5 row orders in R).
    const v = Float64Array.from([5, 1, 9, 3, 7, 5, 2, 8, 4, 6, 0, 10, 5, 3, 5, 1]);
    const a = Int32Array.from({ length: v.length }, (_, i) => i);
    psort7(v, a);
    expect([...a]).toEqual([10, 15, 1, 6, 13, 3, 8, 12, 14, 0, 5, 9, 4, 7, 2, 11]);
  });
});
