import { describe, expect, test } from 'vitest';
import { calibrate, cut2 } from '../../src/model/calibration.js';
import { fitCph, survivalAt } from '../../src/model/cph.js';
import { expectAllClose, lungInput, nomogramExpected } from '../helpers/nomogramCases.js';

describe('calibration vs rms calibrate(cmethod = "KM") / groupkm (survival::lung, u = 365, 5 groups)', () => {
  const e = nomogramExpected('lung');
  const { time, event, terms } = lungInput();
  const fit = fitCph(time, event, terms);
  const u = e.calibration.time;
  const pred = Array.from(fit.linearPredictor, (lp) => survivalAt(fit.baseline, u, lp));

  test('predicted S(u) per patient as calibrate\'s attr "predicted"', () => {
    expectAllClose(pred, e.calibration.predicted, 1e-10, 'predicted');
  });

  test('cuts, group sizes, events, mean predicted, KM observed and its std.err', () => {
    const cal = calibrate(pred, fit.time, fit.event, u, e.calibration.groups);
    expectAllClose(cal.cuts, e.calibration.cuts, 1e-12, 'cuts');
    expect(cal.groups.map((g) => g.n)).toEqual(e.calibration.n);
    expect(cal.groups.map((g) => g.events)).toEqual(e.calibration.events);
    expectAllClose(cal.groups.map((g) => g.predicted), e.calibration.mean_predicted, 1e-12, 'mean predicted');
    expectAllClose(cal.groups.map((g) => g.observed), e.calibration.observed, 1e-12, 'KM');
    expectAllClose(cal.groups.map((g) => g.std_err), e.calibration.std_err, 1e-10, 'std.err');
    // groupkm's errbar interval: KM·exp(∓1.96·se), the upper end capped at 1.
    for (const g of cal.groups) {
      expect(g.lower).toBeCloseTo(g.observed * Math.exp(-1.959963984540054 * g.std_err), 12);
      expect(g.upper).toBeLessThanOrEqual(1);
    }
  });
});

describe('calibration edge cases', () => {
  test('a time beyond a group\'s follow-up gives NA observed (groupkm), not the last KM value', () => {
    const pred = [0.9, 0.85, 0.8, 0.3, 0.25, 0.2];
    const time = [10, 20, 30, 5, 6, 7];
    const event = [0, 1, 0, 1, 1, 0];
    const cal = calibrate(pred, time, event, 25, 2);
    const low = cal.groups.find((g) => g.predicted < 0.5)!;
    expect(low.n).toBe(3);
    expect(Number.isNaN(low.observed)).toBe(true);
    const high = cal.groups.find((g) => g.predicted > 0.5)!;
    expect(high.observed).toBeCloseTo(0.5, 12);
  });

  test('a group with one patient has n 0 and NA observed, as groupkm', () => {
    const cal = calibrate([0.1, 0.5, 0.51, 0.52, 0.9, 0.91], [1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 0], 3, 5);
    expect(cal.groups.some((g) => g.n === 0 && Number.isNaN(g.observed) && !Number.isNaN(g.predicted))).toBe(true);
  });

  test('cut2: groups are [cut_k, cut_k+1), the last closed', () => {
    const { group, levels } = cut2([0, 0.2, 0.5, 0.7, 1], [0, 0.5, 1]);
    expect(levels).toBe(2);
    expect(Array.from(group)).toEqual([0, 0, 1, 1, 1]);
  });
});
