import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { associateScatterFigure, type AssociateScatterPoint } from '../../src/plots/associateScatterFigure.js';
import type { AssociateRow, AssociateSkipped } from '../../src/associate/types.js';
import { svgToPng } from '../../src/plots/png.js';
import { renderSvg } from '../../src/plots/render.js';
import { svgTexts as texts } from '../helpers/svg.js';

type Layer = { data?: { values: Record<string, unknown>[] }; transform?: object[]; mark: { type: string }; encoding: Record<string, { field?: string; axis?: { title: unknown } }> };
type Panel = { width: number; data: { values: Record<string, unknown>[] }; layer: Layer[] };
const panelsOf = (spec: object) => (spec as { vconcat: [{ concat: Panel[]; columns: number }] }).vconcat[0].concat;
const trendOf = (p: Panel) => p.layer.find((l) => l.mark.type === 'line');
const panelTexts = (p: Panel) => p.layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data!.values.map((v) => String(v.text)));
const axisTitle = (p: Panel, ch: 'x' | 'y') => p.layer[0].encoding[ch].axis!.title;

const scoreLabel = 'migrasome-core score (ssGSEA)';
function points(cancer: string, n: number, slope: number): AssociateScatterPoint[] {
  return Array.from({ length: n }, (_v, i) => ({ sample: `${cancer}-${i}`, cancer, value: i * 0.5, score: slope * i + Math.sin(i) }));
}
function spearman(cancer: string, rho: number, p: number, fdr: number, n: number): AssociateRow {
  return { cancer, variable: 'tmb_nonsilent_per_mb', type: 'numeric', n, estimate: rho, statistic: 100, df: null, p, method: 'spearman-exact', fdr };
}
const all = [
  ...points('BLCA', 30, 0.2),
  { sample: 'BLCA-na', cancer: 'BLCA', value: null, score: 1 }, // no value: not drawn
  { sample: 'BLCA-nan', cancer: 'BLCA', value: Number.NaN, score: 1 },
  ...points('KIRC', 12, -0.3),
  ...points('LIHC', 6, 0.1), // no test row: "not tested"
  ...points('OTHER', 5, 1), // not a panel
];
const tests = [spearman('BLCA', 0.6712, 3.85e-9, 2.67e-8, 30), spearman('KIRC', -0.42, 0.0412, 0.0618, 12), { ...spearman('BLCA', 0.1, 0.5, 0.5, 30), variable: 'other' }];
const input = {
  variable: 'tmb_nonsilent_per_mb',
  labels: { tmb_nonsilent_per_mb: 'Non-silent TMB' },
  unit: 'mutations / Mb',
  cancers: ['BLCA', 'KIRC', 'LIHC', 'UCS'],
  points: all,
  tests,
  skipped: [{ cancer: 'UCS', variable: 'tmb_nonsilent_per_mb', level: null, n: 0, reason: 'all-missing' }] as AssociateSkipped[],
  scoreLabel,
  subtitle: 'tcga-tme',
};

