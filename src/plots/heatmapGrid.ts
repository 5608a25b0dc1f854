// The gene × cancer grid shared by the heatmaps (hazard ratios of `pancan`, log2 fold
// changes of `compare`, Spearman rho of `associate`): cells coloured on the diverging blue–white–red scale (ColorBrewer
// RdBu, colour-blind safe) symmetric around 0 and clamped to ±limit, significance marks
// ('*' to '****', '·') in the cells, grey cells without a value, and a key and notes under the grid.
// The figures decide what the cells hold; this module lays them out.

import type { TopLevelSpec } from 'vega-lite';
import { LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, TEXT_COLOR, textLayers, type TextCell } from './figureStyle.js';
import { DIVERGING_BLUE_RED, MISSING_FILL } from './palette.js';
import { estimateTextWidth } from './render.js';

/** A coloured cell: `gene`, `cancer`, the colour field (already clamped to ±limit), `mark`, `markColor` and tooltip fields. */
export type HeatmapGridValue = Record<string, unknown> & { gene: string; cancer: string; mark: string; markColor: string };

export interface HeatmapGridInput {
  description: string;
  title?: string;
  subtitle?: string;
  /** Rows (top to bottom) and columns (left to right), without duplicates. */
  genes: string[];
  cancers: string[];
  values: HeatmapGridValue[];
  /** Grey cells: `gene`, `cancer` and the fields `missingTooltip` shows. */
  missing: object[];
  /** The field of `values` that sets the colour. */
  colorField: string;
  /** The colour scale runs from −limit (blue) through 0 (white) to +limit (red). */
  limit: number;
  legendTitle: string | string[];
  /** Legend ticks on the colour field's scale, and how to label them (a Vega expression). */
  legendValues: number[];
  legendLabelExpr: string;
  tooltip: object[];
  missingTooltip: object[];
  /** The key under the grid, left to right; symbol '' draws a grey square. */
  keyItems: { symbol: string; label: string }[];
  /** Lighter lines under the key. */
  notes: string[];
  /** Set gene labels in italics (gene symbols). */
  italicGenes: boolean;
}

/** Colour of a mark drawn on a cell: white on the darkest colours, else the text colour. */
export function cellMarkColor(value: number, limit: number): string {
  return Math.abs(value) > 0.62 * limit ? 'white' : TEXT_COLOR;
}

/**
 * A round colour limit: the first of `candidates` (ascending) whose `toScale` value covers
 * the 95th percentile of `magnitudes` (|values| on the colour scale), else the last;
 * the first when there are no values. Clamping the top 5% keeps one extreme cell from
 * washing out the rest.
 */
export function roundColorLimit(magnitudes: number[], candidates: readonly number[], toScale: (c: number) => number = (c) => c): number {
  const a = magnitudes.filter((v) => Number.isFinite(v)).sort((x, y) => x - y);
  if (a.length === 0) return candidates[0];
  const q = a[Math.min(a.length - 1, Math.floor(0.95 * (a.length - 1) + 0.5))];
  for (const c of candidates) if (toScale(c) >= q - 1e-9) return c;
  return candidates[candidates.length - 1];
}

/** A row or column of the grid: `domain` in the given order, cells touching. */
function gridPosition(field: string, domain: string[], axis: object): object {
  return { field, type: 'nominal', sort: domain, scale: { domain, paddingInner: 0, paddingOuter: 0 }, axis };
}

