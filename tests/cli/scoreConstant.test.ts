// Scores that would be all NA, said and handled as GSVA 1.46 does: constant genes
// discarded (R-derived fixture tests/fixtures/scoring-constant, see its generate.R),
// sizes counted after the discard, and clear failures when nothing can be scored.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { tableDifferences } from '../helpers/compare.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';

const CASE = join(FIXTURES, 'scoring-constant');

describe.each([
  ['gsva', [], 'expected_gsva.tsv'],
  ['ssgsea', [], 'expected_ssgsea.tsv'],
  ['zscore', [], 'expected_zscore.tsv'],
  ['plage', [], 'expected_plage.tsv'],
  ['gsva', ['--min-size', '4'], 'expected_gsva_min4.tsv'],
  ['zscore', ['--max-size', '4'], 'expected_zscore_max4.tsv'],
])('score --method %s %j with constant genes', (method, extra, expected) => {
  it(`matches GSVA 1.46 (${expected}) and reports the constant genes`, () => {
    const dir = tempDir();
    const out = join(dir, 'scores.tsv');
    const r = runCli(['score', '--expr', 'expr.tsv', '--geneset', 'genesets.gmt', '--log2', 'no', '--method', method, ...extra, '--out', out], CASE);
    expect(r.status, r.stderr).toBe(0);
    expect(tableDifferences(readTsv(join(CASE, expected)), readTsv(out), ['sample'], `${method} ${expected}`)).toEqual([]);
    const report = JSON.parse(readFileSync(join(dir, 'scores.genes.json'), 'utf8'));
    const filtering = method !== 'ssgsea';
    expect(report.constant_genes).toContainEqual({ set: 'partial', genes: ['CONST0', 'CONST5'], dropped: filtering });
    if (filtering) {
      expect(r.stderr).toMatch(extra.length
        ? /gene set "allconst" is not scored: 2 of its 2 genes are in the matrix, fewer than --min-size 4|gene set "allconst" is not scored: all 2/
        : /gene set "allconst" is not scored: all 2 of its genes found have the same value in every sample \(CONST0, CONST5\)/);
      if (method === 'gsva' && extra.length) expect(r.stderr).toMatch(/gene set "partial" is not scored: 3 of its genes vary across the samples \(2 constant \(CONST0, CONST5\)\), fewer than --min-size 4/);
      expect(report.excluded_sets.map((e: { set: string }) => e.set)).toContain('allconst');
    } else {
      expect(r.stderr).toMatch(/gene set "partial": 2 of its 5 genes found have the same value in all 10 samples \(CONST0, CONST5\); ssgsea keeps them, as GSVA does/);
    }
    if (method === 'gsva') expect(r.stderr).toMatch(/2 of the matrix's 30 genes have the same value in all 10 samples and are left out of the GSVA ranking/);
  });
});

function matrix(rows: string[]): { dir: string; file: string; out: string } {
  const dir = tempDir();
  const file = join(dir, 'expr.tsv');
  writeFileSync(file, rows.join('\n') + '\n');
  return { dir, file, out: join(dir, 'scores.tsv') };
}

describe('score: nothing to score', () => {
  it('fails on a one-sample matrix for methods that standardise genes, and scores it with ssgsea', () => {
    const m = matrix(['gene\tS1', 'TSPAN4\t5.5', 'ITGB1\t9.1', 'NDST1\t3.2', 'GAPDH\t12']);
    for (const method of ['gsva', 'zscore', 'plage', 'meanz']) {
      const r = runCli(['score', '--expr', m.file, '--method', method, '--geneset', 'x=TSPAN4,ITGB1', '--out', m.out]);
      expect(r.status, method).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`--method ${method} cannot score a single sample \\("S1"\\)`));
      expect(r.stderr).toMatch(/use --method ssgsea, singscore or mean/);
      expect(existsSync(m.out)).toBe(false);
    }
    const two = runCli(['score', '--expr', m.file, '--geneset', 'x=TSPAN4,ITGB1', '--geneset', 'y=NDST1,GAPDH']);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout.split('\n')[1]).toMatch(/^S1\t-?\d/);
    const one = runCli(['score', '--expr', m.file, '--geneset', 'x=TSPAN4,ITGB1', '--out', m.out]);
    expect(one.status).toBe(1);
    expect(one.stderr).toMatch(/No gene set can be scored on the one sample: "x" \(ssGSEA divides every score by the range of all scores/);
  });

  it('fails when every gene of the only set is constant, naming them', () => {
    const m = matrix(['gene\tS1\tS2\tS3', 'TSPAN4\t5\t5\t5', 'ITGB1\t0\t0\t0', 'NDST1\t3\t4\t1', 'GAPDH\t12\t11\t13']);
    const r = runCli(['score', '--expr', m.file, '--method', 'zscore', '--geneset', 'x=TSPAN4,ITGB1', '--out', m.out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No gene set can be scored on these 3 samples: "x" \(all 2 of its genes found have the same value in every sample \(TSPAN4, ITGB1\)/);
    expect(existsSync(m.out)).toBe(false);
  });

  it('refuses log2(x+1) of values of -1 or less, naming the cells', () => {
    const m = matrix(['gene\tS1\tS2\tS3', 'TSPAN4\t-2.5\t1.2\t0.3', 'ITGB1\t0.5\t-1\t2.1', 'NDST1\t3\t4\t1']);
    const r = runCli(['score', '--expr', m.file, '--method', 'meanz', '--log2', 'yes', '--geneset', 'x=TSPAN4,ITGB1,NDST1', '--out', m.out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/log2\(x\+1\) is undefined for values of -1 or less, and 2 cells in 2 genes of .*expr\.tsv are \(TSPAN4 in sample S1: -2\.5; ITGB1 in sample S2: -1\)/);
    expect(r.stderr).toMatch(/--log2 yes was given\. .*--log2 no/);
    expect(existsSync(m.out)).toBe(false);
    // auto leaves these log-scale values alone
    expect(runCli(['score', '--expr', m.file, '--method', 'meanz', '--geneset', 'x=TSPAN4,ITGB1,NDST1']).status).toBe(0);
  });
});
