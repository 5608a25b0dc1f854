// Pan-cancer forest plot as a Vega-Lite spec: one row per cancer with the hazard ratio
// and its confidence interval on a log axis, a dashed reference line at HR = 1, and
// table columns (n, events | HR (95% CI), p, FDR) on either side, as in a paper
// (cf. forestplot::forestplot, survminer::ggforest). p and FDR come from one test, named
// in the footnote (`pNote`). Rows with FDR below the threshold are drawn in colour (red:
// HR > 1, blue: HR < 1) with bold text. Intervals reaching beyond the axis end in an
// arrow; a cancer whose HR cannot be estimated reads "not estimable" and its reason.
// Pure: same input → same JSON (data inline, no NaN — null instead).

import type { TopLevelSpec } from 'vega-lite';
import { AXIS_COLOR, LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, TEXT_COLOR, textLayers, TITLE_SIZE, type TextCell } from './figureStyle.js';
import { formatConfLevel, formatPValue, formatRatio } from '../format/numbers.js';
import { NEUTRAL_MARK, PROTECTIVE_COLOR, RISK_COLOR } from './palette.js';
import { estimateTextWidth } from './render.js';

export interface ForestRow {
  cancer: string;
  n: number;
  events: number;
  hr: number;
  lower: number;
  upper: number;
  /** p of the test named by `pNote` (the same test as `fdr`). */
  p: number;
  fdr: number | null;
  /** Why the HR is not estimable (e.g. "no events in group low"): shown instead of the HR. */
  note?: string | null;
}

export type ForestOrder = 'hr' | 'input' | 'p' | 'cancer';

export interface ForestFigureInput {
  rows: ForestRow[];
  title?: string;
  /** Second title line: what the figure shows (cancer, endpoint, score, cut rule). */
  subtitle?: string;
  /**
   * The footnote naming the test behind the p and FDR columns, e.g. "p: log-rank test of the
   * score groups; FDR: Benjamini–Hochberg over cancers." (default: FDR named only).
   */
  pNote?: string;
  /** x-axis title, e.g. "HR (high vs low score)". */
  hrLabel: string;
  /** Rows with FDR below this are highlighted (default 0.05). */
  fdrThreshold?: number;
  /**
   * Row order, top to bottom: 'hr' (default; highest HR first), 'p' (smallest first),
   * 'cancer' (alphabetical) or 'input' (as given). Cancers without a finite HR go last
   * except with 'input'.
   */
  order?: ForestOrder;
  /** Confidence level of lower/upper, for the header (default 0.95). */
  confLevel?: number;
  /** Fixed x-axis range [min, max] (HR, > 0); default: from the data, within [0.05, 20]. */
  xLimits?: [number, number];
  /** Texts left and right of HR = 1 under the axis (default "Lower hazard" / "Higher hazard"); null for none. */
  directionLabels?: [string, string] | null;
}

// ---------------------------------------------------------------- log axis

const round = (x: number): number => Number(x.toPrecision(12));

/** 1-2-5 × 10^k values from below `lo` to above `hi`. */
function oneTwoFive(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)) - 1; k <= Math.ceil(Math.log10(hi)) + 1; k++) {
    for (const f of [1, 2, 5]) out.push(round(f * Math.pow(10, k)));
  }
  return out;
}

/**
 * The x domain of the forest plot: the finite HRs and CI limits (and 1) widened to
 * 1-2-5 values, at least [0.5, 2], within `limits`.
 */
