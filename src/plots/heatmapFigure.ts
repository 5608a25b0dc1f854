// Gene × cancer heatmap of hazard ratios as a Vega-Lite spec: colour = log2(HR) on a
// diverging blue–white–red scale (ColorBrewer RdBu, colour-blind safe) symmetric around
// 0 and clamped to ±log2 of a round HR, '*' where FDR < threshold and '·' where only the
// nominal p < 0.05, missing / not estimable cells in grey, with a key under the grid
// (laid out by heatmapGrid.ts, shared with the log2 fold-change heatmap of `compare`).
// Pure: same input → same JSON (data inline, no NaN — null instead).

import type { TopLevelSpec } from 'vega-lite';
import { formatPValue, formatRatio, formatSignificant } from '../format/numbers.js';
import { cellMarkColor, heatmapGrid, roundColorLimit, type HeatmapGridValue } from './heatmapGrid.js';

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

const HR_LIMITS = [2, 3, 4, 8];

/**
 * The colour limit as a hazard ratio: the smallest of 2, 3, 4, 8 covering the 95th
 * percentile of |log2 HR| over the estimable cells (8 when none does).
 */
export function heatmapHrLimit(cells: (Pick<HeatmapCell, 'hr'> & { note?: string | null })[]): number {
  const a = cells.filter((c) => !c.note && Number.isFinite(c.hr) && c.hr > 0).map((c) => Math.abs(Math.log2(c.hr)));
  return roundColorLimit(a, HR_LIMITS, Math.log2);
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

/** The gene × cancer heatmap as a layered Vega-Lite spec. */
export function heatmapFigure(input: HeatmapFigureInput): TopLevelSpec {
  const fdrThreshold = input.fdrThreshold ?? 0.05;
  const pThreshold = input.pThreshold ?? 0.05;
  const genes = [...new Set(input.genes)];
  const cancers = [...new Set(input.cancers)];
  const limit = input.hrLimit !== undefined && input.hrLimit > 1 ? input.hrLimit : heatmapHrLimit(input.cells);
  const L = Math.log2(limit);

  // one entry per (gene, cancer) of the grid; the last cell given for a pair wins
  const byKey = new Map<string, HeatmapCell>();
  const geneSet = new Set(genes);
  const cancerSet = new Set(cancers);
  for (const c of input.cells) if (geneSet.has(c.gene) && cancerSet.has(c.cancer)) byKey.set(`${c.gene}\u0000${c.cancer}`, c);
  const values: HeatmapGridValue[] = [];
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
        markColor: cellMarkColor(log2hr, L),
      });
    }
  }

  const fdrLabel = `FDR < ${formatPValue(fdrThreshold)}`;
  const pLabel = `p < ${formatPValue(pThreshold)} (FDR \u2265 ${formatPValue(fdrThreshold)})`;
  const short = (v: number) => formatSignificant(v, 2);
  const notes = [`Colour: log2 hazard ratio, saturating at HR \u2264 ${short(1 / limit)} and \u2265 ${short(limit)}.`];
  // the reasons, in the figure itself (a tooltip does not print)
  const shown = notEstimable.slice(0, 4);
  shown.forEach((t, k) => {
    const more = k === shown.length - 1 && notEstimable.length > shown.length ? `; and ${notEstimable.length - shown.length} more (pancan_genes.tsv)` : '';
    notes.push(`${k === 0 ? 'Not estimable: ' : ''}${t}${more}`);
  });

  return heatmapGrid({
    description: 'Hazard ratio per gene and cancer (colour: log2 HR; * FDR, \u00b7 nominal p)',
    title: input.title,
    subtitle: input.subtitle,
    genes,
    cancers,
    values,
    missing,
    colorField: 'log2hr',
    limit: L,
    legendTitle: [input.hrLabel ?? 'Hazard ratio', '(log2 colour scale)'],
    legendValues: legendHrs(limit).map((v) => Math.log2(v)),
    legendLabelExpr: "format(pow(2, datum.value), '.2~f')",
    tooltip: [
      { field: 'gene', type: 'nominal', title: 'Gene' },
      { field: 'cancer', type: 'nominal', title: 'Cancer' },
      { field: 'hrText', type: 'nominal', title: 'HR' },
      { field: 'pText', type: 'nominal', title: 'p' },
      { field: 'fdrText', type: 'nominal', title: 'FDR' },
      { field: 'n', type: 'quantitative', title: 'n' },
    ],
    missingTooltip: [
      { field: 'gene', type: 'nominal', title: 'Gene' },
      { field: 'cancer', type: 'nominal', title: 'Cancer' },
      { field: 'note', type: 'nominal', title: 'HR' },
    ],
    keyItems: [
      { symbol: '*', label: fdrLabel },
      { symbol: '\u00b7', label: pLabel },
      { symbol: '', label: 'not estimable / no data' },
    ],
    notes,
    italicGenes: input.italicGenes !== false,
  });
}
