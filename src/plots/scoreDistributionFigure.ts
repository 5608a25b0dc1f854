// Score distribution per cancer as a Vega-Lite spec: a Tukey box plot (box = quartiles,
// R quantile type 7; whiskers to the most extreme values within 1.5 × IQR) over the
// samples as light jittered points, and each cancer's cutpoint(s) as a dashed coloured
// line wider than the box, drawn under the box median so a median split hides neither. Works for 1 to 33+ cancers (labels turn vertical when many).
// Pure: same input → same JSON (deterministic jitter, data inline, no NaN).

import type { TopLevelSpec } from 'vega-lite';
import { mulberry32 } from '../random.js';
import { quantileOfSorted } from '../stats/quantile.js';
import { flowKey, LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, TEXT_COLOR, textLayers, type TextCell } from './figureStyle.js';
import { NEUTRAL_MARK, OKABE_ITO } from './palette.js';
import { estimateTextWidth } from './render.js';

export interface ScoreDistributionCancer {
  cancer: string;
  values: ArrayLike<number>;
  cutpoints: number[];
}

export interface ScoreDistributionInput {
  cancers: ScoreDistributionCancer[];
  /** y-axis title, e.g. "migrasome-core score (ssGSEA)". */
  scoreName: string;
  /** The split rule, e.g. "median", "optimal", "quantiles:0.25,0.5,0.75". */
  split: string;
  title?: string;
  /** Second title line: what the figure shows (cancer, endpoint, score, cut rule). */
  subtitle?: string;
}

export interface BoxStats {
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** Whisker ends: the most extreme values within 1.5 × IQR of the box. */
  lower: number;
  upper: number;
}

/** Tukey box-plot statistics of the finite values (quartiles as R quantile type 7); null if none. */
export function boxStats(values: ArrayLike<number>): BoxStats | null {
  const v = Float64Array.from(Array.prototype.filter.call(values, (x: number) => Number.isFinite(x)) as number[]).sort();
  if (v.length === 0) return null;
  const q1 = quantileOfSorted(v, 0.25);
  const median = quantileOfSorted(v, 0.5);
  const q3 = quantileOfSorted(v, 0.75);
  const iqr = q3 - q1;
  let lower = q1;
  let upper = q3;
  for (const x of v) {
    if (x >= q1 - 1.5 * iqr) {
      lower = Math.min(x, q1);
      break;
    }
  }
  for (let i = v.length - 1; i >= 0; i--) {
    if (v[i] <= q3 + 1.5 * iqr) {
      upper = Math.max(v[i], q3);
      break;
    }
  }
  return { n: v.length, q1, median, q3, lower, upper };
}

/** FNV-1a hash of a string: a seed for deterministic jitter. */
export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const PLOT_HEIGHT = 320;

