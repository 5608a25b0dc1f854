// Escaping and number formatting of the report: every text of the model goes through
// escapeHtml; p-values and ratios print as in the figures (plots/format.ts).

import { formatPValue, formatRatio } from '../plots/format.js';

/** Text for HTML content and (quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const NA = 'NA';

export function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A p-value or FDR with 3 significant digits ("0.0326", "1.2e-05"); null → "NA". */
export function formatP(p: number | null | undefined): string {
  return p == null ? NA : formatPValue(p);
}

/** A hazard ratio with 2 decimals ("2.63"); null → "NA". */
export function formatHr(hr: number | null | undefined): string {
  return hr == null ? NA : formatRatio(hr);
}

/** A number with `digits` significant digits, without exponent for ordinary magnitudes. */
export function formatSignificant(x: number | null | undefined, digits = 4): string {
  if (x == null || Number.isNaN(x)) return NA;
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e9) {
    const s = x.toPrecision(digits);
    if (!s.includes('e')) return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
    return String(Number(s));
  }
  return `${x < 0 ? '-' : ''}${formatPValue(a)}`;
}

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : NA;
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return NA;
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

/** "2024-05-01T12:34:56.789Z" → "2024-05-01 12:34 UTC"; anything unparseable as given. */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

/** "95%" from 0.95. */
export function percent(level: number): string {
  return `${Number((level * 100).toFixed(2))}%`;
}
