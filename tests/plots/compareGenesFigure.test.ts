import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { CompareGeneRow } from '../../src/compare/types.js';
import { compareGenesFigure, log2fcLimit, log2fcTicks } from '../../src/plots/compareGenesFigure.js';
import { MISSING_FILL } from '../../src/plots/palette.js';
import { renderSvg } from '../../src/plots/render.js';
import { svgTexts as texts } from '../helpers/svg.js';

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; color?: string }; encoding: Record<string, { field?: string; scale?: { domain: number[]; range: string[] }; legend?: { title: string[]; values: number[] } }> };

function geneRow(cancer: string, gene: string, log2fc: number | null, fdr: number | null): CompareGeneRow {
  return { cancer, gene, n_case: 20, n_reference: 5, mean_case: log2fc === null ? null : 8 + log2fc, mean_reference: 8, log2fc, statistic: 10, p: fdr, fdr };
}

const genes = ['TSPAN4', 'ITGB1', 'CPQ'];
const cancers = ['BLCA', 'KIRC', 'LIHC'];
const rows = [
  geneRow('BLCA', 'TSPAN4', 1.2, 0.001),
  geneRow('BLCA', 'ITGB1', -0.8, 0.2),
  geneRow('BLCA', 'CPQ', -5, 0.04), // beyond the colour limit: clamped
  geneRow('KIRC', 'TSPAN4', 0.3, null),
  geneRow('KIRC', 'ITGB1', null, null), // no fold change: grey
  geneRow('KIRC', 'CPQ', 0.9, 0.049),
  geneRow('LIHC', 'TSPAN4', -1.9, 0.05),
  // LIHC × ITGB1 and LIHC × CPQ absent: grey
  geneRow('OTHER', 'TSPAN4', 3, 0.001), // not in the grid
];
const levels = { case: 'tumour', reference: 'normal' };

describe('log2 fold-change colour limit and ticks', () => {
  it('takes a round limit covering the 95th percentile of |log2 FC|', () => {
    expect(log2fcLimit([{ log2fc: 0.2 }, { log2fc: -0.4 }])).toBe(0.5);
    expect(log2fcLimit([{ log2fc: 1.2 }, { log2fc: -0.4 }])).toBe(1.5);
    expect(log2fcLimit([{ log2fc: 30 }])).toBe(8);
    expect(log2fcLimit([{ log2fc: null }])).toBe(1);
    expect(log2fcLimit([])).toBe(1);
  });
  it('ticks symmetric around 0', () => {
    expect(log2fcTicks(0.5)).toEqual([-0.5, -0.25, 0, 0.25, 0.5]);
    expect(log2fcTicks(1.5)).toEqual([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
    expect(log2fcTicks(3)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(log2fcTicks(6)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
  });
});

describe('compareGenesFigure', () => {
  const input = { rows, genes, cancers, levels, subtitle: 'migrasome-core genes; two-sided Wilcoxon rank-sum test' };
  const spec = compareGenesFigure(input);
  const layers = (spec as unknown as { layer: Layer[] }).layer;
  const coloured = layers.find((l) => l.mark.type === 'rect' && l.encoding.color)!;

  it('colours log2 FC on a diverging scale symmetric around 0, clamped, deterministic', () => {
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(compareGenesFigure(input))).toBe(json);
    expect(() => compile(spec)).not.toThrow();
    const scale = coloured.encoding.color.scale!;
    expect(scale.domain[0]).toBe(-scale.domain[scale.domain.length - 1]);
    expect(scale.domain[4]).toBe(0);
    expect(scale.range[4]).toBe('#f7f7f7');
    expect(coloured.encoding.color.field).toBe('log2fc');
    const limit = scale.domain[scale.domain.length - 1];
    const v = coloured.data.values;
    expect(v).toHaveLength(6);
    expect(limit).toBe(6); // with 6 cells the 95th percentile is the largest |log2 FC|, 5
    const fixed = compareGenesFigure({ ...input, limit: 2 });
    const fixedCells = (fixed as unknown as { layer: Layer[] }).layer.find((l) => l.mark.type === 'rect' && l.encoding.color)!.data.values;
    expect(fixedCells.find((c) => c.gene === 'CPQ' && c.cancer === 'BLCA')!.log2fc).toBe(-2);
    expect(v.find((c) => c.gene === 'CPQ' && c.cancer === 'BLCA')!.fcText).toBe('-5');
    expect(v.find((c) => c.gene === 'TSPAN4' && c.cancer === 'BLCA')!.log2fc).toBe(1.2);
    expect(coloured.encoding.color.legend!.title).toEqual(['log2 fold change', '(tumour \u2212 normal)']);
  });

  it("marks '*' only where FDR < 0.05 and greys cells without a value", () => {
    const marked = coloured.data.values.filter((c) => c.mark === '*').map((c) => `${c.gene}/${c.cancer}`);
    expect(marked).toEqual(['TSPAN4/BLCA', 'CPQ/BLCA', 'CPQ/KIRC']);
    expect(coloured.data.values.filter((c) => c.mark !== '*' && c.mark !== '').length).toBe(0);
    const missing = layers.find((l) => l.mark.type === 'rect' && l.mark.color === MISSING_FILL)!;
    expect(missing.data.values.map((c) => `${c.gene}/${c.cancer}`)).toEqual(['ITGB1/KIRC', 'ITGB1/LIHC', 'CPQ/LIHC']);
    const strict = compareGenesFigure({ ...input, fdrThreshold: 0.01 });
    const strictMarks = (strict as unknown as { layer: Layer[] }).layer.find((l) => l.mark.type === 'rect' && l.encoding.color)!.data.values.filter((c) => c.mark === '*');
    expect(strictMarks.map((c) => c.gene)).toEqual(['TSPAN4']);
  });

  it('renders genes in italics, cancers, marks, legend and the test', async () => {
    const svg = await renderSvg(spec);
    const t = texts(svg);
    for (const g of genes) expect(svg).toMatch(new RegExp(`font-style="italic"[^>]*>${g}<`));
    for (const c of cancers) expect(t).toContain(c);
    expect(t.filter((s) => s === '*')).toHaveLength(4); // three cells and the key
    expect(t).toContain('FDR < 0.05');
    expect(t).toContain('no data');
    expect(t).toContain('log2 fold change');
    expect(t).toContain('(tumour \u2212 normal)');
    expect(t).toContain('tumour vs normal: log2 fold change per gene');
    expect(t.join(' ')).toContain('FDR: Benjamini\u2013Hochberg over all gene \u00d7 cancer tests.');
    expect(svg).not.toMatch(/NaN/);
  });

  it('handles one cell, an empty grid and many cancers', async () => {
    for (const s of [
      compareGenesFigure({ rows: [geneRow('all', 'A', 0.5, 0.01)], genes: ['A'], cancers: ['all'], levels }),
      compareGenesFigure({ rows: [], genes: [], cancers: [], levels }),
      compareGenesFigure({
        rows: Array.from({ length: 33 }, (_v, i) => geneRow(`C${i}`, 'A', Math.sin(i), 0.01 * i)),
        genes: ['A', 'B'],
        cancers: Array.from({ length: 33 }, (_v, i) => `C${i}`),
        levels,
      }),
    ]) {
      expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
      expect(await renderSvg(s)).not.toMatch(/NaN/);
    }
  });
});