export function forestDomain(rows: ForestRow[], limits: [number, number] = [0.05, 20]): [number, number] {
  let lo = 0.5;
  let hi = 2;
  for (const r of rows) {
    if (!estimable(r)) continue;
    for (const v of [r.hr, r.lower, r.upper]) {
      if (Number.isFinite(v) && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  lo = Math.max(lo, limits[0]);
  hi = Math.min(hi, limits[1]);
  const grid = oneTwoFive(limits[0], limits[1]);
  const snappedLo = [...grid].reverse().find((g) => g <= lo * (1 + 1e-9)) ?? lo;
  const snappedHi = grid.find((g) => g >= hi * (1 - 1e-9)) ?? hi;
  return [Math.max(snappedLo, limits[0]), Math.min(snappedHi, limits[1])];
}

/** Tick values of a log axis over `domain`: 1-2-5 steps, or decades (plus the ends) when those are too many. */
export function logTicks(domain: [number, number], maxTicks = 9): number[] {
  const [lo, hi] = domain;
  const inside = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const all = oneTwoFive(lo, hi).filter(inside);
  // label the ends too when they are round (2 significant digits) and not crowding a tick
  const round2 = (v: number) => Number(v.toPrecision(2)) === round(v);
  for (const end of [lo, hi]) {
    if (round2(end) && all.every((t) => Math.abs(Math.log10(t / end)) >= 0.15)) all.push(end);
  }
  all.sort((a, b) => a - b);
  if (all.length <= maxTicks) return all;
  const decades = all.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  const withEnds = [...new Set([lo, ...decades, hi])].filter(inside).sort((a, b) => a - b);
  return withEnds.length <= maxTicks ? withEnds : decades;
}

// ---------------------------------------------------------------- rows

function estimable(r: ForestRow): boolean {
  return !r.note && Number.isFinite(r.hr) && r.hr > 0;
}

function significant(r: ForestRow, threshold: number): boolean {
  return r.fdr !== null && Number.isFinite(r.fdr) && r.fdr < threshold;
}

/** Rows in display order (top to bottom). */
export function orderForestRows(rows: ForestRow[], order: ForestOrder = 'hr'): ForestRow[] {
  if (order === 'input') return [...rows];
  const byName = (a: ForestRow, b: ForestRow) => (a.cancer < b.cancer ? -1 : a.cancer > b.cancer ? 1 : 0);
  const est = rows.filter(estimable);
  const rest = rows.filter((r) => !estimable(r)).sort(byName);
  const key = (r: ForestRow) => (Number.isFinite(r.p) ? r.p : Infinity);
  if (order === 'hr') est.sort((a, b) => b.hr - a.hr || byName(a, b));
  else if (order === 'p') est.sort((a, b) => key(a) - key(b) || byName(a, b));
  else est.sort(byName);
  return [...est, ...rest];
}

/** "2.63 (2.17–3.20)"; bounds that are missing read NA. */
export function hrCiText(r: Pick<ForestRow, 'hr' | 'lower' | 'upper' | 'note'>): string {
  if (r.note) return 'not estimable';
  if (!(Number.isFinite(r.hr) && r.hr > 0)) return 'NA';
  const lo = Number.isNaN(r.lower) ? 'NA' : r.lower <= 0 ? '0' : formatRatio(r.lower);
  const up = Number.isNaN(r.upper) ? 'NA' : formatRatio(r.upper);
  return `${formatRatio(r.hr)} (${lo}\u2013${up})`;
}

function fdrText(fdr: number | null): string {
  return fdr === null ? 'NA' : formatPValue(fdr);
}

// ---------------------------------------------------------------- spec

const ROW_H = 22;
const HEADER_H = 28;
const PLOT_W = 300;
const COL_GAP = 18;
const PLOT_GAP = 22;
const MARKER_SIZE = 64;

/** The forest plot (one row per cancer) as a layered Vega-Lite spec. */
export function forestFigure(input: ForestFigureInput): TopLevelSpec {
  const threshold = input.fdrThreshold ?? 0.05;
  const confLevel = input.confLevel ?? 0.95;
  const rows = orderForestRows(input.rows, input.order ?? 'hr');
  const domain = input.xLimits ?? forestDomain(rows);
  if (!(domain[0] > 0 && domain[1] > domain[0])) throw new RangeError(`forestFigure: bad x limits ${domain.join(', ')}`);
  const ticks = logTicks(domain);
  const nRows = Math.max(rows.length, 1);

  // column geometry (pixels)
  const textW = (s: string, bold = false) => estimateTextWidth(s, LABEL_SIZE, bold);
  const colWidth = (header: string, cells: string[]) => Math.ceil(Math.max(textW(header, true), ...cells.map((c) => textW(c, true))));
  const ciHeader = `HR (${formatConfLevel(confLevel)} CI)`;
  const cells = rows.map((r) => ({
    cancer: r.cancer,
    n: String(r.n),
    events: String(r.events),
    hr: hrCiText(r),
    p: formatPValue(r.p),
    fdr: fdrText(r.fdr),
  }));
  const wCancer = colWidth('Cancer', cells.map((c) => c.cancer));
  const wN = colWidth('n', cells.map((c) => c.n));
  const wEvents = colWidth('Events', cells.map((c) => c.events));
  const wHr = colWidth(ciHeader, cells.map((c) => c.hr));
  const wP = colWidth('p', cells.map((c) => c.p));
  const wFdr = colWidth('FDR', cells.map((c) => c.fdr));
  const xCancer = 0;
  const xN = xCancer + wCancer + COL_GAP + wN; // right edge
  const xEvents = xN + COL_GAP + wEvents; // right edge
  const px0 = xEvents + PLOT_GAP;
  const px1 = px0 + PLOT_W;
  const xHr = px1 + PLOT_GAP; // left edge
  const xP = xHr + wHr + COL_GAP + wP; // right edge
  const xFdr = xP + COL_GAP + wFdr; // right edge
  const width = Math.ceil(xFdr);
  const tableTop = HEADER_H;
  const height = tableTop + nRows * ROW_H;
  const rowY = (i: number) => tableTop + (i + 0.5) * ROW_H;
  const lx = (v: number) => px0 + ((Math.log(v) - Math.log(domain[0])) / (Math.log(domain[1]) - Math.log(domain[0]))) * PLOT_W;

  // text cells
  const text: TextCell[] = [];
  const headerY = HEADER_H / 2;
  text.push(
    { x: xCancer, y: headerY, text: 'Cancer', bold: true },
    { x: xN, y: headerY, text: 'n', bold: true, align: 'right' },
    { x: xEvents, y: headerY, text: 'Events', bold: true, align: 'right' },
    { x: xHr, y: headerY, text: ciHeader, bold: true },
    { x: xP, y: headerY, text: 'p', bold: true, align: 'right', italic: true },
    { x: xFdr, y: headerY, text: 'FDR', bold: true, align: 'right' },
  );
  const markerColor = (r: ForestRow) => (significant(r, threshold) ? (r.hr >= 1 ? RISK_COLOR : PROTECTIVE_COLOR) : NEUTRAL_MARK);
  rows.forEach((r, i) => {
    const y = rowY(i);
    const sig = significant(r, threshold);
    const c = cells[i];
    text.push(
      { x: xCancer, y, text: c.cancer, bold: sig },
      { x: xN, y, text: c.n, align: 'right' },
      { x: xEvents, y, text: c.events, align: 'right' },
      { x: xHr, y, text: c.hr, bold: sig, color: estimable(r) ? TEXT_COLOR : MUTED_TEXT_COLOR },
      { x: xP, y, text: c.p, align: 'right' },
      { x: xFdr, y, text: c.fdr, bold: sig, align: 'right' },
    );
    if (!estimable(r)) text.push({ x: (px0 + px1) / 2, y, text: r.note ?? 'not estimable', italic: true, align: 'center', color: MUTED_TEXT_COLOR, size: NOTE_SIZE });
  });
  if (rows.length === 0) text.push({ x: (px0 + px1) / 2, y: rowY(0), text: 'no cancers', italic: true, align: 'center', color: MUTED_TEXT_COLOR });

  // plot data (HR units, clipped to the axis; arrows where an interval goes beyond)
  const [d0, d1] = domain;
  const clip = (v: number) => Math.min(d1, Math.max(d0, v));
  const ci: { cancer: string; y: number; lo: number; hi: number; color: string }[] = [];
  const points: { cancer: string; y: number; hr: number; color: string; hrText: string; pText: string; fdrText: string }[] = [];
  const arrowsLeft: { y: number; hr: number; color: string }[] = [];
  const arrowsRight: { y: number; hr: number; color: string }[] = [];
  rows.forEach((r, i) => {
    if (!estimable(r)) return;
    const y = rowY(i);
    const color = markerColor(r);
    const lower = Number.isNaN(r.lower) ? r.hr : r.lower;
    const upper = Number.isNaN(r.upper) ? r.hr : r.upper;
    const lo = Math.min(lower, r.hr);
    const hi = Math.max(upper, r.hr);
    if (hi > d0 && lo < d1 && clip(lo) < clip(hi)) ci.push({ cancer: r.cancer, y, lo: clip(lo), hi: clip(hi), color });
    if (lo < d0 * (1 - 1e-9)) arrowsLeft.push({ y, hr: d0, color });
    if (hi > d1 * (1 + 1e-9)) arrowsRight.push({ y, hr: d1, color });
    if (r.hr >= d0 && r.hr <= d1) {
      points.push({ cancer: r.cancer, y, hr: r.hr, color, hrText: cells[i].hr, pText: cells[i].p, fdrText: cells[i].fdr });
    }
  });
  const anyArrow = arrowsLeft.length + arrowsRight.length > 0;

  const x = {
    field: 'hr',
    type: 'quantitative',
    scale: { type: 'log', domain, range: [px0, px1], nice: false, clamp: true },
    axis: {
      title: input.hrLabel,
      values: ticks,
      format: '~g',
      labelFlush: false,
      grid: false,
      orient: 'bottom',
      tickSize: 5,
      labelPadding: 3,
      titlePadding: input.directionLabels === null ? 6 : 24,
    },
  };
  const yPx = (field: string) => ({ field, type: 'quantitative', scale: null });
  const colorPx = { field: 'color', type: 'nominal', scale: null };

  // zebra stripes, header and table rules
  const stripes = rows.map((_r, i) => ({ y: tableTop + i * ROW_H, y2: tableTop + (i + 1) * ROW_H })).filter((_s, i) => i % 2 === 0);
  const rules = [
    { x: 0, x2: width, y: 0.5, w: 1.2 },
    { x: 0, x2: width, y: tableTop, w: 0.8 },
    { x: 0, x2: width, y: height, w: 1 }, // merges with the axis line under the plot
  ];
  // the reference line at HR = 1, interrupted where a row reads "not estimable"
  const refSegments: { hr: number; y: number; y2: number }[] = [];
  let segStart = -1;
  for (let i = 0; i <= rows.length; i++) {
    const ok = i < rows.length && estimable(rows[i]);
    if (ok && segStart < 0) segStart = i;
    if (!ok && segStart >= 0) {
      refSegments.push({ hr: 1, y: tableTop + segStart * ROW_H, y2: tableTop + i * ROW_H });
      segStart = -1;
    }
  }

  // direction labels and the legend / notes under the axis
  const noteTop = height + 5 + 3 + LABEL_SIZE; // below tick labels
  if (input.directionLabels !== null) {
    const [left, right] = input.directionLabels ?? ['Lower hazard', 'Higher hazard'];
    const x1 = lx(1);
    const y = noteTop + 9;
    text.push(
      { x: x1 - 8, y, text: `\u2190 ${left}`, align: 'right', size: NOTE_SIZE, color: MUTED_TEXT_COLOR },
      { x: x1 + 8, y, text: `${right} \u2192`, align: 'left', size: NOTE_SIZE, color: MUTED_TEXT_COLOR },
    );
  }
  const legendY = noteTop + (input.directionLabels === null ? 0 : 16) + 6 + TITLE_SIZE + 20;
  const thr = formatPValue(threshold);
  const legendEntries = [
    { color: RISK_COLOR, label: `FDR < ${thr}, HR > 1` },
    { color: PROTECTIVE_COLOR, label: `FDR < ${thr}, HR < 1` },
    { color: NEUTRAL_MARK, label: `FDR \u2265 ${thr}` },
  ];
  const legendSquares: { x: number; y: number; color: string }[] = [];
  let lxPos = 0;
  for (const e of legendEntries) {
    legendSquares.push({ x: lxPos + 5, y: legendY, color: e.color });
    text.push({ x: lxPos + 14, y: legendY, text: e.label, size: NOTE_SIZE });
    lxPos += 14 + estimateTextWidth(e.label, NOTE_SIZE) + 20;
  }
  const notes = [
    `Squares: hazard ratio; lines: ${formatConfLevel(confLevel)} confidence interval${anyArrow ? ' (arrow: continues beyond the axis)' : ''}.`,
    `${input.pNote ?? 'FDR: Benjamini\u2013Hochberg.'} Significant rows in bold.`,
  ];
  // one line when it fits, else one sentence per line
  const oneLine = notes.join(' ');
  const fits = (t: string) => estimateTextWidth(t, NOTE_SIZE) <= width;
  const noteLines = fits(oneLine) ? [oneLine] : notes.flatMap((t) => (fits(t) ? [t] : t.split(/(?<=;) /)));
  noteLines.forEach((t, k) => text.push({ x: 0, y: legendY + 18 + k * 15, text: t, size: NOTE_SIZE, color: MUTED_TEXT_COLOR }));

  const layers: object[] = [
    {
      data: { values: stripes },
      mark: { type: 'rect', x: 0, x2: width, color: '#f2f2f2', stroke: null },
      encoding: { y: yPx('y'), y2: { field: 'y2' } },
    },
    {
      data: { values: rules },
      mark: { type: 'rule', color: AXIS_COLOR },
      encoding: {
        x: { field: 'x', type: 'quantitative', scale: null },
        x2: { field: 'x2' },
        y: yPx('y'),
        strokeWidth: { field: 'w', type: 'quantitative', scale: null },
      },
    },
    {
      data: { values: refSegments },
      mark: { type: 'rule', color: '#7f7f7f', strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { x, y: yPx('y'), y2: { field: 'y2' } },
    },
    {
      data: { values: ci },
      mark: { type: 'rule', strokeWidth: 1.6, strokeCap: 'butt' },
      encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' }, y: yPx('y'), color: colorPx },
    },
    ...[
      { values: arrowsLeft, shape: 'M0,-1L-1.6,0L0,1Z', dx: -1 },
      { values: arrowsRight, shape: 'M0,-1L1.6,0L0,1Z', dx: 1 },
    ].map((a) => ({
      data: { values: a.values },
      mark: { type: 'point', shape: a.shape, filled: true, size: 36, opacity: 1, xOffset: a.dx * 2 },
      encoding: { x, y: yPx('y'), color: colorPx },
    })),
    {
      data: { values: points },
      mark: { type: 'point', shape: 'square', filled: true, size: MARKER_SIZE, opacity: 1, stroke: 'white', strokeWidth: 0.6 },
      encoding: {
        x,
        y: yPx('y'),
        color: colorPx,
        tooltip: [
          { field: 'cancer', type: 'nominal', title: 'Cancer' },
          { field: 'hrText', type: 'nominal', title: ciHeader },
          { field: 'pText', type: 'nominal', title: 'p' },
          { field: 'fdrText', type: 'nominal', title: 'FDR' },
        ],
      },
    },
    {
      data: { values: legendSquares },
      mark: { type: 'point', shape: 'square', filled: true, size: MARKER_SIZE, opacity: 1 },
      encoding: { x: { field: 'x', type: 'quantitative', scale: null }, y: yPx('y'), color: colorPx },
    },
    ...textLayers(text),
  ];

  return layeredFigure({
    description: `Forest plot: ${input.hrLabel} per cancer with ${formatConfLevel(confLevel)} CI`,
    title: input.title,
    subtitle: input.subtitle,
    width,
    height,
    layer: layers,
  });
}
