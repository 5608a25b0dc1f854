// Kaplan–Meier figure as a Vega-Lite spec: step curves with shaded confidence bands
// and censoring ticks, a log-rank / hazard-ratio annotation, and a number-at-risk
// table under the plot on the same x scale (cf. survminer::ggsurvplot with
// risk.table = TRUE, conf.int = TRUE, pval = TRUE). Pure: same input → same JSON.

import type { TopLevelSpec } from 'vega-lite';
import { figureConfig, jsonSafeSpec, LABEL_SIZE, MUTED_TEXT_COLOR, TEXT_COLOR, TITLE_SIZE, VEGA_LITE_SCHEMA } from './figureStyle.js';
import { groupColors } from './palette.js';
import { estimateTextWidth } from './render.js';
import { convertDays, DAYS_PER_UNIT, timeAxisTitle, type TimeUnit } from './timeUnits.js';

export interface KmFigureGroup {
  name: string;
  n: number;
  events: number;
  // one entry per distinct time, ascending, as R summary(survfit, censored=TRUE):
  time: ArrayLike<number>;
  nRisk: ArrayLike<number>;
  nEvent: ArrayLike<number>;
  nCensor: ArrayLike<number>;
  surv: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number> /* NaN = NA */;
}

export interface KmFigureHazardRatio {
  label: string;
  hr: number;
  lower: number;
  upper: number;
  p: number;
}

export interface KmFigureInput {
  groups: KmFigureGroup[];
  timeUnit: TimeUnit; // input times are always in days; the axis shows this unit
  groupingLabel: string; // e.g. "migrasome-core score (median split)" or "rx"
  logrank: { chisq: number; df: number; p: number };
  hazardRatio?: KmFigureHazardRatio[]; // group Cox terms vs reference, e.g. label "high vs low"
  title?: string;
  confLevel: number; // e.g. 0.95, for the legend/caption of the bands
}

/** Plot-area size in pixels (the risk table shares the width). */
export const KM_PLOT_WIDTH = 640;
export const KM_PLOT_HEIGHT = 400;

const ANNOT_SIZE = 12;
const RISK_SIZE = 12;
const RISK_ROW = 20;
const MAX_TICKS = 8;

// ---------------------------------------------------------------- formatting

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

// ---------------------------------------------------------------- ticks & risk table

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
      if (unit === 'days' && !Number.isInteger(s)) continue;
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
 * steps 1/2/2.5/5 × 10^k (days, years) or 1/2/3/6/12/24/… (months).
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
 * Number at risk at `tDays`: subjects with time ≥ t, i.e. nRisk of the first row with
 * time ≥ t (times compared with a tiny relative tolerance), else 0.
 */
export function numberAtRisk(group: Pick<KmFigureGroup, 'time' | 'nRisk'>, tDays: number): number {
  const tol = 1e-9 * Math.max(1, Math.abs(tDays));
  for (let i = 0; i < group.time.length; i++) {
    if (group.time[i] >= tDays - tol) return group.nRisk[i];
  }
  return 0;
}

export interface RiskTableRow {
  group: string;
  /** Tick time in the display unit. */
  t: number;
  nRisk: number;
}

/** Number-at-risk rows (group-major, ticks ascending) at display-unit `ticks`. */
export function riskTable(groups: KmFigureGroup[], ticks: number[], unit: TimeUnit): RiskTableRow[] {
  const rows: RiskTableRow[] = [];
  for (const g of groups) {
    for (const t of ticks) rows.push({ group: g.name, t, nRisk: numberAtRisk(g, t * DAYS_PER_UNIT[unit]) });
  }
  return rows;
}

/** Largest finite time over all groups, in days (0 if none). */
function maxTimeDays(groups: KmFigureGroup[]): number {
  let m = 0;
  for (const g of groups) for (let i = 0; i < g.time.length; i++) if (Number.isFinite(g.time[i]) && g.time[i] > m) m = g.time[i];
  return m;
}

// ---------------------------------------------------------------- data rows

const round = (x: number, digits = 10): number => Number(x.toPrecision(digits));

interface CurveRow { label: string; i: number; t: number; surv: number }
interface BandRow { label: string; seg: number; i: number; t: number; lower: number; upper: number }
interface CensorRow { label: string; t: number; surv: number; censored: number; group: string }

