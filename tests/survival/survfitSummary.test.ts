import { describe, expect, it } from 'vitest';
import { kaplanMeier, type SurvivalCurve } from '../../src/survival/kaplanMeier.js';
import { restrictedMean, survivalAt, survivalQuantile } from '../../src/survival/survfitSummary.js';
import { SURVIVAL_CASES, expectClose } from '../helpers/fixtures.js';
import { fixtureGroups } from '../helpers/models.js';

describe.each(SURVIVAL_CASES)('R reference case %s', (name) => {
  const c = fixtureGroups(name);
  const curves = c.groups.map((g) => kaplanMeier(g.time, g.event, { confType: c.confType, confLevel: 0.95 }));

  it('reproduces n, events, median and its CI (and RMST) of summary(fit)$table', () => {
    c.groups.forEach((g, gi) => {
      const exp = c.expected.groups.find((e: { group: string }) => e.group === g.level);
      const curve = curves[gi];
      expect(curve.n).toBe(exp.n);
      expect(curve.events).toBe(exp.events);
      for (const method of ['quantile.survfit', 'survfit.table'] as const) {
        const q = survivalQuantile(curve, 0.5, { method });
        expectClose(q.median, exp.median, 1e-6, `${name} ${g.level} median (${method})`);
        expectClose(q.lower, exp.median_lower, 1e-6, `${name} ${g.level} median_lower (${method})`);
        expectClose(q.upper, exp.median_upper, 1e-6, `${name} ${g.level} median_upper (${method})`);
      }
      if (c.tau !== undefined) {
        const r = restrictedMean(curve, c.tau);
        expectClose(r.rmst, exp.rmst, 1e-6, `${name} ${g.level} rmst`);
        expectClose(r.se, exp.rmst_se, 1e-6, `${name} ${g.level} rmst_se`);
      }
    });
  });

  // Only the cases whose call has --times report at_times.
  if (c.expected.at_times !== undefined) {
    it('reproduces summary(fit, times =) rows', () => {
      c.groups.forEach((g, gi) => {
        const at = survivalAt(curves[gi], c.times!);
        const exp = c.expected.at_times.filter((e: { group: string }) => e.group === g.level);
        expect(at.length).toBe(exp.length);
        at.forEach((a, i) => {
          const e = exp[i];
          expect(a.time).toBe(e.time);
          expect(a.nRisk).toBe(e.n_risk);
          for (const key of ['surv', 'stdErr', 'lower', 'upper'] as const) {
            const col = key === 'stdErr' ? 'std_err' : key;
            expectClose(a[key], e[col], 1e-6, `${name} ${g.level} t=${a.time} ${col}`);
          }
        });
      });
    });
  }
});

/** restrictedMean(km, tau) against R's rmean and se(rmean); se to `seTol` where R printed 7 digits. */
function expectRestrictedMean(km: SurvivalCurve, tau: number, rmst: number, se: number, seTol = 1e-9): void {
  const r = restrictedMean(km, tau);
  expectClose(r.rmst, rmst, 1e-9, `rmean (tau ${tau})`);
  expectClose(r.se, se, seTol, `se(rmean) (tau ${tau})`);
}

// Small hand-checkable curves. Expected numbers are from R 4.2.2 / survival 3.5-3;
// the R call is written above each block.
describe('survivalQuantile', () => {
  it('curve ending exactly at 0.5: quantile.survfit takes the midpoint with the last time, the table does not', () => {
    // R: f <- survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1)
    //    quantile(f, 0.5)        -> quantile 3, lower 1, upper NA
    //    summary(f)$table        -> median 2, 0.95LCL 1, 0.95UCL NA; rmean 2.75, se(rmean) 0.6495191
    const km = kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0], { confType: 'log', confLevel: 0.95 });
    expect(survivalQuantile(km)).toEqual({ median: 3, lower: 1, upper: null });
    expect(survivalQuantile(km, 0.5, { method: 'survfit.table' })).toEqual({ median: 2, lower: 1, upper: null });
    expectRestrictedMean(km, 4, 2.75, 0.6495191, 1e-6);
  });

  it('other probabilities and log-log curves with NA at S = 1', () => {
    // R: f <- survfit(Surv(1:6, c(0,1,1,0,1,0)) ~ 1, conf.type="log-log")
    //    quantile(f, c(.25,.5,.75)) -> quantile 3 5 NA; lower 2 2 2; upper 5 NA NA
    //    summary(f)$table -> median 5, LCL 2, UCL NA; rmean 4.3, se(rmean) 0.7049823
    const km = kaplanMeier([1, 2, 3, 4, 5, 6], [0, 1, 1, 0, 1, 0], { confType: 'log-log', confLevel: 0.95 });
    expect(survivalQuantile(km, 0.25)).toEqual({ median: 3, lower: 2, upper: 5 });
    expect(survivalQuantile(km, 0.5)).toEqual({ median: 5, lower: 2, upper: null });
    expect(survivalQuantile(km, 0.75)).toEqual({ median: null, lower: 2, upper: null });
    expect(survivalQuantile(km, 0.5, { method: 'survfit.table' })).toEqual({ median: 5, lower: 2, upper: null });
    expectRestrictedMean(km, 6, 4.3, 0.7049823, 1e-6);
  });

  it('flat stretch exactly at 0.5: midpoint of where it starts and the next drop', () => {
    // R: quantile(survfit(Surv(c(1,2,3,4,5,6), c(1,1,1,0,1,1)) ~ 1), 0.5)$quantile -> 4 (S = 0.5 on [3, 5))
    const km = kaplanMeier([1, 2, 3, 4, 5, 6], [1, 1, 1, 0, 1, 1], { confType: 'log', confLevel: 0.95 });
    expect(survivalQuantile(km).median).toBe(4);
    expect(survivalQuantile(km, 0.5, { method: 'survfit.table' }).median).toBe(4);
  });
});

