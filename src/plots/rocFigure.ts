// Time-dependent ROC figures as Vega-Lite specs: the ROC curves (one per time, AUC and
// its interval in the legend, the chance diagonal), as plot(timeROC) / riskRegression's
// plotROC draw them, and AUC(t) against time with its pointwise confidence band and the
// 0.5 line (timeROC's plotAUCcurve). Pure: same input → same JSON (no NaN).

import type { TopLevelSpec } from 'vega-lite';
import { formatAuc, formatConfLevel } from '../format/numbers.js';
import { LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, textLayers } from './figureStyle.js';
import { groupColors, NEUTRAL_MARK, type PaletteName } from './palette.js';
import { niceTimeTicks, tickFormat } from './riskTable.js';
import { convertTime, formatDuration, timeAxisTitle, type TimeUnit } from './timeUnits.js';

/** One time's ROC: its points in roc.tsv order and its AUC with the interval. */
export interface RocCurve {
  /** In the input time unit. */
  time: number;
  auc: number;
  lower: number;
  upper: number;
  fpr: ArrayLike<number>;
  tpr: ArrayLike<number>;
}

export interface RocFigureInput {
  curves: RocCurve[];
  /** Unit of `time` (--time-in), in which the legend gives the times. */
  inputUnit: TimeUnit;
  confLevel: number;
  palette?: PaletteName;
  title?: string;
  subtitle?: string;
  /** A line under the plot, e.g. the times without an AUC and why. */
  note?: string;
}

export const ROC_PLOT_SIZE = 420;
export const AUC_PLOT_WIDTH = 560;
export const AUC_PLOT_HEIGHT = 320;

/** "365 days: AUC 0.856 (0.787–0.925)": the time as given (--roc-times is in the input unit). */
export function rocLegendLabel(c: Pick<RocCurve, 'time' | 'auc' | 'lower' | 'upper'>, inputUnit: TimeUnit): string {
  return `${formatDuration(c.time, inputUnit)}: AUC ${formatAuc(c.auc)} (${formatAuc(c.lower)}\u2013${formatAuc(c.upper)})`;
}

function noteLayers(note: string | undefined, y: number): object[] {
  return note ? textLayers([{ x: 0, y, text: note, size: NOTE_SIZE, color: MUTED_TEXT_COLOR }]) : [];
}

/** ROC curves at several times (false-positive rate against true-positive rate). */
export function rocFigure(input: RocFigureInput): TopLevelSpec {
  const S = ROC_PLOT_SIZE;
  const labels = input.curves.map((c) => rocLegendLabel(c, input.inputUnit));
  const colors = groupColors(input.curves.length, input.palette);
  const rows = input.curves.flatMap((c, k) => Array.from(c.fpr, (fpr, i) => ({ label: labels[k], i, fpr, tpr: c.tpr[i] })));
  const axis = (title: string) => ({ title, values: [0, 0.25, 0.5, 0.75, 1], format: '.2f', grid: true, gridColor: '#ececec' });
  const x = { field: 'fpr', type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: axis('1 \u2212 specificity (false-positive rate)') };
  const y = { field: 'tpr', type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: axis('Sensitivity (true-positive rate)') };
  const legend = {
    title: `Time: AUC (${formatConfLevel(input.confLevel)} CI)`,
    orient: 'bottom-right', symbolType: 'stroke', symbolStrokeWidth: 3, symbolSize: 300, labelFontSize: LABEL_SIZE,
    titleFontSize: LABEL_SIZE, titleFontWeight: 'bold', fillColor: 'white', padding: 6, labelLimit: 0, titleLimit: 0,
  };
  return layeredFigure({
    description: `Time-dependent ROC curves at ${input.curves.map((c) => formatDuration(c.time, input.inputUnit)).join(', ')}`,
    title: input.title,
    subtitle: input.subtitle,
    width: S,
    height: S,
    layer: [
      {
        data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] },
        mark: { type: 'line', color: NEUTRAL_MARK, strokeDash: [5, 4], strokeWidth: 1, opacity: 0.7 },
        encoding: { x, y },
      },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
        encoding: {
          x, y,
          color: { field: 'label', type: 'nominal', scale: { domain: labels, range: colors }, legend },
          order: { field: 'i', type: 'quantitative' },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Time' },
            { field: 'fpr', type: 'quantitative', title: 'False-positive rate', format: '.3f' },
            { field: 'tpr', type: 'quantitative', title: 'True-positive rate', format: '.3f' },
          ],
        },
      },
      ...noteLayers(input.note, S + 52),
    ],
  });
}

