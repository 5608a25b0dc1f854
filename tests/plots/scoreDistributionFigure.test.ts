import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { boxStats, scoreDistributionFigure, type ScoreDistributionCancer } from '../../src/plots/scoreDistributionFigure.js';
import { renderSvg } from '../../src/plots/render.js';

/** The text content of every <text> element, and of each line (<tspan>) of multi-line ones. */
function texts(svg: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const plain = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
  const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]));
  return [...plain, ...lines];
}

const seq = (n: number, f: (i: number) => number) => Float64Array.from({ length: n }, (_v, i) => f(i));

const four: ScoreDistributionCancer[] = [
  { cancer: 'KIRC', values: seq(72, (i) => 0.4 + 0.1 * Math.sin(i * 1.7)), cutpoints: [0.41] },
  { cancer: 'LGG', values: seq(64, (i) => 0.3 + 0.05 * Math.cos(i)), cutpoints: [0.3] },
  { cancer: 'UVM', values: [...seq(50, (i) => 0.5 + 0.002 * i), NaN, 2.5], cutpoints: [0.55] },
  { cancer: 'ACC', values: seq(79, (i) => 0.2 + 0.003 * i), cutpoints: [0.25, 0.35] },
];

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string } };

describe('boxStats', () => {
  it('computes R type-7 quartiles and Tukey whiskers', () => {
    // R: quantile(c(1:9, 30), c(.25,.5,.75)) = 3.25 5.5 7.75; whiskers 1 and 9 (30 > 7.75 + 1.5 * 4.5)
    expect(boxStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 30])).toEqual({ n: 10, q1: 3.25, median: 5.5, q3: 7.75, lower: 1, upper: 9 });
    expect(boxStats([NaN, 2])).toEqual({ n: 1, q1: 2, median: 2, q3: 2, lower: 2, upper: 2 });
    expect(boxStats([])).toBeNull();
  });
});

describe('scoreDistributionFigure', () => {
  const spec = scoreDistributionFigure({ cancers: four, scoreName: 'migrasome-core score', split: 'median' });

  it('is deterministic (jitter included), NaN-free, and compiles', () => {
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(json).toBe(JSON.stringify(scoreDistributionFigure({ cancers: four, scoreName: 'migrasome-core score', split: 'median' })));
    expect(() => compile(spec)).not.toThrow();
    const layers = (spec as unknown as { layer: Layer[] }).layer;
    expect(layers[0].data.values).toHaveLength(72 + 64 + 51 + 79); // NaN dropped
    const cuts = layers.find((l) => l.data.values.some((v) => String(v.label).startsWith('cut')))!;
    expect(cuts.data.values.map((v) => v.value)).toEqual([0.41, 0.3, 0.55, 0.25, 0.35]);
  });

  it('renders cancers with n, axis title and key', async () => {
    const t = texts(await renderSvg(spec));
    for (const c of ['KIRC', 'LGG', 'UVM', 'ACC']) expect(t).toContain(c);
    expect(t).toContain('n = 72');
    expect(t).toContain('n = 51');
    expect(t).toContain('migrasome-core score');
    expect(t).toContain('Cutpoints (median split)');
    expect(t.some((s) => s.includes('1.5 \u00d7 IQR'))).toBe(true);
  });

  it('works for one cancer and for 33 cancers (vertical labels)', async () => {
    const one = scoreDistributionFigure({ cancers: [four[0]], scoreName: 's', split: 'optimal' });
    const t1 = texts(await renderSvg(one));
    expect(t1).toContain('KIRC');
    expect(t1).toContain('Cutpoint (optimal split)');
    const codes = 'ACC BLCA BRCA CESC CHOL COAD DLBC ESCA GBM HNSC KICH KIRC KIRP LAML LGG LIHC LUAD LUSC MESO OV PAAD PCPG PRAD READ SARC SKCM STAD TGCT THCA THYM UCEC UCS UVM'.split(' ');
    const many = scoreDistributionFigure({
      cancers: codes.map((c, k) => ({ cancer: c, values: seq(20 + k, (i) => k * 0.01 + Math.sin(i)), cutpoints: [k * 0.01] })),
      scoreName: 's',
      split: 'median',
    });
    const svg = await renderSvg(many);
    expect(texts(svg)).toContain('ACC (20)');
    expect(texts(svg)).toContain('UVM (52)');
    expect(svg).not.toMatch(/NaN/);
    const empty = scoreDistributionFigure({ cancers: [{ cancer: 'X', values: [], cutpoints: [] }], scoreName: 's', split: 'median' });
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
    expect(await renderSvg(empty)).toContain('X');
  });
});
