import { describe, expect, test } from 'vitest';
import { SURVIVAL_CASES, expectClose } from '../helpers/fixtures.js';
import { fixtureModels } from '../helpers/models.js';
import { coxProportionalHazards } from '../../src/survival/cox.js';
import { buildDesign, covariateTerm } from '../../src/survival/design.js';

describe.each(SURVIVAL_CASES)('coxph reference case %s', (name) => {
  test.each(fixtureModels(name).map((m) => [m.key, m] as const))('%s', (key, m) => {
    const fit = coxProportionalHazards(m.time, m.event, m.columns, m.termNames, { ties: m.ties });
    const e = m.expected;
    const label = `${name} ${key}`;
    expect(fit.ties).toBe(e.ties);
    expect(fit.n).toBe(e.n);
    expect(fit.events).toBe(e.events);
    expect(fit.warnings).toEqual([]);
    expect(fit.converged).toBe(true);
    expect(fit.terms.map((t) => t.term)).toEqual(e.terms.map((t: { term: string }) => t.term));
    fit.terms.forEach((t, k) => {
      for (const f of ['coef', 'se', 'hr', 'hr_lower', 'hr_upper', 'z'] as const) {
        expectClose(t[f], e.terms[k][f], 1e-6, `${label} ${t.term} ${f}`);
      }
      expectClose(t.p, e.terms[k].p, 1e-4, `${label} ${t.term} p`);
    });
    expectClose(fit.loglik[0], e.loglik[0], 1e-6, `${label} loglik null`);
    expectClose(fit.loglik[1], e.loglik[1], 1e-6, `${label} loglik fitted`);
    for (const s of ['lrt', 'wald', 'score'] as const) {
      expectClose(fit[s].chisq, e[s].chisq, 1e-6, `${label} ${s} chisq`);
      expect(fit[s].df).toBe(e[s].df);
      expectClose(fit[s].p, e[s].p, 1e-4, `${label} ${s} p`);
    }
  });
});