export interface AucTimeFigureInput {
  /** Times with an AUC, in the input unit. */
  points: { time: number; auc: number; lower: number; upper: number; cases: number; controls: number }[];
  inputUnit: TimeUnit;
  timeUnit: TimeUnit;
  confLevel: number;
  title?: string;
  subtitle?: string;
  note?: string;
}

/** AUC(t) against t with its confidence band and the chance line at 0.5. */
export function aucTimeFigure(input: AucTimeFigureInput): TopLevelSpec {
  const W = AUC_PLOT_WIDTH;
  const H = AUC_PLOT_HEIGHT;
  const points = [...input.points].sort((a, b) => a.time - b.time)
    .map((p) => ({ ...p, t: convertTime(p.time, input.inputUnit, input.timeUnit) }));
  const tMax = Math.max(...points.map((p) => p.t)) * 1.05 || 1;
  const ticks = niceTimeTicks(tMax, input.timeUnit);
  // Intervals are not clipped to [0, 1] (as R): the axis widens to show them whole.
  const lo = Math.min(0.4, ...points.map((p) => p.lower));
  const hi = Math.max(1, ...points.map((p) => p.upper));
  const yDomain = [Math.floor(lo * 10) / 10, Math.ceil(hi * 10) / 10];
  const x = {
    field: 't', type: 'quantitative', scale: { domain: [0, tMax], nice: false, zero: true },
    axis: { title: timeAxisTitle(input.timeUnit), values: ticks, format: tickFormat(ticks), grid: false, labelFlush: false },
  };
  const yScale = { domain: yDomain, nice: false, zero: false };
  const y = { field: 'auc', type: 'quantitative', scale: yScale, axis: { title: `AUC(t) with ${formatConfLevel(input.confLevel)} CI`, grid: true, gridColor: '#ececec', tickCount: 6 } };
  const color = groupColors(1)[0];
  return layeredFigure({
    description: `Time-dependent AUC at ${points.map((p) => formatDuration(p.time, input.inputUnit, input.timeUnit)).join(', ')}`,
    title: input.title,
    subtitle: input.subtitle,
    width: W,
    height: H,
    layer: [
      {
        data: { values: points },
        mark: { type: 'area', color, opacity: 0.16, interpolate: 'linear' },
        encoding: { x, y: { field: 'lower', type: 'quantitative', scale: yScale, axis: y.axis }, y2: { field: 'upper' } },
      },
      {
        data: { values: [{ auc: 0.5 }] },
        mark: { type: 'rule', color: NEUTRAL_MARK, strokeDash: [5, 4], strokeWidth: 1, opacity: 0.7 },
        encoding: { y },
      },
      {
        data: { values: points },
        mark: { type: 'line', color, strokeWidth: 2, point: { filled: true, size: 50, color } },
        encoding: {
          x, y,
          tooltip: [
            { field: 't', type: 'quantitative', title: timeAxisTitle(input.timeUnit), format: '.4~r' },
            { field: 'auc', type: 'quantitative', title: 'AUC', format: '.3f' },
            { field: 'lower', type: 'quantitative', title: 'lower', format: '.3f' },
            { field: 'upper', type: 'quantitative', title: 'upper', format: '.3f' },
            { field: 'cases', type: 'quantitative', title: 'Cases' },
            { field: 'controls', type: 'quantitative', title: 'Controls' },
          ],
        },
      },
      ...noteLayers(input.note, H + 52),
    ],
  });
}
