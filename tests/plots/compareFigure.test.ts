import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { CompareRow, CompareSample } from '../../src/compare/types.js';
import { compareFigure } from '../../src/plots/compareFigure.js';
import { OKABE_ITO } from '../../src/plots/palette.js';
import { renderSvg } from '../../src/plots/render.js';
import { svgTexts as texts } from '../helpers/svg.js';

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; angle?: number }; encoding: Record<string, { field?: string }> };
const layersOf = (spec: object) => (spec as { layer: Layer[] }).layer;
const boxesOf = (spec: object) => layersOf(spec).find((l) => l.mark.type === 'rect' && l.encoding.stroke)!.data.values;
const pointsOf = (spec: object) => layersOf(spec).find((l) => l.mark.type === 'circle')!.data.values;

const levels = { case: 'tumour', reference: 'normal' };
const scoreLabel = 'migrasome-core score (ssGSEA)';
// BLCA: 12 tumours (0.95 beyond the upper whisker), 10 normals (-0.4 beyond the lower one, a tie at 0.25)
const tum = [0.412, 0.388, 0.301, 0.455, 0.362, 0.297, 0.518, 0.334, 0.351, 0.402, 0.371, 0.95];
const nor = [0.21, 0.25, 0.18, 0.25, 0.22, -0.4, 0.19, 0.24, 0.2, 0.23];

function samplesOf(cancer: string, t: number[], n: number[]): CompareSample[] {
  return [
    ...t.map((score, i) => ({ sample: `TCGA-${cancer}-${i}-01A`, patient: `TCGA-${cancer}-${i}`, cancer, group: 'tumour', score })),
    ...n.map((score, i) => ({ sample: `TCGA-${cancer}-${i}-11A`, patient: `TCGA-${cancer}-${i}`, cancer, group: 'normal', score })),
  ];
}

function row(cancer: string, nCase: number, nRef: number, p: number | null, fdr: number | null): CompareRow {
  return { cancer, n_case: nCase, n_reference: nRef, median_case: 0, median_reference: 0, diff_median: 0, statistic: 1, p, method: 'normal', fdr };
}

const samples = [
  ...samplesOf('BLCA', tum, nor),
  ...samplesOf('KIRC', [1, 2, 3, 4, 5], [2, 3, 4]),
  ...samplesOf('LIHC', [1, 2, 3], [1, 2, 3]),
  ...samplesOf('SKIP', [1, 2, 3], [1]), // skipped: no row
  { sample: 'X-01', patient: 'X', cancer: 'BLCA', group: 'metastatic', score: 9 }, // another level: not drawn
];
const rows = [row('BLCA', 12, 10, 8.69e-5, 2.6e-4), row('KIRC', 5, 3, 0.2, 0.3), row('LIHC', 3, 3, null, null)];
const input = { samples, rows, levels, scoreLabel, subtitle: 'TCGA, 3 cancers' };

