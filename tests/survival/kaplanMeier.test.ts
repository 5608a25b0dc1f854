import { describe, expect, it } from 'vitest';
import { kaplanMeier, type ConfType, type SurvivalCurve } from '../../src/survival/kaplanMeier.js';
import { survivalQuantile } from '../../src/survival/survfitSummary.js';
import { fixTiedTimes } from '../../src/survival/timefix.js';
import { SURVIVAL_CASES, expectClose, num } from '../helpers/fixtures.js';
import { fixtureGroups } from '../helpers/models.js';

const KM_COLUMNS: [string, keyof SurvivalCurve][] = [
  ['time', 'time'],
  ['n_risk', 'nRisk'],
  ['n_event', 'nEvent'],
  ['n_censor', 'nCensor'],
  ['surv', 'surv'],
  ['std_err', 'stdErr'],
  ['lower', 'lower'],
  ['upper', 'upper'],
];

describe.each(SURVIVAL_CASES)('R reference case %s', (name) => {
  const c = fixtureGroups(name);
  const curves = c.groups.map((g) => kaplanMeier(g.time, g.event, { confType: c.confType, confLevel: 0.95 }));

  it('reproduces every km.tsv row of summary(survfit(), censored = TRUE)', () => {
    c.groups.forEach((g, gi) => {
      const rows = c.km.filter((r) => r.group === g.level);
      const curve = curves[gi];
      expect(curve.time.length, `${g.level}: rows`).toBe(rows.length);
      rows.forEach((row, i) => {
        for (const [col, key] of KM_COLUMNS) {
          const actual = (curve[key] as Float64Array | Int32Array)[i];
          expectClose(actual, num(row[col]), 1e-6, `${name} ${g.level} row ${i} ${col}`);
        }
      });
    });
  });
});

// Small hand-checkable curves. Expected numbers are from R 4.2.2 / survival 3.5-3;
// the R call is written above each block.
describe('kaplanMeier edge cases', () => {
  it('all censored: S stays 1, no median', () => {
    const km = kaplanMeier([3, 1, 2, 2], [0, 0, 0, 0], { confType: 'log', confLevel: 0.95 });
    expect(Array.from(km.time)).toEqual([1, 2, 3]);
    expect(Array.from(km.nRisk)).toEqual([4, 3, 1]);
    expect(Array.from(km.nCensor)).toEqual([1, 2, 1]);
    expect(Array.from(km.surv)).toEqual([1, 1, 1]);
    expect(Array.from(km.stdErr)).toEqual([0, 0, 0]);
    expect(Array.from(km.lower)).toEqual([1, 1, 1]);
    expect(km.events).toBe(0);
    expect(survivalQuantile(km)).toEqual({ median: null, lower: null, upper: null });
    // log-log has no interval at S = 1 (R: NA)
    const ll = kaplanMeier([3, 1, 2, 2], [0, 0, 0, 0], { confType: 'log-log', confLevel: 0.95 });
    expect(Number.isNaN(ll.lower[0]) && Number.isNaN(ll.upper[0])).toBe(true);
  });

  it('event and censoring tied at a time: both at risk, censored leave after', () => {
    // R: summary(survfit(Surv(c(1,2,2,3,3), c(1,1,0,1,1)) ~ 1, conf.type=ct), censored=TRUE)
    const time = [1, 2, 2, 3, 3];
    const event = [1, 1, 0, 1, 1];
    const expected: Record<ConfType, [number[], number[]]> = {
      log: [[0.5161258, 0.2933164, NaN], [1, 1, NaN]],
      'log-log': [[0.2038093, 0.1257302, NaN], [0.9691798, 0.8817564, NaN]],
      plain: [[0.449391, 0.1705934, NaN], [1, 1, NaN]],
    };
    for (const ct of ['log', 'log-log', 'plain'] as const) {
      const km = kaplanMeier(time, event, { confType: ct, confLevel: 0.95 });
      expect(Array.from(km.nRisk)).toEqual([5, 4, 2]);
      expect(Array.from(km.nEvent)).toEqual([1, 1, 2]);
      expect(Array.from(km.nCensor)).toEqual([0, 1, 0]);
      [0.8, 0.6, 0].forEach((s, i) => expectClose(km.surv[i], s, 1e-12, `surv ${i}`));
      // the last event empties the risk set: S = 0, R's std.err and bounds are NA/NaN
      [0.1788854, 0.219089, NaN].forEach((s, i) => expectClose(km.stdErr[i], s, 1e-6, `se ${i}`));
      expected[ct][0].forEach((v, i) => expectClose(km.lower[i], v, 1e-6, `${ct} lower ${i}`));
      expected[ct][1].forEach((v, i) => expectClose(km.upper[i], v, 1e-6, `${ct} upper ${i}`));
    }
  });

  it('confLevel changes z', () => {
    // R: summary(survfit(Surv(c(1,2,3,4), c(1,1,0,1)) ~ 1, conf.int=0.9), censored=TRUE)$lower
    //    -> 0.4664938628 0.2196820525 0.2196820525 NA
    const km = kaplanMeier([1, 2, 3, 4], [1, 1, 0, 1], { confType: 'log', confLevel: 0.9 });
    [0.4664938628, 0.2196820525, 0.2196820525, NaN].forEach((v, i) => expectClose(km.lower[i], v, 1e-9, `lower ${i}`));
  });

  it('merges times closer than sqrt(eps), as aeqSurv (timefix)', () => {
    const t = [1, 1 + 1e-12, 2, 0.1 + 0.2, 0.3];
    expect(Array.from(fixTiedTimes(t))).toEqual([1, 1, 2, 0.3, 0.3]);
    const km = kaplanMeier(t, [1, 1, 0, 1, 0], { confType: 'log', confLevel: 0.95 });
    expect(Array.from(km.time)).toEqual([0.3, 1, 2]);
    expect(Array.from(km.nEvent)).toEqual([1, 2, 0]);
    const raw = kaplanMeier(t, [1, 1, 0, 1, 0], { confType: 'log', confLevel: 0.95, timefix: false });
    expect(raw.time.length).toBe(5);
  });

  it('rejects bad input', () => {
    expect(() => kaplanMeier([1, 2], [1], {})).toThrow(RangeError);
    expect(() => kaplanMeier([1, NaN], [1, 0], {})).toThrow(RangeError);
    expect(() => kaplanMeier([1, 2], [1, 2], {})).toThrow(RangeError);
  });
});