describe('separation (a group without events)', () => {
  // R 4.2.2, survival 3.5-3:
  //   d <- data.frame(time=c(5,8,12,3,9,15,20,7,11,14), status=c(1,1,1,1,0,0,0,1,0,1),
  //                   g=factor(c("a","a","a","a","b","b","b","a","b","a")))
  //   f <- coxph(Surv(time, status) ~ g, data=d)
  //   Warning: Loglik converged before variable  1 ; coefficient may be infinite.
  //   f$coefficients -21.3466394419801; f$var 274295577.027054; f$iter 20
  //   f$loglik -11.0100680108534 -6.5792512156558; f$score 6.53495891569313
  //   f$wald.test 1.66127000808677e-06; summary: z -0.00129, p 0.9989716047701696
  //   (ties="breslow" gives the same numbers: there are no tied times)
  const time = Float64Array.from([5, 8, 12, 3, 9, 15, 20, 7, 11, 14]);
  const event = Float64Array.from([1, 1, 1, 1, 0, 0, 0, 1, 0, 1]);
  const g = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 0, 1, 0]);

  test.each(['efron', 'breslow'] as const)('reports what R reports, finite numbers and the warning (%s)', (ties) => {
    const fit = coxProportionalHazards(time, event, [g], ['group=b'], { ties });
    expect(fit.warnings).toEqual(['Loglik converged before variable 1; coefficient may be infinite.']);
    expect(fit.terms[0].infinite).toBe(true);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(20);
    const t = fit.terms[0];
    expectClose(t.coef, -21.3466394419801, 1e-6, 'coef');
    expectClose(t.se, Math.sqrt(274295577.027054), 1e-6, 'se');
    expectClose(t.hr, 5.36132683322e-10, 1e-6, 'hr');
    expect(t.hr_lower).toBe(0); // R prints 0 and Inf for this interval
    expect(t.hr_upper).toBe(Infinity);
    expectClose(t.p, 0.9989716047701696, 1e-4, 'p');
    expectClose(fit.loglik[0], -11.0100680108534, 1e-6, 'loglik0');
    expectClose(fit.loglik[1], -6.5792512156558, 1e-6, 'loglik1');
    expectClose(fit.score.chisq, 6.53495891569313, 1e-6, 'score');
    expectClose(fit.wald.chisq, 1.66127000808677e-6, 1e-6, 'wald');
    expectClose(fit.lrt.chisq, 2 * (-6.5792512156558 + 11.0100680108534), 1e-6, 'lrt');
  });

  test('out of iterations: R keeps only the diagonal of the variance', () => {
    // R: d$x <- c(1.2,-0.3,0.8,2.1,0.4,-1.1,0.0,1.5,-0.7,0.3,-0.2,0.9) on
    //   time=c(5,8,12,3,9,15,20,7,11,14,6,10), status=c(1,1,1,1,0,0,0,1,0,1,1,0),
    //   g=c(0,0,0,0,1,1,1,0,1,0,0,1)
    //   coxph(Surv(time, status) ~ g + x, iter.max=5): "Ran out of iterations and did not converge"
    //   iter 6; coef -5.83245903628341988 0.88978478252104187;
    //   var [69.35511788839197322, 0; 0, 0.50700369899666931]; loglik -13.9469597843844717 -7.6866766971540477
    //   default iter.max: "Loglik converged before variable  1 ; ...", iter 20,
    //   coef -20.83651156835308171 0.88979933258417665,
    //   var [2.2648022481045112e+08, 2.6082869307120643e-01; ., 5.0869670577364323e-01],
    //   loglik -13.9469597843844717 -7.6722025644907195, score 9.423425782561802, wald 1.5564163510775304
    const t2 = Float64Array.from([5, 8, 12, 3, 9, 15, 20, 7, 11, 14, 6, 10]);
    const e2 = Float64Array.from([1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0]);
    const g2 = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1]);
    const x = Float64Array.from([1.2, -0.3, 0.8, 2.1, 0.4, -1.1, 0.0, 1.5, -0.7, 0.3, -0.2, 0.9]);
    const short = coxProportionalHazards(t2, e2, [g2, x], ['g', 'x'], { maxIter: 5 });
    expect(short.converged).toBe(false);
    expect(short.iterations).toBe(6);
    expect(short.warnings).toEqual(['Ran out of iterations and did not converge']);
    expectClose(short.coefficients[0], -5.83245903628341988, 1e-9, 'coef g');
    expectClose(short.coefficients[1], 0.88978478252104187, 1e-9, 'coef x');
    expectClose(short.variance[0][0], 69.35511788839197322, 1e-9, 'var gg');
    expect(Math.abs(short.variance[0][1])).toBe(0); // R prints -0 here too
    expectClose(short.variance[1][1], 0.50700369899666931, 1e-9, 'var xx');
    expectClose(short.loglik[1], -7.6866766971540477, 1e-9, 'loglik');

    const full = coxProportionalHazards(t2, e2, [g2, x], ['g', 'x']);
    expect(full.iterations).toBe(20);
    expect(full.warnings).toEqual(['Loglik converged before variable 1; coefficient may be infinite.']);
    expect(full.terms.map((t) => t.infinite ?? false)).toEqual([true, false]);
    expectClose(full.coefficients[0], -20.83651156835308171, 1e-9, 'coef g');
    expectClose(full.coefficients[1], 0.88979933258417665, 1e-9, 'coef x');
    expectClose(full.variance[0][0], 2.2648022481045112e8, 1e-6, 'var gg');
    expectClose(full.variance[0][1], 2.6082869307120643e-1, 1e-6, 'var gx');
    expectClose(full.variance[1][1], 5.0869670577364323e-1, 1e-6, 'var xx');
    expectClose(full.loglik[1], -7.6722025644907195, 1e-9, 'loglik');
    expectClose(full.score.chisq, 9.423425782561802, 1e-9, 'score');
    expectClose(full.wald.chisq, 1.5564163510775304, 1e-6, 'wald');
  });
});

