// The whole `migrascore survival` command on each R reference case (call.txt), its
// summary.json and km.tsv compared with R's outputs — the conformance check, in vitest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { jsonDifferences, tableDifferences } from '../helpers/compare.js';
import { readTsv, survivalCase, SURVIVAL_CASES } from '../helpers/fixtures.js';

const EXTRA_CASES = ['lung', 'gbsg-opt'].map((n) => `../survival-extra/${n}`);

describe.each([...SURVIVAL_CASES, ...EXTRA_CASES])('migrascore survival on R reference case %s', (name) => {
  it('matches R in summary.json and km.tsv', () => {
    const c = survivalCase(name);
    const out = join(tempDir(), 'out');
    const args = c.call.split(/\s+/).map((w) => (w === 'OUT' ? out : w));
    const r = runCli(args, c.dir);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(jsonDifferences(c.expected, summary)).toEqual([]);
    expect(tableDifferences(c.km, readTsv(join(out, 'km.tsv')), ['group', 'time'], 'km.tsv')).toEqual([]);
  });
});

describe('the comparison itself', () => {
  it('reports a value outside the tolerance and a missing term', () => {
    const expected = { cox: { terms: [{ term: 'group=B', coef: 1, p: 0.5 }] } };
    expect(jsonDifferences(expected, { cox: { terms: [{ term: 'group=B', coef: 1 + 1e-7, p: 0.50004 }] } })).toEqual([]);
    expect(jsonDifferences(expected, { cox: { terms: [{ term: 'group=B', coef: 1.00001, p: 0.5 }] } })).toHaveLength(1);
    expect(jsonDifferences(expected, { cox: { terms: [{ term: 'group=A', coef: 1, p: 0.5 }] } })).toEqual(['summary.cox.terms[group=B]: missing']);
  });
});
