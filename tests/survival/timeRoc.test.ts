// timeDependentRoc against riskRegression::Score (tests/fixtures/roc, copied from
// ../shared/reference/roc) and against hand-checkable small cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeDependentRoc } from '../../src/survival/timeRoc.js';
import { censoringKaplanMeier } from '../../src/survival/censoringKm.js';
import { FIXTURES, expectClose, num, readTsv } from '../helpers/fixtures.js';

function rocCase(name: string, times: number[]) {
  const dir = join(FIXTURES, 'roc', name);
  const rows = readTsv(join(dir, 'input.tsv')).filter((r) => !Number.isNaN(num(r.marker)));
  const event = rows.map((r) => (name === 'lung-ties' ? num(r.status) - 1 : num(r.status)));
  const fit = timeDependentRoc(rows.map((r) => num(r.time)), event, rows.map((r) => num(r.marker)), times);
  const expected = JSON.parse(readFileSync(join(dir, 'expected', 'summary.json'), 'utf8')).time_roc;
  const roc = readTsv(join(dir, 'expected', 'roc.tsv'));
  return { fit, expected, roc };
}

describe('timeDependentRoc against riskRegression::Score', () => {
  for (const [name, times] of [['pbc-bili', [365, 1095, 1825]], ['lung-ties', [180, 365]]] as const) {
    it(name, () => {
      const { fit, expected, roc } = rocCase(name, [...times]);
      expect(fit.at).toHaveLength(expected.length);
      fit.at.forEach((a, k) => {
        const e = expected[k];
        expect(a.time).toBe(e.time);
        expect([a.cases, a.controls]).toEqual([e.cases, e.controls]);
        for (const key of ['auc', 'se', 'lower', 'upper'] as const) expectClose(a[key], e[key], 1e-6, `${name} t=${a.time} ${key}`);
        const rows = roc.filter((r) => num(r.time) === a.time);
        expect(a.roc.threshold).toHaveLength(rows.length);
        rows.forEach((r, i) => {
          expect(a.roc.threshold[i]).toBe(r.threshold === '-Inf' ? -Infinity : num(r.threshold));
          expectClose(a.roc.tpr[i], num(r.tpr), 1e-6, `tpr ${i}`);
          expectClose(a.roc.fpr[i], num(r.fpr), 1e-6, `fpr ${i}`);
        });
      });
    });
  }
});

describe('timeDependentRoc', () => {
  it('gives AUC 1 for a perfect marker and 0 for a reversed one (never flipped)', () => {
    const time = [1, 2, 3, 4, 5, 6];
    const event = [1, 1, 1, 0, 1, 0];
    const risk = [6, 5, 4, 3, 2, 1];
    expect(timeDependentRoc(time, event, risk, [3]).at[0].auc).toBe(1);
    expect(timeDependentRoc(time, event, risk.map((x) => -x), [3]).at[0].auc).toBe(0);
  });

  it('counts marker ties one half, and the trapezoid rule over the ROC points gives the AUC', () => {
    // No censoring before t: every weight is 1, AUC is the Mann–Whitney proportion.
    const time = [1, 2, 5, 6, 7, 8];
    const event = [1, 1, 1, 1, 0, 1];
    const marker = [3, 2, 2, 1, 2, 0];
    const a = timeDependentRoc(time, event, marker, [2]).at[0];
    // cases {3, 2} against controls {2, 1, 2, 0}: (4 + (2·0.5 + 2)) / 8
    expect(a.auc).toBeCloseTo(7 / 8, 14);
    let area = 0;
    for (let i = 1; i < a.roc.fpr.length; i++) area += (a.roc.fpr[i] - a.roc.fpr[i - 1]) * (a.roc.tpr[i] + a.roc.tpr[i - 1]) / 2;
    expect(area).toBeCloseTo(a.auc!, 14);
    expect(a.roc.threshold).toEqual([3, 2, 1, 0, -Infinity]);
  });

  it('counts an event exactly at t as a case and a censoring at t as neither', () => {
    const a = timeDependentRoc([1, 3, 3, 3, 5, 6], [1, 1, 0, 1, 1, 0], [5, 4, 3, 2, 1, 0], [3]).at[0];
    expect([a.cases, a.controls]).toEqual([3, 2]);
  });

  it('has no AUC (and says why) before the first event and at or past the last follow-up', () => {
    const time = [2, 3, 4, 5];
    const event = [1, 0, 1, 0];
    const fit = timeDependentRoc(time, event, [1, 2, 3, 4], [1, 5, 9]);
    expect(fit.at.map((a) => [a.auc, a.se, a.cases, a.controls, a.gap])).toEqual([
      [null, null, 0, 4, 'no_cases'],
      [null, null, 2, 0, 'no_controls'],
      [null, null, 2, 0, 'no_controls'],
    ]);
    expect(fit.at[1].roc.threshold).toEqual([]);
    expect([fit.firstEvent, fit.lastTime]).toEqual([2, 5]);
  });

  it('does not depend on the row order', () => {
    const { fit } = rocCase('lung-ties', [180, 365]);
    const dir = join(FIXTURES, 'roc', 'lung-ties');
    const rows = readTsv(join(dir, 'input.tsv')).filter((r) => !Number.isNaN(num(r.marker))).reverse();
    const rev = timeDependentRoc(rows.map((r) => num(r.time)), rows.map((r) => num(r.status) - 1), rows.map((r) => num(r.marker)), [180, 365]);
    rev.at.forEach((a, k) => {
      expect(a.auc).toBeCloseTo(fit.at[k].auc!, 13);
      expect(a.se).toBeCloseTo(fit.at[k].se!, 13);
    });
  });
});

describe('censoringKaplanMeier', () => {
  it('does not count a subject with the event at u as at risk of censoring at u (prodlim reverse)', () => {
    // At time 2: Y = 4, one event, one censoring: factor 1 − 1/(4 − 1), not 1 − 1/4.
    const g = censoringKaplanMeier([1, 2, 2, 3, 4], [1, 1, 0, 0, 1]);
    expect(Array.from(g.times)).toEqual([1, 2, 3, 4]);
    expect(Array.from(g.atRisk)).toEqual([5, 4, 2, 1]);
    expect(g.survival[1]).toBeCloseTo(2 / 3, 15);
    expect(g.survival[2]).toBeCloseTo(1 / 3, 15);
  });
});
