// The maximally selected log-rank statistic as a Vega-Lite spec: the standardized
// log-rank statistic against each candidate cutpoint (line + points, as plot(maxstat)),
// with the chosen cutpoint marked by a rule and labelled with its value, its statistic
// and the Lausen–Schumacher (1992) adjusted p-value.
// Pure: same input → same JSON (data inline, no NaN — null instead).

import type { TopLevelSpec } from 'vega-lite';
import { LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, TEXT_COLOR, textLayers, type TextCell } from './figureStyle.js';
import { formatPValue } from '../format/numbers.js';
import { NEUTRAL_MARK, OKABE_ITO } from './palette.js';
import { estimateTextWidth } from './render.js';

export interface CutpointFigureInput {
  /** Candidate cutpoints (ascending or not; sorted here). */
  cutpoints: ArrayLike<number>;
  /** Standardized log-rank statistic of each candidate. */
  statistics: ArrayLike<number>;
  /** The selected cutpoint. */
  chosen: number;
  /** What was cut, e.g. "migrasome-core score" (x-axis title). */
  valueName: string;
  /** Lau92-adjusted p-value of the maximum. */
  pAdjusted: number;
  /** Smallest proportion of samples in a group that was allowed. */
  minprop: number;
  title?: string;
  /** Second title line: what the figure shows (cancer, endpoint, score, cut rule). */
  subtitle?: string;
}

export const CUTPOINT_PLOT_WIDTH = 560;
export const CUTPOINT_PLOT_HEIGHT = 320;