describe('restrictedMean', () => {
  it('tau beyond the last time carries the last S forward', () => {
    // R: f <- survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1)
    //    summary(f, rmean = 10)$table  -> rmean 5.75, se(rmean) 2.132340264
    //    summary(f, rmean = 2.5)$table -> rmean 2,    se(rmean) 0.3061862178
    const km = kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0], { confType: 'log', confLevel: 0.95 });
    expectRestrictedMean(km, 10, 5.75, 2.132340264);
    expectRestrictedMean(km, 2.5, 2, 0.3061862178);
    // tau before the first time (R refuses): the whole area is tau
    expect(restrictedMean(km, 0.5)).toEqual({ rmst: 0.5, se: 0 });
  });

  it('tied event and censoring, tau inside and beyond the curve', () => {
    // R: f <- survfit(Surv(c(2,4,4,7,9), c(1,0,1,1,0)) ~ 1)
    //    summary(f, rmean = 12)$table -> rmean 6.9, se(rmean) 1.798054504
    //    summary(f, rmean = 5)$table  -> rmean 4.2, se(rmean) 0.5215361924
    const km = kaplanMeier([2, 4, 4, 7, 9], [1, 0, 1, 1, 0], { confType: 'log', confLevel: 0.95 });
    expectRestrictedMean(km, 12, 6.9, 1.798054504);
    expectRestrictedMean(km, 5, 4.2, 0.5215361924);
  });
});

describe('survivalAt', () => {
  // R: f <- survfit(Surv(1:6, c(0,1,1,0,1,0)) ~ 1, conf.type="log-log")
  //    summary(f, times = c(-1, 0, 0.5, 2.5, 3, 6, 7, 10))  -> rows for -1 .. 6 (7 and 10 dropped):
  //    n.risk 6 6 6 4 4 1; surv 1 1 1 .8 .6 .3; std.err 0 0 0 .1788854 .2190890 .2387467;
  //    lower 1 1 1 .2038093 .1257302 .0123015; upper 1 1 1 .9691798 .8817564 .7192180
  //    summary(f, times = c(6, 7), extend = TRUE): n.risk 1 0, surv .3 .3
  const km = kaplanMeier([1, 2, 3, 4, 5, 6], [0, 1, 1, 0, 1, 0], { confType: 'log-log', confLevel: 0.95 });

  it('reads S from the last time <= t and n.risk from the first time >= t, sorted', () => {
    const at = survivalAt(km, [10, 7, 6, 3, 2.5, 0.5, 0, -1]);
    expect(at.map((a) => a.time)).toEqual([-1, 0, 0.5, 2.5, 3, 6, 7, 10]);
    expect(at.map((a) => a.nRisk)).toEqual([6, 6, 6, 4, 4, 1, null, null]);
    const surv = [1, 1, 1, 0.8, 0.6, 0.3];
    const se = [0, 0, 0, 0.1788854, 0.219089, 0.2387467];
    const lower = [1, 1, 1, 0.2038093, 0.1257302, 0.01230153];
    const upper = [1, 1, 1, 0.9691798, 0.8817564, 0.719218];
    surv.forEach((s, i) => {
      expectClose(at[i].surv, s, 1e-9, `surv ${i}`);
      expectClose(at[i].stdErr, se[i], 1e-6, `se ${i}`);
      expectClose(at[i].lower, lower[i], 1e-6, `lower ${i}`);
      expectClose(at[i].upper, upper[i], 1e-6, `upper ${i}`);
    });
    // R drops times past the last observation; here they are kept with nulls
    expect(at[6]).toEqual({ time: 7, nRisk: null, surv: null, stdErr: null, lower: null, upper: null });
  });

  it('extend: past the last time S is carried and n.risk is 0', () => {
    const at = survivalAt(km, [6, 7], { extend: true });
    expect(at.map((a) => a.nRisk)).toEqual([1, 0]);
    expectClose(at[1].surv, 0.3, 1e-12);
    expectClose(at[1].lower, 0.01230153, 1e-6);
  });
});
