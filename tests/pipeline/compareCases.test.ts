// Every `compare` R fixture (tests/fixtures/compare) through the CLI: the tables must
// equal R's to the reference tolerances.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../helpers/cases.js';
import { FIXTURES } from '../helpers/fixtures.js';

const DIR = join(FIXTURES, 'compare');
const CASES = readdirSync(DIR).filter((d) => existsSync(join(DIR, d, 'call.txt')));

describe('compare against R', () => {
  it('has the cases it should', () => {
    expect(CASES).toEqual(expect.arrayContaining(['bladder-cancer-normal', 'bladder-zscore-per-gene', 'synthetic-tcga-rules', 'mini-dlbc-uvm', 'synthetic-min-samples', 'chol-paired']));
  });
  for (const name of CASES) {
    it(name, () => {
      const r = runCase(join(DIR, name));
      expect(r.differences, r.stderr).toEqual([]);
    });
  }
});
