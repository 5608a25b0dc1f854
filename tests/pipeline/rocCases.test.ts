// The time-dependent ROC R references (tests/fixtures/roc, copied unchanged from
// ../shared/reference/roc: riskRegression::Score) through the CLI: summary.json's
// time_roc and roc.tsv must equal R's to the reference tolerances.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../helpers/cases.js';
import { jsonDifferences } from '../helpers/compare.js';
import { FIXTURES } from '../helpers/fixtures.js';

const DIR = join(FIXTURES, 'roc');
const CASES = readdirSync(DIR).filter((d) => existsSync(join(DIR, d, 'call.txt')));

describe('time-dependent ROC against R', () => {
  it('has the cases it should', () => {
    expect(CASES).toEqual(expect.arrayContaining(['pbc-bili', 'lung-ties']));
  });
  for (const name of CASES) {
    it(name, () => {
      const r = runCase(join(DIR, name));
      expect(r.differences, r.stderr).toEqual([]);
    });
  }
  it('the JSON comparison would catch a wrong AUC', () => {
    const expected = { time_roc: [{ time: 365, auc: 0.855877742946708, cases: 22 }] };
    expect(jsonDifferences(expected, { time_roc: [{ time: 365, auc: 0.8559, cases: 22 }] })).toHaveLength(1);
    expect(jsonDifferences(expected, { time_roc: [{ time: 1095, auc: 0.855877742946708, cases: 22 }] })).toHaveLength(1);
  });
});
