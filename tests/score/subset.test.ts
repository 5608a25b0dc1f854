import { describe, expect, it } from 'vitest';
import { SampleScratch, selectSamples } from '../../src/score/subset.js';
import { matrixFromRows } from '../../src/score/types.js';

const m = matrixFromRows(['g1', 'g2', 'g3'], ['s0', 's1', 's2', 's3'], [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
const rows = (x: ReturnType<typeof selectSamples>) => Array.from({ length: x.nRows }, (_, r) => Array.from(x.row(r)));

describe('selectSamples', () => {
  it('copies the chosen columns in the given order, across row blocks', () => {
    const s = selectSamples(m, [3, 1], undefined, 2);
    expect(s.samples).toEqual(['s3', 's1']);
    expect(rows(s)).toEqual([[4, 2], [8, 6], [12, 10]]);
  });

  it('returns the matrix itself for all columns in order', () => {
    expect(selectSamples(m, [0, 1, 2, 3])).toBe(m);
  });

  it('reuses scratch memory between subsets and grows it when needed', () => {
    const scratch = new SampleScratch();
    const a = selectSamples(m, [0, 2], scratch, 2) as { blocks: Float64Array[] };
    expect(rows(a as never)).toEqual([[1, 3], [5, 7], [9, 11]]);
    const b = selectSamples(m, [1], scratch, 2) as { blocks: Float64Array[] };
    expect(b.blocks[0].buffer).toBe(a.blocks[0].buffer); // same memory, smaller view
    expect(rows(b as never)).toEqual([[2], [6], [10]]);
    const c = selectSamples(m, [3, 2, 1], scratch, 2) as { blocks: Float64Array[] };
    expect(c.blocks[0].buffer).not.toBe(a.blocks[0].buffer); // grew
    expect(rows(c as never)).toEqual([[4, 3, 2], [8, 7, 6], [12, 11, 10]]);
  });
});
