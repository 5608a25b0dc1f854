// Kaplan–Meier figure as a Vega-Lite spec: step curves with shaded confidence bands
// and censoring ticks, a log-rank / hazard-ratio annotation, and a number-at-risk
// table under the plot on the same x scale (cf. survminer::ggsurvplot with
// risk.table = TRUE, conf.int = TRUE, pval = TRUE). Pure: same input → same JSON.
//
// The pieces: kmTypes.ts (the input), format.ts (statistics text), riskTable.ts (time
// ticks, number at risk), kmRows.ts (curve, band and censoring rows), kmAnnotation.ts
// (statistics box); this file assembles the spec.

import type { TopLevelSpec } from 'vega-lite';
import { figureConfig, figureTitle, jsonSafeSpec, LABEL_SIZE, TEXT_COLOR, TITLE_SIZE, VEGA_LITE_SCHEMA } from './figureStyle.js';
import { legendLabel } from './format.js';
import { annotationLayers } from './kmAnnotation.js';
import { bandRows, censorRows, curveRows, roundTime } from './kmRows.js';
import type { KmFigureInput } from './kmTypes.js';
import { groupColors } from './palette.js';
import { estimateTextWidth } from './render.js';
import { largestTime, niceTimeTicks, riskTable, stepTimeTicks, tickFormat } from './riskTable.js';
import { convertTime, timeAxisTitle } from './timeUnits.js';

export type { KmFigureGroup, KmFigureHazardRatio, KmFigureInput } from './kmTypes.js';
export { hazardRatioText, legendLabel, logrankText } from './format.js';
export { niceTimeTicks, numberAtRisk, riskTable, stepTimeTicks, type RiskTableRow } from './riskTable.js';

/** Default plot-area size in pixels (the risk table shares the width); `width`/`height` of the input override it. */
export const KM_PLOT_WIDTH = 640;
export const KM_PLOT_HEIGHT = 400;

const RISK_SIZE = 12;
const RISK_ROW = 20;

/** A Vega expression string literal. */
function exprString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Whether the figure draws confidence bands: 'auto' draws them for up to two groups (survminer's conf.int). */
export function showsBands(input: Pick<KmFigureInput, 'ci' | 'groups'>): boolean {
  const ci = input.ci ?? 'auto';
  return ci === 'on' || (ci === 'auto' && input.groups.length <= 2);
}

/** The Kaplan–Meier figure (plot over number-at-risk table) as a Vega-Lite vconcat spec. */
export function kaplanMeierFigure(input: KmFigureInput): TopLevelSpec {
  const { groups, timeUnit: unit } = input;
  const inputUnit = input.inputUnit ?? 'days';
  if (groups.length === 0) throw new RangeError('kaplanMeierFigure: no groups');
  const W = input.width ?? KM_PLOT_WIDTH;
  const H = input.height ?? KM_PLOT_HEIGHT;
  const colors = groupColors(groups.length, input.palette);
  const labels = groups.map(legendLabel);
  const names = groups.map((g) => g.name);
  const bandsShown = showsBands(input);

  // x axis: to --max-time (survminer xlim) or the last time; ticks every --break-time or round steps
  const toShown = (t: number) => roundTime(convertTime(t, inputUnit, unit));
  const limited = input.maxTime !== undefined && input.maxTime > 0;
  const xMax = (limited ? toShown(input.maxTime!) : toShown(largestTime(groups))) || 1;
  const ticks = input.breakTime !== undefined && input.breakTime > 0 ? stepTimeTicks(xMax, toShown(input.breakTime), unit) : niceTimeTicks(xMax, unit);
  const xTitle = timeAxisTitle(unit);
  const format = tickFormat(ticks);

  const curves = groups.flatMap((g, k) => curveRows(g, labels[k], unit, inputUnit));
  const bands = bandsShown ? groups.flatMap((g, k) => bandRows(g, labels[k], unit, inputUnit)) : [];
  const censors = groups.flatMap((g, k) => censorRows(g, labels[k], unit, inputUnit, xMax));
  const risk = riskTable(groups, ticks, unit, inputUnit).map((r) => ({ ...r, label: labels[names.indexOf(r.group)] }));

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
    if (w <= W) break;
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

  // statistics box inside the plot area, in the corner the curves cross least
  const annotation = annotationLayers({ ...input, ci: bandsShown ? 'on' : 'off' }, xMax, { width: W, height: H });

  const x = { field: 't', type: 'quantitative', scale: xScale, axis: xAxis };
  // with --max-time the curves run on beyond the axis end: clip them there (as coord_cartesian)
  const clip = limited ? { clip: true } : {};
  const kmView = {
    width: W,
    height: H,
    layer: [
      {
        data: { values: bands },
        mark: { type: 'area', interpolate: 'step-after', opacity: groups.length > 2 ? 0.1 : 0.16, stroke: null, ...clip },
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
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, strokeJoin: 'miter', strokeCap: 'butt', ...clip },
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
      ...annotation,
    ],
  };

  // number-at-risk table: same width and x domain, counts at the KM axis ticks
  const maxCountWidth = Math.max(...risk.map((r) => estimateTextWidth(String(r.nRisk), RISK_SIZE)));
  const labelColor = {
    condition: names.map((n, k) => ({ test: `datum.value === ${exprString(n)}`, value: colors[k] })),
    value: TEXT_COLOR,
  };
  const riskView = {
    width: W,
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
    ...figureTitle(input.title, input.subtitle),
    background: 'white',
    padding: 12,
    spacing: 18,
    resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' } },
    vconcat: [kmView, riskView],
    config: figureConfig({ legendFonts: false }),
  };
  return jsonSafeSpec(spec);
}
