import { describe, expect, it } from 'vitest';
import { logRankTest, pairwiseLogRank } from '../../src/survival/logRank.js';
import { SURVIVAL_CASES, expectClose } from '../helpers/fixtures.js';
import { fixtureCohort } from '../helpers/models.js';

/** time, event and group codes of an R reference case, built from its input and call.txt. */
function caseData(name: string) {
  const c = fixtureCohort(name);
  return { expected: c.expected, levels: c.levels, time: c.time, event: c.event, group: c.group.map((g) => c.levels.indexOf(g)) };
}

describe.each(SURVIVAL_CASES)('log-rank on R reference case %s', (name) => {
  it('matches survdiff chisq, df and p', () => {
    const d = caseData(name);
    const r = logRankTest(d.time, d.event, d.group, d.levels.length);
    expectClose(r.chisq, d.expected.logrank.chisq, 1e-6, `${name} chisq`);
    expect(r.df).toBe(d.expected.logrank.df);
    expectClose(r.p, d.expected.logrank.p, 1e-4, `${name} p`);
    expect(r.n.reduce((a, b) => a + b, 0)).toBe(d.expected.n);
    expect(r.observed.reduce((a, b) => a + b, 0)).toBe(d.expected.events);
  });
});

describe('Peto & Peto (rho = 1)', () => {
  it('matches survdiff(..., rho = 1) on the reference data', () => {
    // R: survdiff(Surv(time, status) ~ celltype, data = veteran-celltype/input.tsv, rho = 1)
    //    chisq 19.7096224580615, p 1.94961588590466e-04,
    //    obs 16.06599132028366 9.56231237224927 28.42543314934026 13.39047264259681
    //    exp 10.8067722810010 17.4804132899354 19.0059143495264 20.1511095640072
    const v = caseData('veteran-celltype');
    const r = logRankTest(v.time, v.event, v.group, 4, 1);
    expectClose(r.chisq, 19.7096224580615, 1e-9, 'chisq');
    expectClose(r.p, 1.94961588590466e-4, 1e-9, 'p');
    [16.06599132028366, 9.56231237224927, 28.42543314934026, 13.39047264259681].forEach((o, i) =>
      expectClose(r.observed[i], o, 1e-12, `obs ${i}`),
    );
    [10.806772281001, 17.4804132899354, 19.0059143495264, 20.1511095640072].forEach((e, i) =>
      expectClose(r.expected[i], e, 1e-12, `exp ${i}`),
    );
    // R: survdiff(Surv(futime, fustat) ~ rx, data = ovarian, rho = 1) -> chisq 1.684854611657499, p 0.194280635714045
    const o = caseData('ovarian-rx');
    const ro = logRankTest(o.time, o.event, o.group, 2, 1);
    expectClose(ro.chisq, 1.684854611657499, 1e-9, 'ovarian chisq');
    expectClose(ro.p, 0.194280635714045, 1e-9, 'ovarian p');
    // R: survdiff(Surv(time, status) ~ x, data = aml, rho = 1) -> chisq 2.7792795447517733, p 0.0954911154064931
    const a = caseData('aml-breslow');
    const ra = logRankTest(a.time, a.event, a.group, 2, 1);
    expectClose(ra.chisq, 2.7792795447517733, 1e-9, 'aml chisq');
    expectClose(ra.p, 0.0954911154064931, 1e-9, 'aml p');
  });
});

