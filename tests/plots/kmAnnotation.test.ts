// The KM statistics box for a searched cutpoint (maxstat's adjusted p first, the naive
// log-rank p labelled as not adjusted, no Wald p) and for a hazard ratio R cannot estimate.
import { describe, expect, it } from 'vitest';
import { kaplanMeierFigure } from '../../src/plots/kmFigure.js';
import { adjustedPText, hazardRatioText, naiveLogrankText } from '../../src/plots/format.js';
import { renderSvg } from '../../src/plots/render.js';
import { smallKmInput } from '../helpers/kmInput.js';

const lines = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('KM annotation texts', () => {
  it('names the adjusted and the naive p', () => {
    expect(adjustedPText(0.13778520240867326)).toBe('maxstat adjusted p (Lau92) = 0.138');
    expect(adjustedPText(1.37)).toBe('maxstat adjusted p (Lau92) = 1.37'); // R's Lau92 value, not capped
    expect(naiveLogrankText(0.009129247)).toBe('Log-rank p = 0.00913, not adjusted for the cutpoint search');
  });
  it('writes "not estimable" and the reason instead of a hazard ratio', () => {
    const h = { label: 'high vs low', hr: 3.934435391447553e-9, lower: 0, upper: Infinity, p: 0.997, note: 'no events in group high' };
    expect(hazardRatioText(h, 0.95)).toBe('HR (high vs low): not estimable (no events in group high)');
    expect(hazardRatioText({ ...h, hr: 2.5, lower: 1.2, upper: 5.1, note: null }, 0.95, false)).toBe('HR (high vs low) = 2.50 (95% CI 1.20–5.10)');
  });
});

describe('KM figure of a searched cutpoint', () => {
  it('heads the box with the adjusted p, then the naive log-rank p, then the HR without its Wald p', async () => {
    const svg = await renderSvg(kaplanMeierFigure(smallKmInput({
      logrank: { chisq: 6.8, df: 1, p: 0.00913 },
      cutpointSearch: { pAdjusted: 0.1378, pMethod: 'Lau92' },
      hazardRatio: [{ label: 'B vs A', hr: 2.634, lower: 2.1694, upper: 3.1955, p: 0.004 }],
    })));
    const t = lines(svg);
    const i = t.indexOf('maxstat adjusted p (Lau92) = 0.138');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(t[i + 1]).toBe('Log-rank p = 0.00913, not adjusted for the cutpoint search');
    expect(t[i + 2]).toBe('HR (B vs A) = 2.63 (95% CI 2.17–3.20)');
    expect(t).not.toContain('Log-rank p = 0.00913');
  });
  it('without a search, the log-rank p and the Wald p as before', async () => {
    const t = lines(await renderSvg(kaplanMeierFigure(smallKmInput())));
    expect(t).toContain('Log-rank p = 0.0124');
    expect(t).toContain('HR (B vs A) = 2.63 (95% CI 2.17–3.20), p = 1.13e-22');
    expect(t.join('\n')).not.toMatch(/maxstat|not adjusted/);
  });
  it('shows a hazard ratio R cannot estimate as "not estimable" with the reason, no number', async () => {
    const svg = await renderSvg(kaplanMeierFigure(smallKmInput({
      hazardRatio: [{ label: 'B vs A', hr: 265573879.82241872, lower: 0, upper: Infinity, p: 0.998, note: 'no events in group A' }],
    })));
    const t = lines(svg);
    expect(t).toContain('HR (B vs A): not estimable (no events in group A)');
    expect(t.join('\n')).not.toMatch(/265573880|2\.66e\+08|0\.998/);
  });
});
