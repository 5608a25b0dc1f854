import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { associateBoxFigure, bracketTiers, type AssociateBoxSample } from '../../src/plots/associateBoxFigure.js';
import type { AssociatePair, AssociateRow, AssociateSkipped } from '../../src/associate/types.js';
import { GROUP_PALETTE } from '../../src/plots/palette.js';
import { svgToPng } from '../../src/plots/png.js';
import { renderSvg } from '../../src/plots/render.js';
import { svgTexts as texts } from '../helpers/svg.js';

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; angle?: number }; encoding: Record<string, { field?: string; axis?: { title: unknown } }> };
type Panel = { width: number; height: number; layer: Layer[] };
const panelsOf = (spec: object) => (spec as { vconcat: [{ concat: Panel[]; columns: number }] }).vconcat[0].concat;
const boxesOf = (p: Panel) => p.layer.find((l) => l.mark.type === 'rect' && l.encoding.stroke)!.data.values;
const pointsOf = (p: Panel) => p.layer.find((l) => l.mark.type === 'circle')!.data.values;
const segmentsOf = (p: Panel) => p.layer.filter((l) => l.mark.type === 'rule' && l.encoding.x2 && l.encoding.y2 && !l.encoding.color).flatMap((l) => l.data.values);
const panelTexts = (p: Panel) => p.layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data.values.map((v) => String(v.text)));

const levels = ['Stage I', 'Stage II', 'Stage III', 'Stage IV'];
const scoreLabel = 'migrasome-core score (ssGSEA)';
// BLCA Stage I: 12 scores (R: quantile type 7 → 0.34675, 0.3795, 0.42275; whiskers 0.297, 0.518)
const stageI = [0.412, 0.388, 0.301, 0.455, 0.362, 0.297, 0.518, 0.334, 0.351, 0.402, 0.371, 0.95];

function samples(cancer: string, level: string | null, scores: number[]): AssociateBoxSample[] {
  return scores.map((score, i) => ({ sample: `TCGA-${cancer}-${level}-${i}`, cancer, level, score }));
}
function kruskal(cancer: string, statistic: number, df: number, p: number, fdr: number): AssociateRow {
  return { cancer, variable: 'stage', type: 'categorical', n: 40, estimate: null, statistic, df, p, method: 'kruskal', fdr };
}
const pair = (cancer: string, level1: string, level2: string, p: number | null): AssociatePair => ({ cancer, variable: 'stage', level1, level2, p_adjusted: p });

const allSamples = [
  // given out of order: the figure keeps the order of `levels`
  ...samples('BLCA', 'Stage III', [0.1, 0.2, 0.15, 0.12, 0.18]),
  ...samples('BLCA', 'Stage I', stageI),
  ...samples('BLCA', 'Stage IV', [0.05, 0.02, 0.08, 0.01, 0.04]),
  ...samples('BLCA', 'Stage II', [0.3, 0.31, 0.29, 0.28, 0.33]),
  ...samples('BLCA', null, [0.9]), // missing level: not drawn
  ...samples('BLCA', 'Stage X', [0.9]), // not a level of the figure
  ...samples('KIRC', 'Stage I', [0.2, 0.25, 0.3, 0.22, 0.21]),
  ...samples('KIRC', 'Stage II', [0.1, 0.15, 0.12, 0.11, 0.13]),
  ...samples('KIRC', 'Stage IV', [0.4, 0.41, 0.42]), // dropped by --min-level
  ...samples('UCS', 'Stage I', [0.3, 0.2]),
];
const tests: AssociateRow[] = [
  kruskal('BLCA', 12.345, 3, 0.0063, 0.02),
  { cancer: 'KIRC', variable: 'stage', type: 'categorical', n: 10, estimate: null, statistic: 25, df: null, p: 0.00794, method: 'wilcoxon-exact', fdr: 0.0159 },
  { ...kruskal('BLCA', 99, 9, 1e-9, 1e-9), variable: 'grade' }, // another variable: ignored
];
const pairs = [
  pair('BLCA', 'Stage II', 'Stage I', 0.3),
  pair('BLCA', 'Stage III', 'Stage I', 0.003), // **
  pair('BLCA', 'Stage III', 'Stage II', 0.04), // *
  pair('BLCA', 'Stage IV', 'Stage I', 4e-5), // ****
  pair('BLCA', 'Stage IV', 'Stage II', 0.05), // not below 0.05: no bracket
  pair('BLCA', 'Stage IV', 'Stage III', null),
];
const skipped: AssociateSkipped[] = [
  { cancer: 'KIRC', variable: 'stage', level: 'Stage IV', n: 3, reason: 'min-level' },
  { cancer: 'UCS', variable: 'stage', level: null, n: 2, reason: 'min-samples' },
];
const input = { variable: 'stage', labels: { stage: 'AJCC stage' }, levels, cancers: ['BLCA', 'KIRC', 'UCS'], samples: allSamples, tests, pairs, skipped, scoreLabel, subtitle: 'TCGA-CDR' };

