// The score against one numeric variable (`migrascore associate --scatter VAR`), as GEPIA,
// TIMER and ggpubr's ggscatter draw it: one panel per cancer with its own scales (a
// variable's range differs between cancers), the samples as points, a trend line (least
// squares by default, or LOESS; Vega-Lite transforms, deterministic) and Spearman's rho,
// p and n from associate.tsv in the panel's title, axis titles with the variable's unit.
// Pure: same input → same JSON (data inline; the trend is computed when rendered).

import type { TopLevelSpec } from 'vega-lite';
import { testPhrases, wrapPhrases } from './associateStyle.js';
import type { AssociateRow, AssociateSkipped } from '../associate/types.js';
import { variableLabel, type VariableLabels } from './associateTypes.js';
import { wrapWords, type KeyItem } from './compareStyle.js';
import { MUTED_TEXT_COLOR, NOTE_SIZE, textLayers, TITLE_SIZE } from './figureStyle.js';
import { OKABE_ITO } from './palette.js';
import { gridColumns, panelGrid, panelTitle, rowMax } from './panelGrid.js';

export interface AssociateScatterPoint {
  sample: string;
  cancer: string;
  score: number;
  /** The sample's value of the variable; null when missing (not drawn). */
  value: number | null;
}

export interface AssociateScatterInput {
  variable: string;
  labels?: VariableLabels;
  /** Unit of the variable, added to its axis title ("mutations / Mb"). */
  unit?: string;
  /** Panels, in reading order ("all" when pooled). */
  cancers: string[];
  points: AssociateScatterPoint[];
  /** associate.tsv rows (those of `variable` give each panel's rho and p). */
  tests: AssociateRow[];
  /** associate_skipped.tsv rows: why a panel has no test. */
  skipped?: AssociateSkipped[];
  /** y-axis title, e.g. "migrasome-core score (ssGSEA)". */
  scoreLabel: string;
  /** Trend line: least squares (default), LOESS (bandwidth 0.75, R loess's default span) or none. */
  trend?: 'linear' | 'loess' | 'none';
  /** Default: "<scoreLabel> vs <variable label>". */
  title?: string;
  subtitle?: string;
  /** Panels per row (default: as many as fit in 1100 px). */
  columns?: number;
}

const POINT_COLOR = '#4d4d4d';
const TREND_COLOR = OKABE_ITO.vermillion;
const TREND_NAMES = { linear: 'least-squares line', loess: 'LOESS curve (bandwidth 0.75)' } as const;