/** The per-cancer score distribution as a layered Vega-Lite spec. */
export function scoreDistributionFigure(input: ScoreDistributionInput): TopLevelSpec {
  const cancers = input.cancers;
  const k = Math.max(1, cancers.length);
  const names = cancers.map((c) => c.cancer);
  const many = cancers.length > 12;
  const step = Math.max(22, Math.min(96, Math.floor(720 / k)));
  const paddingInner = 0.15;
  const paddingOuter = 0.1;
  const width = Math.max(step * k, 240);
  // band width in pixels as vega lays it out
  const bandStep = width / (k - paddingInner + 2 * paddingOuter);
  const band = bandStep * (1 - paddingInner);
  const boxWidth = Math.max(8, Math.min(34, band * 0.5));
  const cutWidth = Math.max(12, Math.min(60, band * 0.92));
  // points spread over 80% of the band, at most 64 px
  const jitterSpread = Math.min(0.8, 64 / band);

  const points: { cancer: string; value: number; jitter: number }[] = [];
  const boxes: (BoxStats & { cancer: string; label: string })[] = [];
  const cuts: { cancer: string; value: number; label: string }[] = [];
  const totalPoints = cancers.reduce((s, c) => s + c.values.length, 0);
  cancers.forEach((c) => {
    const rand = mulberry32(hashString(c.cancer));
    for (let i = 0; i < c.values.length; i++) {
      const v = c.values[i];
      const j = rand() - 0.5;
      if (Number.isFinite(v)) points.push({ cancer: c.cancer, value: v, jitter: Number((j * jitterSpread).toFixed(4)) });
    }
    const s = boxStats(c.values);
    if (s) boxes.push({ ...s, cancer: c.cancer, label: `n = ${s.n}` });
    c.cutpoints.forEach((v, i) => {
      if (Number.isFinite(v)) cuts.push({ cancer: c.cancer, value: v, label: c.cutpoints.length > 1 ? `cut ${i + 1}` : 'cut' });
    });
  });
  const nByCancer = new Map(boxes.map((b) => [b.cancer, b.n]));

  // axis labels: name and n (two lines when few cancers, "NAME (n)" vertical when many)
  const labelCases = names
    .map((nm) => {
      const n = nByCancer.get(nm) ?? 0;
      const label = many ? JSON.stringify(`${nm} (${n})`) : `[${JSON.stringify(nm)}, ${JSON.stringify(`n = ${n}`)}]`;
      return `datum.value === ${JSON.stringify(nm)} ? ${label} : `;
    })
    .join('');
  const labelExpr = `${labelCases}datum.value`;

  const x = {
    field: 'cancer',
    type: 'nominal',
    sort: names,
    scale: { domain: names, paddingInner, paddingOuter },
    axis: {
      title: null,
      labelExpr,
      labelAngle: many ? -90 : 0,
      labelAlign: many ? 'right' : 'center',
      labelBaseline: many ? 'middle' : 'top',
      labelPadding: 4,
      labelLineHeight: 15,
      ticks: false,
      labelFontSize: many ? LABEL_SIZE - 1 : LABEL_SIZE,
    },
  };
  const y = {
    type: 'quantitative',
    scale: { zero: false, nice: true },
    axis: { title: input.scoreName, grid: true, gridColor: '#ececec', tickCount: 6 },
  };
  const yv = (field: string) => ({ ...y, field });

  const layers: object[] = [
    {
      data: { values: points },
      mark: {
        type: 'circle',
        size: totalPoints > 4000 ? 7 : totalPoints > 1000 ? 10 : 16,
        color: '#7a7a7a',
        opacity: totalPoints > 4000 ? 0.25 : 0.4,
        stroke: null,
      },
      encoding: {
        x,
        xOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-0.5, 0.5] } },
        y: yv('value'),
      },
    },
    {
      data: { values: boxes },
      mark: { type: 'rule', color: NEUTRAL_MARK, strokeWidth: 1.2 },
      encoding: { x, y: yv('lower'), y2: { field: 'q1' } },
    },
    {
      data: { values: boxes },
      mark: { type: 'rule', color: NEUTRAL_MARK, strokeWidth: 1.2 },
      encoding: { x, y: yv('q3'), y2: { field: 'upper' } },
    },
    {
      data: { values: boxes },
      mark: { type: 'bar', width: boxWidth, fill: 'white', fillOpacity: 0.55, stroke: NEUTRAL_MARK, strokeWidth: 1.2 },
      encoding: {
        x,
        y: yv('q1'),
        y2: { field: 'q3' },
        tooltip: [
          { field: 'cancer', type: 'nominal', title: 'Cancer' },
          { field: 'n', type: 'quantitative', title: 'n' },
          { field: 'median', type: 'quantitative', title: 'Median', format: '.4~g' },
          { field: 'q1', type: 'quantitative', title: 'Q1', format: '.4~g' },
          { field: 'q3', type: 'quantitative', title: 'Q3', format: '.4~g' },
        ],
      },
    },
    // the cut: a dashed line wider than the box, under the median, so a median split
    // shows both (the median inside the box, the cut's dashes beside it)
    {
      data: { values: cuts },
      mark: { type: 'point', shape: 'M-1,0L1,0', size: cutWidth * cutWidth, filled: false, color: OKABE_ITO.vermillion, strokeWidth: 2, strokeDash: [4, 2.5], opacity: 1 },
      encoding: {
        x,
        y: yv('value'),
        tooltip: [
          { field: 'cancer', type: 'nominal', title: 'Cancer' },
          { field: 'label', type: 'nominal', title: 'Cutpoint' },
          { field: 'value', type: 'quantitative', title: 'Value', format: '.4~g' },
        ],
      },
    },
    {
      data: { values: boxes },
      mark: { type: 'tick', orient: 'horizontal', size: boxWidth, thickness: 2.2, color: TEXT_COLOR, opacity: 1 },
      encoding: { x, y: yv('median') },
    },
  ];

  // key under the axis labels
  const labelExtent = many
    ? Math.ceil(Math.max(0, ...names.map((nm) => estimateTextWidth(`${nm} (${nByCancer.get(nm) ?? 0})`, LABEL_SIZE - 1)))) + 6
    : 2 * 15 + 6;
  const keyY = PLOT_HEIGHT + labelExtent + 22;
  const nCuts = Math.max(0, ...cancers.map((c) => c.cutpoints.length));
  const keyItems = [
    { kind: 'cut', label: `${nCuts > 1 ? 'Cutpoints' : 'Cutpoint'} (${input.split} split)` },
    { kind: 'box', label: 'Median and quartiles; whiskers to 1.5 \u00d7 IQR' },
    { kind: 'point', label: 'Samples' },
  ];
  const text: TextCell[] = [];
  const keyMarks: { x: number; y: number; kind: string }[] = [];
  // key entries flow left to right, wrapping at the figure width
  flowKey(keyItems.map((item) => item.label), -30, keyY, width).forEach((at, i) => {
    keyMarks.push({ x: at.x, y: at.y, kind: keyItems[i].kind });
    text.push({ x: at.labelX, y: at.y, text: keyItems[i].label, size: NOTE_SIZE, color: TEXT_COLOR });
  });
  if (cancers.length === 0) text.push({ x: width / 2, y: PLOT_HEIGHT / 2, text: 'no data', align: 'center', italic: true, color: MUTED_TEXT_COLOR });
  const pos = { x: { field: 'x', type: 'quantitative', scale: null }, y: { field: 'y', type: 'quantitative', scale: null } };
  layers.push(
    {
      data: { values: keyMarks.filter((m) => m.kind === 'cut') },
      mark: { type: 'point', shape: 'M-1,0L1,0', size: 324, filled: false, color: OKABE_ITO.vermillion, strokeWidth: 2, strokeDash: [4, 2.5], opacity: 1 },
      encoding: pos,
    },
    {
      data: { values: keyMarks.filter((m) => m.kind === 'box') },
      mark: { type: 'point', shape: 'M-0.6,-1L0.6,-1L0.6,1L-0.6,1ZM-0.6,0L0.6,0', size: 110, filled: false, color: NEUTRAL_MARK, strokeWidth: 1.2, opacity: 1 },
      encoding: pos,
    },
    {
      data: { values: keyMarks.filter((m) => m.kind === 'point') },
      mark: { type: 'circle', size: 16, color: '#7a7a7a', opacity: 0.6 },
      encoding: pos,
    },
    ...textLayers(text),
  );

  return layeredFigure({
    description: `Distribution of ${input.scoreName} per cancer with the ${input.split} cutpoint(s)`,
    title: input.title,
    subtitle: input.subtitle,
    width,
    height: PLOT_HEIGHT,
    layer: layers,
  });
}