describe('compareFigure', () => {
  const spec = compareFigure(input);

  it('draws boxes with the quartiles and whiskers R (ggplot2 stat_boxplot) computes', () => {
    const boxes = boxesOf(spec);
    expect(boxes.map((b) => `${b.cancer}/${b.group}/${b.n}`)).toEqual(['BLCA/tumour/12', 'BLCA/normal/10', 'KIRC/tumour/5', 'KIRC/normal/3', 'LIHC/tumour/3', 'LIHC/normal/3']);
    // R: quantile(tum, c(.25, .5, .75)); layer_data(ggplot(data.frame(x = 1, y = tum), aes(x, y)) + geom_boxplot())
    //   → ymin 0.29699999999999999 lower 0.34675 middle 0.3795 upper 0.42275000000000001 ymax 0.51800000000000002
    expect(boxes[0]).toMatchObject({ q1: 0.34675, median: 0.3795, q3: 0.42275, lower: 0.297, upper: 0.518 });
    // R: the same for nor → ymin 0.18 lower 0.1925 middle 0.215 upper 0.23749999999999999 ymax 0.25
    expect(boxes[1]).toMatchObject({ q1: 0.1925, median: 0.215, q3: 0.2375, lower: 0.18, upper: 0.25 });
    expect(boxes[0].x as number).toBeLessThan(boxes[1].x as number); // case left of reference
  });

  it('draws every sample of the compared groups and cancers as a point, coloured by group', () => {
    const points = pointsOf(spec);
    expect(points).toHaveLength(tum.length + nor.length + 8 + 6);
    expect(points.some((p) => String(p.sample).startsWith('TCGA-SKIP'))).toBe(false);
    expect(points.some((p) => p.sample === 'X-01')).toBe(false);
    expect(points.find((p) => p.score === 0.95)!.color).toBe(OKABE_ITO.vermillion);
    expect(points.find((p) => p.score === -0.4)!.color).toBe(OKABE_ITO.blue);
    const custom = pointsOf(compareFigure({ ...input, palette: ['#E64B35', '#4DBBD5', '#00A087'] }));
    expect(new Set(custom.map((p) => p.color))).toEqual(new Set(['#E64B35', '#4DBBD5']));
  });

  it('is deterministic: the same JSON on every call, jitter tied to the sample ID not its position', () => {
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(compareFigure(input))).toBe(json);
    const reversed = pointsOf(compareFigure({ ...input, samples: [...samples].reverse() }));
    const byId = new Map(pointsOf(spec).map((p) => [p.sample, p.x]));
    for (const p of reversed) expect(p.x).toBe(byId.get(p.sample));
    // jittered within the box's width around its centre
    const xs = pointsOf(spec).filter((p) => String(p.sample).startsWith('TCGA-BLCA') && String(p.sample).endsWith('01A')).map((p) => p.x as number);
    const b = boxesOf(spec)[0];
    expect(new Set(xs).size).toBeGreaterThan(6);
    for (const x of xs) expect(Math.abs(x - (b.x as number))).toBeLessThanOrEqual(((b.x1 as number) - (b.x0 as number)) / 2);
    expect(() => compile(spec)).not.toThrow();
  });

  it('renders the FDR marks, n under each box, cancers, key and the test named', async () => {
    const t = texts(await renderSvg(spec));
    expect(t).toContain('***'); // BLCA FDR 2.6e-4
    expect(t).toContain('ns'); // KIRC FDR 0.3
    expect(t).toContain('NA'); // LIHC FDR NA
    for (const n of ['n=12', 'n=10', 'n=5', 'n=3']) expect(t).toContain(n);
    for (const c of ['BLCA', 'KIRC', 'LIHC']) expect(t).toContain(c);
    expect(t).not.toContain('SKIP');
    expect(t).toContain('tumour');
    expect(t).toContain('normal');
    expect(t).toContain(scoreLabel);
    expect(t).toContain('migrasome-core score (ssGSEA): tumour vs normal');
    expect(t).toContain('TCGA, 3 cancers');
    expect(t).toContain('**** FDR < 1e-04, *** < 0.001, ** < 0.01, * < 0.05, ns \u2265 0.05.');
    // wrapped at the figure's width
    expect(t.join(' ')).toContain('p: two-sided Wilcoxon rank-sum test per cancer; FDR: Benjamini\u2013Hochberg over cancers.');
  });

  it('marks each FDR level', async () => {
    const levelsRows = [5e-5, 5e-4, 5e-3, 0.04, 0.05].map((fdr, i) => row(`C${i}`, 3, 3, fdr, fdr));
    const s = levelsRows.flatMap((r) => samplesOf(r.cancer, [1, 2, 3], [2, 3, 4]));
    const t = texts(await renderSvg(compareFigure({ samples: s, rows: levelsRows, levels, scoreLabel })));
    const marks = t.filter((x) => /^(\*+|ns|NA)$/.test(x));
    expect(marks).toEqual(['****', '***', '**', '*', 'ns']);
    // a looser threshold: '*' reaches up to it
    const loose = texts(await renderSvg(compareFigure({ samples: s, rows: levelsRows, levels, scoreLabel, fdrThreshold: 0.1 })));
    expect(loose.filter((x) => /^(\*+|ns)$/.test(x))).toEqual(['****', '***', '**', '*', '*']);
    expect(loose).toContain('**** FDR < 1e-04, *** < 0.001, ** < 0.01, * < 0.1, ns \u2265 0.1.');
  });

  it('draws one comparison ("all") as two boxes with the p written out', async () => {
    const one = compareFigure({
      samples: samplesOf('all', tum, nor),
      rows: [{ ...row('all', 12, 10, 8.6938242758331801e-5, 8.6938242758331801e-5), method: 'normal' }],
      levels,
      scoreLabel,
    });
    expect(boxesOf(one)).toHaveLength(2);
    const t = texts(await renderSvg(one));
    expect(t).toContain('Wilcoxon p = 8.69e-05');
    expect(t).toContain('tumour');
    expect(t).toContain('normal');
    expect(t).toContain('n=12');
    expect(t).toContain('n=10');
    expect(t).toContain('p: two-sided Wilcoxon rank-sum test (normal approximation).');
    expect(t).not.toContain('all'); // no cancer label for the pooled comparison
    expect(t.filter((x) => /^\*+$/.test(x))).toEqual([]);
    // a named single cancer is labelled
    const chol = texts(await renderSvg(compareFigure({ samples: samplesOf('CHOL', [1, 2, 3], [1, 2]), rows: [row('CHOL', 3, 2, null, null)], levels, scoreLabel })));
    expect(chol).toContain('CHOL');
    expect(chol).toContain('Wilcoxon p = NA');
  });

  it('handles a cancer whose scores are all equal, and no cancers at all', async () => {
    const flat = compareFigure({ samples: samplesOf('UVM', [0.3, 0.3, 0.3], [0.3, 0.3]), rows: [row('UVM', 3, 2, 1, 1)], levels, scoreLabel });
    expect(JSON.stringify(flat)).not.toMatch(/NaN|Infinity/);
    expect(boxesOf(flat)[0]).toMatchObject({ q1: 0.3, median: 0.3, q3: 0.3, lower: 0.3, upper: 0.3 });
    const svg = await renderSvg(flat);
    expect(svg).not.toMatch(/NaN/);
    expect(texts(svg)).toContain('Wilcoxon p = 1');
    const none = await renderSvg(compareFigure({ samples: [], rows: [], levels, scoreLabel }));
    expect(texts(none)).toContain('no cancers compared');
  });

  it('keeps 33 cancers readable: width grows, n and cancer labels turn vertical', async () => {
    const names = Array.from({ length: 33 }, (_v, i) => `CANCER${String(i).padStart(2, '0')}`);
    const many = compareFigure({
      samples: names.flatMap((c, i) => samplesOf(c, Array.from({ length: 40 + i }, (_v, j) => Math.sin(i + j)), [0.1, 0.2, 0.3])),
      rows: names.map((c, i) => row(c, 40 + i, 3, 0.01, 0.02)),
      levels,
      scoreLabel,
    });
    const w = (many as unknown as { width: number }).width;
    expect(w).toBeGreaterThanOrEqual(33 * 44);
    const rotated = layersOf(many).filter((l) => l.mark.type === 'text' && l.mark.angle === 270).flatMap((l) => l.data.values.map((v) => v.text));
    expect(rotated).toContain('n=72');
    expect(rotated).toContain('CANCER32');
    const t = texts(await renderSvg(many));
    for (const c of names) expect(t).toContain(c);
    expect(t.filter((x) => x === '*')).toHaveLength(33);
  });
});
