import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import {
  forestDomain,
  forestFigure,
  hrCiText,
  logTicks,
  orderForestRows,
  type ForestRow,
} from '../../src/plots/forestFigure.js';
import { PROTECTIVE_COLOR, RISK_COLOR } from '../../src/plots/palette.js';
import { renderSvg } from '../../src/plots/render.js';

/** The text content of every <text> element, and of each line (<tspan>) of multi-line ones. */
function texts(svg: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const plain = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
  const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]));
  return [...plain, ...lines];
}

const rows: ForestRow[] = [
  { cancer: 'BRCA', n: 1093, events: 152, hr: 0.82, lower: 0.6, upper: 1.13, p: 0.225, fdr: 0.513 },
  { cancer: 'KIRC', n: 530, events: 175, hr: 2.05, lower: 1.52, upper: 2.75, p: 2.16e-6, fdr: 3.45e-5 },
  { cancer: 'SKCM', n: 458, events: 219, hr: 0.64, lower: 0.49, upper: 0.83, p: 8.7e-4, fdr: 0.00927 },
  { cancer: 'DLBC', n: 48, events: 9, hr: 3.1, lower: 0.62, upper: Infinity, p: 0.17, fdr: 0.495 },
  { cancer: 'THYM', n: 119, events: 9, hr: 0.12, lower: 0.001, upper: 1.02, p: 0.052, fdr: 0.166 },
  { cancer: 'TGCT', n: 134, events: 4, hr: NaN, lower: NaN, upper: NaN, p: NaN, fdr: null },
];

describe('forest helpers', () => {
  it('orders rows by HR (descending), non-estimable last', () => {
    expect(orderForestRows(rows).map((r) => r.cancer)).toEqual(['DLBC', 'KIRC', 'BRCA', 'SKCM', 'THYM', 'TGCT']);
    expect(orderForestRows(rows, 'input').map((r) => r.cancer)).toEqual(rows.map((r) => r.cancer));
    expect(orderForestRows(rows, 'p').map((r) => r.cancer)).toEqual(['KIRC', 'SKCM', 'THYM', 'DLBC', 'BRCA', 'TGCT']);
    expect(orderForestRows(rows, 'cancer').map((r) => r.cancer)).toEqual(['BRCA', 'DLBC', 'KIRC', 'SKCM', 'THYM', 'TGCT']);
  });
  it('chooses a 1-2-5 log domain within the limits, and ticks', () => {
    expect(forestDomain(rows.slice(0, 3))).toEqual([0.2, 5]); // SKCM's lower 0.49 → 0.2
    expect(forestDomain(rows.slice(1, 2))).toEqual([0.5, 5]);
    expect(forestDomain(rows)).toEqual([0.05, 5]); // THYM's 0.001 clipped to 0.05; DLBC's Inf ignored (arrow)
    expect(forestDomain([])).toEqual([0.5, 2]);
    expect(logTicks([0.5, 5])).toEqual([0.5, 1, 2, 5]);
    expect(logTicks([0.25, 4])).toEqual([0.25, 0.5, 1, 2, 4]); // round ends of fixed limits are labelled
    expect(logTicks([0.05, 20])).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]);
    expect(logTicks([0.001, 1000])).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000]);
  });
  it('formats HR with CI', () => {
    expect(hrCiText({ hr: 2.05, lower: 1.52, upper: 2.75 })).toBe('2.05 (1.52\u20132.75)');
    expect(hrCiText({ hr: 3.1, lower: 0.62, upper: Infinity })).toBe('3.10 (0.62\u2013Inf)');
    expect(hrCiText({ hr: NaN, lower: NaN, upper: NaN })).toBe('NA');
    expect(hrCiText({ hr: 1.5, lower: NaN, upper: NaN })).toBe('1.50 (NA\u2013NA)');
  });
});