describe('singular designs', () => {
  // R: a <- data.frame(time=c(4,4,6,7,9,9,10,12,15,18,20,22), status=c(1,0,1,1,1,0,1,1,0,1,0,1),
  //   x=c(0.5,1.5,-0.2,0.9,1.1,-0.8,0.3,0.0,-1.4,0.7,0.2,-0.5),
  //   h=c("b","a","b","c","a","a","c","b","a","c","b","a")); a$x2 <- 2*a$x
  //   f <- coxph(Surv(time, status) ~ x + x2 + h, data=a)
  //   coef 1.64427965329074199 NA 1.50466402646447617 0.73304919180687267
  //   se 1.2442933047965627 0 1.4774506556337286 1.2149919142343655
  //   loglik -13.563967532128368 -11.131816802756751; score 3.2817188583285564; wald 1.9135000530901356
  //   p 0.18634915011413375 NA 0.30847880995016291 0.54628473414512757
  const time = Float64Array.from([4, 4, 6, 7, 9, 9, 10, 12, 15, 18, 20, 22]);
  const event = Float64Array.from([1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1]);
  const xs = [0.5, 1.5, -0.2, 0.9, 1.1, -0.8, 0.3, 0.0, -1.4, 0.7, 0.2, -0.5];
  const h = ['b', 'a', 'b', 'c', 'a', 'a', 'c', 'b', 'a', 'c', 'b', 'a'];

  test('a redundant column gets an NA coefficient (NaN), se 0, and drops out of the tests', () => {
    const d = buildDesign(
      [
        { name: 'x', kind: 'numeric', values: Float64Array.from(xs) },
        { name: 'x2', kind: 'numeric', values: Float64Array.from(xs, (v) => 2 * v) },
        covariateTerm('h', h),
      ],
      12,
    );
    const fit = coxProportionalHazards(time, event, d.columns, d.termNames);
    expect(d.termNames).toEqual(['x', 'x2', 'h=b', 'h=c']);
    const coef = [1.64427965329074199, NaN, 1.50466402646447617, 0.73304919180687267];
    const se = [1.2442933047965627, 0, 1.4774506556337286, 1.2149919142343655];
    const p = [0.18634915011413375, NaN, 0.30847880995016291, 0.54628473414512757];
    fit.terms.forEach((t, k) => {
      expectClose(t.coef, coef[k], 1e-9, `coef ${t.term}`);
      expectClose(t.se, se[k], 1e-9, `se ${t.term}`);
      expectClose(t.p, p[k], 1e-6, `p ${t.term}`);
    });
    expect(fit.terms[1].aliased).toBe(true);
    expect(Number.isNaN(fit.terms[1].hr)).toBe(true);
    expectClose(fit.loglik[0], -13.563967532128368, 1e-9, 'loglik0');
    expectClose(fit.loglik[1], -11.131816802756751, 1e-9, 'loglik1');
    expectClose(fit.score.chisq, 3.2817188583285564, 1e-9, 'score');
    expectClose(fit.wald.chisq, 1.9135000530901356, 1e-9, 'wald');
    expect(fit.wald.df).toBe(3);
    expect(fit.lrt.df).toBe(3);
  });

  test('no events: no fit, every statistic NA and a warning', () => {
    const fit = coxProportionalHazards(time, new Float64Array(12), [Float64Array.from(xs)], ['x']);
    expect(fit.events).toBe(0);
    expect(Number.isNaN(fit.terms[0].coef)).toBe(true);
    expect(fit.warnings.length).toBe(1);
  });
});

describe('time handling', () => {
  test('near-equal times are tied as coxph(timefix = TRUE) / aeqSurv does', () => {
    const x = Float64Array.from([0.2, 1.1, -0.4, 0.8, 0.3, -1.2, 0.5]);
    const event = Float64Array.from([1, 1, 0, 1, 1, 1, 0]);
    const exact = coxProportionalHazards(Float64Array.from([1, 3, 3, 3, 5, 6, 7]), event, [x], ['x']);
    const noisy = coxProportionalHazards(Float64Array.from([1, 3, 0.1 * 3 * 10, 3 * (1 + 1e-12), 5, 6, 7]), event, [x], ['x']);
    expect(noisy.coefficients[0]).toBe(exact.coefficients[0]);
    expect(noisy.loglik).toEqual(exact.loglik);
  });

  test('10,000 rows × 4 columns converge (speed is measured in bench/, not here)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const n = 10_000;
    const columns = [0, 1, 2, 3].map((k) => Float64Array.from({ length: n }, () => (k === 0 ? Number(rnd() < 0.5) : 3 * rnd())));
    const time = Float64Array.from({ length: n }, (_, i) => Math.round((-Math.log(rnd()) * 1000) / Math.exp(0.3 * columns[0][i])));
    const event = Float64Array.from({ length: n }, () => Number(rnd() < 0.6));
    const fit = coxProportionalHazards(time, event, columns, ['a', 'b', 'c', 'd']);
    expect(fit.converged).toBe(true);
    expect(fit.terms.map((t) => t.term)).toEqual(['a', 'b', 'c', 'd']);
    expect(fit.terms[0].coef).toBeGreaterThan(0); // the simulated hazard rises with column a
  });
});
