// Time-unit handling for survival plots. Input times are always in days.

export type TimeUnit = 'days' | 'months' | 'years';

export const TIME_UNITS: readonly TimeUnit[] = ['days', 'months', 'years'];

/** Days per display unit: a month is an average Gregorian month (365.25 / 12), a year 365.25 days. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  days: 1,
  months: 30.4375,
  years: 365.25,
};

export function isTimeUnit(value: unknown): value is TimeUnit {
  return value === 'days' || value === 'months' || value === 'years';
}

/** Convert a time in days to `unit` (months = days / 30.4375, years = days / 365.25). NaN stays NaN. */
export function convertDays(t: number, unit: TimeUnit): number {
  const f = DAYS_PER_UNIT[unit];
  if (f === undefined) throw new RangeError(`unknown time unit: ${String(unit)}`);
  return unit === 'days' ? t : t / f;
}

/** Convert a time in `unit` back to days. */
export function toDays(t: number, unit: TimeUnit): number {
  const f = DAYS_PER_UNIT[unit];
  if (f === undefined) throw new RangeError(`unknown time unit: ${String(unit)}`);
  return unit === 'days' ? t : t * f;
}

/** Axis title for a time axis, e.g. "Time (months)". */
export function timeAxisTitle(unit: TimeUnit, label = 'Time'): string {
  return `${label} (${unit})`;
}
