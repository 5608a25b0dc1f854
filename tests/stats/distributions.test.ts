import { describe, expect, it } from 'vitest';
import { studentTTail } from '../../src/stats/distributions.js';
import { expectR, readFixture } from './rValues.js';

// R 4.2.2 pt(t, df, lower.tail) (scripts/r/pt.R): both tails, df 1 to 5e5, |t| up to 1e60
// (pt.c's x² > 1e100·n branch).
const cases = readFixture<{ t: number; df: number; lower: boolean; p: number }[]>('pt.json');

describe('studentTTail = R pt', () => {
  it(`${cases.length} values within 1e-12 relative`, () => {
    for (const c of cases) expectR(studentTTail(c.t, c.df, c.lower), c.p, 1e-12);
    expect(cases.some((c) => c.p > 0 && c.p < 1e-100)).toBe(true);
  });
  it('infinite t and bad df as R', () => {
    expect(studentTTail(Infinity, 5, true)).toBe(1);
    expect(studentTTail(Infinity, 5, false)).toBe(0);
    expect(studentTTail(-Infinity, 5, false)).toBe(1);
    expect(studentTTail(1, 0, true)).toBeNaN();
  });
});
