// The data rows of the Kaplan–Meier layers, times converted to the display unit: the
// step curves (from (0, 1)), the confidence bands (step-shaped, gaps where R gives NA)
// and the censoring ticks.

import type { KmFigureGroup } from './kmTypes.js';
import { convertTime, type TimeUnit } from './timeUnits.js';

/** A display-unit time rounded to 10 significant digits (drops unit-conversion noise). */
export const roundTime = (x: number, digits = 10): number => Number(x.toPrecision(digits));

interface CurveRow { label: string; i: number; t: number; surv: number }
interface BandRow { label: string; seg: number; i: number; t: number; lower: number; upper: number }
interface CensorRow { label: string; t: number; surv: number; censored: number; group: string }

/** A group time (in `inputUnit`) on the display axis (in `unit`). */
const shown = (t: number, unit: TimeUnit, inputUnit: TimeUnit) => roundTime(convertTime(t, inputUnit, unit));

export function curveRows(g: KmFigureGroup, label: string, unit: TimeUnit, inputUnit: TimeUnit = 'days'): CurveRow[] {
  const rows: CurveRow[] = [{ label, i: 0, t: 0, surv: 1 }];
  for (let j = 0; j < g.time.length; j++) {
    const t = g.time[j];
    const s = g.surv[j];
    if (!Number.isFinite(t) || !Number.isFinite(s)) continue;
    rows.push({ label, i: rows.length, t: shown(t, unit, inputUnit), surv: s });
  }
  return rows;
}

/**
 * Step-shaped band rows. A row's bounds hold from its time to the next row's time, so
 * a run of finite bounds is closed by repeating its last bounds at the next time; rows
 * with NA bounds start a gap (a new segment).
 */
export function bandRows(g: KmFigureGroup, label: string, unit: TimeUnit, inputUnit: TimeUnit = 'days'): BandRow[] {
  const rows: BandRow[] = [];
  let seg = 0;
  let open = true; // the (0, 1, 1) start belongs to segment 0
  let last: { lower: number; upper: number } | null = { lower: 1, upper: 1 };
  // start at (0, 1, 1) unless the first row is itself at time 0 (area paths are sorted by time)
  if (!(g.time.length > 0 && g.time[0] <= 0)) rows.push({ label, seg, i: 0, t: 0, lower: 1, upper: 1 });
  for (let j = 0; j < g.time.length; j++) {
    if (!Number.isFinite(g.time[j])) continue;
    const t = shown(g.time[j], unit, inputUnit);
    const lo = g.lower[j];
    const up = g.upper[j];
    const ok = Number.isFinite(lo) && Number.isFinite(up);
    if (ok) {
      if (!open) {
        seg++;
        open = true;
      }
      rows.push({ label, seg, i: rows.length, t, lower: lo, upper: up });
      last = { lower: lo, upper: up };
    } else if (open && last) {
      rows.push({ label, seg, i: rows.length, t, lower: last.lower, upper: last.upper });
      open = false;
      last = null;
    }
  }
  return rows;
}

/** Censoring marks up to `xMax` (display unit; default: all). */
export function censorRows(g: KmFigureGroup, label: string, unit: TimeUnit, inputUnit: TimeUnit = 'days', xMax = Infinity): CensorRow[] {
  const rows: CensorRow[] = [];
  for (let j = 0; j < g.time.length; j++) {
    const c = g.nCensor[j];
    if (!(c > 0) || !Number.isFinite(g.time[j]) || !Number.isFinite(g.surv[j])) continue;
    const t = shown(g.time[j], unit, inputUnit);
    if (t > xMax) continue;
    rows.push({ label, group: g.name, t, surv: g.surv[j], censored: c });
  }
  return rows;
}
