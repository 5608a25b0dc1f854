// Every `associate` R fixture (tests/fixtures/associate, made by scripts/r/associate-fixture.R)
// through the CLI: associate.tsv, the pairs, the skipped rows (with their reasons) and the
// --genes spot check must equal R's to the reference tolerances.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../helpers/cases.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';

const DIR = join(FIXTURES, 'associate');
const CASES = readdirSync(DIR).filter((d) => existsSync(join(DIR, d, 'call.txt')));

describe('associate against R', () => {
  it('has the cases it should', () => {
    expect(CASES).toEqual(expect.arrayContaining(['mini-cdr', 'mini-pooled-expr', 'pooled-scores', 'n1300-sample-keyed', 'colon-by-rx', 'rotterdam-pooled']));
  });
  for (const name of CASES) {
    it(name, () => {
      const r = runCase(join(DIR, name));
      expect(r.differences, r.stderr).toEqual([]);
      if (name === 'mini-cdr') {
        // the spot check is a sample: the whole table holds every matrix row in each of the four cancers
        const genes = readTsv(join(r.out, 'associate_genes.tsv.gz'));
        expect(genes.length).toBe(4 * 5151);
      }
    }, 60_000);
  }
});
