import { describe, expect, it } from 'vitest';
import { timeUnitWarnings, unitInName } from '../../src/pipeline/timeUnitCheck.js';

const check = (column: string, times: number[], unit: 'days' | 'weeks' | 'months' | 'years', events = times.map(() => 1)) =>
  timeUnitWarnings({ column, times, events, unit });

describe('unitInName', () => {
  it('reads the unit a column name names', () => {
    expect(unitInName('OS_MONTHS')).toBe('months');
    expect(unitInName('DFS_MONTHS')).toBe('months');
    expect(unitInName('os_days')).toBe('days');
    expect(unitInName('days_to_death')).toBe('days');
    expect(unitInName('daysToDeath')).toBe('days');
    expect(unitInName('survival_weeks')).toBe('weeks');
    expect(unitInName('time_yrs')).toBe('years');
    expect(unitInName('OSmonths')).toBe('months');
    expect(unitInName('FollowUpYears')).toBe('years');
    expect(unitInName('OS.time')).toBeNull();
    expect(unitInName('futime')).toBeNull();
    expect(unitInName('holidays')).toBeNull();
    expect(unitInName('days_or_months')).toBeNull(); // two units: no guess
  });
});

describe('timeUnitWarnings', () => {
  it('warns when the name names another unit than --time-in, and says what to do', () => {
    const [w, ...rest] = check('OS_MONTHS', [3, 12, 80, 150], 'days');
    expect(w).toMatch(/"OS_MONTHS" is named like months but its times are read as days/);
    expect(w).toMatch(/add --time-in months/);
    expect(rest).toEqual([]);
    expect(check('OS_MONTHS', [3, 12, 80, 150], 'months')).toEqual([]);
    expect(check('OS.time', [30, 400, 3000], 'days')).toEqual([]);
  });

  it('warns when the longest follow-up is implausible for the unit (60 days to 50 years)', () => {
    // months read as days: 32.8 "days" of follow-up with events
    const [short] = check('time', [1.2, 5.1, 32.8], 'days');
    expect(short).toMatch(/longest follow-up in "time" is 32\.8 days, shorter than 60 days/);
    expect(short).toMatch(/weeks or months or years\? Then add --time-in weeks/);
    // days read as months: 4000 months is 333 years
    const [long] = check('time', [100, 2000, 4000], 'months');
    expect(long).toMatch(/4000 months, longer than 50 years \(333 years\)/);
    expect(long).toMatch(/--time-in days/);
    expect(check('time', [100, 2000, 4000], 'years')[0]).toMatch(/are the times in days\? Then add --time-in days/);
    // the edges are plausible
    expect(check('t', [60], 'days')).toEqual([]);
    expect(check('t', [600], 'months')).toEqual([]);
    expect(check('t', [50], 'years')).toEqual([]);
    expect(check('t', [601], 'months')).toHaveLength(1);
    expect(check('t', [51], 'years')).toHaveLength(1);
  });

  it('stays quiet without events or times, and ignores missing times', () => {
    expect(check('t', [1, 2, 3], 'days', [0, 0, 0])).toEqual([]);
    expect(check('t', [], 'days')).toEqual([]);
    expect(check('t', [NaN, 400, NaN], 'days')).toEqual([]);
  });
});
