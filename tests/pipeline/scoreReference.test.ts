// `migrascore score` through the CLI on each R reference case and method, as the
// conformance runner calls it (--log2 no), compared with GSVA 1.46's outputs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { tableDifferences } from '../helpers/compare.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';
import { SCORING_CASES } from '../helpers/scoring.js';

const METHODS = ['ssgsea', 'gsva', 'gsva_poisson', 'zscore', 'plage', 'mean', 'meanz'];
const cases = SCORING_CASES.flatMap((c) => METHODS.map((m) => [c, m] as const))
  .filter(([c, m]) => existsSync(join(FIXTURES, 'scoring', c, `expected_${m}.tsv`)));

describe.each(cases)('migrascore score on %s [%s]', (name, method) => {
  it('matches R', () => {
    const dir = join(FIXTURES, 'scoring', name);
    const out = join(tempDir(), 'scores.tsv');
    const args = ['score', '--expr', 'expr.tsv', '--geneset', 'genesets.gmt', '--log2', 'no', '--out', out];
    args.push(...(method === 'gsva_poisson' ? ['--method', 'gsva', '--kcdf', 'poisson'] : ['--method', method]));
    const r = runCli(args, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(tableDifferences(readTsv(join(dir, `expected_${method}.tsv`)), readTsv(out), ['sample'], `${name} ${method}`)).toEqual([]);
  });
});
