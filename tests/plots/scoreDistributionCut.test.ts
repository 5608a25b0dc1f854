// A median-split cutpoint lies exactly on the box median: both must stay visible.
import { describe, expect, it } from 'vitest';
import { boxStats, scoreDistributionFigure } from '../../src/plots/scoreDistributionFigure.js';
import { renderSvg } from '../../src/plots/render.js';

type Layer = { data: { values: Record<string, unknown>[] }; mark: Record<string, unknown> & { type: string } };

const values = Float64Array.from({ length: 41 }, (_v, i) => Math.sin(i * 1.3));
const median = boxStats(values)!.median;
const spec = scoreDistributionFigure({ cancers: [{ cancer: 'BRCA', values, cutpoints: [median] }], scoreName: 'score', split: 'median', title: 'score by cancer', subtitle: 'OS; median split within each cancer' });
const layers = (spec as unknown as { layer: Layer[] }).layer;
const cutLayer = layers.findIndex((l) => l.data.values.some((v) => v.label === 'cut'));
const medianLayer = layers.findIndex((l) => l.mark.type === 'tick' && JSON.stringify(l).includes('"field":"median"'));
const boxLayer = layers.findIndex((l) => l.mark.type === 'bar');

describe('score distribution: cut and median', () => {
  it('draws the cut dashed, in another colour, wider than the box and under the median', () => {
    expect(cutLayer).toBeGreaterThan(boxLayer);
    expect(medianLayer).toBeGreaterThan(cutLayer); // the median is drawn last, on top
    const cut = layers[cutLayer].mark;
    const med = layers[medianLayer].mark;
    expect(cut.strokeDash).toBeDefined();
    expect(med.strokeDash).toBeUndefined();
    expect(cut.color).not.toBe(med.color);
    const cutWidth = Math.sqrt(Number(cut.size)); // shape M-1,0L1,0 scaled to sqrt(size) px
    const boxWidth = Number(layers[boxLayer].mark.width);
    expect(Number(med.size)).toBe(boxWidth);
    expect(cutWidth).toBeGreaterThan(boxWidth + 8); // dashes show on both sides of the box
    expect(Number(med.thickness)).toBeGreaterThanOrEqual(Number(cut.strokeWidth)); // the median covers the cut inside the box
    expect(layers[cutLayer].data.values[0].value).toBe(median);
  });

  it('renders the median after the cut in the SVG, and the titles', async () => {
    const svg = await renderSvg(spec);
    const cutAt = svg.search(/Cutpoint: cut[^>]*d="M-[\d.]+,0L[\d.]+,0"[^>]*stroke-dasharray=/);
    const medAt = svg.indexOf(`layer_${medianLayer}_marks`);
    expect(cutAt).toBeGreaterThan(0);
    expect(medAt).toBeGreaterThan(cutAt);
    expect(svg).toContain('>score by cancer<');
    expect(svg).toContain('>OS; median split within each cancer<');
  });
});
