// Text of the KM figure's statistics: the log-rank and hazard-ratio lines and the
// legend entries (numbers formatted by format/numbers).

import { formatConfLevel, formatPValue, formatRatio, pEquals } from '../format/numbers.js';
import type { KmFigureGroup, KmFigureHazardRatio } from './kmTypes.js';

/** "Log-rank p = 0.303" / "Log-rank p < 1e-300". */
export function logrankText(p: number): string {
  return pEquals(p, 'Log-rank p');
}

/** "maxstat adjusted p (Lau92) = 0.138": the test of a searched cutpoint. */
export function adjustedPText(p: number, method = 'Lau92'): string {
  return pEquals(p, `maxstat adjusted p (${method})`);
}

/** "Log-rank p = 0.00913, not adjusted for the cutpoint search". */
export function naiveLogrankText(p: number): string {
  return `${logrankText(p)}, not adjusted for the cutpoint search`;
}

/**
 * "HR (high vs low) = 2.63 (95% CI 2.17–3.20), p = 1.13e-22" (without the Wald p when
 * `withP` is false: at a searched cut it is not a valid test); "HR (high vs low): not
 * estimable (no events in group low)" when R could not estimate it.
 */
export function hazardRatioText(h: KmFigureHazardRatio, confLevel: number, withP = true): string {
  if (h.note) return `HR (${h.label}): not estimable (${h.note})`;
  const p = formatPValue(h.p);
  return (
    `HR (${h.label}) = ${formatRatio(h.hr)} (${formatConfLevel(confLevel)} CI ` +
    `${formatRatio(h.lower)}\u2013${formatRatio(h.upper)})` + (withP ? `, p ${p.startsWith('<') ? p : `= ${p}`}` : '')
  );
}

/** "low (n=679, events=274)". */
export function legendLabel(g: Pick<KmFigureGroup, 'name' | 'n' | 'events'>): string {
  return `${g.name} (n=${g.n}, events=${g.events})`;
}
