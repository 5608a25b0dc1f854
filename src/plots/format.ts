// Text of the KM figure's statistics: the log-rank and hazard-ratio lines and the
// legend entries (numbers formatted by format/numbers).

import { formatConfLevel, formatPValue, formatRatio, pEquals } from '../format/numbers.js';
import type { KmFigureGroup, KmFigureHazardRatio } from './kmTypes.js';

/** "Log-rank p = 0.303" / "Log-rank p < 1e-300". */
export function logrankText(p: number): string {
  return pEquals(p, 'Log-rank p');
}

/** "HR (high vs low) = 2.63 (95% CI 2.17–3.20), p = 1.13e-22". */
export function hazardRatioText(h: KmFigureHazardRatio, confLevel: number): string {
  const p = formatPValue(h.p);
  return (
    `HR (${h.label}) = ${formatRatio(h.hr)} (${formatConfLevel(confLevel)} CI ` +
    `${formatRatio(h.lower)}\u2013${formatRatio(h.upper)}), p ${p.startsWith('<') ? p : `= ${p}`}`
  );
}

/** "low (n=679, events=274)". */
export function legendLabel(g: Pick<KmFigureGroup, 'name' | 'n' | 'events'>): string {
  return `${g.name} (n=${g.n}, events=${g.events})`;
}
