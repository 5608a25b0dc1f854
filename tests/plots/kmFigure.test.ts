import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import {
  hazardRatioText,
  kaplanMeierFigure,
  legendLabel,
  logrankText,
  niceTimeTicks,
  numberAtRisk,
  riskTable,
  type KmFigureInput,
} from '../../src/plots/kmFigure.js';
import { GROUP_PALETTE, OKABE_ITO, groupColors } from '../../src/plots/palette.js';
import { convertDays, DAYS_PER_UNIT, timeAxisTitle, toDays } from '../../src/plots/timeUnits.js';
import { smallKmInput } from '../helpers/kmInput.js';


type Json = Record<string, unknown>;
const vconcat = (spec: unknown) => (spec as { vconcat: Json[] }).vconcat;
const layerData = (view: Json, i: number) =>
  ((view.layer as Json[])[i].data as { values: Json[] }).values;

describe('timeUnits', () => {
  it('converts days to months and years', () => {
    expect(convertDays(365.25, 'years')).toBe(1);
    expect(convertDays(30.4375, 'months')).toBe(1);
    expect(convertDays(730.5, 'years')).toBe(2);
    expect(convertDays(1234, 'days')).toBe(1234);
    expect(convertDays(3000, 'months')).toBeCloseTo(98.5626, 4);
    expect(DAYS_PER_UNIT.years / 12).toBe(DAYS_PER_UNIT.months);
    expect(toDays(convertDays(1000, 'months'), 'months')).toBeCloseTo(1000, 10);
    expect(Number.isNaN(convertDays(NaN, 'years'))).toBe(true);
  });
  it('builds axis titles', () => {
    expect(timeAxisTitle('months')).toBe('Time (months)');
    expect(timeAxisTitle('days')).toBe('Time (days)');
    expect(timeAxisTitle('years')).toBe('Time (years)');
  });
});

describe('palette', () => {
  it('is Okabe–Ito and cycles', () => {
    expect(new Set(GROUP_PALETTE)).toEqual(new Set(Object.values(OKABE_ITO)));
    expect(groupColors(2)).toEqual([OKABE_ITO.blue, OKABE_ITO.vermillion]);
    expect(groupColors(10)[8]).toBe(GROUP_PALETTE[0]);
  });
});

describe('formatting', () => {
  it('writes the log-rank line', () => {
    expect(logrankText(1.2e-5)).toBe('Log-rank p = 1.2e-05');
    expect(logrankText(0)).toBe('Log-rank p < 1e-300');
  });
  it('formats hazard ratios and legend labels', () => {
    const h = { label: 'high vs low', hr: 2.63296546641128, lower: 2.16946412311318, upper: 3.19549287469488, p: 1.13e-22 };
    expect(hazardRatioText(h, 0.95)).toMatch(/^HR \(high vs low\) = 2\.63 \(95% CI 2\.17–3\.20\)/);
    expect(hazardRatioText({ ...h, p: 0.04 }, 0.9)).toBe('HR (high vs low) = 2.63 (90% CI 2.17–3.20), p = 0.04');
    expect(legendLabel({ name: 'low', n: 679, events: 274 })).toBe('low (n=679, events=274)');
  });
});