describe('associateScatterFigure', () => {
  const spec = associateScatterFigure(input);
  const [blca, kirc, lihc] = panelsOf(spec);
  // UCS has no values: no panel of its own, unless no cancer has any
  const [ucs] = panelsOf(associateScatterFigure({ ...input, cancers: ['UCS'] }));

  it('puts each cancer’s samples with a value in its panel, deterministically', () => {
    expect(panelsOf(spec)).toHaveLength(3);
    expect(lihc.data.values).toHaveLength(6);
    expect(blca.data.values).toHaveLength(30);
    expect(blca.data.values[3]).toEqual({ sample: 'BLCA-3', value: 1.5, score: 0.2 * 3 + Math.sin(3) });
    expect(kirc.data.values).toHaveLength(12);
    expect(ucs.data.values).toHaveLength(0);
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(associateScatterFigure(input))).toBe(json);
    expect(() => compile(spec)).not.toThrow();
  });

  it('writes rho, p, FDR and n above each panel, and why a panel has no test', () => {
    expect(panelTexts(blca)).toEqual(['BLCA', '\u03c1 = 0.67, p = 3.85e-09, FDR = 2.67e-08,', 'n = 30']);
    expect(panelTexts(kirc)).toContain('KIRC');
    expect(panelTexts(kirc).join(' ')).toContain('\u03c1 = -0.42, p = 0.0412, FDR = 0.0618');
    expect(panelTexts(lihc)).toEqual(['LIHC', 'not tested']);
    expect(panelTexts(ucs)).toEqual(['UCS', 'not tested: all-missing', 'no samples with a value']);
  });

  it('draws a least-squares trend by default, LOESS on request, none with fewer than two values', () => {
    expect(trendOf(blca)!.transform).toEqual([{ regression: 'score', on: 'value' }]);
    expect(trendOf(ucs)).toBeUndefined();
    const loess = panelsOf(associateScatterFigure({ ...input, trend: 'loess' }));
    expect(trendOf(loess[0])!.transform).toEqual([{ loess: 'score', on: 'value', bandwidth: 0.75 }]);
    expect(trendOf(panelsOf(associateScatterFigure({ ...input, trend: 'none' }))[0])).toBeUndefined();
    const flat = associateScatterFigure({ ...input, cancers: ['BLCA'], points: all.filter((p) => p.cancer === 'BLCA').map((p) => ({ ...p, value: 3 })) });
    expect(trendOf(panelsOf(flat)[0])).toBeUndefined();
  });

  it('titles the axes with the label and unit (x on the bottom panel of each column, y in the first column)', () => {
    const two = panelsOf(associateScatterFigure({ ...input, columns: 2 }));
    expect(axisTitle(two[0], 'x')).toBeNull(); // LIHC is below
    expect(axisTitle(two[1], 'x')).toBe('Non-silent TMB (mutations / Mb)');
    expect(axisTitle(two[2], 'x')).toBe('Non-silent TMB (mutations / Mb)');
    expect(axisTitle(two[0], 'y')).toEqual(['migrasome-core score', '(ssGSEA)']); // wrapped to the panel's height
    expect(axisTitle(two[1], 'y')).toBeNull();
    expect(axisTitle(two[2], 'y')).not.toBeNull();
    const bare = panelsOf(associateScatterFigure({ ...input, labels: undefined, unit: undefined, cancers: ['BLCA'] }));
    expect(axisTitle(bare[0], 'x')).toBe('tmb_nonsilent_per_mb');
  });

  it('renders the panels, trend lines, key and notes to SVG and PNG', async () => {
    const svg = await renderSvg(spec);
    expect(svg).not.toMatch(/NaN/);
    const t = texts(svg);
    for (const s of ['BLCA', 'KIRC', 'LIHC', 'n = 30', 'not tested', 'samples', 'Non-silent TMB (mutations / Mb)', 'tcga-tme']) expect(t).toContain(s);
    expect(t).not.toContain('UCS');
    expect(t.join(' ')).toContain('No samples with a value, not drawn: UCS (all-missing).');
    expect(t).toContain('migrasome-core score (ssGSEA) vs Non-silent TMB');
    expect(t).toContain('least-squares line (for the eye; the test uses ranks)');
    expect(t.join(' ')).toContain('Spearman\'s \u03c1 and p as R cor.test(method = "spearman")');
    expect(svg.match(/class="mark-line role-mark /g) ?? []).toHaveLength(3); // the trend lines of BLCA, KIRC and LIHC
    const png = svgToPng(svg);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
  });

  it('draws one pooled cohort as a single larger panel without a cancer label', async () => {
    const one = associateScatterFigure({ ...input, cancers: ['all'], points: points('all', 40, 0.1), tests: [spearman('all', 0.3, 0.06, 0.06, 40)], skipped: [] });
    const [panel] = panelsOf(one);
    expect(panel.width).toBeGreaterThan(blca.width);
    expect(panelTexts(panel)).toEqual(['\u03c1 = 0.3, p = 0.06, FDR = 0.06, n = 40']);
    const t = texts(await renderSvg(one));
    expect(t).not.toContain('all');
    expect(t.join(' ')).toContain('Above the plot: Spearman\'s \u03c1 and p as R cor.test(method = "spearman"); FDR: Benjamini\u2013Hochberg over all tests of the run.');
  });
});