describe('forestFigure', () => {
  const spec = forestFigure({ rows, hrLabel: 'HR (high vs low score)', title: 'Overall survival' });

  it('is deterministic JSON without NaN or Infinity, and compiles', () => {
    const json = JSON.stringify(spec);
    expect(json).toBe(JSON.stringify(forestFigure({ rows, hrLabel: 'HR (high vs low score)', title: 'Overall survival' })));
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(() => compile(spec)).not.toThrow();
  });

  it('renders cancers, columns, FDR values, axis title and notes', async () => {
    const svg = await renderSvg(spec);
    const t = texts(svg);
    for (const c of rows.map((r) => r.cancer)) expect(t).toContain(c);
    for (const h of ['Cancer', 'n', 'Events', 'HR (95% CI)', 'p', 'FDR']) expect(t).toContain(h);
    expect(t).toContain('HR (high vs low score)');
    expect(t).toContain('Overall survival');
    expect(t).toContain('3.45e-05'); // KIRC FDR
    expect(t).toContain('0.00927'); // SKCM FDR
    expect(t).toContain('2.16e-06'); // KIRC p
    expect(t).toContain('2.05 (1.52\u20132.75)');
    expect(t).toContain('3.10 (0.62\u2013Inf)');
    expect(t).toContain('not estimable');
    expect(t).toContain('1093');
    expect(t.some((s) => s.includes('Benjamini'))).toBe(true);
    expect(t.some((s) => s.includes('arrow'))).toBe(true);
    expect(t.some((s) => s.includes('\u2026'))).toBe(false);
    expect(svg).not.toMatch(/NaN/);
    // significant rows in colour and bold
    expect(svg.toLowerCase()).toContain(RISK_COLOR.toLowerCase());
    expect(svg.toLowerCase()).toContain(PROTECTIVE_COLOR.toLowerCase());
    expect(svg).toMatch(/font-weight="bold"[^>]*>KIRC</);
    expect(svg).not.toMatch(/font-weight="bold"[^>]*>BRCA</);
  });

  it('draws arrows for intervals beyond the axis and no point for non-estimable rows', () => {
    const layers = (spec as unknown as { layer: { data: { values: Record<string, unknown>[] }; mark: { type: string; shape?: string } }[] }).layer;
    const arrows = layers.filter((l) => l.mark.type === 'point' && l.mark.shape?.startsWith('M0,-1'));
    expect(arrows).toHaveLength(2);
    expect(arrows[0].data.values).toHaveLength(1); // THYM left
    expect(arrows[1].data.values).toHaveLength(1); // DLBC right
    const squares = layers.find((l) => l.mark.type === 'point' && l.mark.shape === 'square' && l.data.values.some((v) => 'cancer' in v));
    expect(squares?.data.values.map((v) => v.cancer)).toEqual(['DLBC', 'KIRC', 'BRCA', 'SKCM', 'THYM']);
  });

  it('handles one cancer, all non-estimable, none, and fixed limits', async () => {
    for (const r of [rows.slice(1, 2), rows.slice(5), []]) {
      const s = forestFigure({ rows: r, hrLabel: 'HR', fdrThreshold: 0.1, directionLabels: null });
      expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
      const svg = await renderSvg(s);
      for (const c of r) expect(texts(svg)).toContain(c.cancer);
      expect(svg).not.toMatch(/NaN/);
    }
    const fixed = forestFigure({ rows, hrLabel: 'HR', xLimits: [0.25, 4], order: 'input', confLevel: 0.9 });
    const t = texts(await renderSvg(fixed));
    expect(t).toContain('HR (90% CI)');
    expect(t).toContain('0.25');
    expect(t).toContain('4');
    expect(() => forestFigure({ rows, hrLabel: 'HR', xLimits: [0, 4] })).toThrow(RangeError);
  });
});

describe('forestFigure: one test for p and FDR, and hazard ratios R cannot estimate', () => {
  const searched: ForestRow[] = [
    { cancer: 'UCS', n: 57, events: 35, hr: 0.593, lower: 0.242, upper: 1.454, p: 0.959, fdr: 1 },
    { cancer: 'ACC', n: 79, events: 28, hr: 3.934435391447553e-9, lower: 0, upper: Infinity, p: 0.138, fdr: 0.276, note: 'no events in group high' },
    { cancer: 'UVM', n: 80, events: 23, hr: 265573879.82241872, lower: 0, upper: Infinity, p: 0.0694, fdr: 0.01, note: 'no events in group low' },
  ];
  const spec = forestFigure({
    rows: searched, hrLabel: 'HR', title: 'score and OS',
    subtitle: 'optimal (data-driven) cutpoint; p adjusted for the search (Lau92)',
    pNote: 'p: maxstat log-rank test of the optimal cutpoint, adjusted for the search (Lau92); FDR: Benjamini\u2013Hochberg over cancers.',
  });

  it('names the test in the footnote and the data-driven cut in the subtitle', async () => {
    const t = texts(await renderSvg(spec));
    expect(t).toContain('optimal (data-driven) cutpoint; p adjusted for the search (Lau92)');
    expect(t.join('\n')).toContain('p: maxstat log-rank test of the optimal cutpoint, adjusted for the search (Lau92);');
    expect(t.join('\n')).toContain('FDR: Benjamini\u2013Hochberg over cancers.');
  });

  it('reads "not estimable" and the reason, draws no marker and no direction colour for them', async () => {
    const svg = await renderSvg(spec);
    const t = texts(svg);
    expect(t.filter((s) => s === 'not estimable')).toHaveLength(2);
    expect(t).toContain('no events in group high');
    expect(t).toContain('no events in group low');
    expect(t.join('\n')).not.toMatch(/265573880|2\.66e\+08|e-09/);
    expect(orderForestRows(searched).map((r) => r.cancer)).toEqual(['UCS', 'ACC', 'UVM']);
    const layers = (spec as unknown as { layer: { data: { values: Record<string, unknown>[] }; mark: { type: string; shape?: string } }[] }).layer;
    const squares = layers.find((l) => l.mark.type === 'point' && l.mark.shape === 'square' && l.data.values.some((v) => 'cancer' in v));
    expect(squares?.data.values.map((v) => v.cancer)).toEqual(['UCS']);
    // UVM is significant (FDR 0.01): bold, but no interval, arrow or marker in a colour of direction
    expect(svg).toMatch(/font-weight="bold"[^>]*>UVM</);
    const drawn = layers.filter((l) => l.mark.type !== 'text').flatMap((l) => l.data.values).filter((v) => 'color' in v && 'y' in v && !('x' in v));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((v) => v.color !== RISK_COLOR && v.color !== PROTECTIVE_COLOR)).toBe(true);
    expect(hrCiText(searched[1])).toBe('not estimable');
  });
});
