import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { heatmapFigure, heatmapHrLimit, significanceMark, type HeatmapCell } from '../../src/plots/heatmapFigure.js';
import { MISSING_FILL } from '../../src/plots/palette.js';
import { renderSvg } from '../../src/plots/render.js';

/** The text content of every <text> element, and of each line (<tspan>) of multi-line ones. */
function texts(svg: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const plain = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
  const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]));
  return [...plain, ...lines];
}

const genes = ['TSPAN4', 'ITGB1', 'CPQ'];
const cancers = ['BRCA', 'KIRC', 'LGG', 'TGCT'];
const cells: HeatmapCell[] = [
  { gene: 'TSPAN4', cancer: 'BRCA', hr: 0.8, p: 0.2, fdr: 0.4, n: 1000 },
  { gene: 'TSPAN4', cancer: 'KIRC', hr: 2.4, p: 1e-5, fdr: 1e-4, n: 530 },
  { gene: 'TSPAN4', cancer: 'LGG', hr: 1.3, p: 0.03, fdr: 0.09, n: 510 },
  { gene: 'ITGB1', cancer: 'BRCA', hr: 0.4, p: 0.001, fdr: 0.01, n: 1000 },
  { gene: 'ITGB1', cancer: 'KIRC', hr: NaN, p: NaN, fdr: null, n: 530 },
  { gene: 'ITGB1', cancer: 'LGG', hr: 40, p: 0.5, fdr: 0.7, n: 510 },
  { gene: 'CPQ', cancer: 'BRCA', hr: 1, p: 1, fdr: 1, n: 1000 },
  // CPQ × KIRC, CPQ × LGG and the whole TGCT column are missing
  { gene: 'OTHER', cancer: 'BRCA', hr: 2, p: 0.01, fdr: 0.01, n: 1 }, // not in the grid: ignored
];

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string }; encoding: Record<string, { scale?: { domain: number[]; range: string[] } }> };

describe('heatmap helpers', () => {
  it('marks significance', () => {
    expect(significanceMark({ p: 1e-5, fdr: 1e-4 })).toBe('*');
    expect(significanceMark({ p: 0.03, fdr: 0.09 })).toBe('\u00b7');
    expect(significanceMark({ p: 0.2, fdr: 0.4 })).toBe('');
    expect(significanceMark({ p: 0.03, fdr: null })).toBe('\u00b7');
    expect(significanceMark({ p: NaN, fdr: null })).toBe('');
    expect(significanceMark({ p: 0.03, fdr: 0.09 }, 0.1)).toBe('*');
  });
  it('picks a round colour limit', () => {
    expect(heatmapHrLimit([{ hr: 1.2 }, { hr: 0.9 }])).toBe(2);
    expect(heatmapHrLimit([{ hr: 2.5 }, { hr: 0.5 }])).toBe(3);
    expect(heatmapHrLimit([{ hr: 100 }])).toBe(8);
    expect(heatmapHrLimit([{ hr: NaN }])).toBe(2);
    expect(heatmapHrLimit([])).toBe(2);
  });
});

