import { describe, expect, test } from 'vitest';
import { SURVIVAL_CASES, expectClose } from '../helpers/fixtures.js';
import { fixtureModels } from '../helpers/models.js';
import { coxProportionalHazards } from '../../src/survival/cox.js';
import { coxZph } from '../../src/survival/coxZph.js';
import { buildDesign, covariateTerm } from '../../src/survival/design.js';

describe.each(SURVIVAL_CASES)('cox.zph(transform="km", terms=FALSE), case %s', (name) => {
  test.each(fixtureModels(name).map((m) => [m.key, m] as const))('%s', (key, m) => {
    const fit = coxProportionalHazards(m.time, m.event, m.columns, m.termNames, { ties: m.ties });
    const rows = coxZph(fit, m.time, m.event, m.columns);
    const expected = m.expected.ph_test as { term: string; chisq: number; df: number; p: number }[];
    expect(rows.map((r) => r.term)).toEqual(expected.map((r) => r.term));
    rows.forEach((r, k) => {
      expectClose(r.chisq, expected[k].chisq, 1e-6, `${name} ${key} ${r.term} chisq`);
      expect(r.df).toBe(expected[k].df);
      expectClose(r.p, expected[k].p, 1e-4, `${name} ${key} ${r.term} p`);
    });
  });
});

describe('cox.zph edge cases (checked against R 4.2.2, survival 3.5-3)', () => {
  test('tied times: Efron and Breslow', () => {
    // t <- c(2,3,3,3,5,6,6,8,9,9,11,12,12,14); s <- c(1,1,0,1,1,0,1,1,1,1,0,1,0,1)
    // x <- c(0.4,1.0,1.0,0.2,0.4,0.9,0.9,-0.1,0.2,0.2,0.4,-0.5,0.0,-0.1)
    // cox.zph(coxph(Surv(t,s) ~ x), transform="km", terms=FALSE): x 0.14016866363425751, p 0.70811339537920859
    // ... ties="breslow": x 0.15424748651941936, p 0.69450891064292808
    const t = Float64Array.from([2, 3, 3, 3, 5, 6, 6, 8, 9, 9, 11, 12, 12, 14]);
    const s = Float64Array.from([1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1]);
    const x = Float64Array.from([0.4, 1.0, 1.0, 0.2, 0.4, 0.9, 0.9, -0.1, 0.2, 0.2, 0.4, -0.5, 0.0, -0.1]);
    const expected = { efron: [0.14016866363425751, 0.70811339537920859], breslow: [0.15424748651941936, 0.69450891064292808] };
    for (const ties of ['efron', 'breslow'] as const) {
      const fit = coxProportionalHazards(t, s, [x], ['x'], { ties });
      const rows = coxZph(fit, t, s, [x]);
      expect(rows.map((r) => r.term)).toEqual(['x', 'GLOBAL']);
      for (const r of rows) {
        expectClose(r.chisq, expected[ties][0], 1e-9, `${ties} ${r.term} chisq`);
        expectClose(r.p, expected[ties][1], 1e-9, `${ties} ${r.term} p`);
      }
    }
  });

  test('an aliased (NA) coefficient is left out, as R does', () => {
    // a <- data.frame(time=c(4,4,6,7,9,9,10,12,15,18,20,22), status=c(1,0,1,1,1,0,1,1,0,1,0,1),
    //   x=c(0.5,1.5,-0.2,0.9,1.1,-0.8,0.3,0.0,-1.4,0.7,0.2,-0.5), h=c("b","a","b","c","a","a","c","b","a","c","b","a"))
    // a$x2 <- 2*a$x; cox.zph(coxph(Surv(time,status) ~ x + x2 + h, a), transform="km", terms=FALSE)
    //   x 1.0060989880864242 / hb 2.3757852016968171 / hc 1.1523096471150631 / GLOBAL 2.7373082472484764 (3 df)
    const time = Float64Array.from([4, 4, 6, 7, 9, 9, 10, 12, 15, 18, 20, 22]);
    const event = Float64Array.from([1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1]);
    const xs = [0.5, 1.5, -0.2, 0.9, 1.1, -0.8, 0.3, 0.0, -1.4, 0.7, 0.2, -0.5];
    const d = buildDesign(
      [
        { name: 'x', kind: 'numeric', values: Float64Array.from(xs) },
        { name: 'x2', kind: 'numeric', values: Float64Array.from(xs, (v) => 2 * v) },
        covariateTerm('h', ['b', 'a', 'b', 'c', 'a', 'a', 'c', 'b', 'a', 'c', 'b', 'a']),
      ],
      12,
    );
    const fit = coxProportionalHazards(time, event, d.columns, d.termNames);
    const rows = coxZph(fit, time, event, d.columns);
    expect(rows.map((r) => [r.term, r.df])).toEqual([['x', 1], ['h=b', 1], ['h=c', 1], ['GLOBAL', 3]]);
    [1.0060989880864242, 2.3757852016968171, 1.1523096471150631, 2.7373082472484764].forEach((v, k) =>
      expectClose(rows[k].chisq, v, 1e-9, rows[k].term),
    );
  });

  test("a separated fit still gives R's finite statistics", () => {
    // time=c(5,8,12,3,9,15,20,7,11,14,6,10), status=c(1,1,1,1,0,0,0,1,0,1,1,0), g=c(0,0,0,0,1,1,1,0,1,0,0,1),
    // x=c(1.2,-0.3,0.8,2.1,0.4,-1.1,0.0,1.5,-0.7,0.3,-0.2,0.9); cox.zph(coxph(Surv(time,status) ~ g + x), "km", terms=FALSE)
    //   g 4.1498054786405543e-10 (p 0.99998374623668551) / x 1.1174756078772305 / GLOBAL 1.1174756123279408
    const t = Float64Array.from([5, 8, 12, 3, 9, 15, 20, 7, 11, 14, 6, 10]);
    const e = Float64Array.from([1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0]);
    const g = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1]);
    const x = Float64Array.from([1.2, -0.3, 0.8, 2.1, 0.4, -1.1, 0.0, 1.5, -0.7, 0.3, -0.2, 0.9]);
    const fit = coxProportionalHazards(t, e, [g, x], ['g', 'x']);
    const rows = coxZph(fit, t, e, [g, x]);
    // The statistic for g is ~0 and sensitive to rounding at the 1e-6 level; its p is not.
    expectClose(rows[0].chisq, 4.1498054786405543e-10, 1e-4, 'g chisq');
    expectClose(rows[0].p, 0.99998374623668551, 1e-9, 'g p');
    expectClose(rows[1].chisq, 1.1174756078772305, 1e-6, 'x chisq');
    expectClose(rows[2].chisq, 1.1174756123279408, 1e-6, 'GLOBAL chisq');
  });
});
