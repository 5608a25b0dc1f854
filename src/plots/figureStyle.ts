// The look shared by the figures (Kaplan–Meier, forest, heatmap, cutpoint, score
// distribution): fonts, colours and sizes, the Vega-Lite `config`, the title, text drawn
// at pixel positions, and the top-level spec of a layered figure.

import type { TopLevelSpec } from 'vega-lite';
import { estimateTextWidth } from './render.js';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export const FIGURE_FONT = 'Helvetica, Arial, sans-serif';
export const TEXT_COLOR = '#222222';
export const MUTED_TEXT_COLOR = '#666666';
export const AXIS_COLOR = '#444444';
export const LABEL_SIZE = 12;
export const TITLE_SIZE = 13;
export const NOTE_SIZE = 11;

/**
 * Vega-Lite `config` shared by the figures (fonts, colours and sizes of the Kaplan–Meier
 * figure). `legendFonts: false` leaves the legend's font sizes and title weight out (the
 * Kaplan–Meier figure sets them on its legend).
 */
export function figureConfig(options: { legendFonts?: boolean } = {}): Record<string, unknown> {
  const legend = { labelLimit: 0, titleLimit: 0, labelColor: TEXT_COLOR, titleColor: TEXT_COLOR };
  return {
    font: FIGURE_FONT,
    view: { stroke: null },
    axis: {
      labelFontSize: LABEL_SIZE,
      titleFontSize: TITLE_SIZE,
      titleFontWeight: 'normal',
      labelColor: TEXT_COLOR,
      titleColor: TEXT_COLOR,
      domainColor: AXIS_COLOR,
      tickColor: AXIS_COLOR,
      labelLimit: 0,
      titleLimit: 0,
    },
    legend: options.legendFonts === false ? legend : { ...legend, labelFontSize: LABEL_SIZE, titleFontSize: LABEL_SIZE, titleFontWeight: 'bold' },
    title: { limit: 0, subtitleLimit: 0 },
    text: { font: FIGURE_FONT },
  };
}

/** A figure title as the Kaplan–Meier figure sets it, with an optional subtitle line under it. */
export function figureTitle(title: string | undefined, subtitle?: string): Record<string, unknown> {
  if (!title) return {};
  const sub = subtitle ? { subtitle, subtitleFontSize: LABEL_SIZE, subtitleColor: MUTED_TEXT_COLOR, subtitlePadding: 4 } : {};
  return { title: { text: title, anchor: 'start', fontSize: 15, fontWeight: 'bold', offset: 12, color: TEXT_COLOR, ...sub } };
}

/** Deep copy as JSON with every non-finite number replaced by null. */
export function jsonSafeSpec(spec: object): TopLevelSpec {
  return JSON.parse(JSON.stringify(spec, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as TopLevelSpec;
}

/** What `layeredFigure` needs: the figure's own parts. */
export interface LayeredFigure {
  description: string;
  title?: string;
  /** A second, lighter title line (what the figure shows: cancer, endpoint, score, cut). */
  subtitle?: string;
  width: number;
  height: number;
  layer: object[];
  resolve?: object;
}

/**
 * The top-level spec of a layered figure: its title, white background, 12 px padding,
 * size, layers (and `resolve`, if given) and the shared config, as JSON-safe data.
 */
export function layeredFigure(figure: LayeredFigure): TopLevelSpec {
  return figureSpec(figure, {
    width: figure.width,
    height: figure.height,
    layer: figure.layer,
    ...(figure.resolve ? { resolve: figure.resolve } : {}),
  });
}

/** The top-level spec around `body` (layers, or a concatenation): title, white background, 12 px padding, shared config, JSON-safe. */
export function figureSpec(figure: Pick<LayeredFigure, 'description' | 'title' | 'subtitle'>, body: object): TopLevelSpec {
  return jsonSafeSpec({
    $schema: VEGA_LITE_SCHEMA,
    description: figure.description,
    ...figureTitle(figure.title, figure.subtitle),
    background: 'white',
    padding: 12,
    ...body,
    config: figureConfig(),
  });
}

/** A text mark drawn at pixel positions: one layer per distinct (align, weight, style, size, baseline, angle). */
export interface TextCell {
  x: number;
  y: number;
  text: string;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  baseline?: 'middle' | 'alphabetic' | 'top' | 'bottom';
  /** Rotation in degrees, clockwise (270: read bottom to top). */
  angle?: number;
}

/** Vega-Lite layers drawing `cells` at pixel coordinates (scale: null). */
export function textLayers(cells: TextCell[]): object[] {
  const groups = new Map<string, TextCell[]>();
  for (const c of cells) {
    const key = [c.align ?? 'left', c.bold ? 'b' : 'n', c.italic ? 'i' : 'n', c.size ?? LABEL_SIZE, c.baseline ?? 'middle', c.angle ?? 0].join('|');
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()].map((list) => {
    const c0 = list[0];
    return {
      data: { values: list.map((c) => ({ x: c.x, y: c.y, text: c.text, color: c.color ?? TEXT_COLOR })) },
      mark: {
        type: 'text',
        align: c0.align ?? 'left',
        baseline: c0.baseline ?? 'middle',
        fontSize: c0.size ?? LABEL_SIZE,
        fontWeight: c0.bold ? 'bold' : 'normal',
        fontStyle: c0.italic ? 'italic' : 'normal',
        ...(c0.angle ? { angle: c0.angle } : {}),
        limit: 0,
      },
      encoding: {
        x: { field: 'x', type: 'quantitative', scale: null },
        y: { field: 'y', type: 'quantitative', scale: null },
        text: { field: 'text', type: 'nominal' },
        color: { field: 'color', type: 'nominal', scale: null },
      },
    };
  });
}

/**
 * Positions of key entries (a symbol, then its label in NOTE_SIZE) flowing left to right
 * from (left, y) and wrapping at `right`: the symbol's centre and the label's x.
 */
export function flowKey(labels: string[], left: number, y: number, right: number): { x: number; y: number; labelX: number }[] {
  const out: { x: number; y: number; labelX: number }[] = [];
  let kx = left;
  let ky = y;
  for (const label of labels) {
    const w = 22 + estimateTextWidth(label, NOTE_SIZE);
    if (kx > left && kx + w > right) {
      kx = left;
      ky += 20;
    }
    out.push({ x: kx + 8, y: ky, labelX: kx + 22 });
    kx += w + 22;
  }
  return out;
}
