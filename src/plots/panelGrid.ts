// Small multiples as papers draw them (ggplot2 facet_wrap, GEPIA/TIMER panels): one
// layered view per cancer, `columns` to a row, then a key and notes under the grid. Each
// panel brings its own scales and axes; the figure's title sits above the whole grid.

import type { TopLevelSpec } from 'vega-lite';
import { figureSpec, LABEL_SIZE, MUTED_TEXT_COLOR, NOTE_SIZE, textLayers, type TextCell } from './figureStyle.js';
import { keyMarkLayers, keyRow, wrapWords, type KeyItem } from './compareStyle.js';

export interface PanelGridInput {
  description: string;
  title?: string;
  subtitle?: string;
  /** Layered views (with width and height), in reading order. */
  panels: object[];
  columns: number;
  /** Width of a panel with its axis, in pixels: where the key and notes wrap. */
  panelWidth: number;
  key: KeyItem[];
  /** Lighter lines under the key, wrapped at the grid's width. */
  notes: string[];
}

const SPACING = 18;

/** Columns for `k` panels `width` px wide (with their axes): as many as fit in `maxWidth`, at most k. */
export function gridColumns(k: number, width: number, maxWidth = 1100): number {
  return Math.max(1, Math.min(k, Math.floor((maxWidth + SPACING) / (width + SPACING))));
}

/** The largest of `values` over the grid row of panel `i` (what keeps the panels of a row aligned). */
export function rowMax(values: readonly number[], columns: number, i: number): number {
  const start = i - (i % columns);
  return Math.max(0, ...values.slice(start, start + columns));
}

/**
 * A panel's title as text above its plot (pixel y < 0, so the titles of a row line up
 * whatever their axes): the cancer in bold over its test lines, the block `rowLines`
 * lines high (the most in the row); without a name (the pooled cohort) the test lines only.
 */
export function panelTitle(name: string, lines: string[], rowLines = 0): TextCell[] {
  const all = name ? [name, ...lines] : lines;
  const first = -8 - 15 * (Math.max(rowLines, all.length) - 1);
  return all.map((text, i) => ({
    x: 0,
    y: first + 15 * i,
    text,
    baseline: 'bottom',
    ...(!name ? { size: LABEL_SIZE } : i === 0 ? { bold: true, size: 13 } : { size: NOTE_SIZE, color: MUTED_TEXT_COLOR }),
  }));
}

/** The panels in rows of `columns`, the key and notes under them, as one Vega-Lite spec. */
export function panelGrid(input: PanelGridInput): TopLevelSpec {
  const columns = Math.max(1, Math.floor(input.columns));
  // a grid layout aligns the plot areas across rows and columns, whatever their axes and titles
  const grid = { concat: input.panels, columns, spacing: { row: 26, column: SPACING } };
  const used = Math.max(1, Math.min(columns, input.panels.length));
  const right = Math.max(360, used * input.panelWidth + (used - 1) * SPACING);
  const left = 0;
  const key = keyRow(input.key, left, 8, right);
  const text: TextCell[] = [...key.text];
  const lines = input.notes.flatMap((t) => wrapWords(t, right - left));
  lines.forEach((t, j) => text.push({ x: left, y: key.bottom + 20 + 15 * j, text: t, size: NOTE_SIZE, color: MUTED_TEXT_COLOR }));
  const footer = {
    width: right,
    height: key.bottom + 20 + 15 * Math.max(0, lines.length - 1) + 8,
    layer: [...keyMarkLayers(key.marks), ...textLayers(text)],
  };
  return figureSpec(input, { vconcat: [grid, footer], spacing: 26 });
}
