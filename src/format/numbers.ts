// Numbers for people, one way everywhere (figures, report, stderr): p-values with 3
// significant digits as R prints them, ratios with 2 decimals, counts, sizes, levels.

export const NA = 'NA';

function trimMantissa(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * A p-value as R prints it with 3 significant digits: "0.303", "0.0326", "1.2e-05",
 * "2.55e-24"; below 1e-300 (including 0) "< 1e-300"; missing "NA".
 */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return NA;
  if (p < 1e-300) return '< 1e-300';
  if (p >= 1e-3) return trimMantissa(p.toPrecision(3));
  const [mant, exp] = p.toExponential(2).split('e');
  const e = Number(exp);
  const digits = String(Math.abs(e)).padStart(2, '0');
  return `${trimMantissa(mant)}e${e < 0 ? '-' : '+'}${digits}`;
}

/** A p-value or FDR that may be absent; null → "NA". */
export function formatP(p: number | null | undefined): string {
  return p == null ? NA : formatPValue(p);
}

/** "p = 0.0326" / "p < 1e-300" (with another label: "FDR = 0.1"). */
export function pEquals(p: number | null | undefined, label = 'p'): string {
  const f = formatP(p);
  return f.startsWith('<') ? `${label} ${f}` : `${label} = ${f}`;
}

/** A ratio with 2 decimals (≥ 0.1), 2 significant digits below that, no decimals from 100. */
export function formatRatio(x: number): string {
  if (Number.isNaN(x)) return NA;
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 0.1 || a === 0) return x.toFixed(2);
  return x.toPrecision(2);
}

/** A hazard ratio that may be absent; null → "NA". */
export function formatHr(hr: number | null | undefined): string {
  return hr == null ? NA : formatRatio(hr);
}

/** 0.95 → "95%", 0.995 → "99.5%". */
export function formatConfLevel(confLevel: number): string {
  return `${trimMantissa((confLevel * 100).toFixed(2))}%`;
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

/** A time value: 4 significant digits, whole numbers from 1000 ("1048", "45.24", "0.1396"); missing "NA". */
export function formatTimeValue(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return NA;
  if (Math.abs(x) >= 1000) return String(Math.round(x));
  return trimMantissa(String(Number(x.toPrecision(4))));
}

/** A duration with its unit, already in that unit: "45.24 months", "1048 days"; missing "NA". */
export function formatTime(x: number | null | undefined, unit: string): string {
  if (x == null || !Number.isFinite(x)) return NA;
  return `${formatTimeValue(x)} ${unit}`;
}

/** An AUC or concordance with 3 decimals ("0.856"); missing "NA". */
export function formatAuc(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? NA : x.toFixed(3);
}