function curveRows(g: KmFigureGroup, label: string, unit: TimeUnit): CurveRow[] {
  const rows: CurveRow[] = [{ label, i: 0, t: 0, surv: 1 }];
  for (let j = 0; j < g.time.length; j++) {
    const t = g.time[j];
    const s = g.surv[j];
    if (!Number.isFinite(t) || !Number.isFinite(s)) continue;
    rows.push({ label, i: rows.length, t: round(convertDays(t, unit)), surv: s });
  }
  return rows;
}

/**
 * Step-shaped band rows. A row's bounds hold from its time to the next row's time, so
 * a run of finite bounds is closed by repeating its last bounds at the next time; rows
 * with NA bounds start a gap (a new segment).
 */
function bandRows(g: KmFigureGroup, label: string, unit: TimeUnit): BandRow[] {
  const rows: BandRow[] = [];
  let seg = 0;
  let open = true; // the (0, 1, 1) start belongs to segment 0
  let last: { lower: number; upper: number } | null = { lower: 1, upper: 1 };
  // start at (0, 1, 1) unless the first row is itself at time 0 (area paths are sorted by time)
  if (!(g.time.length > 0 && g.time[0] <= 0)) rows.push({ label, seg, i: 0, t: 0, lower: 1, upper: 1 });
  for (let j = 0; j < g.time.length; j++) {
    if (!Number.isFinite(g.time[j])) continue;
    const t = round(convertDays(g.time[j], unit));
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

function censorRows(g: KmFigureGroup, label: string, unit: TimeUnit): CensorRow[] {
  const rows: CensorRow[] = [];
  for (let j = 0; j < g.time.length; j++) {
    const c = g.nCensor[j];
    if (!(c > 0) || !Number.isFinite(g.time[j]) || !Number.isFinite(g.surv[j])) continue;
    rows.push({ label, group: g.name, t: round(convertDays(g.time[j], unit)), surv: g.surv[j], censored: c });
  }
  return rows;
}

// ---------------------------------------------------------------- annotation placement

interface Box { x0: number; y0: number; corner: string }

/**
 * Where the statistics box goes: bottom-left (as survminer) unless the curves run through
 * it, then top-right or bottom-right — whichever crosses the least curve length (in px;
 * confidence bands count a little by area). Pixel coordinates of the plot area.
 */
function placeAnnotation(groups: KmFigureGroup[], unit: TimeUnit, xMax: number, w: number, h: number): Box {
  const W = KM_PLOT_WIDTH;
  const H = KM_PLOT_HEIGHT;
  const m = 6; // margin from the plot edges
  const candidates: Box[] = [
    { x0: m, y0: H - m - h, corner: 'bottom-left' },
    { x0: W - m - w, y0: m, corner: 'top-right' },
    { x0: W - m - w, y0: H - m - h, corner: 'bottom-right' },
  ];
  const px = (t: number) => (convertDays(t, unit) / xMax) * W;
  const py = (s: number) => (1 - s) * H;
  const overlap = (a0: number, a1: number, b0: number, b1: number) =>
    Math.max(0, Math.min(Math.max(a0, a1), b1) - Math.max(Math.min(a0, a1), b0));
  let best = candidates[0];
  let bestScore = Infinity;
  for (const c of candidates) {
    const x1 = c.x0 + w;
    const y1 = c.y0 + h;
    let score = 0;
    for (const g of groups) {
      let tPrev = 0;
      let sPrev = 1;
      let loPrev = 1;
      let upPrev = 1;
      for (let j = 0; j < g.time.length; j++) {
        const t = g.time[j];
        if (!Number.isFinite(t)) continue;
        const xa = px(tPrev);
        const xb = px(t);
        // horizontal run at sPrev from tPrev to t, and its band
        const yS = py(sPrev);
        if (yS >= c.y0 && yS <= y1) score += overlap(xa, xb, c.x0, x1);
        if (Number.isFinite(loPrev) && Number.isFinite(upPrev)) {
          score += 0.01 * overlap(xa, xb, c.x0, x1) * overlap(py(upPrev), py(loPrev), c.y0, y1);
        }
        // vertical drop at t
        const s = g.surv[j];
        if (Number.isFinite(s)) {
          if (xb >= c.x0 && xb <= x1) score += overlap(py(sPrev), py(s), c.y0, y1);
          sPrev = s;
        }
        tPrev = t;
        loPrev = g.lower[j];
        upPrev = g.upper[j];
      }
    }
    if (score < bestScore - 1e-9) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------- spec

/** A Vega expression string literal. */
function exprString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Tick-label format that shows the ticks exactly (integers, or the needed decimals). */
function tickFormat(ticks: number[]): string {
  let decimals = 0;
  for (const t of ticks) {
    const s = String(t);
    const d = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
    decimals = Math.max(decimals, Math.min(d, 3));
  }
  return `.${decimals}f`;
}

/** The Kaplan–Meier figure (plot over number-at-risk table) as a Vega-Lite vconcat spec. */
export function kaplanMeierFigure(input: KmFigureInput): TopLevelSpec {
  const { groups, timeUnit: unit } = input;
  if (groups.length === 0) throw new RangeError('kaplanMeierFigure: no groups');
  const colors = groupColors(groups.length);
  const labels = groups.map(legendLabel);
  const names = groups.map((g) => g.name);

  const xMax = round(convertDays(maxTimeDays(groups), unit)) || 1;
  const ticks = niceTimeTicks(xMax, unit);
  const xTitle = timeAxisTitle(unit);
  const format = tickFormat(ticks);

  const curves = groups.flatMap((g, k) => curveRows(g, labels[k], unit));
  const bands = groups.flatMap((g, k) => bandRows(g, labels[k], unit));
  const censors = groups.flatMap((g, k) => censorRows(g, labels[k], unit));
  const risk = riskTable(groups, ticks, unit).map((r) => ({ ...r, label: labels[names.indexOf(r.group)] }));

  const xScale = { domain: [0, xMax], nice: false, zero: true };
  const xAxis = {
    title: xTitle,
    values: ticks,
    format,
    labelFlush: false,
    grid: false,
  };
  const yScale = { domain: [0, 1], nice: false };
  const yAxis = {
    title: 'Survival probability',
    values: [0, 0.25, 0.5, 0.75, 1],
    format: '.0%',
    grid: true,
    gridColor: '#ececec',
  };
  const colorScale = { domain: labels, range: colors };

  // legend: horizontal above the plot, wrapped into columns when it would not fit
  const legendEntryWidths = labels.map((l) => estimateTextWidth(l, LABEL_SIZE) + 28 + 16);
  const legendTitleWidth = estimateTextWidth(input.groupingLabel, LABEL_SIZE, true) + 12;
  let columns = groups.length;
  while (columns > 1) {
    let w = legendTitleWidth;
    for (let c = 0; c < columns; c++) {
      let colMax = 0;
      for (let k = c; k < labels.length; k += columns) colMax = Math.max(colMax, legendEntryWidths[k]);
      w += colMax;
    }
    if (w <= KM_PLOT_WIDTH) break;
    columns--;
  }
  columns = Math.ceil(groups.length / Math.ceil(groups.length / columns)); // balance rows: 4 → 2 × 2
  const legend = {
    title: input.groupingLabel,
    orient: 'top',
    direction: 'horizontal',
    columns,
    symbolType: 'stroke',
    symbolStrokeWidth: 3,
    symbolSize: 300,
    symbolOpacity: 1,
    labelFontSize: LABEL_SIZE,
    titleFontSize: LABEL_SIZE,
    titleFontWeight: 'bold',
    titleOrient: 'left',
    titleAnchor: 'start',
    titleBaseline: 'line-top', // with titleLineHeight: level with the first row of entries
    titleLineHeight: 22,
    titlePadding: 12,
    columnPadding: 16,
    rowPadding: 4,
    labelLimit: 0,
    titleLimit: 0,
    offset: 10,
  };
  // every layer carries the same legend definition (a null in one layer would disable it)
  const color = (withLegend: boolean) => ({
    field: 'label',
    type: 'nominal',
    scale: colorScale,
    legend: withLegend ? legend : null,
  });

  // annotation block, bottom-left inside the plot area
  const confText = `Shaded: ${formatConfLevel(input.confLevel)} confidence intervals`;
  const lines: { text: string; size: number; color: string }[] = [
    { text: logrankText(input.logrank.p), size: ANNOT_SIZE, color: TEXT_COLOR },
    ...(input.hazardRatio ?? []).map((h) => ({ text: hazardRatioText(h, input.confLevel), size: ANNOT_SIZE, color: TEXT_COLOR })),
    { text: confText, size: ANNOT_SIZE - 1, color: MUTED_TEXT_COLOR },
  ];
  const lineHeight = ANNOT_SIZE + 5;
  const pad = 6;
  const boxWidth = Math.ceil(Math.max(...lines.map((l) => estimateTextWidth(l.text, l.size))) + 2 * pad);
  const boxHeight = lines.length * lineHeight + 2 * pad - 2;
  const box = placeAnnotation(groups, unit, xMax, boxWidth, boxHeight);
  const annotationLayers = [
    {
      data: { values: [{}] },
      mark: {
        type: 'rect',
        x: box.x0,
        x2: box.x0 + boxWidth,
        y: box.y0,
        y2: box.y0 + boxHeight,
        fill: 'white',
        fillOpacity: 0.85,
        stroke: null,
        cornerRadius: 3,
      },
    },
    ...lines.map((l, i) => ({
      data: { values: [{}] },
      mark: {
        type: 'text',
        x: box.x0 + pad,
        y: box.y0 + pad + (i + 1) * lineHeight - 4,
        align: 'left',
        baseline: 'alphabetic',
        text: l.text,
        fontSize: l.size,
        color: l.color,
        limit: 0,
      },
    })),
  ];

  const x = { field: 't', type: 'quantitative', scale: xScale, axis: xAxis };
  const kmView = {
    width: KM_PLOT_WIDTH,
    height: KM_PLOT_HEIGHT,
    layer: [
      {
        data: { values: bands },
        mark: { type: 'area', interpolate: 'step-after', opacity: groups.length > 2 ? 0.1 : 0.16, stroke: null },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative', scale: yScale, axis: yAxis },
          y2: { field: 'upper' },
          color: color(true),
          detail: { field: 'seg', type: 'nominal' }, // (area paths are sorted by x)
        },
      },
      {
        data: { values: curves },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, strokeJoin: 'miter', strokeCap: 'butt' },
        encoding: {
          x,
          y: { field: 'surv', type: 'quantitative', scale: yScale, axis: yAxis },
          color: color(true),
          order: { field: 'i', type: 'quantitative' },
        },
      },
      {
        data: { values: censors },
        mark: { type: 'point', shape: 'M-1,0L1,0M0,-1L0,1', size: 56, filled: false, strokeWidth: 1.4, opacity: 1 },
        encoding: {
          x,
          y: { field: 'surv', type: 'quantitative', scale: yScale, axis: yAxis },
          color: color(true),
          tooltip: [
            { field: 'group', type: 'nominal', title: input.groupingLabel || 'group' },
            { field: 't', type: 'quantitative', title: xTitle, format: '.4~r' },
            { field: 'surv', type: 'quantitative', title: 'Survival', format: '.3f' },
            { field: 'censored', type: 'quantitative', title: 'Censored' },
          ],
        },
      },
      ...annotationLayers,
    ],
  };

  // number-at-risk table: same width and x domain, counts at the KM axis ticks
  const maxCountWidth = Math.max(...risk.map((r) => estimateTextWidth(String(r.nRisk), RISK_SIZE)));
  const labelColor = {
    condition: names.map((n, k) => ({ test: `datum.value === ${exprString(n)}`, value: colors[k] })),
    value: TEXT_COLOR,
  };
  const riskView = {
    width: KM_PLOT_WIDTH,
    height: groups.length * RISK_ROW,
    title: { text: 'Number at risk', anchor: 'start', fontSize: TITLE_SIZE, fontWeight: 'bold', offset: 6, color: TEXT_COLOR },
    data: { values: risk },
    mark: { type: 'text', fontSize: RISK_SIZE, align: 'center', baseline: 'middle', limit: 0 },
    encoding: {
      x: { field: 't', type: 'quantitative', scale: xScale, axis: null },
      y: {
        field: 'group',
        type: 'nominal',
        sort: names,
        scale: { domain: names },
        axis: {
          title: null,
          domain: false,
          ticks: false,
          labelFontSize: LABEL_SIZE,
          labelFontWeight: 'bold',
          labelColor,
          labelPadding: Math.ceil(maxCountWidth / 2) + 10,
          labelLimit: 0,
        },
      },
      text: { field: 'nRisk', type: 'quantitative', format: 'd' },
      color: color(false),
    },
  };

  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    description: `Kaplan–Meier survival by ${input.groupingLabel}, with number at risk`,
    ...(input.title ? { title: { text: input.title, anchor: 'start', fontSize: 15, fontWeight: 'bold', offset: 12 } } : {}),
    background: 'white',
    padding: 12,
    spacing: 18,
    resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' } },
    vconcat: [kmView, riskView],
    config: figureConfig({ legendFonts: false }),
  };
  return jsonSafeSpec(spec);
}
