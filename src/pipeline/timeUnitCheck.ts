// Warnings when the survival times contradict their declared unit (--time-in): a column
// whose name names another unit (cBioPortal's OS_MONTHS read as days), or a longest
// follow-up implausible in that unit. A months column read as days would otherwise be
// shown as "median 45 days" on an axis a hundred times too short.
import { convertTime, DAYS_PER_UNIT, TIME_UNITS, type TimeUnit } from '../plots/timeUnits.js';

/** Plausible longest follow-up of a cohort with events: 60 days to 50 years. */
export const FOLLOW_UP_DAYS = { min: 60, max: 50 * 365.25 } as const;

// word forms naming a unit, matched against the name's words (split at non-letters and camelCase)
const UNIT_WORDS: Record<TimeUnit, string[]> = {
  days: ['day', 'days', 'dy'],
  weeks: ['week', 'weeks', 'wk', 'wks'],
  months: ['month', 'months', 'mo', 'mos', 'mon', 'mth', 'mths'],
  years: ['year', 'years', 'yr', 'yrs'],
};

/** The time unit a column name names ("OS_MONTHS" → months, "days_to_death" → days), if exactly one. */
export function unitInName(name: string): TimeUnit | null {
  const lower = name.toLowerCase();
  const words = new Set(name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).filter(Boolean));
  const found = TIME_UNITS.filter((u) => UNIT_WORDS[u].some((w) => words.has(w)) || (u !== 'days' && lower.includes(u)));
  return found.length === 1 ? found[0] : null;
}

export interface TimeUnitCheckInput {
  /** The time column's name (--time, or E.time for --endpoint). */
  column: string;
  times: ArrayLike<number>;
  events: ArrayLike<number>;
  /** The declared unit (--time-in). */
  unit: TimeUnit;
}

const ALTERNATIVES = (unit: TimeUnit) => TIME_UNITS.filter((u) => u !== unit);

/** Warnings (possibly none) that the times do not look like `unit`, each saying what to do. */
export function timeUnitWarnings({ column, times, events, unit }: TimeUnitCheckInput): string[] {
  const warnings: string[] = [];
  const named = unitInName(column);
  if (named && named !== unit) {
    warnings.push(
      `The time column "${column}" is named like ${named} but its times are read as ${unit} (--time-in ${unit}); ` +
        `if they are in ${named}, add --time-in ${named}, or figures and medians will be off by a factor of ${ratioText(named, unit)}.`,
    );
  }
  let max = -Infinity;
  let anyEvent = false;
  for (let i = 0; i < times.length; i++) {
    if (Number.isFinite(times[i]) && times[i] > max) max = times[i];
    if (events[i] === 1) anyEvent = true;
  }
  if (!anyEvent || !(max > 0)) return warnings;
  const days = max * DAYS_PER_UNIT[unit];
  const plausible = (u: TimeUnit) => {
    const d = max * DAYS_PER_UNIT[u];
    return d >= FOLLOW_UP_DAYS.min && d <= FOLLOW_UP_DAYS.max;
  };
  if (days < FOLLOW_UP_DAYS.min || days > FOLLOW_UP_DAYS.max) {
    const likely = ALTERNATIVES(unit).filter(plausible);
    const span = days < FOLLOW_UP_DAYS.min ? 'shorter than 60 days' : 'longer than 50 years';
    warnings.push(
      `The longest follow-up in "${column}" is ${+max.toPrecision(4)} ${unit}, ${span} ` +
        `(${+convertTime(max, unit, days < FOLLOW_UP_DAYS.min ? 'days' : 'years').toPrecision(3)} ${days < FOLLOW_UP_DAYS.min ? 'days' : 'years'}); ` +
        (likely.length ? `are the times in ${likely.join(' or ')}? Then add --time-in ${likely[0]}.` : 'check the time column and --time-in.'),
    );
  }
  return warnings;
}

function ratioText(a: TimeUnit, b: TimeUnit): string {
  const r = DAYS_PER_UNIT[a] / DAYS_PER_UNIT[b];
  return String(+(r >= 1 ? r : 1 / r).toPrecision(3));
}
