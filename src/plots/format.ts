// Text of the figures' statistics as R prints them: p-values, ratios, confidence
// levels, the log-rank and hazard-ratio lines and the legend entries of the KM figure.

import type { KmFigureGroup, KmFigureHazardRatio } from './kmTypes.js';

function trimMantissa(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * A p-value as R prints it with 3 significant digits: "0.303", "0.0326", "1.2e-05",
 * "2.55e-24"; below 1e-300 (including 0) "< 1e-300"; missing "NA".
 */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'NA';
  if (p < 1e-300) return '< 1e-300';
  if (p >= 1e-3) return trimMantissa(p.toPrecision(3));
  const [mant, exp] = p.toExponential(2).split('e');
  const e = Number(exp);
  const digits = String(Math.abs(e)).padStart(2, '0');
  return `${trimMantissa(mant)}e${e < 0 ? '-' : '+'}${digits}`;
}

/** "Log-rank p = 0.303" / "Log-rank p < 1e-300". */
export function logrankText(p: number): string {
  const f = formatPValue(p);
  return f.startsWith('<') ? `Log-rank p ${f}` : `Log-rank p = ${f}`;
}

/** A ratio with 2 decimals (≥ 0.1), 2 significant digits below that, no decimals from 100. */
export function formatRatio(x: number): string {
  if (Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 0.1 || a === 0) return x.toFixed(2);
  return x.toPrecision(2);
}

/** 0.95 → "95%", 0.995 → "99.5%". */
export function formatConfLevel(confLevel: number): string {
  return `${trimMantissa((confLevel * 100).toFixed(2))}%`;
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