describe('bracketTiers', () => {
  it('puts narrow pairs low and never two pairs sharing a level on one tier', () => {
    // Stage I–III, II–III, I–IV on 4 levels
    expect(bracketTiers([[0, 2], [1, 2], [0, 3]])).toEqual([1, 0, 2]);
    expect(bracketTiers([[0, 1], [2, 3]])).toEqual([0, 0]);
    expect(bracketTiers([[0, 1], [1, 2]])).toEqual([0, 1]);
    expect(bracketTiers([])).toEqual([]);
  });
});

describe('associateBoxFigure', () => {
  const spec = associateBoxFigure(input);
  const [blca, kirc, ucs] = panelsOf(spec);

  it('draws a box per level in the given order with the quartiles R computes', () => {
    const boxes = boxesOf(blca);
    expect(boxes.map((b) => `${b.level}/${b.n}`)).toEqual(['Stage I/12', 'Stage II/5', 'Stage III/5', 'Stage IV/5']);
    expect(boxes[0]).toMatchObject({ q1: 0.34675, median: 0.3795, q3: 0.42275, lower: 0.297, upper: 0.518 });
    const xs = boxes.map((b) => b.x as number);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // a level's colour is the same in every panel
    expect(boxes.map((b) => b.color)).toEqual(GROUP_PALETTE.slice(0, 4));
    expect(boxesOf(kirc).map((b) => b.color)).toEqual(GROUP_PALETTE.slice(0, 2));
    const custom = associateBoxFigure({ ...input, palette: ['#111111', '#222222'] });
    expect(boxesOf(panelsOf(custom)[0]).map((b) => b.color)).toEqual(['#111111', '#222222', '#111111', '#222222']);
  });

  it('draws the samples of the drawn levels only, jittered by sample ID within the box', () => {
    const points = pointsOf(blca);
    expect(points).toHaveLength(12 + 5 + 5 + 5);
    expect(points.some((p) => p.score === 0.9)).toBe(false);
    const box = boxesOf(blca)[0];
    for (const p of points.filter((q) => String(q.sample).includes('Stage I-'))) {
      expect(Math.abs((p.x as number) - (box.x as number))).toBeLessThanOrEqual(((box.x1 as number) - (box.x0 as number)) / 2);
    }
    const reversed = associateBoxFigure({ ...input, samples: [...allSamples].reverse() });
    const byId = new Map(points.map((p) => [p.sample, p.x]));
    for (const p of pointsOf(panelsOf(reversed)[0])) expect(p.x).toBe(byId.get(p.sample));
  });

  it('is deterministic and compiles', () => {
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(associateBoxFigure(input))).toBe(json);
    expect(() => compile(spec)).not.toThrow();
  });

  it('writes n under each box and the overall test per cancer', () => {
    const t = panelTexts(blca);
    for (const n of ['n=12', 'n=5']) expect(t).toContain(n);
    for (const l of levels) expect(t).toContain(l);
    expect(t[t.indexOf('BLCA') + 1]).toMatch(/^Kruskal–Wallis χ² = 12\.3, df = 3,/);
    expect(t.join(' ')).toContain('p = 0.0063, FDR = 0.02');
    expect(panelTexts(kirc)).toContain('Wilcoxon p = 0.00794, FDR = 0.0159');
    expect(panelTexts(ucs)).toContain('not tested: min-samples');
  });

  it('brackets only the pairs whose BH-adjusted p is below 0.05, with their stars', () => {
    const t = panelTexts(blca);
    expect(t.filter((x) => /^\*+$/.test(x)).sort()).toEqual(['*', '**', '****']);
    expect(segmentsOf(blca)).toHaveLength(3 * 3 + 1); // three brackets (3 segments each) and the x axis line
    expect(panelTexts(kirc).filter((x) => /^\*+$/.test(x))).toEqual([]);
    // stacked: the wide Stage I–IV bracket above the others
    const none = associateBoxFigure({ ...input, pairs: pairs.map((q) => ({ ...q, p_adjusted: 0.5 })) });
    expect(segmentsOf(panelsOf(none)[0])).toHaveLength(1);
    expect(panelsOf(none)[0].height).toBeLessThan(blca.height); // no strip for brackets
    // a looser threshold draws the 0.05 pair too
    const loose = associateBoxFigure({ ...input, pairThreshold: 0.1 });
    expect(segmentsOf(panelsOf(loose)[0])).toHaveLength(4 * 3 + 1);
  });

  it('leaves out dropped levels and says so under the figure', async () => {
    expect(boxesOf(kirc).map((b) => b.level)).toEqual(['Stage I', 'Stage II']);
    expect(pointsOf(kirc).some((p) => p.score === 0.41)).toBe(false);
    const svg = await renderSvg(spec);
    const t = texts(svg);
    expect(t.join(' ')).toContain('Not drawn (fewer than --min-level samples): Stage IV in KIRC (n = 3).');
    expect(t.join(' ')).toContain('Brackets: pairwise Wilcoxon tests, p BH-adjusted within each cancer, drawn where < 0.05');
    expect(t).toContain('migrasome-core score (ssGSEA) by AJCC stage');
    expect(t).toContain('TCGA-CDR');
    for (const c of ['BLCA', 'KIRC', 'UCS', 'n=12', 'Stage IV', '****']) expect(t).toContain(c);
    expect(t).not.toContain('Stage X');
    expect(svg).not.toMatch(/NaN/);
    const png = svgToPng(svg);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
  });

  it('leaves a cancer without samples out of the grid and names it under the figure', async () => {
    const withEmpty = associateBoxFigure({ ...input, cancers: ['BLCA', 'DLBC', 'KIRC'], skipped: [...skipped, { cancer: 'DLBC', variable: 'stage', level: null, n: 0, reason: 'all-missing' }] });
    expect(panelsOf(withEmpty).map((p) => boxesOf(p)[0].cancer)).toEqual(['BLCA', 'KIRC']);
    const t = texts(await renderSvg(withEmpty));
    expect(t.join(' ')).toContain('No samples with a level, not drawn: DLBC (all-missing).');
    // no cancer with samples: their panels say why
    const none = panelsOf(associateBoxFigure({ ...input, cancers: ['DLBC'], skipped: [{ cancer: 'DLBC', variable: 'stage', level: null, n: 0, reason: 'all-missing' }] }));
    expect(none).toHaveLength(1);
    expect(panelTexts(none[0]).sort()).toEqual(['DLBC', 'no samples', 'not tested: all-missing']);
  });

  it('draws a level with one value, and one pooled cohort without a cancer label', async () => {
    const one = associateBoxFigure({
      variable: 'gender',
      levels: ['FEMALE', 'MALE'],
      cancers: ['all'],
      samples: [...samples('all', 'FEMALE', [0.42]), ...samples('all', 'MALE', [0.1, 0.2, 0.3])],
      tests: [{ cancer: 'all', variable: 'gender', type: 'categorical', n: 4, estimate: null, statistic: 3, df: null, p: 0.5, method: 'wilcoxon-exact', fdr: 0.5 }],
      scoreLabel,
    });
    const [panel] = panelsOf(one);
    expect(boxesOf(panel)[0]).toMatchObject({ level: 'FEMALE', n: 1, q1: 0.42, median: 0.42, q3: 0.42, lower: 0.42, upper: 0.42 });
    const svg = await renderSvg(one);
    expect(svg).not.toMatch(/NaN/);
    const t = texts(svg);
    expect(t).toContain('Wilcoxon p = 0.5, FDR = 0.5');
    expect(t).toContain('n=1');
    expect(t).not.toContain('all');
    expect(t.join(' ')).not.toContain('Brackets');
    expect(t).toContain('migrasome-core score (ssGSEA) by gender');
  });

  it('lays 33 cancers out in rows of panels, long level names slanted', async () => {
    const names = Array.from({ length: 33 }, (_v, i) => `CANCER${String(i).padStart(2, '0')}`);
    const long = ['Stage I (early)', 'Stage II (early)', 'Stage III (late)', 'Stage IV (metastatic)'];
    const big = associateBoxFigure({
      variable: 'stage',
      levels: long,
      cancers: names,
      samples: names.flatMap((c, i) => long.flatMap((l, j) => samples(c, l, Array.from({ length: 8 }, (_v, k) => Math.sin(i + j + k))))),
      tests: names.map((c) => kruskal(c, 10, 3, 0.01, 0.02)),
      pairs: names.map((c) => pair(c, long[3], long[0], 0.001)),
      scoreLabel,
    });
    const grid = (big as unknown as { vconcat: [{ columns: number }] }).vconcat[0];
    expect(grid.columns).toBeGreaterThanOrEqual(3);
    expect(grid.columns).toBeLessThanOrEqual(6);
    const panels = panelsOf(big);
    expect(panels).toHaveLength(33);
    const slanted = panels[0].layer.filter((l) => l.mark.type === 'text' && l.mark.angle === 315).flatMap((l) => l.data.values.map((v) => v.text));
    expect(slanted).toEqual(long);
    // the y axis titled in the first column only
    const yTitle = (p: Panel) => p.layer.find((l) => l.mark.type === 'circle')!.encoding.y.axis!.title;
    expect(yTitle(panels[0])).not.toBeNull();
    expect(yTitle(panels[1])).toBeNull();
    const t = texts(await renderSvg(big));
    for (const c of names) expect(t).toContain(c);
  });
});
