// What the figures of `migrascore compare` share: the two group colours, the FDR stars
// (as ggpubr's stat_compare_means(label = "p.signif")), the score axis with a strip above
// the data for the test's marks, the box layers, a key row that wraps at the figure width,
// and notes wrapped to it. Positions along x are pixels (scale: null).

import { formatPValue } from '../format/numbers.js';
import { AXIS_COLOR, flowKey, LABEL_SIZE, NOTE_SIZE, TEXT_COLOR, type TextCell } from './figureStyle.js';
import { OKABE_ITO } from './palette.js';
import { estimateTextWidth } from './render.js';

/**
 * The case and reference colours: the first two of `palette`, else Okabe–Ito vermillion
 * for the case and blue for the reference (tumour warm, normal cool, as GEPIA and TIMER
 * draw them; the pair stays distinct for colour-blind readers).
 */
export function compareColors(palette?: readonly string[]): [string, string] {
  if (palette && palette.length >= 2) return [palette[0], palette[1]];
  if (palette && palette.length === 1) return [palette[0], OKABE_ITO.blue];
  return [OKABE_ITO.vermillion, OKABE_ITO.blue];
}

/** The FDR cuts below the threshold, ascending, ending with the threshold (1e-4, 1e-3, 0.01, 0.05 by default). */
export function starCuts(threshold = 0.05): number[] {
  return [...[1e-4, 1e-3, 1e-2].filter((c) => c < threshold), threshold];
}

/**
 * ggpubr's significance symbols for an FDR: "****" < 1e-4, "***" < 0.001, "**" < 0.01,
 * "*" < threshold (0.05), else "ns"; "NA" when there is none. Strict "<" throughout, as the
 * figures' notes say (ggpubr's symnum closes the intervals on the right).
 */
export function fdrStars(fdr: number | null | undefined, threshold = 0.05): string {
  if (fdr == null || !Number.isFinite(fdr)) return 'NA';
  const cuts = starCuts(threshold);
  for (let i = 0; i < cuts.length; i++) if (fdr < cuts[i]) return '*'.repeat(cuts.length - i);
  return 'ns';
}

/** "**** FDR < 1e-04, *** < 0.001, ** < 0.01, * < 0.05, ns ≥ 0.05". */
export function starKeyText(threshold = 0.05): string {
  const cuts = starCuts(threshold);
  const parts = cuts.map((c, i) => `${'*'.repeat(cuts.length - i)} ${i === 0 ? 'FDR ' : ''}< ${formatPValue(c)}`);
  return `${parts.join(', ')}, ns \u2265 ${formatPValue(threshold)}`;
}