/** The heatmap as a layered Vega-Lite spec. */
export function heatmapGrid(input: HeatmapGridInput): TopLevelSpec {
  const { genes, cancers, values, limit: L } = input;
  const cellSize = Math.max(14, Math.min(26, Math.floor(780 / Math.max(1, cancers.length)), Math.floor(640 / Math.max(1, genes.length))));
  const width = Math.max(1, cancers.length) * cellSize;
  const height = Math.max(1, genes.length) * cellSize;

  const x = gridPosition('cancer', cancers, {
    title: null,
    orient: 'bottom',
    labelAngle: -90,
    labelAlign: 'right',
    labelBaseline: 'middle',
    labelPadding: 4,
    ticks: false,
    domain: false,
    labelFontSize: LABEL_SIZE - 1,
  });
  const y = gridPosition('gene', genes, {
    title: null,
    ticks: false,
    domain: false,
    labelPadding: 4,
    labelFontSize: LABEL_SIZE - 1,
    labelFontStyle: input.italicGenes ? 'italic' : 'normal',
  });
  const gradientLength = Math.max(100, Math.min(220, height));
  const steps = DIVERGING_BLUE_RED.length - 1;
  const color = {
    field: input.colorField,
    type: 'quantitative',
    scale: {
      type: 'linear',
      domain: DIVERGING_BLUE_RED.map((_c, i) => -L + (2 * L * i) / steps),
      range: [...DIVERGING_BLUE_RED],
      interpolate: 'lab',
      clamp: true,
      zero: false,
      nice: false,
    },
    legend: {
      title: input.legendTitle,
      orient: 'right',
      direction: 'vertical',
      values: input.legendValues,
      labelExpr: input.legendLabelExpr,
      gradientLength,
      gradientThickness: 12,
      titleFontWeight: 'bold',
      titlePadding: 8,
      offset: 14,
      tickCount: input.legendValues.length,
    },
  };

  const labelExtent = Math.ceil(Math.max(0, ...cancers.map((c) => estimateTextWidth(c, LABEL_SIZE - 1)))) + 4;
  // key under the cancer labels and under the colour legend (which may be taller than a short grid)
  const legendBottom = 2 * 15 + 8 + gradientLength + 8;
  const keyY = Math.max(height + labelExtent, legendBottom) + 22;
  const text: TextCell[] = [];
  const keySquares: { x: number; y: number; fill: string }[] = [];
  // the key starts under the gene labels (left edge of the figure)
  const geneLabelWidth = Math.max(0, ...genes.map((g) => estimateTextWidth(g, LABEL_SIZE - 1))) + 4;
  const left = -Math.ceil(geneLabelWidth);
  let kx = left;
  for (const k of input.keyItems) {
    if (k.symbol === '') {
      keySquares.push({ x: kx + 6, y: keyY, fill: MISSING_FILL });
    } else {
      text.push({ x: kx + 6, y: keyY + (k.symbol === '*' ? 4 : 0), text: k.symbol, align: 'center', bold: true, size: 17 });
    }
    text.push({ x: kx + 16, y: keyY, text: k.label, size: NOTE_SIZE, color: TEXT_COLOR });
    kx += 16 + estimateTextWidth(k.label, NOTE_SIZE) + 22;
  }
  input.notes.forEach((t, k) => text.push({ x: left, y: keyY + 18 + 15 * k, text: t, size: NOTE_SIZE, color: MUTED_TEXT_COLOR }));
  if (genes.length === 0 || cancers.length === 0) {
    text.push({ x: width / 2, y: height / 2, text: 'no data', align: 'center', italic: true, color: MUTED_TEXT_COLOR });
  }

  const pos = { x: { field: 'x', type: 'quantitative', scale: null }, y: { field: 'y', type: 'quantitative', scale: null } };
  const markLayer = (mark: string, fontSize: number, dy: number): object => ({
    data: { values: values.filter((v) => v.mark === mark) },
    mark: { type: 'text', baseline: 'middle', align: 'center', fontSize, fontWeight: 'bold', ...(dy ? { dy } : {}) },
    encoding: { x, y, text: { field: 'mark', type: 'nominal' }, color: { field: 'markColor', type: 'nominal', scale: null } },
  });
  const layers: object[] = [
    {
      data: { values: input.missing },
      mark: { type: 'rect', color: MISSING_FILL, stroke: 'white', strokeWidth: 1 },
      encoding: { x, y, tooltip: input.missingTooltip },
    },
    {
      data: { values },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: { x, y, color, tooltip: input.tooltip },
    },
    // '*' sits low in its line box: moved down to the cell's centre
    markLayer('*', Math.round(cellSize * 0.72), Math.round(cellSize * 0.17)),
    // star levels (**, ***, ****; the correlation heatmap): smaller as they lengthen, to fit the cell
    ...['**', '***', '****']
      .filter((m) => values.some((v) => v.mark === m))
      .map((m) => {
        const size = Math.round(cellSize * [0.62, 0.56, 0.5][m.length - 2]);
        return markLayer(m, size, Math.round(size * 0.24));
      }),
    markLayer('\u00b7', Math.round(cellSize * 0.8), 0),
    {
      data: { values: keySquares },
      mark: { type: 'point', shape: 'square', filled: true, size: 110, opacity: 1 },
      encoding: { ...pos, color: { field: 'fill', type: 'nominal', scale: null } },
    },
    ...textLayers(text),
  ];

  return layeredFigure({
    description: input.description,
    title: input.title,
    subtitle: input.subtitle,
    width,
    height,
    layer: layers,
    resolve: { scale: { color: 'independent' } },
  });
}
