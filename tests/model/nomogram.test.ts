import { describe, expect, test } from 'vitest';
import { cphBaseline, fitCph, survivalAt } from '../../src/model/cph.js';
import { buildNomogram, lpToPoints, pointsToLp } from '../../src/model/nomogram.js';
import { covariateTerm } from '../../src/survival/design.js';
import { expectAllClose, lungInput, nomogramExpected } from '../helpers/nomogramCases.js';

describe('cph and nomogram vs rms 6.5 (survival::lung, age + sex + ph.ecog)', () => {
  const e = nomogramExpected('lung');
  const { time, event, terms } = lungInput();
  const fit = fitCph(time, event, terms);

  test('cph: coefficients, SEs, loglik, means and center as cph (eps 1e-4, all columns centred)', () => {
    expect(fit.cox.n).toBe(e.n);
    expect(fit.cox.events).toBe(e.events);
    expect(fit.design.termNames).toEqual(e.terms);
    expectAllClose(fit.cox.coefficients, e.coef, 1e-10, 'coef');
    expectAllClose(fit.cox.terms.map((t) => t.se), e.se, 1e-10, 'se');
    expectAllClose(fit.cox.terms.map((t) => t.hr_lower), e.hr_lower, 1e-10, 'hr_lower');
    expectAllClose(fit.cox.loglik, e.loglik, 1e-12, 'loglik');
    expectAllClose(fit.means, e.means, 1e-12, 'means');
    expect(fit.center).toBeCloseTo(e.center, 10);
    expectAllClose(fit.linearPredictor, e.linear_predictors, 1e-10, 'linear predictors');
  });

  test('baseline survival as cph(surv = TRUE): Efron hazard at the means, time 0 first', () => {
    expectAllClose(fit.baseline.time, e.baseline.time, 0, 'baseline time');
    expectAllClose(fit.baseline.surv, e.baseline.surv, 1e-10, 'baseline surv');
  });

  test('points per predictor value, total points, lp axis and survival axes as nomogram()', () => {
    const nom = buildNomogram(fit, { times: e.nomogram.survival.map((s) => s.time) });
    expect(nom.scale).toBeCloseTo(e.nomogram.scale, 9);
    expect(nom.intercept).toBeCloseTo(e.nomogram.intercept, 10);
    expect(nom.predictors.map((p) => p.name)).toEqual(e.nomogram.predictors.map((p) => p.name));
    nom.predictors.forEach((p, k) => {
      expect(p.ticks.map((t) => t.value)).toEqual(e.nomogram.predictors[k].values);
      expectAllClose(p.ticks.map((t) => t.points), e.nomogram.predictors[k].points, 1e-9, `${p.name} points`);
    });
    expect(nom.totalPoints).toEqual(e.nomogram.total_points);
    expectAllClose(nom.linearPredictor.map((t) => t.value as number), e.nomogram.lp.values, 0, 'lp values');
    expectAllClose(nom.linearPredictor.map((t) => t.points), e.nomogram.lp.points, 1e-9, 'lp points');
    nom.survival.forEach((s, k) => {
      const r = e.nomogram.survival[k];
      expectAllClose(s.ticks.map((t) => t.value), r.values, 0, `S(${s.time}) values`);
      expectAllClose(s.ticks.map((t) => t.points), r.points, 1e-8, `S(${s.time}) points`);
      // The exact mapping total points → S(t) (R: surv(t, Intercept + points / sc)).
      const exact = nom.totalPoints.map((p) => survivalAt(fit.baseline, s.time, pointsToLp(nom, p)));
      expectAllClose(exact, r.surv_at_total_points, 1e-10, `S(${s.time}) at total points`);
    });
    expect(lpToPoints(nom, pointsToLp(nom, 42))).toBeCloseTo(42, 10);
  });

  test('--surv-at marks chosen probabilities (fun.at), dropping those off the axis', () => {
    const nom = buildNomogram(fit, { times: [365], survAt: [0.99, 0.5, 0.2] });
    expect(nom.survival[0].ticks.map((t) => t.value)).toEqual([0.5, 0.2]);
    const r = e.nomogram.survival[0];
    expect(nom.survival[0].ticks[0].points).toBeCloseTo(r.points[r.values.indexOf(0.5)], 8);
  });

  test('survival beyond the last follow-up time is NaN (Survival.cph gives NA)', () => {
    expect(Number.isNaN(survivalAt(fit.baseline, 5000, 0))).toBe(true);
    expect(survivalAt(fit.baseline, 0, 1)).toBe(1);
  });
});

describe('cph on tied deaths, Efron and Breslow', () => {
  // R 4.2.2, rms 6.5-0: d <- data.frame(t = c(1,1,1,2,3,3,4,5), s = c(1,1,0,1,1,1,0,1),
  //   x = c(0.5,1.2,-0.3,0.8,2.0,-1.1,0.1,0.4)); f <- cph(Surv(t, s) ~ x, data = d, surv = TRUE, method = m)
  const t = [1, 1, 1, 2, 3, 3, 4, 5];
  const s = [1, 1, 0, 1, 1, 1, 0, 1];
  const x = [0.5, 1.2, -0.3, 0.8, 2.0, -1.1, 0.1, 0.4];
  const R = {
    efron: { coef: 0.30579567571813449, surv: [1, 0.77081726273029494, 0.63655494924956035, 0.35756339290001615, 0.35756339290001615, 0.12952907828342258] },
    breslow: { coef: 0.2696156909646838, surv: [1, 0.78419901856515117, 0.64634990995583352, 0.3955962497392857, 0.3955962497392857, 0.14356990504497844] },
  };
  test.each(['efron', 'breslow'] as const)('%s: coefficient and fit$surv', (ties) => {
    const fit = fitCph(t, s, [covariateTerm('x', x.map(String))], ties);
    expect(fit.cox.coefficients[0]).toBeCloseTo(R[ties].coef, 10);
    expect(Array.from(fit.baseline.time)).toEqual([0, 1, 2, 3, 4, 5]);
    expectAllClose(fit.baseline.surv, R[ties].surv, 1e-10, `${ties} surv`);
    // The same baseline from the pieces, recomputed with the other tie rule, differs.
    const other = cphBaseline(fit.time, fit.event, fit.linearPredictor, ties === 'efron' ? 'breslow' : 'efron');
    expect(Math.abs(other.surv[1] - fit.baseline.surv[1])).toBeGreaterThan(1e-3);
  });
});
