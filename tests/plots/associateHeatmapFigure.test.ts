import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { associateHeatmapFigure, rhoLimit } from '../../src/plots/associateHeatmapFigure.js';
import type { AssociateRow, AssociateSkipped, SkipReason } from '../../src/associate/types.js';
import { MISSING_FILL } from '../../src/plots/palette.js';
import { svgToPng } from '../../src/plots/png.js';
import { renderSvg } from '../../src/plots/render.js';
import { svgTexts as texts } from '../helpers/svg.js';

type Layer = {
  data: { values: Record<string, unknown>[] };
  mark: { type: string; color?: string; fontSize?: number };
  encoding: Record<string, { field?: string; scale?: { domain: number[]; range: string[] }; legend?: { title: string; values: number[] } }>;
};
const layersOf = (spec: object) => (spec as { layer: Layer[] }).layer;
const cellsOf = (spec: object) => layersOf(spec).find((l) => l.mark.type === 'rect' && l.encoding.color)!.data.values;
const greyOf = (spec: object) => layersOf(spec).find((l) => l.mark.type === 'rect' && l.mark.color === MISSING_FILL)!.data.values;

function spearman(cancer: string, variable: string, rho: number, fdr: number | null, n = 80): AssociateRow {
  return { cancer, variable, type: 'numeric', n, estimate: rho, statistic: 1000, df: null, p: fdr === null ? null : fdr / 2, method: 'spearman-asymptotic', fdr };
}
const skip = (cancer: string, variable: string, reason: SkipReason, n: number): AssociateSkipped => ({ cancer, variable, level: null, n, reason });

const scoreLabel = 'migrasome-core score (ssGSEA)';
const cancers = ['BLCA', 'KIRC', 'LIHC'];
const variables = ['leukocyte_fraction', 'tmb_nonsilent_per_mb', 'timer_cd8_t_cell'];
const rows: AssociateRow[] = [
  spearman('BLCA', 'leukocyte_fraction', 0.42, 5e-5), // ****
  spearman('BLCA', 'tmb_nonsilent_per_mb', -0.31, 5e-4), // ***
  spearman('BLCA', 'timer_cd8_t_cell', 0.12, 5e-3), // **
  spearman('KIRC', 'leukocyte_fraction', -0.05, 0.04), // *
  spearman('KIRC', 'tmb_nonsilent_per_mb', 0.2, 0.05), // not below 0.05: no star
  // KIRC × timer_cd8_t_cell: skipped (constant)
  spearman('LIHC', 'leukocyte_fraction', 0.08, null),
  // LIHC × tmb: skipped (min-samples); LIHC × timer: no row at all
  { cancer: 'BLCA', variable: 'gender', type: 'categorical', n: 80, estimate: null, statistic: 700, df: null, p: 0.3, method: 'wilcoxon-exact', fdr: 0.5 }, // categorical: not a row
];
const skipped: AssociateSkipped[] = [skip('KIRC', 'timer_cd8_t_cell', 'constant', 75), skip('LIHC', 'tmb_nonsilent_per_mb', 'min-samples', 7), { cancer: 'BLCA', variable: 'gender', level: 'X', n: 1, reason: 'min-level' }];
const labels = { leukocyte_fraction: 'Leukocyte fraction', timer_cd8_t_cell: 'CD8+ T cells (TIMER)' };
const input = { rows, skipped, cancers, variables, labels, scoreLabel, subtitle: 'TCGA, tcga-tme' };

describe('rhoLimit', () => {
  it('is the smallest round limit at or above the largest |rho|', () => {
    expect(rhoLimit([0.42, -0.31])).toBe(0.5);
    expect(rhoLimit([-0.6])).toBe(0.6);
    expect(rhoLimit([0.05])).toBe(0.2);
    expect(rhoLimit([0.81, NaN])).toBe(1);
    expect(rhoLimit([])).toBe(0.2);
  });
});

