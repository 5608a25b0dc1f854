import { describe, expect, it } from 'vitest';
import { compareColors, fdrStars, starKeyText, wrapWords, yDomain } from '../../src/plots/compareStyle.js';
import { roundColorLimit } from '../../src/plots/heatmapGrid.js';
import { OKABE_ITO, PALETTES } from '../../src/plots/palette.js';
import { estimateTextWidth } from '../../src/plots/render.js';

describe('compare figure helpers', () => {
  it('marks FDRs as ggpubr does, with strict cuts', () => {
    const marks = [5e-5, 1e-4, 5e-4, 1e-3, 0.009, 0.01, 0.049, 0.05, 0.9].map((f) => fdrStars(f));
    expect(marks).toEqual(['****', '***', '***', '**', '**', '*', '*', 'ns', 'ns']);
    expect(fdrStars(null)).toBe('NA');
    expect(fdrStars(NaN)).toBe('NA');
    expect(fdrStars(0.07, 0.1)).toBe('*');
    expect(fdrStars(0.005, 0.01)).toBe('*'); // cuts 1e-4, 1e-3, 0.01
    expect(fdrStars(5e-5, 0.01)).toBe('***');
    expect(starKeyText()).toBe('**** FDR < 1e-04, *** < 0.001, ** < 0.01, * < 0.05, ns \u2265 0.05');
    expect(starKeyText(0.01)).toBe('*** FDR < 1e-04, ** < 0.001, * < 0.01, ns \u2265 0.01');
  });

  it('picks the case and reference colours', () => {
    expect(compareColors()).toEqual([OKABE_ITO.vermillion, OKABE_ITO.blue]);
    expect(compareColors(PALETTES.npg)).toEqual(['#E64B35', '#4DBBD5']);
    expect(compareColors(['#111111'])).toEqual(['#111111', OKABE_ITO.blue]);
  });

  it('wraps notes at a width and pads the y domain', () => {
    const lines = wrapWords('p: two-sided Wilcoxon rank-sum test per cancer; FDR: Benjamini\u2013Hochberg over cancers.', 200);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(estimateTextWidth(l, 11)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe('p: two-sided Wilcoxon rank-sum test per cancer; FDR: Benjamini\u2013Hochberg over cancers.');
    expect(yDomain([0, 1])).toEqual([-0.04, 1.04]);
    expect(yDomain([])).toEqual([0, 1]);
    const [lo, hi] = yDomain([2, 2]);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(2);
  });

  it('rounds heatmap colour limits up from the 95th percentile', () => {
    expect(roundColorLimit([0.2, 0.7], [0.5, 1, 2])).toBe(1);
    expect(roundColorLimit([5], [0.5, 1, 2])).toBe(2);
    expect(roundColorLimit([], [0.5, 1, 2])).toBe(0.5);
    expect(roundColorLimit([1.2], [2, 3, 4], Math.log2)).toBe(3);
  });
});