describe('heatmapFigure', () => {
  const spec = heatmapFigure({ genes, cancers, cells, title: 'Per-gene Cox models' });
  const layers = (spec as unknown as { layer: Layer[] }).layer;

  it('is deterministic JSON without NaN, with a symmetric clamped diverging scale, and compiles', () => {
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(json).toBe(JSON.stringify(heatmapFigure({ genes, cancers, cells, title: 'Per-gene Cox models' })));
    expect(() => compile(spec)).not.toThrow();
    const colored = layers.find((l) => l.encoding?.color?.scale)!;
    const domain = colored.encoding.color.scale!.domain;
    expect(domain[0]).toBeCloseTo(-domain[domain.length - 1], 12);
    expect(domain[(domain.length - 1) / 2]).toBeCloseTo(0, 12);
    expect(colored.encoding.color.scale!.range[(domain.length - 1) / 2]).toBe('#f7f7f7');
    const values = colored.data.values;
    expect(values).toHaveLength(6);
    const lgg = values.find((v) => v.gene === 'ITGB1' && v.cancer === 'LGG')!;
    expect(lgg.log2hr).toBeCloseTo(domain[domain.length - 1], 12); // HR 40 clamped
    expect(lgg.hrText).toBe('40.00');
  });

  it('greys missing and non-estimable cells', () => {
    const missing = layers.find((l) => l.mark.type === 'rect' && (l.mark as { color?: string }).color === MISSING_FILL)!;
    expect(missing.data.values).toHaveLength(12 - 6);
    expect(missing.data.values.map((v) => `${v.gene}/${v.cancer}`)).toContain('ITGB1/KIRC');
    expect(missing.data.values.map((v) => `${v.gene}/${v.cancer}`)).toContain('CPQ/TGCT');
  });

  it('renders genes, cancers, marks and the key', async () => {
    const svg = await renderSvg(spec);
    const t = texts(svg);
    for (const g of genes) expect(t).toContain(g);
    for (const c of cancers) expect(t).toContain(c);
    expect(t.filter((s) => s === '*').length).toBe(3); // KIRC, BRCA cells + key
    expect(t.filter((s) => s === '\u00b7').length).toBe(2); // LGG cell + key
    expect(t).toContain('FDR < 0.05');
    expect(t).toContain('p < 0.05 (FDR \u2265 0.05)');
    expect(t).toContain('not estimable / no data');
    expect(t).toContain('Hazard ratio');
    expect(t).toContain('Per-gene Cox models');
    expect(t).toContain('1'); // legend label at HR 1
    expect(svg).not.toMatch(/NaN/);
  });

  it('handles a single cell, all-missing grids and empty inputs', async () => {
    for (const input of [
      { genes: ['A'], cancers: ['X'], cells: [{ gene: 'A', cancer: 'X', hr: 1.5, p: 0.01, fdr: 0.02, n: 10 }] },
      { genes: ['A', 'B'], cancers: ['X', 'Y'], cells: [] },
      { genes: [], cancers: [], cells: [] },
    ]) {
      const s = heatmapFigure(input);
      expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
      const svg = await renderSvg(s);
      for (const g of input.genes) expect(texts(svg)).toContain(g);
      expect(svg).not.toMatch(/NaN/);
    }
  });
});

describe('heatmap cells R cannot estimate', () => {
  const flagged: HeatmapCell[] = [
    { gene: 'A', cancer: 'X', hr: 1.4, p: 0.2, fdr: 0.3, n: 24 },
    { gene: 'B', cancer: 'X', hr: 6.2e54, p: 0.994, fdr: 0.994, n: 24, note: 'R coxph did not converge; coefficient may be infinite' },
    { gene: 'C', cancer: 'X', hr: NaN, p: NaN, fdr: null, n: 24, note: 'no variation in expression' },
  ];
  const spec = heatmapFigure({ genes: ['A', 'B', 'C'], cancers: ['X'], cells: flagged });
  const layers = (spec as unknown as { layer: Layer[] }).layer;

  it('greys them (never a colour of direction), with the reason in the figure', async () => {
    const coloured = layers.find((l) => l.mark.type === 'rect' && 'color' in (l.encoding ?? {}) && (l.encoding as Record<string, { field?: string }>).color.field === 'log2hr')!;
    expect(coloured.data.values.map((v) => v.gene)).toEqual(['A']);
    const missing = layers.find((l) => l.mark.type === 'rect' && (l.mark as { color?: string }).color === MISSING_FILL)!;
    expect(missing.data.values.map((v) => v.note)).toEqual(['not estimable: R coxph did not converge; coefficient may be infinite', 'not estimable: no variation in expression']);
    const t = texts(await renderSvg(spec));
    expect(t).toContain('Not estimable: B in X (R coxph did not converge; coefficient may be infinite)');
    expect(t).toContain('C in X (no variation in expression)');
    expect(t.join('\n')).not.toMatch(/e\+54/);
  });

  it('leaves them out of the colour limit', () => {
    expect(heatmapHrLimit(flagged)).toBe(2);
    expect(heatmapHrLimit(flagged.map((c) => ({ hr: c.hr })))).toBe(8);
  });
});