/** "1.23", "0.0123", "1234": 4 significant digits without trailing zeros. */
export function formatCutpoint(x: number): string {
  if (!Number.isFinite(x)) return 'NA';
  const s = Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toPrecision(4);
  return s.includes('e') ? s.replace(/\.?0+e/, 'e') : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** "Lau92 p = 0.0123" / "Lau92 p < 1e-300". */
function adjustedPText(p: number): string {
  const f = formatPValue(p);
  return f.startsWith('<') ? `Lau92 adjusted p ${f}` : `Lau92 adjusted p = ${f}`;
}

/** The cutpoint figure as a layered Vega-Lite spec. */
export function cutpointFigure(input: CutpointFigureInput): TopLevelSpec {
  const n = Math.min(input.cutpoints.length, input.statistics.length);
  const points: { cut: number; stat: number }[] = [];
  for (let i = 0; i < n; i++) {
    const cut = input.cutpoints[i];
    const stat = input.statistics[i];
    if (Number.isFinite(cut) && Number.isFinite(stat)) points.push({ cut, stat });
  }
  points.sort((a, b) => a.cut - b.cut);

  // the statistic at the chosen cutpoint (nearest candidate), else the maximum
  let chosenStat = NaN;
  let best = Infinity;
  for (const p of points) {
    const d = Math.abs(p.cut - input.chosen);
    if (d < best) {
      best = d;
      chosenStat = p.stat;
    }
  }
  const W = CUTPOINT_PLOT_WIDTH;
  const H = CUTPOINT_PLOT_HEIGHT;

  // x domain: the candidates and the chosen cut, with 3% padding each side
  const xs = points.map((p) => p.cut);
  if (Number.isFinite(input.chosen)) xs.push(input.chosen);
  let x0 = xs.length ? Math.min(...xs) : 0;
  let x1 = xs.length ? Math.max(...xs) : 1;
  if (!(x1 > x0)) {
    const h = Math.abs(x0) * 0.1 || 1;
    x0 -= h;
    x1 += h;
  }
  const pad = (x1 - x0) * 0.03;
  const xDomain = [x0 - pad, x1 + pad];
  // y domain: from 0 (or the smallest statistic) up, room on top for the label
  const ys = points.map((p) => p.stat);
  const yMinData = Math.min(0, ...ys);
  const yMaxData = ys.length ? Math.max(...ys) : 1;
  const span = yMaxData > yMinData ? yMaxData - yMinData : 1;
  // (the top 18% stays free of the curve: the label lives there)
  const yMax = yMaxData + span * 0.22;
  const yMin = yMinData < 0 ? yMinData - span * 0.03 : 0;

  // label next to the rule, on the side with more room, near the top of the plot
  const lines = [
    { text: `Cutpoint = ${formatCutpoint(input.chosen)}`, bold: true, color: TEXT_COLOR },
    { text: `Statistic = ${Number.isFinite(chosenStat) ? chosenStat.toFixed(2) : 'NA'}, ${adjustedPText(input.pAdjusted)}`, bold: false, color: TEXT_COLOR },
  ];
  const px = (v: number) => ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * W;
  const ruleX = Number.isFinite(input.chosen) ? px(input.chosen) : NaN;
  const labelWidth = Math.max(...lines.map((l) => estimateTextWidth(l.text, LABEL_SIZE, l.bold)));
  const right = !(ruleX > W / 2) || ruleX + 8 + labelWidth <= W;
  const leftFits = ruleX - 8 - labelWidth >= 0;
  const labelX = right || !leftFits ? (right ? ruleX + 8 : Math.max(4, W - labelWidth - 4)) : ruleX - 8;
  const align = right || !leftFits ? 'left' : 'right';
  const text: TextCell[] = Number.isFinite(ruleX)
    ? lines.map((l, i) => ({ x: labelX, y: 14 + i * 17, text: l.text, bold: l.bold, align, color: l.color }))
    : [];
  const note = `Candidate cutpoints leave at least ${Math.round(input.minprop * 1000) / 10}% of the samples in each group (minprop = ${input.minprop}).`;
  text.push({ x: 0, y: H + 62, text: note, size: NOTE_SIZE, color: MUTED_TEXT_COLOR });
  if (points.length === 0) text.push({ x: W / 2, y: H / 2, text: 'no candidate cutpoints', align: 'center', italic: true, color: MUTED_TEXT_COLOR });

  const x = {
    field: 'cut',
    type: 'quantitative',
    scale: { domain: xDomain, nice: false, zero: false },
    axis: { title: input.valueName, grid: false, labelFlush: false, tickCount: 8 },
  };
  const y = {
    field: 'stat',
    type: 'quantitative',
    scale: { domain: [yMin, yMax], nice: false, zero: false },
    axis: { title: 'Standardized log-rank statistic', grid: true, gridColor: '#ececec', tickCount: 6 },
  };
  const layers: object[] = [
    {
      data: { values: points },
      mark: { type: 'line', color: NEUTRAL_MARK, strokeWidth: 1.5, interpolate: 'linear' },
      encoding: { x, y },
    },
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: points.length > 150 ? 10 : 22, color: NEUTRAL_MARK, opacity: 0.85 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'cut', type: 'quantitative', title: input.valueName, format: '.4~g' },
          { field: 'stat', type: 'quantitative', title: 'Statistic', format: '.3f' },
        ],
      },
    },
    {
      data: { values: Number.isFinite(input.chosen) ? [{ cut: input.chosen }] : [] },
      mark: { type: 'rule', color: OKABE_ITO.vermillion, strokeWidth: 1.5, strokeDash: [5, 3] },
      encoding: { x },
    },
    {
      data: { values: Number.isFinite(input.chosen) && Number.isFinite(chosenStat) ? [{ cut: input.chosen, stat: chosenStat }] : [] },
      mark: { type: 'point', filled: true, size: 70, color: OKABE_ITO.vermillion, opacity: 1, stroke: 'white', strokeWidth: 1 },
      encoding: { x, y },
    },
    ...textLayers(text),
  ];

  return layeredFigure({
    description: `Standardized log-rank statistic by cutpoint of ${input.valueName}`,
    title: input.title,
    subtitle: input.subtitle,
    width: W,
    height: H,
    layer: layers,
  });
}
