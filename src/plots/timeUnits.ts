// Time units of survival times: the unit the clinical table is in (--time-in) and the
// unit figures and texts show (--time-unit). Statistics are computed on the times as
// given; only presentation converts. Days per unit as survminer's `xscale` ("d_m" =
// 365.25/12 days, "d_y" = 365.25 days) with a week of 7 days.

import { formatTime } from '../format/numbers.js';

export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';

export const TIME_UNITS: readonly TimeUnit[] = ['days', 'weeks', 'months', 'years'];

/** Days per unit: a week 7 days, a month an average Gregorian month (365.25 / 12), a year 365.25 days. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  days: 1,
  weeks: 7,
  months: 30.4375,
  years: 365.25,
};

export function isTimeUnit(value: unknown): value is TimeUnit {
  return typeof value === 'string' && (TIME_UNITS as readonly string[]).includes(value);
}

function daysPer(unit: TimeUnit): number {
  const f = DAYS_PER_UNIT[unit];
  if (f === undefined) throw new RangeError(`unknown time unit: ${String(unit)}`);
  return f;
}

/** Convert a time from one unit to another (identity when the units agree; NaN stays NaN). */
export function convertTime(t: number, from: TimeUnit, to: TimeUnit): number {
  const a = daysPer(from);
  const b = daysPer(to);
  return from === to ? t : (t * a) / b;
}

/** Convert a time in days to `unit` (months = days / 30.4375, years = days / 365.25). NaN stays NaN. */
export function convertDays(t: number, unit: TimeUnit): number {
  return convertTime(t, 'days', unit);
}

/** Convert a time in `unit` back to days. */
export function toDays(t: number, unit: TimeUnit): number {
  return convertTime(t, unit, 'days');
}

/** Axis title for a time axis, e.g. "Time (months)". */
export function timeAxisTitle(unit: TimeUnit, label = 'Time'): string {
  return `${label} (${unit})`;
}

/** A time given in `from` shown in `to` with its unit: "45.24 months", "1048 days". */
export function formatDuration(t: number, from: TimeUnit, to: TimeUnit = from): string {
  return formatTime(convertTime(t, from, to), to);
}

/** "days" or "days, shown in months": the time unit as a report parameter. */
export function describeTimeUnits(input: TimeUnit, display: TimeUnit): string {
  return input === display ? input : `${input} (shown in ${display})`;
}
