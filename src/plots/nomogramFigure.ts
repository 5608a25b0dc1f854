// The nomogram as rms's plot.nomogram draws it: a Points axis (0–100) on top, one axis
// per predictor with its values at their points, then Total Points, the linear
// predictor and one survival-probability axis per time, those on the total-points scale.
// Everything is drawn at pixel positions (rules and text), as a layered Vega-Lite spec.
import type { TopLevelSpec } from 'vega-lite';
import { formatSignificant } from '../format/numbers.js';
import type { Nomogram } from '../model/nomogram.js';
import { AXIS_COLOR, LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, textLayers, type TextCell } from './figureStyle.js';
import { estimateTextWidth } from './render.js';

export interface NomogramFigureInput {
  nomogram: Nomogram;
  /** One label per survival axis, e.g. "1-year survival probability". */
  survivalLabels: string[];
  title?: string;
  subtitle?: string;
  /** Draw the linear-predictor axis (rms lp = TRUE). */
  showLp?: boolean;
  /** Width of the drawing area of the axes, pixels (default 560). */
  width?: number;
  /** Labels for predictor axes, keyed by predictor name (e.g. a built-in table's column label). */
  predictorLabels?: Record<string, string>;
}

const ROW = 46;
const LINE_DY = 32;

interface Row {
  label: string;
  ticks: { x: number; text: string }[];
  bold?: boolean;
}

const tickText = (v: string | number): string => (typeof v === 'string' ? v : formatSignificant(v, 6));

/** The nomogram as a layered Vega-Lite spec. */
export function nomogramFigure(input: NomogramFigureInput): TopLevelSpec {
  const nom = input.nomogram;
  const W = input.width ?? 560;
  const rows: Row[] = [];
  const maxTotal = Math.max(...nom.totalPoints);
  const labelW = 16 + Math.max(...[
    'Points', 'Total Points', 'Linear Predictor', ...nom.predictors.map((p) => input.predictorLabels?.[p.name] ?? p.name), ...input.survivalLabels,
  ].map((l) => estimateTextWidth(l, LABEL_SIZE, true)));
  const xPoints = (p: number) => labelW + (p / 100) * W;
  const xTotal = (p: number) => labelW + (p / maxTotal) * W;

  rows.push({ label: 'Points', bold: true, ticks: Array.from({ length: 11 }, (_, i) => ({ x: xPoints(i * 10), text: String(i * 10) })) });
  for (const p of nom.predictors) rows.push({ label: input.predictorLabels?.[p.name] ?? p.name, ticks: p.ticks.map((t) => ({ x: xPoints(t.points), text: tickText(t.value) })) });
  rows.push({ label: 'Total Points', bold: true, ticks: nom.totalPoints.map((p) => ({ x: xTotal(p), text: tickText(p) })) });
  if (input.showLp !== false) {
    rows.push({ label: 'Linear Predictor', ticks: nom.linearPredictor.filter((t) => t.points >= -1e-9 && t.points <= maxTotal + 1e-9).map((t) => ({ x: xTotal(t.points), text: tickText(t.value) })) });
  }
  nom.survival.forEach((s, k) => {
    rows.push({ label: input.survivalLabels[k], ticks: s.ticks.filter((t) => t.points >= -1e-9 && t.points <= maxTotal + 1e-9).map((t) => ({ x: xTotal(t.points), text: tickText(t.value) })) });
  });

  const rules: { x: number; x2: number; y: number; y2: number }[] = [];
  const text: TextCell[] = [];
  rows.forEach((row, i) => {
    const y = i * ROW + LINE_DY;
    text.push({ x: labelW - 12, y, text: row.label, align: 'right', bold: row.bold, size: LABEL_SIZE });
    if (row.ticks.length === 0) {
      text.push({ x: labelW, y, text: '(no value in the range of total points)', italic: true, size: NOTE_SIZE, color: MUTED_TEXT_COLOR });
      return;
    }
    const xs = row.ticks.map((t) => t.x);
    rules.push({ x: Math.min(...xs), x2: Math.max(...xs), y, y2: y });
    // Labels above the line; one that would overlap its neighbour goes below, else is left out.
    let aboveRight = -Infinity;
    let belowRight = -Infinity;
    const ordered = [...row.ticks].sort((a, b) => a.x - b.x);
    for (const t of ordered) {
      rules.push({ x: t.x, x2: t.x, y: y - 5, y2: y });
      const w = estimateTextWidth(t.text, NOTE_SIZE);
      if (t.x - w / 2 > aboveRight + 3) {
        text.push({ x: t.x, y: y - 7, text: t.text, align: 'center', baseline: 'bottom', size: NOTE_SIZE });
        aboveRight = t.x + w / 2;
      } else if (t.x - w / 2 > belowRight + 3) {
        rules.push({ x: t.x, x2: t.x, y, y2: y + 4 });
        text.push({ x: t.x, y: y + 5, text: t.text, align: 'center', baseline: 'top', size: NOTE_SIZE });
        belowRight = t.x + w / 2;
      }
    }
  });

  return layeredFigure({
    description: 'Nomogram of a Cox model (rms cph / nomogram): points per predictor value, total points, and the predicted survival they correspond to.',
    title: input.title,
    subtitle: input.subtitle,
    width: labelW + W + 24,
    height: rows.length * ROW + 8,
    layer: [
      {
        data: { values: rules },
        mark: { type: 'rule', color: AXIS_COLOR, strokeWidth: 1 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: null },
          x2: { field: 'x2' },
          y: { field: 'y', type: 'quantitative', scale: null },
          y2: { field: 'y2' },
        },
      },
      ...textLayers(text),
    ],
  });
}
