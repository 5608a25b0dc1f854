import { describe, expect, it } from 'vitest';
import { formatTime, formatTimeValue } from '../../src/format/numbers.js';
import { convertTime, DAYS_PER_UNIT, describeTimeUnits, formatDuration, isTimeUnit, TIME_UNITS } from '../../src/plots/timeUnits.js';

describe('time units', () => {
  it('converts between any two units with survminer xscale days per unit', () => {
    expect(DAYS_PER_UNIT).toEqual({ days: 1, weeks: 7, months: 365.25 / 12, years: 365.25 });
    expect(convertTime(12, 'months', 'years')).toBe(1);
    expect(convertTime(1, 'years', 'months')).toBe(12);
    expect(convertTime(2, 'weeks', 'days')).toBe(14);
    expect(convertTime(365.25, 'days', 'years')).toBe(1);
    expect(convertTime(30.4375, 'days', 'months')).toBe(1);
    expect(convertTime(52.17857142857143, 'weeks', 'years')).toBeCloseTo(1, 12);
    // same unit: the value as given, bit for bit
    expect(convertTime(0.1 + 0.2, 'months', 'months')).toBe(0.1 + 0.2);
    expect(Number.isNaN(convertTime(NaN, 'days', 'years'))).toBe(true);
    for (const a of TIME_UNITS) for (const b of TIME_UNITS) expect(convertTime(convertTime(100, a, b), b, a)).toBeCloseTo(100, 10);
    expect(() => convertTime(1, 'hours' as never, 'days')).toThrow(RangeError);
  });

  it('recognises the unit names', () => {
    expect(TIME_UNITS).toEqual(['days', 'weeks', 'months', 'years']);
    expect(isTimeUnit('weeks')).toBe(true);
    expect(isTimeUnit('hours')).toBe(false);
  });

  it('writes times for people with their unit', () => {
    expect(formatTimeValue(1048)).toBe('1048');
    expect(formatTimeValue(12345.6)).toBe('12346');
    expect(formatTimeValue(45.23671)).toBe('45.24');
    expect(formatTimeValue(3.77)).toBe('3.77');
    expect(formatTimeValue(350.5)).toBe('350.5');
    expect(formatTimeValue(0.13962)).toBe('0.1396');
    expect(formatTimeValue(2)).toBe('2');
    expect(formatTimeValue(NaN)).toBe('NA');
    expect(formatTime(null, 'days')).toBe('NA');
    expect(formatTime(78.36, 'months')).toBe('78.36 months');
    expect(formatDuration(1377, 'days', 'months')).toBe('45.24 months');
    expect(formatDuration(45.24, 'months')).toBe('45.24 months');
    expect(formatDuration(24, 'months', 'years')).toBe('2 years');
    expect(describeTimeUnits('days', 'days')).toBe('days');
    expect(describeTimeUnits('months', 'years')).toBe('months (shown in years)');
  });
});
