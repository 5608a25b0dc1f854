// Gene × cancer heatmap of hazard ratios as a Vega-Lite spec: colour = log2(HR) on a
// diverging blue–white–red scale (ColorBrewer RdBu, colour-blind safe) symmetric around
// 0 and clamped to ±log2 of a round HR, '*' where FDR < threshold and '·' where only the
// nominal p < 0.05, missing / not estimable cells in grey, with a key under the grid.
// Pure: same input → same JSON (data inline, no NaN — null instead).

import type { TopLevelSpec } from 'vega-lite';
import { LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, TEXT_COLOR, textLayers, type TextCell } from './figureStyle.js';
import { formatPValue, formatRatio, formatSignificant } from '../format/numbers.js';
import { DIVERGING_BLUE_RED, MISSING_FILL } from './palette.js';
import { estimateTextWidth } from './render.js';

export interface HeatmapCell {
  gene: string;
  cancer: string;
  hr: number;
  p: number;
  fdr: number | null;
  n: number;
  /** Why the HR is not estimable (R: coefficient may be infinite; no variation): grey, never coloured. */
  note?: string | null;
}

export interface HeatmapFigureInput {
  genes: string[];
  cancers: string[];
  cells: HeatmapCell[];
  title?: string;
  /** Second title line: what the figure shows (cancer, endpoint, score, cut rule). */
  subtitle?: string;
  /** '*' marks FDR below this (default 0.05). */
  fdrThreshold?: number;
  /** '·' marks p below this when FDR is not significant (default 0.05). */
  pThreshold?: number;
  /** Colour-legend title (default "Hazard ratio"). */
  hrLabel?: string;
  /** Colour scale limit as a hazard ratio ≥ 1: colours saturate at HR ≤ 1/limit and ≥ limit (default: from the data). */
  hrLimit?: number;
  /** Set gene labels in italics (gene symbols; default true). */
  italicGenes?: boolean;
}

const HR_LIMITS = [1.5, 2, 3, 4, 8];

/**
 * The colour limit as a hazard ratio: the smallest of 1.5, 2, 3, 4, 8 covering the 95th
 * percentile of |log2 HR| over the estimable cells (at least 2, at most 8).
 */
export function heatmapHrLimit(cells: (Pick<HeatmapCell, 'hr'> & { note?: string | null })[]): number {
  const a = cells
    .filter((c) => !c.note && Number.isFinite(c.hr) && c.hr > 0)
    .map((c) => Math.abs(Math.log2(c.hr)))
    .sort((x, y) => x - y);
  if (a.length === 0) return 2;
  const q = a[Math.min(a.length - 1, Math.floor(0.95 * (a.length - 1) + 0.5))];
  for (const l of HR_LIMITS) if (l >= 2 && Math.log2(l) >= q - 1e-9) return l;
  return HR_LIMITS[HR_LIMITS.length - 1];
}

/** Legend tick HRs for a limit: powers of two within it, plus the limit, and their reciprocals. */
function legendHrs(limit: number): number[] {
  const up = new Set<number>([1]);
  for (let v = 2; v <= limit * (1 + 1e-9); v *= 2) up.add(v);
  up.add(limit);
  const sorted = [...up].sort((a, b) => a - b);
  return [...sorted.slice(1).reverse().map((v) => 1 / v), ...sorted];
}

/** Significance mark of a cell: '*' (FDR < fdrThreshold), '·' (p < pThreshold), else ''. */
export function significanceMark(c: Pick<HeatmapCell, 'p' | 'fdr'>, fdrThreshold = 0.05, pThreshold = 0.05): string {
  if (c.fdr !== null && Number.isFinite(c.fdr) && c.fdr < fdrThreshold) return '*';
  if (Number.isFinite(c.p) && c.p < pThreshold) return '\u00b7';
  return '';
}