/** The score-against-variable panels as a Vega-Lite spec. */
export function associateScatterFigure(input: AssociateScatterInput): TopLevelSpec {
  const given = [...new Set(input.cancers)];
  const label = variableLabel(input.variable, input.labels);
  const xTitle = input.unit ? `${label} (${input.unit})` : label;
  const trend = input.trend ?? 'linear';
  const testOf = new Map(input.tests.filter((r) => r.variable === input.variable).map((r) => [r.cancer, r]));
  const untested = new Map((input.skipped ?? []).filter((s) => s.variable === input.variable && s.level === null).map((s) => [s.cancer, s]));
  const byCancer = new Map(given.map((c) => [c, [] as { sample: string; value: number; score: number }[]]));
  for (const p of input.points) {
    if (p.value === null || !Number.isFinite(p.value) || !Number.isFinite(p.score)) continue;
    byCancer.get(p.cancer)?.push({ sample: p.sample, value: p.value, score: p.score });
  }
  // a panel per cancer with points (all of them when none has any); the others in a note
  const withData = given.filter((c) => byCancer.get(c)!.length > 0);
  const cancers = withData.length > 0 ? withData : given;
  const single = cancers.length === 1;
  const W = single ? 340 : 180;
  const H = single ? 280 : 150;
  // a y title longer than the panel is high would lift the panel's title: wrapped instead
  const yTitle = wrapWords(input.scoreLabel, H - 10, TITLE_SIZE);
  const columns = Math.max(1, Math.floor(input.columns ?? gridColumns(cancers.length, W + 60)));

  const tests = cancers.map((c) => wrapPhrases(testPhrases(testOf.get(c), untested.get(c)), W + 30));
  const names = cancers.map((c) => (c === 'all' && single ? '' : c));
  const titleLines = tests.map((t, i) => t.length + (names[i] ? 1 : 0));

  const panels = cancers.map((cancer, ci) => {
    const values = byCancer.get(cancer)!;
    const many = values.length;
    const lastInColumn = ci + columns >= cancers.length;
    // an empty panel keeps its frame: a fixed domain without labels (no NaN scales)
    const scale = many > 0 ? { zero: false, nice: true } : { domain: [0, 1] };
    const axis = { grid: false, tickCount: single ? 6 : 4, ...(many > 0 ? {} : { labels: false, ticks: false }) };
    const x = { field: 'value', type: 'quantitative', scale, axis: { ...axis, title: lastInColumn ? xTitle : null } };
    const y = { field: 'score', type: 'quantitative', scale, axis: { ...axis, title: ci % columns === 0 ? yTitle : null } };
    const layers: object[] = [
      {
        mark: { type: 'circle', color: POINT_COLOR, size: many > 2000 ? 6 : many > 500 ? 10 : single ? 22 : 14, opacity: many > 2000 ? 0.3 : 0.5, stroke: null, aria: false },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'sample', type: 'nominal', title: 'Sample' },
            { field: 'value', type: 'quantitative', title: label, format: '.4~g' },
            { field: 'score', type: 'quantitative', title: 'Score', format: '.4~g' },
          ],
        },
      },
    ];
    // a line needs two distinct values (LOESS a few more)
    const distinct = new Set(values.map((v) => v.value)).size;
    if (trend !== 'none' && distinct >= (trend === 'loess' ? 5 : 2)) {
      const transform = trend === 'loess' ? { loess: 'score', on: 'value', bandwidth: 0.75 } : { regression: 'score', on: 'value' };
      layers.push({ transform: [transform], mark: { type: 'line', clip: true, color: TREND_COLOR, strokeWidth: 2 }, encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'score', type: 'quantitative' } } });
    }
    const text = panelTitle(names[ci], tests[ci], rowMax(titleLines, columns, ci));
    if (many === 0) text.push({ x: W / 2, y: H / 2, text: 'no samples with a value', align: 'center', italic: true, size: NOTE_SIZE, color: MUTED_TEXT_COLOR });
    layers.push(...textLayers(text));
    return {
      width: W,
      height: H,
      data: { values },
      layer: layers,
    };
  });

  const notes = [
    `${single ? 'Above the plot' : 'Above each panel'}: Spearman's \u03c1 and p as R cor.test(method = "spearman"); FDR: Benjamini\u2013Hochberg over all tests of the run.`,
  ];
  if (!single) notes.push('Each panel has its own scales.');
  const left = given.filter((c) => !cancers.includes(c)).map((c) => `${c}${untested.has(c) ? ` (${untested.get(c)!.reason})` : ''}`);
  if (left.length > 0) notes.push(`No samples with a value, not drawn: ${left.join(', ')}.`);
  const key: KeyItem[] = [{ kind: 'point', color: POINT_COLOR, label: 'samples' }];
  if (trend !== 'none') key.push({ kind: 'line', color: TREND_COLOR, label: `${TREND_NAMES[trend]} (for the eye; the test uses ranks)` });
  return panelGrid({
    description: `${input.scoreLabel} against ${label}${single ? '' : ' per cancer'} with Spearman's rho and p`,
    title: input.title ?? `${input.scoreLabel} vs ${label}`,
    subtitle: input.subtitle,
    panels,
    columns,
    panelWidth: W + 60,
    key,
    notes,
  });
}
