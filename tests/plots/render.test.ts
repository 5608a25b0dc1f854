import { describe, expect, it } from 'vitest';
import { kaplanMeierFigure, type KmFigureInput } from '../../src/plots/kmFigure.js';
import { estimateTextWidth, renderSvg } from '../../src/plots/render.js';
import { smallKmInput } from '../helpers/kmInput.js';

function input(): KmFigureInput {
  return smallKmInput({
    groupingLabel: 'migrasome-core score (median split)',
    hazardRatio: [{ label: 'high-score vs low-score', hr: 2.5, lower: 1.1, upper: 5.7, p: 0.03 }],
    title: 'Overall survival',
  }, ['low-score', 'high-score']);
}

/** The text content of every <text> element. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('renderSvg', () => {
  it('renders the KM figure to SVG without a canvas, nothing truncated', async () => {
    const svg = await renderSvg(kaplanMeierFigure(input()));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
    const t = texts(svg);
    expect(t).toContain('low-score');
    expect(t).toContain('high-score');
    expect(t).toContain('low-score (n=5, events=3)');
    expect(t).toContain('high-score (n=3, events=2)');
    expect(t).toContain('migrasome-core score (median split)');
    expect(t).toContain('Log-rank p = 0.0124');
    expect(t).toContain('HR (high-score vs low-score) = 2.50 (95% CI 1.10–5.70), p = 0.03');
    expect(t).toContain('Number at risk');
    expect(t).toContain('Time (days)');
    expect(t).toContain('Survival probability');
    expect(t).toContain('Overall survival');
    // at-risk counts (ticks 0, 10, …, 50 days): low 5 5 4 3 1 1, high 3 3 1 1 1 0
    const table = svg.slice(svg.indexOf('concat_1_marks'));
    expect(texts(table).slice(0, 12)).toEqual(['5', '5', '4', '3', '1', '1', '3', '3', '1', '1', '1', '0']);
    expect(t.some((s) => s.includes('\u2026'))).toBe(false); // no ellipsis truncation
    expect(svg).not.toMatch(/NaN/);
  });

  it('is deterministic', async () => {
    const spec = kaplanMeierFigure(input());
    expect(await renderSvg(spec)).toBe(await renderSvg(spec));
  });

  it('refuses external data', async () => {
    await expect(
      renderSvg({ data: { url: 'https://example.com/x.json' }, mark: 'point' }),
    ).rejects.toThrow();
  });

  it('estimates Helvetica text widths', () => {
    expect(estimateTextWidth('', 12)).toBe(0);
    expect(estimateTextWidth('0000', 10)).toBeCloseTo(22.24, 6);
    expect(estimateTextWidth('iiii', 10)).toBeLessThan(estimateTextWidth('MMMM', 10));
    expect(estimateTextWidth('a', 10, true)).toBeGreaterThan(estimateTextWidth('a', 10));
  });
});