describe('associateHeatmapFigure', () => {
  const spec = associateHeatmapFigure(input);

  it('colours every tested cell by rho on a ±limit diverging scale, deterministically', () => {
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(associateHeatmapFigure(input))).toBe(json);
    expect(() => compile(spec)).not.toThrow();
    const cells = cellsOf(spec);
    expect(cells.map((c) => `${c.variable}/${c.cancer}`)).toEqual([
      'leukocyte_fraction/BLCA',
      'leukocyte_fraction/KIRC',
      'leukocyte_fraction/LIHC',
      'tmb_nonsilent_per_mb/BLCA',
      'tmb_nonsilent_per_mb/KIRC',
      'timer_cd8_t_cell/BLCA',
    ]);
    const blca = cells[0];
    expect(blca).toMatchObject({ gene: 'Leukocyte fraction', rho: 0.42, rhoText: '0.42', fdrText: '5e-05', pText: '2.5e-05', n: 80, method: 'spearman-asymptotic' });
    const color = layersOf(spec).find((l) => l.mark.type === 'rect' && l.encoding.color)!.encoding.color;
    expect(color.field).toBe('rho');
    expect(color.scale!.domain[0]).toBeCloseTo(-0.5, 12);
    expect(color.scale!.domain[8]).toBeCloseTo(0.5, 12);
    expect(color.legend!.values).toEqual([-0.5, -0.25, 0, 0.25, 0.5]);
    // a fixed ±1 scale on request; a rho beyond a smaller limit is clamped (its text is not)
    const fixed = associateHeatmapFigure({ ...input, limit: 1 });
    expect(layersOf(fixed).find((l) => l.mark.type === 'rect' && l.encoding.color)!.encoding.color.legend!.values).toEqual([-1, -0.5, 0, 0.5, 1]);
    const clamped = cellsOf(associateHeatmapFigure({ ...input, limit: 0.3 }))[0];
    expect(clamped).toMatchObject({ rho: 0.3, rhoText: '0.42' });
  });

  it('stars cells by FDR level (****, ***, **, *) and leaves FDR ≥ 0.05 or NA blank', async () => {
    const marks = Object.fromEntries(cellsOf(spec).map((c) => [`${c.variable}/${c.cancer}`, c.mark]));
    expect(marks).toEqual({
      'leukocyte_fraction/BLCA': '****',
      'tmb_nonsilent_per_mb/BLCA': '***',
      'timer_cd8_t_cell/BLCA': '**',
      'leukocyte_fraction/KIRC': '*',
      'tmb_nonsilent_per_mb/KIRC': '',
      'leukocyte_fraction/LIHC': '',
    });
    // each level drawn by its own text layer, smaller as it lengthens
    const starLayers = layersOf(spec).filter((l) => l.mark.type === 'text' && l.encoding.text?.field === 'mark');
    const sizes = Object.fromEntries(starLayers.filter((l) => l.data.values.length > 0).map((l) => [l.data.values[0].mark, l.mark.fontSize]));
    expect(Object.keys(sizes).sort()).toEqual(['*', '**', '***', '****']);
    expect(sizes['****']).toBeLessThan(sizes['*']!);
    const t = texts(await renderSvg(spec));
    for (const m of ['****', '***', '**']) expect(t.filter((x) => x === m)).toHaveLength(1);
    expect(t.filter((x) => x === '*')).toHaveLength(2); // KIRC's cell and the key
    expect(t).toContain('FDR < 0.05 (** < 0.01, *** < 0.001, **** < 1e-04)');
    // a stricter threshold
    const strict = cellsOf(associateHeatmapFigure({ ...input, fdrThreshold: 0.01 }));
    expect(strict.filter((c) => c.mark !== '').map((c) => c.mark)).toEqual(['***', '**', '*']); // FDR < 1e-4 → ***, < 0.001 → **, < 0.01 → *
  });

  it('greys untested cells with the reason in the tooltip and counts them in a note', async () => {
    const grey = greyOf(spec);
    expect(grey.map((g) => `${g.variable}/${g.cancer}: ${g.note}`)).toEqual([
      'tmb_nonsilent_per_mb/LIHC: not tested: min-samples (n = 7)',
      'timer_cd8_t_cell/KIRC: not tested: constant (n = 75)',
      'timer_cd8_t_cell/LIHC: no data',
    ]);
    const tooltip = layersOf(spec).find((l) => l.mark.type === 'rect' && l.mark.color === MISSING_FILL)!.encoding.tooltip as unknown as { field: string }[];
    expect(tooltip.map((f) => f.field)).toContain('note');
    const t = texts(await renderSvg(spec));
    expect(t).toContain('Grey, not tested (cells): constant 1, min-samples 1, no data 1.');
    expect(t).toContain('not tested');
  });

  it('labels rows with the given labels, titles the score and Spearman correlation', async () => {
    const t = texts(await renderSvg(spec));
    expect(t).toContain('Leukocyte fraction');
    expect(t).toContain('CD8+ T cells (TIMER)');
    expect(t).toContain('tmb_nonsilent_per_mb'); // no label: the column name
    expect(t).not.toContain('leukocyte_fraction');
    expect(t).not.toContain('gender');
    for (const c of cancers) expect(t).toContain(c);
    expect(t).toContain('migrasome-core score (ssGSEA): Spearman correlation per cancer');
    expect(t).toContain('TCGA, tcga-tme');
    expect(t).toContain("Spearman's \u03c1");
    expect(t).toContain('Colour: Spearman\'s \u03c1 of the score with each variable within each cancer; scale \u00b10.5.');
    // two variables given one label: both keep their column names
    const clash = cellsOf(associateHeatmapFigure({ ...input, labels: { leukocyte_fraction: 'Immune', timer_cd8_t_cell: 'Immune' } }));
    expect(new Set(clash.map((c) => c.gene))).toEqual(new Set(['leukocyte_fraction', 'tmb_nonsilent_per_mb', 'timer_cd8_t_cell']));
  });

  it('draws one pooled cohort and one variable', async () => {
    const one = associateHeatmapFigure({ rows: [spearman('all', 'leukocyte_fraction', -0.22, 0.001)], cancers: ['all'], variables: ['leukocyte_fraction'], scoreLabel });
    expect(cellsOf(one)).toHaveLength(1);
    expect(greyOf(one)).toHaveLength(0);
    const t = texts(await renderSvg(one));
    expect(t).toContain('migrasome-core score (ssGSEA): Spearman correlation');
    expect(t).toContain('**'); // FDR 0.001: not below 0.001
    expect(t).toContain('all');
    expect(t.join(' ')).not.toMatch(/Grey, not tested/);
  });

  it('keeps 33 cancers × 20 variables readable and renders to PNG', async () => {
    const many = Array.from({ length: 33 }, (_v, i) => `C${String(i).padStart(2, '0')}`);
    const vars = Array.from({ length: 20 }, (_v, j) => `variable_number_${j}`);
    const big = associateHeatmapFigure({
      rows: many.flatMap((c, i) => vars.map((v, j) => spearman(c, v, Math.sin(i + 3 * j) * 0.7, 10 ** -((i + j) % 6)))),
      cancers: many,
      variables: vars,
      scoreLabel,
    });
    const w = (big as unknown as { width: number }).width;
    const h = (big as unknown as { height: number }).height;
    expect(w / 33).toBeGreaterThanOrEqual(14);
    expect(h / 20).toBeGreaterThanOrEqual(14);
    expect(w).toBeLessThanOrEqual(800);
    expect(cellsOf(big)).toHaveLength(660);
    const svg = await renderSvg(big);
    const t = texts(svg);
    for (const c of many) expect(t).toContain(c);
    for (const v of vars) expect(t).toContain(v);
    const png = svgToPng(svg);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
  });
});
