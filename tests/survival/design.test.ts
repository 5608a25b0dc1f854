import { describe, expect, test } from 'vitest';
import { buildDesign, covariateTerm, sortLevels, type DesignTerm } from '../../src/survival/design.js';

describe('sortLevels', () => {
  test('sorts as R does in a UTF-8 locale (ICU root collation), distinct, missing dropped', () => {
    expect(sortLevels(['20-50', '>50', null, '<=20', '>50'])).toEqual(['<=20', '>50', '20-50']);
    expect(sortLevels(['b', 'A', 'a', 'B'])).toEqual(['a', 'A', 'b', 'B']);
    expect(sortLevels(['squamous', 'smallcell', 'adeno', 'large'])).toEqual(['adeno', 'large', 'smallcell', 'squamous']);
    expect(sortLevels(['Obs', 'Lev+5FU', 'Lev'])).toEqual(['Lev', 'Lev+5FU', 'Obs']);
  });
});

describe('covariateTerm', () => {
  test('a column whose every present value is a number is numeric', () => {
    const t = covariateTerm('age', ['43', null, '63.5', '1e2']);
    expect(t.kind).toBe('numeric');
    expect(Array.from(t.values as Float64Array)).toEqual([43, NaN, 63.5, 100]);
  });
  test('any non-number makes it a factor, levels left to the complete cases', () => {
    const t = covariateTerm('stage', ['1', 'II', null]);
    expect(t).toEqual({ name: 'stage', kind: 'factor', values: ['1', 'II', null] });
  });
});

describe('buildDesign', () => {
  const group: DesignTerm = { name: 'group', kind: 'factor', values: ['low', 'high', 'high', 'low', null, 'low'], levels: ['low', 'high'] };
  const age: DesignTerm = { name: 'age', kind: 'numeric', values: Float64Array.from([50, 60, NaN, 70, 80, 55]) };
  const rx: DesignTerm = { name: 'rx', kind: 'factor', values: ['Obs', 'Lev', 'Lev+5FU', 'Lev+5FU', 'Obs', 'Lev'] };

  test('keeps complete cases only and names indicator terms by level, reference first', () => {
    const d = buildDesign([group, rx, age], 6);
    expect(Array.from(d.rows)).toEqual([0, 1, 3, 5]);
    expect(d.termNames).toEqual(['group=high', 'rx=Lev+5FU', 'rx=Obs', 'age']);
    expect(d.columns.map((c) => Array.from(c))).toEqual([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [1, 0, 0, 0],
      [50, 60, 70, 55],
    ]);
  });

  test('text levels come from the complete cases (R turns characters into factors after na.omit)', () => {
    // Both 'Lev+5FU' rows lack an age, so that level vanishes from this model.
    const ageMissing: DesignTerm = { name: 'age', kind: 'numeric', values: Float64Array.from([50, 60, NaN, NaN, 80, 55]) };
    const d = buildDesign([rx, ageMissing], 6);
    expect(Array.from(d.rows)).toEqual([0, 1, 4, 5]);
    expect(d.termNames).toEqual(['rx=Obs', 'age']);
  });

  test('explicit levels are kept even when unused (an all-zero, aliased column, as for an R factor)', () => {
    const g: DesignTerm = { name: 'group', kind: 'factor', values: ['low', 'high', 'low'], levels: ['low', 'mid', 'high'] };
    const d = buildDesign([g], 3);
    expect(d.termNames).toEqual(['group=mid', 'group=high']);
    expect(d.columns.map((c) => Array.from(c))).toEqual([
      [0, 0, 0],
      [0, 1, 0],
    ]);
  });

  test('rejects values outside the given levels and columns of the wrong length', () => {
    const g: DesignTerm = { name: 'group', kind: 'factor', values: ['low', 'other'], levels: ['low', 'high'] };
    expect(() => buildDesign([g], 2)).toThrow(/not one of its levels/);
    expect(() => buildDesign([age], 3)).toThrow(/expected 3/);
  });
});