/** `text` broken at spaces into lines at most `width` px wide (a longer word stays whole). */
export function wrapWords(text: string, width: number, size = NOTE_SIZE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A key entry: a coloured symbol and its label. */
export interface KeyItem {
  kind: 'swatch' | 'box' | 'point' | 'line';
  color: string;
  label: string;
}

export interface KeyMark {
  x: number;
  y: number;
  kind: KeyItem['kind'];
  color: string;
}

/** Key entries laid out left to right from (left, y), wrapping at `right`; returns the marks, the labels and the last row's y. */
export function keyRow(items: KeyItem[], left: number, y: number, right: number): { marks: KeyMark[]; text: TextCell[]; bottom: number } {
  const at = flowKey(items.map((item) => item.label), left, y, right);
  return {
    marks: at.map((a, i) => ({ x: a.x, y: a.y, kind: items[i].kind, color: items[i].color })),
    text: at.map((a, i) => ({ x: a.labelX, y: a.y, text: items[i].label, size: NOTE_SIZE, color: TEXT_COLOR })),
    bottom: at.length > 0 ? at[at.length - 1].y : y,
  };
}

/** Vega-Lite layers drawing the key marks at pixel positions. */
export function keyMarkLayers(marks: KeyMark[]): object[] {
  const pos = { x: { field: 'x', type: 'quantitative', scale: null }, y: { field: 'y', type: 'quantitative', scale: null } };
  const color = { field: 'color', type: 'nominal', scale: null };
  const of = (kind: KeyItem['kind']) => ({ values: marks.filter((m) => m.kind === kind) });
  return [
    { data: of('swatch'), mark: { type: 'point', shape: 'square', filled: true, size: 100, opacity: 1 }, encoding: { ...pos, color } },
    {
      data: of('box'),
      mark: { type: 'point', shape: 'M-0.6,-1L0.6,-1L0.6,1L-0.6,1ZM-0.6,0L0.6,0M0,-1L0,-1.6M0,1L0,1.6', size: 70, filled: false, strokeWidth: 1.2, opacity: 1 },
      encoding: { ...pos, color },
    },
    { data: of('point'), mark: { type: 'circle', size: 22, opacity: 0.7 }, encoding: { ...pos, color } },
    { data: of('line'), mark: { type: 'point', shape: 'M-1,0L1,0', size: 196, filled: false, strokeWidth: 1.6, opacity: 1 }, encoding: { ...pos, color } },
  ].filter((l) => l.data.values.length > 0);
}

/** Pixels above the data (inside the plot, above the y axis's end) for brackets and FDR marks. */
export const STRIP = 30;

/** The y domain: the scores with 4% margins (a fixed span around a single value). */
export function yDomain(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi > lo ? hi - lo : Math.abs(hi) > 0 ? Math.abs(hi) * 0.2 : 1;
  return [lo - 0.04 * span, hi + 0.04 * span];
}

/** The y encoding of `field` on the score axis: `domain` drawn from `height` up to `top` px (STRIP; null title: none). */
export function scoreY(field: string, domain: [number, number], height: number, title: string | string[] | null, top = STRIP): object {
  return {
    field,
    type: 'quantitative',
    scale: { domain, range: [height, top], nice: false, zero: false },
    axis: { title, grid: true, gridColor: '#ececec', tickCount: 6, domainColor: AXIS_COLOR },
  };
}

export const px = (field: string) => ({ field, type: 'quantitative', scale: null });

/** A drawn box: R-type-7 quartiles, whisker ends, its centre `x` and edges `x0`, `x1` in pixels, colour. */
export interface DrawnBox {
  x: number;
  x0: number;
  x1: number;
  q1: number;
  median: number;
  q3: number;
  lower: number;
  upper: number;
  color: string;
}

/** Whiskers, the box (white, half transparent over the points) and the median, in each box's colour. */
export function boxLayers(boxes: DrawnBox[], y: (field: string) => object, tooltip: object[]): object[] {
  const color = { field: 'color', type: 'nominal', scale: null };
  const data = { values: boxes };
  return [
    { data, mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { x: px('x'), y: y('lower'), y2: { field: 'q1' }, color } },
    { data, mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { x: px('x'), y: y('q3'), y2: { field: 'upper' }, color } },
    {
      data,
      mark: { type: 'rect', fill: 'white', fillOpacity: 0.5, strokeWidth: 1.3 },
      encoding: { x: px('x0'), x2: { field: 'x1' }, y: y('q1'), y2: { field: 'q3' }, stroke: color, tooltip },
    },
    { data, mark: { type: 'rule', strokeWidth: 2.2 }, encoding: { x: px('x0'), x2: { field: 'x1' }, y: y('median'), color } },
  ];
}

/** A line segment in pixels. */
export interface Segment {
  x: number;
  x2: number;
  y: number;
  y2: number;
}

/** A bracket from x = a to b at height y (default: in the strip above the data), with `label` over it. */
export function bracket(a: number, b: number, label: string, y = STRIP - 6): { segments: Segment[]; text: TextCell } {
  return {
    segments: [
      { x: a, x2: b, y, y2: y },
      { x: a, x2: a, y, y2: y + 4 },
      { x: b, x2: b, y, y2: y + 4 },
    ],
    text: { x: (a + b) / 2, y: y - 3, text: label, align: 'center', baseline: 'bottom', size: LABEL_SIZE },
  };
}

/** Thin grey segments (brackets, the x axis line) at pixel positions. */
export function segmentLayer(segments: Segment[], strokeWidth = 0.8): object {
  return { data: { values: segments }, mark: { type: 'rule', color: AXIS_COLOR, strokeWidth }, encoding: { x: px('x'), x2: { field: 'x2' }, y: px('y'), y2: { field: 'y2' } } };
}

/** Score points at pixel x, coloured by their `color` field, with `id` and the score in the tooltip. */
export function scorePointLayer(values: object[], y: (field: string) => object, mark: object, id: { field: string; title: string }): object {
  return {
    data: { values },
    mark: { type: 'circle', ...mark },
    encoding: {
      x: px('x'),
      y: y('score'),
      color: { field: 'color', type: 'nominal', scale: null },
      tooltip: [
        { field: id.field, type: 'nominal', title: id.title },
        { field: 'score', type: 'quantitative', title: 'Score', format: '.4~g' },
      ],
    },
  };
}
