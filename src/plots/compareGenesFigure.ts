// Gene × cancer heatmap of `compare --per-gene`: colour = log2 fold change (mean log2
// expression of the case minus the reference, as compare_genes.tsv) on the diverging
// blue–white–red scale symmetric around 0 and clamped to ± a round limit, '*' where the
// per-gene Wilcoxon FDR < threshold, grey where there is no value. Laid out by
// heatmapGrid.ts like the hazard-ratio heatmap of `pancan`.
// Pure: same input → same JSON (data inline, no NaN — null instead).

import type { TopLevelSpec } from 'vega-lite';
import type { CompareGeneRow, CompareLevels } from '../compare/types.js';
import { formatP, formatPValue, formatSignificant } from '../format/numbers.js';
import { significanceMark } from './heatmapFigure.js';
import { cellMarkColor, heatmapGrid, roundColorLimit, type HeatmapGridValue } from './heatmapGrid.js';

export interface CompareGenesFigureInput {
  rows: CompareGeneRow[];
  /** Rows of the grid, top to bottom (the set's genes in its order). */
  genes: string[];
  /** Columns, left to right. */
  cancers: string[];
  levels: CompareLevels;
  /** Default: "<case> vs <reference>: log2 fold change per gene". */
  title?: string;
  /** Second title line: set, cancers, test. */
  subtitle?: string;
  /** '*' marks FDR below this (default 0.05). */
  fdrThreshold?: number;
  /** Colours saturate at |log2 FC| ≥ this (default: from the data, see `log2fcLimit`). */
  limit?: number;
}

const FC_LIMITS = [0.5, 1, 1.5, 2, 3, 4, 6, 8];

/** The colour limit: the smallest of 0.5, 1, 1.5, 2, 3, 4, 6, 8 covering the 95th percentile of |log2 FC| (1 when none). */
export function log2fcLimit(rows: Pick<CompareGeneRow, 'log2fc'>[]): number {
  const a = rows.filter((r) => r.log2fc !== null && Number.isFinite(r.log2fc)).map((r) => Math.abs(r.log2fc as number));
  return a.length === 0 ? 1 : roundColorLimit(a, FC_LIMITS);
}

/** Legend ticks from −limit to +limit: quarter steps up to 1, half steps to 1.5, whole to 4, then 2. */
export function log2fcTicks(limit: number): number[] {
  const step = limit <= 1 ? limit / 2 : limit <= 1.5 ? 0.5 : limit <= 4 ? 1 : 2;
  const out: number[] = [];
  const k = Math.floor(limit / step + 1e-9);
  for (let i = -k; i <= k; i++) out.push(Number((i * step).toPrecision(12)));
  return out;
}

/** The log2 fold-change heatmap as a layered Vega-Lite spec. */
export function compareGenesFigure(input: CompareGenesFigureInput): TopLevelSpec {
  const fdrThreshold = input.fdrThreshold ?? 0.05;
  const { case: caseName, reference } = input.levels;
  const genes = [...new Set(input.genes)];
  const cancers = [...new Set(input.cancers)];
  const geneSet = new Set(genes);
  const cancerSet = new Set(cancers);
  const byKey = new Map<string, CompareGeneRow>();
  for (const r of input.rows) if (geneSet.has(r.gene) && cancerSet.has(r.cancer)) byKey.set(`${r.gene}\u0000${r.cancer}`, r);
  const limit = input.limit !== undefined && input.limit > 0 ? input.limit : log2fcLimit([...byKey.values()]);

  const values: HeatmapGridValue[] = [];
  const missing: object[] = [];
  for (const gene of genes) {
    for (const cancer of cancers) {
      const r = byKey.get(`${gene}\u0000${cancer}`);
      if (r === undefined || r.log2fc === null || !Number.isFinite(r.log2fc)) {
        missing.push({ gene, cancer, note: r === undefined ? 'no data' : 'NA' });
        continue;
      }
      values.push({
        gene,
        cancer,
        log2fc: Math.max(-limit, Math.min(limit, r.log2fc)),
        fcText: formatSignificant(r.log2fc, 3),
        caseText: formatSignificant(r.mean_case, 4),
        referenceText: formatSignificant(r.mean_reference, 4),
        pText: formatP(r.p),
        fdrText: formatP(r.fdr),
        nText: `${r.n_case} / ${r.n_reference}`,
        mark: significanceMark({ p: NaN, fdr: r.fdr }, fdrThreshold, 0),
        markColor: cellMarkColor(r.log2fc, limit),
      });
    }
  }

  const diff = `${caseName} \u2212 ${reference}`;
  const short = (v: number) => formatSignificant(v, 2);
  return heatmapGrid({
    description: `log2 fold change (${diff}) per gene and cancer; * FDR < ${formatPValue(fdrThreshold)}`,
    title: input.title ?? `${caseName} vs ${reference}: log2 fold change per gene`,
    subtitle: input.subtitle,
    genes,
    cancers,
    values,
    missing,
    colorField: 'log2fc',
    limit,
    legendTitle: ['log2 fold change', `(${diff})`],
    legendValues: log2fcTicks(limit),
    legendLabelExpr: "format(datum.value, '~g')",
    tooltip: [
      { field: 'gene', type: 'nominal', title: 'Gene' },
      { field: 'cancer', type: 'nominal', title: 'Cancer' },
      { field: 'fcText', type: 'nominal', title: 'log2 FC' },
      { field: 'caseText', type: 'nominal', title: `Mean ${caseName}` },
      { field: 'referenceText', type: 'nominal', title: `Mean ${reference}` },
      { field: 'pText', type: 'nominal', title: 'p' },
      { field: 'fdrText', type: 'nominal', title: 'FDR' },
      { field: 'nText', type: 'nominal', title: `n (${caseName} / ${reference})` },
    ],
    missingTooltip: [
      { field: 'gene', type: 'nominal', title: 'Gene' },
      { field: 'cancer', type: 'nominal', title: 'Cancer' },
      { field: 'note', type: 'nominal', title: 'log2 FC' },
    ],
    keyItems: [
      { symbol: '*', label: `FDR < ${formatPValue(fdrThreshold)}` },
      { symbol: '', label: 'no data' },
    ],
    notes: [
      `Colour: log2 fold change = mean ${caseName} \u2212 mean ${reference} (log2 scale); saturating at \u00b1${short(limit)}.`,
      'Two-sided Wilcoxon rank-sum test per gene and cancer; FDR: Benjamini\u2013Hochberg over all gene \u00d7 cancer tests.',
    ],
    italicGenes: true,
  });
}
