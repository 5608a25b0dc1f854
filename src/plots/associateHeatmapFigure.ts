// Variable × cancer heatmap of `migrascore associate`: colour = Spearman's rho of the score
// with each numeric variable within each cancer (R cor.test(method = "spearman")), as the
// pan-cancer TME figures of papers draw it, on the diverging blue–white–red scale of the
// other heatmaps; FDR stars in the cells (ggpubr's levels, as the compare figure), grey
// cells for untested pairs with the reason in the tooltip and counted in a note.
// Variables are the rows (long names read across), cancers the columns, as heatmapGrid.ts
// lays them out. Pure: same input → same JSON.

import type { TopLevelSpec } from 'vega-lite';
import { formatCount, formatP, formatPValue, formatSignificant } from '../format/numbers.js';
import type { AssociateRow, AssociateSkipped } from '../associate/types.js';
import { variableLabel, type VariableLabels } from './associateTypes.js';
import { log2fcTicks } from './compareGenesFigure.js';
import { moreStarsText } from './associateStyle.js';
import { fdrStars } from './compareStyle.js';
import { cellMarkColor, heatmapGrid, type HeatmapGridValue } from './heatmapGrid.js';

export interface AssociateHeatmapInput {
  /** associate.tsv rows; numeric ones (estimate set) of `variables` × `cancers` are drawn. */
  rows: AssociateRow[];
  /** associate_skipped.tsv rows; those with `level` null give the grey cells their reason. */
  skipped?: AssociateSkipped[];
  /** Columns, left to right. */
  cancers: string[];
  /** Rows, top to bottom (the numeric variables, in --vars order). */
  variables: string[];
  labels?: VariableLabels;
  /** The score with its method, e.g. "migrasome-core score (ssGSEA)". */
  scoreLabel: string;
  /** Default: "<scoreLabel>: Spearman correlation". */
  title?: string;
  subtitle?: string;
  /** Stars mark FDR below this (default 0.05; then 0.01, 0.001, 1e-4). */
  fdrThreshold?: number;
  /** Colours saturate at |rho| ≥ this (default: see `rhoLimit`; 1 for a fixed scale). */
  limit?: number;
}

const RHO_LIMITS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1];

/**
 * The colour limit: the smallest of 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1 at or above the largest
 * |rho| drawn (0.2 when none). A score's correlations with TME variables are mostly
 * |rho| < 0.5: on a fixed ±1 scale they would be pale and their signs hard to tell apart;
 * a round limit covering every cell keeps the colour proportional to rho (no cell clipped).
 */
export function rhoLimit(rhos: readonly number[]): number {
  let max = 0;
  for (const r of rhos) if (Number.isFinite(r)) max = Math.max(max, Math.abs(r));
  return RHO_LIMITS.find((c) => c >= max - 1e-12) ?? 1;
}

/** Readable row labels: the labels given, the column name where two variables would share one. */
function rowLabels(variables: string[], labels?: VariableLabels): string[] {
  const wanted = variables.map((v) => variableLabel(v, labels));
  const count = new Map<string, number>();
  for (const w of [...wanted, ...variables]) count.set(w, (count.get(w) ?? 0) + 1);
  return wanted.map((w, i) => (w !== variables[i] && (count.get(w) ?? 0) > 1 ? variables[i] : w));
}

/** The Spearman correlation heatmap as a layered Vega-Lite spec. */
export function associateHeatmapFigure(input: AssociateHeatmapInput): TopLevelSpec {
  const threshold = input.fdrThreshold ?? 0.05;
  const cancers = [...new Set(input.cancers)];
  const variables = [...new Set(input.variables)];
  const names = rowLabels(variables, input.labels);
  const key = (cancer: string, variable: string) => `${cancer}\u0000${variable}`;
  const tested = new Map<string, AssociateRow>();
  for (const r of input.rows) if (r.estimate !== null && Number.isFinite(r.estimate)) tested.set(key(r.cancer, r.variable), r);
  const untested = new Map<string, AssociateSkipped>();
  for (const s of input.skipped ?? []) if (s.level === null) untested.set(key(s.cancer, s.variable), s);
  const drawn = variables.flatMap((v) => cancers.map((c) => tested.get(key(c, v)))).filter((r) => r !== undefined);
  const limit = input.limit !== undefined && input.limit > 0 ? input.limit : rhoLimit(drawn.map((r) => r.estimate as number));

  const values: HeatmapGridValue[] = [];
  const missing: object[] = [];
  const reasons = new Map<string, number>();
  variables.forEach((variable, i) => {
    for (const cancer of cancers) {
      const r = tested.get(key(cancer, variable));
      if (r === undefined) {
        const s = untested.get(key(cancer, variable));
        const reason = s ? s.reason : 'no data';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        const n = s?.n != null ? ` (n = ${formatCount(s.n)})` : '';
        missing.push({ gene: names[i], cancer, variable, note: s ? `not tested: ${s.reason}${n}` : 'no data' });
        continue;
      }
      const rho = r.estimate as number;
      const stars = fdrStars(r.fdr, threshold);
      values.push({
        gene: names[i],
        cancer,
        variable,
        rho: Math.max(-limit, Math.min(limit, rho)),
        rhoText: formatSignificant(rho, 3),
        pText: formatP(r.p),
        fdrText: formatP(r.fdr),
        n: r.n,
        method: r.method,
        mark: stars.startsWith('*') ? stars : '',
        markColor: cellMarkColor(rho, limit),
      });
    }
  });

  const more = moreStarsText(threshold);
  const grey = [...reasons.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([reason, k]) => `${reason} ${k}`);
  const notes = [
    `Colour: Spearman's \u03c1 of the score with each variable within each cancer; scale \u00b1${formatSignificant(limit, 2)}.`,
    "p: R cor.test(method = \"spearman\"); FDR: Benjamini\u2013Hochberg over all tests of the run.",
  ];
  if (grey.length > 0) notes.push(`Grey, not tested (cells): ${grey.join(', ')}.`);
  const one = cancers.length === 1;
  return heatmapGrid({
    description: `Spearman correlation of ${input.scoreLabel} with each variable per cancer; stars: FDR < ${formatPValue(threshold)}`,
    title: input.title ?? `${input.scoreLabel}: Spearman correlation${one ? '' : ' per cancer'}`,
    subtitle: input.subtitle,
    genes: names,
    cancers,
    values,
    missing,
    colorField: 'rho',
    limit,
    legendTitle: "Spearman's \u03c1",
    legendValues: log2fcTicks(limit),
    legendLabelExpr: "format(datum.value, '~g')",
    tooltip: [
      { field: 'variable', type: 'nominal', title: 'Variable' },
      { field: 'cancer', type: 'nominal', title: 'Cancer' },
      { field: 'rhoText', type: 'nominal', title: 'rho' },
      { field: 'pText', type: 'nominal', title: 'p' },
      { field: 'fdrText', type: 'nominal', title: 'FDR' },
      { field: 'n', type: 'quantitative', title: 'n' },
      { field: 'method', type: 'nominal', title: 'Method' },
    ],
    missingTooltip: [
      { field: 'variable', type: 'nominal', title: 'Variable' },
      { field: 'cancer', type: 'nominal', title: 'Cancer' },
      { field: 'note', type: 'nominal', title: 'rho' },
    ],
    keyItems: [
      { symbol: '*', label: `FDR < ${formatPValue(threshold)}${more ? ` (${more})` : ''}` },
      { symbol: '', label: 'not tested' },
    ],
    notes,
    italicGenes: false,
  });
}