/** A row or column of the grid: `domain` in the given order, cells touching. */
function gridPosition(field: string, domain: string[], axis: object): object {
  return { field, type: 'nominal', sort: domain, scale: { domain, paddingInner: 0, paddingOuter: 0 }, axis };
}

/** The gene × cancer heatmap as a layered Vega-Lite spec. */
export function heatmapFigure(input: HeatmapFigureInput): TopLevelSpec {
  const fdrThreshold = input.fdrThreshold ?? 0.05;
  const pThreshold = input.pThreshold ?? 0.05;
  const genes = [...new Set(input.genes)];
  const cancers = [...new Set(input.cancers)];
  const limit = input.hrLimit !== undefined && input.hrLimit > 1 ? input.hrLimit : heatmapHrLimit(input.cells);
  const L = Math.log2(limit);
  const cellSize = Math.max(14, Math.min(26, Math.floor(780 / Math.max(1, cancers.length)), Math.floor(640 / Math.max(1, genes.length))));
  const width = Math.max(1, cancers.length) * cellSize;
  const height = Math.max(1, genes.length) * cellSize;

  // one entry per (gene, cancer) of the grid; the last cell given for a pair wins
  const byKey = new Map<string, HeatmapCell>();
  const geneSet = new Set(genes);
  const cancerSet = new Set(cancers);
  for (const c of input.cells) if (geneSet.has(c.gene) && cancerSet.has(c.cancer)) byKey.set(`${c.gene}\u0000${c.cancer}`, c);
  const values: object[] = [];
  const missing: object[] = [];
  const notEstimable: string[] = [];
  for (const gene of genes) {
    for (const cancer of cancers) {
      const c = byKey.get(`${gene}\u0000${cancer}`);
      const ok = c !== undefined && !c.note && Number.isFinite(c.hr) && c.hr > 0;
      if (!ok) {
        missing.push({ gene, cancer, note: c === undefined ? 'no data' : `not estimable${c.note ? `: ${c.note}` : ''}`, n: c?.n ?? null });
        if (c?.note) notEstimable.push(`${gene} in ${cancer} (${c.note})`);
        continue;
      }
      const log2hr = Math.log2(c.hr);
      const mark = significanceMark(c, fdrThreshold, pThreshold);
      values.push({
        gene,
        cancer,
        log2hr: Math.max(-L, Math.min(L, log2hr)),
        hrText: formatRatio(c.hr),
        pText: formatPValue(c.p),
        fdrText: c.fdr === null ? 'NA' : formatPValue(c.fdr),
        n: c.n,
        mark,
        markColor: Math.abs(log2hr) > 0.62 * L ? 'white' : TEXT_COLOR,
      });
    }
  }

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
    labelFontStyle: input.italicGenes === false ? 'normal' : 'italic',
  });
  const gradientLength = Math.max(100, Math.min(220, height));
  const legendValues = legendHrs(limit).map((v) => Math.log2(v));
  const steps = DIVERGING_BLUE_RED.length - 1;
  const color = {
    field: 'log2hr',
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
      title: [input.hrLabel ?? 'Hazard ratio', '(log2 colour scale)'],
      orient: 'right',
      direction: 'vertical',
      values: legendValues,
      labelExpr: "format(pow(2, datum.value), '.2~f')",
      gradientLength,
      gradientThickness: 12,
      titleFontWeight: 'bold',
      titlePadding: 8,
      offset: 14,
      tickCount: legendValues.length,
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
  const fdrLabel = `FDR < ${formatPValue(fdrThreshold)}`;
  const pLabel = `p < ${formatPValue(pThreshold)} (FDR \u2265 ${formatPValue(fdrThreshold)})`;
  const keyItems = [
    { symbol: '*', label: fdrLabel },
    { symbol: '\u00b7', label: pLabel },
    { symbol: '', label: 'not estimable / no data' },
  ];
  for (const k of keyItems) {
    if (k.symbol === '') {
      keySquares.push({ x: kx + 6, y: keyY, fill: MISSING_FILL });
    } else {
      text.push({ x: kx + 6, y: keyY + (k.symbol === '*' ? 4 : 0), text: k.symbol, align: 'center', bold: true, size: 17 });
    }
    text.push({ x: kx + 16, y: keyY, text: k.label, size: NOTE_SIZE, color: TEXT_COLOR });
    kx += 16 + estimateTextWidth(k.label, NOTE_SIZE) + 22;
  }
  const short = (v: number) => formatSignificant(v, 2);
  const note = `Colour: log2 hazard ratio, saturating at HR \u2264 ${short(1 / limit)} and \u2265 ${short(limit)}.`;
  text.push({ x: left, y: keyY + 18, text: note, size: NOTE_SIZE, color: MUTED_TEXT_COLOR });
  // the reasons, in the figure itself (a tooltip does not print)
  const shown = notEstimable.slice(0, 4);
  shown.forEach((t, k) => {
    const more = k === shown.length - 1 && notEstimable.length > shown.length ? `; and ${notEstimable.length - shown.length} more (pancan_genes.tsv)` : '';
    text.push({ x: left, y: keyY + 33 + 15 * k, text: `${k === 0 ? 'Not estimable: ' : ''}${t}${more}`, size: NOTE_SIZE, color: MUTED_TEXT_COLOR });
  });
  if (genes.length === 0 || cancers.length === 0) {
    text.push({ x: width / 2, y: height / 2, text: 'no data', align: 'center', italic: true, color: MUTED_TEXT_COLOR });
  }

  const tooltip = [
    { field: 'gene', type: 'nominal', title: 'Gene' },
    { field: 'cancer', type: 'nominal', title: 'Cancer' },
    { field: 'hrText', type: 'nominal', title: 'HR' },
    { field: 'pText', type: 'nominal', title: 'p' },
    { field: 'fdrText', type: 'nominal', title: 'FDR' },
    { field: 'n', type: 'quantitative', title: 'n' },
  ];
  const pos = { x: { field: 'x', type: 'quantitative', scale: null }, y: { field: 'y', type: 'quantitative', scale: null } };
  const layers: object[] = [
    {
      data: { values: missing },
      mark: { type: 'rect', color: MISSING_FILL, stroke: 'white', strokeWidth: 1 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'gene', type: 'nominal', title: 'Gene' },
          { field: 'cancer', type: 'nominal', title: 'Cancer' },
          { field: 'note', type: 'nominal', title: 'HR' },
        ],
      },
    },
    {
      data: { values },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: { x, y, color, tooltip },
    },
    {
      data: { values: values.filter((v) => (v as { mark: string }).mark === '*') },
      mark: { type: 'text', baseline: 'middle', align: 'center', fontSize: Math.round(cellSize * 0.72), fontWeight: 'bold', dy: Math.round(cellSize * 0.17) },
      encoding: { x, y, text: { field: 'mark', type: 'nominal' }, color: { field: 'markColor', type: 'nominal', scale: null } },
    },
    {
      data: { values: values.filter((v) => (v as { mark: string }).mark === '\u00b7') },
      mark: { type: 'text', baseline: 'middle', align: 'center', fontSize: Math.round(cellSize * 0.8), fontWeight: 'bold' },
      encoding: { x, y, text: { field: 'mark', type: 'nominal' }, color: { field: 'markColor', type: 'nominal', scale: null } },
    },
    {
      data: { values: keySquares },
      mark: { type: 'point', shape: 'square', filled: true, size: 110, opacity: 1 },
      encoding: { ...pos, color: { field: 'fill', type: 'nominal', scale: null } },
    },
    ...textLayers(text),
  ];

  return layeredFigure({
    description: 'Hazard ratio per gene and cancer (colour: log2 HR; * FDR, · nominal p)',
    title: input.title,
    subtitle: input.subtitle,
    width,
    height,
    layer: layers,
    resolve: { scale: { color: 'independent' } },
  });
}
