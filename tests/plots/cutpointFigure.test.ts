import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { cutpointFigure, formatCutpoint } from '../../src/plots/cutpointFigure.js';
import { renderSvg } from '../../src/plots/render.js';

/** The text content of every <text> element, and of each line (<tspan>) of multi-line ones. */
function texts(svg: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const plain = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
  const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]));
  return [...plain, ...lines];
}

const cutpoints = Float64Array.from({ length: 40 }, (_v, i) => 0.2 + i * 0.01);
const statistics = Float64Array.from(cutpoints, (c) => 3.2 * Math.exp(-((c - 0.41) ** 2) / 0.004));

describe('cutpointFigure', () => {
  it('formats cutpoints with 4 significant digits', () => {
    expect(formatCutpoint(0.41)).toBe('0.41');
    expect(formatCutpoint(0.123456)).toBe('0.1235');
    expect(formatCutpoint(1234.5)).toBe('1235');
    expect(formatCutpoint(-2)).toBe('-2');
    expect(formatCutpoint(0.00012346)).toBe('1.235e-4');
    expect(formatCutpoint(NaN)).toBe('NA');
  });

  it('compiles and renders the curve, the chosen cut and its Lau92 p', async () => {
    const spec = cutpointFigure({ cutpoints, statistics, chosen: cutpoints[21], valueName: 'migrasome-core score', pAdjusted: 0.0123, minprop: 0.1, title: 'KIRC' });
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(() => compile(spec)).not.toThrow();
    const svg = await renderSvg(spec);
    const t = texts(svg);
    expect(t).toContain('migrasome-core score');
    expect(t).toContain('Standardized log-rank statistic');
    expect(t).toContain('Cutpoint = 0.41');
    expect(t).toContain('Statistic = 3.20, Lau92 adjusted p = 0.0123');
    expect(t.some((s) => s.includes('minprop = 0.1'))).toBe(true);
    expect(t).toContain('KIRC');
    expect(svg).not.toMatch(/NaN/);
  });

  it('puts the label left of a cut near the right edge, and copes with NaN and tiny inputs', async () => {
    const right = cutpointFigure({ cutpoints, statistics, chosen: cutpoints[39], valueName: 'x', pAdjusted: 1e-320, minprop: 0.2 });
    const textLayer = (right as unknown as { layer: { mark: { type: string; align?: string }; data: { values: { text?: string }[] } }[] }).layer.find(
      (l) => l.mark.type === 'text' && l.data.values.some((v) => v.text?.startsWith('Cutpoint')),
    );
    expect(textLayer?.mark.align).toBe('right');
    expect(texts(await renderSvg(right))).toContain('Statistic = 0.00, Lau92 adjusted p < 1e-300');

    const withNaN = cutpointFigure({ cutpoints: [1, 2, NaN, 4], statistics: [0.5, NaN, 1, 2], chosen: 4, valueName: 'x', pAdjusted: NaN, minprop: 0.1 });
    expect(JSON.stringify(withNaN)).not.toMatch(/NaN|Infinity/);
    expect(texts(await renderSvg(withNaN))).toContain('Statistic = 2.00, Lau92 adjusted p = NA');

    for (const s of [
      cutpointFigure({ cutpoints: [3], statistics: [1.2], chosen: 3, valueName: 'x', pAdjusted: 0.5, minprop: 0.1 }),
      cutpointFigure({ cutpoints: [], statistics: [], chosen: NaN, valueName: 'x', pAdjusted: NaN, minprop: 0.1 }),
    ]) {
      expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
      expect(await renderSvg(s)).not.toMatch(/NaN/);
    }
  });
});
