// The time axis of the Kaplan–Meier figure and the number-at-risk table under it:
// round tick values in the display unit, their label format, and the number at risk
// of each group at each tick (cf. survminer's risk.table).

import type { KmFigureGroup } from './kmTypes.js';
import { convertTime, type TimeUnit } from './timeUnits.js';

const MAX_TICKS = 8;

function roundTick(x: number): number {
  return Number(x.toPrecision(12));
}

function stepCandidates(maxTime: number, unit: TimeUnit): number[] {
  // 1 / 2 / 2.5 / 5 × 10^k around the range (no fractional days; no 0.25-type steps of years)
  const generic: number[] = [];
  const base = Math.pow(10, Math.floor(Math.log10(maxTime / MAX_TICKS)) - 1);
  for (let k = 0; k < 5; k++) {
    for (const f of [1, 2, 2.5, 5]) {
      const s = roundTick(base * Math.pow(10, k) * f);
      if ((unit === 'days' || unit === 'weeks') && !Number.isInteger(s)) continue;
      if (f === 2.5 && s < 10) continue;
      generic.push(s);
    }
  }
  if (unit !== 'months') return generic;
  // months: sub-month steps as above, then 1, 2, 3, 6 months and whole years
  const months = [1, 2, 3, 6, 12, 24, 36, 48, 60, 120, 240, 360, 600, 1200];
  return [...generic.filter((s) => s < 1), ...months];
}

/**
 * ~5–8 round tick values from 0 to at most `maxTime` (already in `unit`):
 * steps 1/2/2.5/5 × 10^k (days and weeks: whole; years) or 1/2/3/6/12/24/… (months).
 */
export function niceTimeTicks(maxTime: number, unit: TimeUnit): number[] {
  if (!(maxTime > 0) || !Number.isFinite(maxTime)) return [0];
  const steps = stepCandidates(maxTime, unit);
  let step = steps[steps.length - 1];
  for (const s of steps) {
    if (Math.floor(maxTime / s + 1e-9) + 1 <= MAX_TICKS) {
      step = s;
      break;
    }
  }
  const count = Math.floor(maxTime / step + 1e-9);
  const ticks: number[] = [];
  for (let i = 0; i <= count; i++) ticks.push(roundTick(i * step));
  return ticks;
}

/**
 * Ticks every `step` (display unit) from 0 to `maxTime`: survminer's `break.time.by`.
 * Falls back to `niceTimeTicks` when the step would give more than 40 ticks or only 0.
 */
export function stepTimeTicks(maxTime: number, step: number, unit: TimeUnit): number[] {
  if (!(step > 0) || !Number.isFinite(step) || !(maxTime > 0) || maxTime / step > 40 || step > maxTime * (1 + 1e-9)) return niceTimeTicks(maxTime, unit);
  const ticks: number[] = [];
  for (let i = 0; i * step <= maxTime * (1 + 1e-9); i++) ticks.push(roundTick(i * step));
  return ticks;
}

/**
 * Number at risk at `t` (the groups' own time unit): subjects with time ≥ t, i.e. nRisk
 * of the first row with time ≥ t (times compared with a tiny relative tolerance), else 0.
 */
export function numberAtRisk(group: Pick<KmFigureGroup, 'time' | 'nRisk'>, t: number): number {
  const tol = 1e-9 * Math.max(1, Math.abs(t));
  for (let i = 0; i < group.time.length; i++) {
    if (group.time[i] >= t - tol) return group.nRisk[i];
  }
  return 0;
}

export interface RiskTableRow {
  group: string;
  /** Tick time in the display unit. */
  t: number;
  nRisk: number;
}

/** Number-at-risk rows (group-major, ticks ascending) at display-unit `ticks`; the groups' times are in `inputUnit`. */
export function riskTable(groups: KmFigureGroup[], ticks: number[], unit: TimeUnit, inputUnit: TimeUnit = 'days'): RiskTableRow[] {
  const rows: RiskTableRow[] = [];
  for (const g of groups) {
    for (const t of ticks) rows.push({ group: g.name, t, nRisk: numberAtRisk(g, convertTime(t, unit, inputUnit)) });
  }
  return rows;
}

/** Largest finite time over all groups, in their own unit (0 if none). */
export function largestTime(groups: KmFigureGroup[]): number {
  let m = 0;
  for (const g of groups) for (let i = 0; i < g.time.length; i++) if (Number.isFinite(g.time[i]) && g.time[i] > m) m = g.time[i];
  return m;
}

/** Tick-label format that shows the ticks exactly (integers, or the needed decimals). */
export function tickFormat(ticks: number[]): string {
  let decimals = 0;
  for (const t of ticks) {
    const s = String(t);
    const d = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
    decimals = Math.max(decimals, Math.min(d, 3));
  }
  return `.${decimals}f`;
}

