import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { ComparePair } from '../../src/compare/types.js';
import { pairedFigure } from '../../src/plots/pairedFigure.js';
import { OKABE_ITO } from '../../src/plots/palette.js';
import { renderSvg } from '../../src/plots/render.js';
import { svgTexts as texts } from '../helpers/svg.js';

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string }; encoding: Record<string, { field?: string }> };
const layersOf = (spec: object) => (spec as { layer: Layer[] }).layer;

// 9 patients; patient 7 has equal scores (a zero difference)
const ref = [0.21, 0.25, 0.18, 0.3, 0.22, 0.27, 0.19, 0.24, 0.2];
const cas = [0.35, 0.31, 0.29, 0.28, 0.4, 0.33, 0.19, 0.36, 0.3];
const pairs: ComparePair[] = [
  ...ref.map((r, i) => ({ cancer: 'CHOL', patient: `TCGA-W5-AA0${i}`, reference: r, case: cas[i] })),
  { cancer: 'LIHC', patient: 'TCGA-XX-0001', reference: 1, case: 2 }, // another cancer: not drawn
];
const levels = { case: 'tumour', reference: 'normal' };
const scoreLabel = 'migrasome-core score (ssGSEA)';
// R: wilcox.test(cas, ref, paired = TRUE)$p.value (zero difference dropped, normal approximation)
const pR = 0.020706216472488832;

describe('pairedFigure', () => {
  const input = { pairs, cancer: 'CHOL', levels, scoreLabel, p: pR };
  const spec = pairedFigure(input);
  const layers = layersOf(spec);

  it('joins each patient from the reference (left) to the case (right), boxes as R computes them', () => {
    const lines = layers.find((l) => l.mark.type === 'rule' && l.encoding.y2?.field === 'case')!.data.values;
    expect(lines).toHaveLength(9);
    expect(lines.every((l) => (l.x as number) < (l.x2 as number))).toBe(true);
    expect(lines.find((l) => l.patient === 'TCGA-W5-AA04')).toMatchObject({ reference: 0.22, case: 0.4 });
    const boxes = layers.find((l) => l.mark.type === 'rect' && l.encoding.stroke)!.data.values;
    expect(boxes.map((b) => b.group)).toEqual(['normal', 'tumour']);
    expect(boxes[0].x as number).toBeLessThan(boxes[1].x as number);
    // R: layer_data(ggplot(data.frame(x = 1, y = ref), aes(x, y)) + geom_boxplot()) → 0.18 0.2 0.22 0.25 0.3
    expect(boxes[0]).toMatchObject({ lower: 0.18, q1: 0.2, median: 0.22, q3: 0.25, upper: 0.3, color: OKABE_ITO.blue });
    // R: the same for cas → 0.28 0.29 0.31 0.35 0.4 (0.19 beyond the lower whisker)
    expect(boxes[1]).toMatchObject({ lower: 0.28, q1: 0.29, median: 0.31, q3: 0.35, upper: 0.4, color: OKABE_ITO.vermillion });
    const points = layers.find((l) => l.mark.type === 'circle')!.data.values;
    expect(points).toHaveLength(18);
  });

  it('is deterministic and compiles', () => {
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(pairedFigure(input))).toBe(json);
    expect(() => compile(spec)).not.toThrow();
  });

  it('renders the paired p, the number of pairs, the directions and the test', async () => {
    const t = texts(await renderSvg(spec));
    expect(t).toContain('Wilcoxon signed-rank p = 0.0207, 9 pairs');
    expect(t).toContain('normal');
    expect(t).toContain('tumour');
    expect(t).toContain('CHOL');
    expect(t).toContain(scoreLabel);
    const all = t.join(' ');
    expect(all).toContain('tumour higher in 7, lower in 1, equal in 1 of 9 patients.');
    expect(all).toContain('zero differences dropped');
    expect(t).toContain('migrasome-core score (ssGSEA): paired tumour vs normal');
  });

  it('handles a missing p, one pair and no pairs', async () => {
    const na = texts(await renderSvg(pairedFigure({ ...input, p: null })));
    expect(na).toContain('Wilcoxon signed-rank p = NA, 9 pairs');
    const one = texts(await renderSvg(pairedFigure({ ...input, cancer: 'LIHC', p: undefined })));
    expect(one).toContain('Wilcoxon signed-rank p = NA, 1 pair');
    const none = pairedFigure({ ...input, cancer: 'BRCA' });
    expect(JSON.stringify(none)).not.toMatch(/NaN|Infinity/);
    expect(texts(await renderSvg(none))).toContain('no pairs');
  });
});