describe('logRankTest small cases', () => {
  // R: d <- survdiff(Surv(c(1,2,3,4,5,6), c(1,0,1,1,0,1)) ~ c(0,0,0,1,1,1), rho = rho)
  const time = [1, 2, 3, 4, 5, 6];
  const event = [1, 0, 1, 1, 0, 1];
  const group = [0, 0, 0, 1, 1, 1];

  it('log-rank by hand: O = (2, 2), E = (0.75, 3.25), V = 0.4375', () => {
    // t=1: n=6, r=(3,3), d=1 -> E0 += 3/6, V00 += (3·5/(6·5))·(1 - 3/6) = 0.25
    // t=3: n=4, r=(1,3), d=1 -> E0 += 1/4, V00 += (1·3/(4·3))·(1 - 1/4) = 0.1875
    // t=4, t=6: group 0 has left. chisq = (2 - 0.75)² / 0.4375; R: 3.57142857142857
    const r = logRankTest(time, event, group, 2);
    expect(r.observed).toEqual([2, 2]);
    expectClose(r.expected[0], 0.75, 1e-12);
    expectClose(r.expected[1], 3.25, 1e-12);
    expectClose(r.variance[0][0], 0.4375, 1e-12);
    expectClose(r.variance[0][1], -0.4375, 1e-12);
    expectClose(r.chisq, 3.57142857142857, 1e-12);
    expect(r.df).toBe(1);
  });

  it('Peto-Peto weights observed and expected by the pooled S(t-)', () => {
    // R (rho = 1): chisq 3.32876712328767; obs 1.83333333333333 1.04166666666667;
    //              exp 0.708333333333333 2.166666666666667; var[1,1] 0.380208333333333
    const r = logRankTest(time, event, group, 2, 1);
    expectClose(r.chisq, 3.32876712328767, 1e-12);
    expectClose(r.observed[0], 1.83333333333333, 1e-12);
    expectClose(r.observed[1], 1.04166666666667, 1e-12);
    expectClose(r.expected[0], 0.708333333333333, 1e-12);
    expectClose(r.expected[1], 2.166666666666667, 1e-12);
    expectClose(r.variance[0][0], 0.380208333333333, 1e-12);
  });

  it('a group with no one at risk at any event time has E = 0 and is left out of df', () => {
    // R: survdiff(Surv(c(1,1,2,3,5,6,4), c(0,0,1,1,0,1,1)) ~ c(2,2,0,0,1,1,1))
    //    -> expected 0.65 3.35 0; chisq 4.26315789473684 on 1 df, p 0.0389474557420255
    const r = logRankTest([1, 1, 2, 3, 5, 6, 4], [0, 0, 1, 1, 0, 1, 1], [2, 2, 0, 0, 1, 1, 1], 3);
    expect(r.expected[2]).toBe(0);
    expect(r.df).toBe(1);
    expectClose(r.chisq, 4.26315789473684, 1e-12);
    expectClose(r.p, 0.0389474557420255, 1e-9);
  });

  it('degenerate inputs: one group present (R stops) and no events at all', () => {
    const one = logRankTest([1, 2, 3], [1, 0, 1], [0, 0, 0], 2);
    expect(Number.isNaN(one.chisq) && Number.isNaN(one.p)).toBe(true);
    // R: survdiff(Surv(1:4, c(0,0,0,0)) ~ c(0,0,1,1)) -> chisq 0 on -1 df, p NaN
    const none = logRankTest([1, 2, 3, 4], [0, 0, 0, 0], [0, 0, 1, 1], 2);
    expect(none.chisq).toBe(0);
    expect(none.df).toBe(-1);
    expect(Number.isNaN(none.p)).toBe(true);
    // Only one group with E > 0: chisq 0 on 0 df, p = pchisq(0, 0, lower.tail = FALSE) = 1
    const single = logRankTest([1, 1, 2, 3], [0, 0, 1, 1], [1, 1, 0, 0], 2);
    expect([single.chisq, single.df, single.p]).toEqual([0, 0, 1]);
  });

  it('rejects bad group codes', () => {
    expect(() => logRankTest([1, 2], [1, 1], [0, 2], 2)).toThrow(RangeError);
    expect(() => logRankTest([1, 2], [1, 1], [0, 0.5], 2)).toThrow(RangeError);
  });
});

describe('pairwiseLogRank', () => {
  const v = caseData('veteran-celltype');

  it('matches survminer::pairwise_survdiff (BH) on veteran cell types', () => {
    // R: for each pair i < j of sorted cell types,
    //    pchisq(survdiff(Surv(time, status) ~ celltype, data = subset)$chisq, 1, lower.tail = FALSE);
    //    then p.adjust(p, "BH")  (what pairwise_survdiff does)
    const expected = [
      ['adeno', 'large', 17.6693215293231, 2.62831687847632e-5, 0.000157699012708579],
      ['adeno', 'smallcell', 0.0968431919710041, 0.755651328687122, 0.755651328687122],
      ['adeno', 'squamous', 12.0454836410802, 5.19180149283946e-4, 0.001337842450082945],
      ['large', 'smallcell', 9.37090414818377, 2.20456751896179e-3, 0.003306851278442678],
      ['large', 'squamous', 0.822593978656154, 0.364422837484103, 0.437307404980924],
      ['smallcell', 'squamous', 11.573673919989, 6.68921225041472e-4, 0.001337842450082945],
    ] as const;
    const res = pairwiseLogRank(v.time, v.event, v.group, 4, v.levels, 0);
    expect(res.length).toBe(6);
    res.forEach((r, i) => {
      const [g1, g2, chisq, p, padj] = expected[i];
      expect([r.group1, r.group2]).toEqual([g1, g2]);
      expectClose(r.chisq, chisq, 1e-9, `${g1}-${g2} chisq`);
      expectClose(r.p, p, 1e-9, `${g1}-${g2} p`);
      expectClose(r.p_adjusted, padj, 1e-9, `${g1}-${g2} p adj`);
    });
  });

  it('Peto-Peto pairs (rho = 1)', () => {
    // R: as above with survdiff(..., rho = 1)
    const padj = [0.00119958255995095, 0.88346937048511165, 0.01631915308835093, 0.00136416218148461, 0.88346937048511165, 0.0099531840280925];
    const chisq = [13.8317373795626, 0.0418613994587754, 6.48490498904839, 12.2927520527587, 0.0214835313828736, 7.88792525769371];
    const res = pairwiseLogRank(v.time, v.event, v.group, 4, v.levels, 1);
    res.forEach((r, i) => {
      expectClose(r.chisq, chisq[i], 1e-9, `chisq ${i}`);
      expectClose(r.p_adjusted, padj[i], 1e-9, `p adj ${i}`);
    });
  });

  it('skips empty groups', () => {
    const res = pairwiseLogRank([1, 2, 3, 4], [1, 1, 0, 1], [0, 0, 2, 2], 3, ['a', 'b', 'c'], 0);
    expect(res.map((r) => `${r.group1}-${r.group2}`)).toEqual(['a-c']);
    expect(res[0].p_adjusted).toBe(res[0].p);
  });
});
