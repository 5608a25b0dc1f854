import { describe, expect, it } from 'vitest';
import { isMissingToken } from '../../src/io/missing.js';
import { parseEventCells, parseNumberCell } from '../../src/io/values.js';

describe('parseNumberCell', () => {
  it('reads numbers as people write them', () => {
    expect(parseNumberCell('1e-3')).toBe(0.001);
    expect(parseNumberCell('+5')).toBe(5);
    expect(parseNumberCell(' 12 ')).toBe(12);
    expect(parseNumberCell('.5')).toBe(0.5);
    expect(parseNumberCell('-3.')).toBe(-3);
  });
  it('gives NaN for missing tokens and undefined for text', () => {
    for (const m of ['', 'NA', 'nan', 'NULL', 'N/A', '#N/A', '.', '[Not Available]', '[not applicable]', '[Unknown]', '[Discrepancy]', '[Not Evaluated]']) {
      expect(isMissingToken(m), m).toBe(true);
      expect(parseNumberCell(m), m).toBeNaN();
    }
    expect(parseNumberCell('12 days')).toBeUndefined();
    expect(parseNumberCell('0x10')).toBeUndefined();
  });
});

describe('parseEventCells', () => {
  it('reads 0/1 and missing', () => {
    const p = parseEventCells(['0', '1', 'NA', '1.0']);
    expect(Array.from(p.codes)).toEqual([0, 1, -1, 1]);
    expect(p.coding).toBe('0/1');
  });
  it("reads R's 1/2 only when every value is 1 or 2 and some are 2", () => {
    expect(Array.from(parseEventCells(['1', '2', '2']).codes)).toEqual([0, 1, 1]);
    expect(Array.from(parseEventCells(['1', '1']).codes)).toEqual([1, 1]);
    const mixed = parseEventCells(['0', '1', '2']);
    expect([...mixed.unknown.keys()]).toEqual(['2']);
  });
  it('reads words case-insensitively', () => {
    expect(Array.from(parseEventCells(['TRUE', 'false', 'Alive', 'DEAD', 'living', 'Deceased', '0:LIVING', '1:DECEASED']).codes))
      .toEqual([1, 0, 0, 1, 0, 1, 0, 1]);
  });
  it('lists unknown codes once with their first row', () => {
    const p = parseEventCells(['0', 'maybe', '1', 'maybe', '7']);
    expect([...p.unknown.entries()]).toEqual([['maybe', 1], ['7', 4]]);
  });
});
