// The survminer-like options of the Kaplan–Meier figure: input and display time units,
// confidence bands, xlim / break.time.by, palette, size, title and subtitle — in the spec
// and in the rendered SVG.
import { describe, expect, it } from 'vitest';
import { kaplanMeierFigure, KM_PLOT_HEIGHT, KM_PLOT_WIDTH, showsBands, type KmFigureInput } from '../../src/plots/kmFigure.js';
import { GROUP_PALETTE, PALETTES } from '../../src/plots/palette.js';
import { renderSvg } from '../../src/plots/render.js';
import { smallKmInput } from '../helpers/kmInput.js';

interface Layer { data: { values: Record<string, number | string>[] }; mark: Record<string, unknown> }
interface View { width: number; height: number; layer: Layer[] }
interface Spec { vconcat: [View, { width: number; data: { values: { t: number; nRisk: number; group: string }[] } }]; title?: { text: string; subtitle?: string } }

const spec = (input: KmFigureInput) => kaplanMeierFigure(input) as unknown as Spec;
const xAxisOf = (s: Spec) => (s.vconcat[0].layer[1] as unknown as { encoding: { x: { axis: { title: string; values: number[] }; scale: { domain: number[] } } } }).encoding.x;
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
/** Paths drawn by the confidence-band layer. */
const bandPaths = (svg: string) => [...svg.matchAll(/<g class="mark-area role-mark[^"]*"[^>]*>(.*?)<\/g>/g)].reduce((n, m) => n + (m[1].match(/<path/g)?.length ?? 0), 0);

/** Three groups: the small input's two plus a third. */
function threeGroups(overrides: Partial<KmFigureInput> = {}): KmFigureInput {
  const base = smallKmInput();
  const c = { ...base.groups[1], name: 'C', time: [25, 45], nRisk: [3, 2], nEvent: [1, 1], nCensor: [0, 1], surv: [2 / 3, 1 / 3], lower: [0.3, 0.1], upper: [1, 1] };
  return { ...base, groups: [...base.groups, c], hazardRatio: undefined, ...overrides };
}

describe('KM time units', () => {
  it('reads times in the input unit and shows the display unit on the axis, ticks and risk table', async () => {
    // the same cohort, times given in months (A: 10, 20, 35, 50 months), shown in years
    const s = spec(smallKmInput({ inputUnit: 'months', timeUnit: 'years' }));
    const x = xAxisOf(s);
    expect(x.axis.title).toBe('Time (years)');
    expect(x.scale.domain).toEqual([0, Number((50 / 12).toPrecision(10))]);
    expect(x.axis.values).toEqual([0, 1, 2, 3, 4]);
    const curveA = s.vconcat[0].layer[1].data.values.filter((r) => String(r.label).startsWith('A '));
    expect(curveA.map((r) => r.t)).toEqual([0, 10 / 12, 20 / 12, 35 / 12, 50 / 12].map((v) => Number(v.toPrecision(10))));
    // at 2 years = 24 months: A has 3 at risk (its rows at 35 and 50 months), B 1 (40)
    const at2 = s.vconcat[1].data.values.filter((r) => r.t === 2).map((r) => r.nRisk);
    expect(at2).toEqual([3, 1]);
    const svg = await renderSvg(s);
    expect(texts(svg)).toContain('Time (years)');
    expect(texts(svg)).toContain('4');
  });

  it('defaults to days in, as before', () => {
    const x = xAxisOf(spec(smallKmInput()));
    expect(x.axis.title).toBe('Time (days)');
    expect(x.scale.domain).toEqual([0, 50]);
  });
});

describe('KM confidence bands', () => {
  it('auto: bands for two groups, none beyond; on and off force them', async () => {
    expect(showsBands({ groups: smallKmInput().groups })).toBe(true);
    expect(showsBands({ groups: threeGroups().groups })).toBe(false);
    expect(showsBands({ groups: threeGroups().groups, ci: 'on' })).toBe(true);
    expect(showsBands({ groups: smallKmInput().groups, ci: 'off' })).toBe(false);

    const two = await renderSvg(kaplanMeierFigure(smallKmInput()));
    expect(bandPaths(two)).toBeGreaterThanOrEqual(2);
    expect(texts(two)).toContain('Shaded: 95% confidence intervals');

    const three = await renderSvg(kaplanMeierFigure(threeGroups()));
    expect(bandPaths(three)).toBe(0);
    expect(texts(three).some((t) => t.startsWith('Shaded'))).toBe(false);

    const threeOn = await renderSvg(kaplanMeierFigure(threeGroups({ ci: 'on' })));
    expect(bandPaths(threeOn)).toBeGreaterThanOrEqual(3);
    expect(texts(threeOn)).toContain('Shaded: 95% confidence intervals');

    const twoOff = await renderSvg(kaplanMeierFigure(smallKmInput({ ci: 'off' })));
    expect(bandPaths(twoOff)).toBe(0);
    expect(texts(twoOff).some((t) => t.startsWith('Shaded'))).toBe(false);
  });
});

describe('KM xlim and break.time.by', () => {
  it('ends the axis at --max-time, clips the curves there and drops later censoring marks', async () => {
    const s = spec(smallKmInput({ maxTime: 30 }));
    const x = xAxisOf(s);
    expect(x.scale.domain).toEqual([0, 30]);
    expect(Math.max(...x.axis.values)).toBeLessThanOrEqual(30);
    const layers = s.vconcat[0].layer;
    expect(layers[0].mark.clip).toBe(true);
    expect(layers[1].mark.clip).toBe(true);
    const censors = layers[2].data.values.map((r) => Number(r.t));
    expect(censors).toEqual([20]); // 35 and 40 are past the axis end
    expect(Math.max(...s.vconcat[1].data.values.map((r) => r.t))).toBeLessThanOrEqual(30);
    const svg = await renderSvg(s);
    expect(svg).toMatch(/class="mark-line role-mark[^"]*" clip-path="url\(#clip\d+\)"/);
  });

  it('puts a tick every --break-time (in the input unit, shown in the display unit)', () => {
    expect(xAxisOf(spec(smallKmInput({ breakTime: 7 }))).axis.values).toEqual([0, 7, 14, 21, 28, 35, 42, 49]);
    // 12 months in, years out: a tick every year
    const x = xAxisOf(spec(smallKmInput({ inputUnit: 'months', timeUnit: 'years', maxTime: 48, breakTime: 12 })));
    expect(x.axis.values).toEqual([0, 1, 2, 3, 4]);
    expect(x.scale.domain).toEqual([0, 4]);
  });

  it('is survminer-like when both are given: the risk table counts at the break ticks', () => {
    const s = spec(smallKmInput({ maxTime: 40, breakTime: 20 }));
    expect(s.vconcat[1].data.values.filter((r) => r.group === 'A').map((r) => [r.t, r.nRisk])).toEqual([[0, 5], [20, 4], [40, 1]]);
  });
});

describe('KM palette, size and titles', () => {
  it('uses the chosen palette (default: Okabe–Ito)', async () => {
    const def = await renderSvg(kaplanMeierFigure(smallKmInput()));
    expect(def).toContain(`stroke="${GROUP_PALETTE[0]}"`);
    const npg = await renderSvg(kaplanMeierFigure(smallKmInput({ palette: 'npg' })));
    expect(PALETTES.npg.slice(0, 2)).toEqual(['#E64B35', '#4DBBD5']);
    expect(npg).toContain('stroke="#E64B35"');
    expect(npg).toContain('stroke="#4DBBD5"');
    expect(npg).not.toContain(`stroke="${GROUP_PALETTE[0]}"`);
    const lancet = await renderSvg(kaplanMeierFigure(smallKmInput({ palette: 'lancet' })));
    expect(lancet).toContain('stroke="#00468B"');
    expect(lancet).toContain('stroke="#ED0000"');
  });

  it('sizes the plot area with width and height (the risk table follows the width)', async () => {
    const s = spec(smallKmInput({ width: 900, height: 250 }));
    expect([s.vconcat[0].width, s.vconcat[0].height, s.vconcat[1].width]).toEqual([900, 250, 900]);
    const d = spec(smallKmInput());
    expect([d.vconcat[0].width, d.vconcat[0].height]).toEqual([KM_PLOT_WIDTH, KM_PLOT_HEIGHT]);
    const svgWidth = (svg: string) => Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
    expect(svgWidth(await renderSvg(s)) - svgWidth(await renderSvg(d))).toBeCloseTo(900 - KM_PLOT_WIDTH, 0);
  });

  it('writes title and subtitle', async () => {
    const svg = await renderSvg(kaplanMeierFigure(smallKmInput({ title: 'BRCA \u00b7 Overall survival (OS)', subtitle: 'migrasome-core score (ssGSEA), median split' })));
    expect(texts(svg)).toContain('BRCA \u00b7 Overall survival (OS)');
    expect(texts(svg)).toContain('migrasome-core score (ssGSEA), median split');
  });
});

describe('KM annotation', () => {
  it('keeps the statistics box off the curves when a corner is free', () => {
    // curves that stay high: the box goes bottom-left and no curve step runs through it
    const base = smallKmInput();
    const high = base.groups.map((g) => ({ ...g, surv: Array.from(g.surv, (s) => 0.7 + 0.3 * s), lower: Array.from(g.surv, (s) => 0.6 + 0.3 * s), upper: Array.from(g.surv, () => 1) }));
    const s = spec({ ...base, groups: high });
    const view = s.vconcat[0];
    const rect = view.layer.find((l) => l.mark.type === 'rect')!.mark as { x: number; x2: number; y: number; y2: number };
    const xMax = xAxisOf(s).scale.domain[1];
    for (const l of view.layer.slice(1, 2)) {
      for (const r of l.data.values) {
        const px = (Number(r.t) / xMax) * view.width;
        const py = (1 - Number(r.surv)) * view.height;
        const inside = px >= rect.x && px <= rect.x2 && py >= rect.y && py <= rect.y2;
        expect(inside, `curve point (${r.t}, ${r.surv}) inside the box`).toBe(false);
      }
    }
    expect(rect.y).toBeGreaterThan(view.height * 0.5);
  });
});

describe('stepTimeTicks', () => {
  it('falls back to round ticks for a step longer than the axis or too fine', async () => {
    const { stepTimeTicks, niceTimeTicks } = await import('../../src/plots/kmFigure.js');
    expect(stepTimeTicks(50, 10, 'days')).toEqual([0, 10, 20, 30, 40, 50]);
    expect(stepTimeTicks(50, 80, 'days')).toEqual(niceTimeTicks(50, 'days'));
    expect(stepTimeTicks(5000, 1, 'days')).toEqual(niceTimeTicks(5000, 'days'));
  });
});