describe('ticks and number at risk', () => {
  it('chooses 5–8 round ticks within the range', () => {
    expect(niceTimeTicks(3000, 'days')).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000]);
    expect(niceTimeTicks(2990, 'days')).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTimeTicks(1229, 'days')).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
    expect(niceTimeTicks(3329 / 30.4375, 'months')).toEqual([0, 24, 48, 72, 96]);
    expect(niceTimeTicks(40.4, 'months')).toEqual([0, 6, 12, 18, 24, 30, 36]);
    expect(niceTimeTicks(9.1, 'years')).toEqual([0, 2, 4, 6, 8]);
    expect(niceTimeTicks(3.36, 'years')).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(niceTimeTicks(0.4, 'months')).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    for (const [max, unit] of [[50, 'days'], [7777, 'days'], [12.3, 'years'], [250, 'months'], [0.9, 'years']] as const) {
      const t = niceTimeTicks(max, unit);
      expect(t[0]).toBe(0);
      expect(t.length).toBeGreaterThanOrEqual(4);
      expect(t.length).toBeLessThanOrEqual(8);
      expect(t[t.length - 1]).toBeLessThanOrEqual(max);
    }
  });

  it('counts subjects with time >= t', () => {
    const [a, b] = smallKmInput().groups;
    expect([0, 10, 11, 20, 30, 35, 40, 50, 51].map((t) => numberAtRisk(a, t))).toEqual([5, 5, 4, 4, 3, 3, 1, 1, 0]);
    expect([0, 15, 16, 40, 41].map((t) => numberAtRisk(b, t))).toEqual([3, 3, 1, 1, 0]);
    // display-unit ticks are converted back to days: 1 year = 365.25 days, so a death on day 365 is not at risk
    const g = { time: [365, 366], nRisk: [2, 1] };
    expect(riskTable([{ ...smallKmInput().groups[0], ...g, name: 'g' }], [0, 1], 'years').map((r) => r.nRisk)).toEqual([2, 1]);
  });

  it('puts the counts at the KM axis ticks in the figure', () => {
    const spec = kaplanMeierFigure(smallKmInput());
    const [km, risk] = vconcat(spec);
    const ticks = [0, 10, 20, 30, 40, 50];
    const xAxis = (((km.layer as Json[])[1].encoding as Json).x as Json).axis as Json;
    expect(xAxis.values).toEqual(ticks);
    expect(xAxis.title).toBe('Time (days)');
    const rows = (risk.data as { values: Json[] }).values.map((r) => [r.group, r.t, r.nRisk]);
    expect(rows).toEqual([
      ['A', 0, 5], ['A', 10, 5], ['A', 20, 4], ['A', 30, 3], ['A', 40, 1], ['A', 50, 1],
      ['B', 0, 3], ['B', 10, 3], ['B', 20, 1], ['B', 30, 1], ['B', 40, 1], ['B', 50, 0],
    ]);
    // same x domain and width for plot and table
    const kmX = (((km.layer as Json[])[1].encoding as Json).x as Json).scale as Json;
    const riskX = ((risk.encoding as Json).x as Json).scale as Json;
    expect(riskX.domain).toEqual(kmX.domain);
    expect(kmX.domain).toEqual([0, 50]);
    expect(risk.width).toBe(km.width);
    expect(risk.title).toMatchObject({ text: 'Number at risk' });
  });
});

describe('kaplanMeierFigure', () => {
  it('builds step curves from (0, 1), step bands without NA, and censoring marks', () => {
    const spec = kaplanMeierFigure(smallKmInput({ timeUnit: 'months' }));
    const [km] = vconcat(spec);
    const layers = km.layer as Json[];
    expect((layers[0].mark as Json).interpolate).toBe('step-after');
    expect((layers[1].mark as Json).interpolate).toBe('step-after');
    const curve = layerData(km, 1).filter((r) => r.label === 'A (n=5, events=3)');
    expect(curve[0]).toMatchObject({ t: 0, surv: 1 });
    expect(curve.map((r) => r.surv)).toEqual([1, 0.8, 0.8, 0.8 * (2 / 3), 0]);
    expect(curve[1].t).toBeCloseTo(10 / 30.4375, 9);
    const band = layerData(km, 0).filter((r) => r.label === 'A (n=5, events=3)');
    // (0,1,1), three finite rows, then the NA row closes the last step at t = 50 days
    expect(band.map((r) => [r.lower, r.upper])).toEqual([[1, 1], [0.52, 1], [0.52, 1], [0.2, 1], [0.2, 1]]);
    expect(band[band.length - 1].t).toBeCloseTo(50 / 30.4375, 9);
    const censored = layerData(km, 2);
    expect(censored.map((r) => [r.group, r.surv])).toEqual([['A', 0.8], ['A', 0.8 * (2 / 3)], ['B', 1 / 3]]);
  });

  it('is deterministic and NaN-free, with colour-blind-safe colours and the annotation', () => {
    const input = smallKmInput();
    const a = JSON.stringify(kaplanMeierFigure(input));
    expect(JSON.stringify(kaplanMeierFigure(smallKmInput()))).toBe(a);
    expect(a).not.toMatch(/NaN|Infinity/);
    expect(a).toContain('Log-rank p = 0.0124');
    expect(a).toContain('HR (B vs A) = 2.63 (95% CI 2.17–3.20), p = 1.13e-22');
    expect(a).toContain('"A (n=5, events=3)"');
    expect(a).toContain(`"range":["${OKABE_ITO.blue}","${OKABE_ITO.vermillion}"]`);
    expect(a).toContain('"Survival probability"');
    expect(a).toContain('95% confidence intervals');
  });

  it('compiles with vega-lite without warnings', () => {
    const warnings: unknown[] = [];
    const logger = {
      level(): number { return 0; },
      error(...args: unknown[]) { warnings.push(args); return this; },
      warn(...args: unknown[]) { warnings.push(args); return this; },
      info() { return this; },
      debug() { return this; },
    };
    for (const input of [smallKmInput(), smallKmInput({ title: 'Trial', hazardRatio: undefined, timeUnit: 'years' })]) {
      const { spec } = compile(kaplanMeierFigure(input) as TopLevelSpec, { logger: logger as never });
      expect(spec.marks?.length).toBeGreaterThan(0);
    }
    expect(warnings).toEqual([]);
  });

  it('rejects an empty group list', () => {
    expect(() => kaplanMeierFigure(smallKmInput({ groups: [] }))).toThrow(/no groups/);
  });
});
