// `migrascore score`: bad cells, sets that cannot be scored, identifiers and scale —
// message, exit code and no output file after a failure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const SAMPLES = ['TCGA-AA-0001-01A', 'TCGA-AA-0002-01A', 'TCGA-AA-0003-01A', 'TCGA-AA-0004-01A'];

function matrixFile(rows: string[], header = ['gene', ...SAMPLES]): { dir: string; file: string; out: string } {
  const dir = tempDir();
  const file = join(dir, 'expr.tsv');
  writeFileSync(file, [header.join('\t'), ...rows].join('\n') + '\n');
  return { dir, file, out: join(dir, 'scores.tsv') };
}

const ROWS = [
  'TSPAN4|7106\t5.1\t6.2\t7.3\t4.4',
  'ITGB1|3688\t9.5\t8.1\t7.7\t9.9',
  'C3orf64|285203\t3.3\t2.2\t4.1\t3.9',
  'GAPDH|2597\t12.1\t12.3\t11.9\t12.0',
  'ACTB|60\t11.1\t11.5\t11.0\t11.2',
];

describe('score: bad input and reports', () => {
  it('names the line and column of a non-numeric cell', () => {
    const m = matrixFile([...ROWS.slice(0, 2), 'C3orf64|285203\t3.3\thigh\t4.1\t3.9']);
    const r = runCli(['score', '--expr', m.file, '--out', m.out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/expr\.tsv.*line 4/);
    expect(r.stderr).toMatch(/column 3/);
    expect(r.stderr).toMatch(/TCGA-AA-0002-01A/);
    expect(r.stderr).toMatch(/"high"/);
    expect(existsSync(m.out)).toBe(false);
  });

  it('says why no set can be scored (all genes missing)', () => {
    const m = matrixFile(ROWS.slice(3));
    const r = runCli(['score', '--expr', m.file, '--geneset', 'mine=TSPAN4,NDST1', '--out', m.out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No gene set can be scored/);
    expect(r.stderr).toMatch(/"mine" \(0 of its 2 genes are in the matrix, fewer than --min-size 1; not in the matrix: TSPAN4, NDST1\)/);
    expect(existsSync(m.out)).toBe(false);
  });

  it('skips a set below --min-size with a message and scores the others', () => {
    const m = matrixFile(ROWS);
    const r = runCli(['score', '--expr', m.file, '--geneset', 'small=TSPAN4', '--geneset', 'big=TSPAN4,ITGB1,EOGT', '--min-size', '2', '--method', 'mean', '--out', m.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/gene set "small" is not scored: 1 of its 1 genes are in the matrix, fewer than --min-size 2/);
    expect(readFileSync(m.out, 'utf8').split('\n')[0]).toBe('sample\tbig');
    const report = JSON.parse(readFileSync(join(m.dir, 'scores.genes.json'), 'utf8'));
    expect(report.excluded_sets).toEqual([{ set: 'small', found: 1, reason: '1 of its 1 genes are in the matrix, fewer than --min-size 2' }]);
  });

  it('finds genes through Entrez IDs of Firehose rows and reports them, and lists missing genes', () => {
    const m = matrixFile(ROWS);
    const r = runCli(['score', '--expr', m.file, '--geneset', 'core=TSPAN4,EOGT,NDST1', '--method', 'mean', '--out', m.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/core: 2 of 3 genes found/);
    expect(r.stderr).toMatch(/EOGT → C3orf64\|285203 via Entrez 285203/);
    expect(r.stderr).toMatch(/missing: NDST1/);
    const scores = readFileSync(m.out, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    expect(scores[1]).toEqual(['TCGA-AA-0001-01A', String((5.1 + 3.3) / 2)]);
  });

  it('averages duplicate gene rows and reports them', () => {
    const m = matrixFile([...ROWS, 'TSPAN4|7106\t7.1\t6.2\t7.3\t4.4']);
    const r = runCli(['score', '--expr', m.file, '--geneset', 'one=TSPAN4', '--method', 'mean', '--out', m.out]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(m.dir, 'scores.genes.json'), 'utf8'));
    expect(report.matrix.duplicates).toEqual([{ id: 'TSPAN4|7106', count: 2 }]);
    expect(readFileSync(m.out, 'utf8').split('\n')[1]).toBe('TCGA-AA-0001-01A\t6.1');
  });

  it('drops a gene row with missing values for the run, and says so', () => {
    const m = matrixFile([...ROWS.slice(0, 1), 'ITGB1|3688\t9.5\tNA\t7.7\t9.9', ...ROWS.slice(2)]);
    const r = runCli(['score', '--expr', m.file, '--geneset', 'two=TSPAN4,ITGB1', '--method', 'mean', '--out', m.out]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(m.dir, 'scores.genes.json'), 'utf8'));
    expect(report.matrix.dropped_missing).toEqual([{ id: 'ITGB1|3688', line: 3, missing: 1 }]);
    expect(r.stderr).toMatch(/two: 1 of 2 genes found/);
  });

  it('detects unlogged data and applies log2(x+1) for meanz, not for ssgsea', () => {
    const m = matrixFile(ROWS.map((row) => row.split('\t').map((v, i) => (i === 0 ? v : String(Number(v) * 1000))).join('\t')));
    const meanz = runCli(['score', '--expr', m.file, '--method', 'mean', '--geneset', 'one=TSPAN4', '--out', m.out]);
    expect(meanz.status, meanz.stderr).toBe(0);
    expect(meanz.stderr).toMatch(/looks unlogged.*applied log2\(x\+1\)/);
    expect(readFileSync(m.out, 'utf8').split('\n')[1]).toBe(`TCGA-AA-0001-01A\t${Math.log2(5100 + 1)}`);
    const asIs = runCli(['score', '--expr', m.file, '--method', 'mean', '--geneset', 'one=TSPAN4', '--log2', 'no']);
    expect(asIs.stdout.split('\n')[1]).toBe('TCGA-AA-0001-01A\t5100');
    const ss = runCli(['score', '--expr', m.file, '--geneset', 'one=TSPAN4', '--out', m.out]);
    expect(ss.stderr).not.toMatch(/applied log2/);
  });

  it('exits 2 for an unknown built-in set or method', () => {
    const m = matrixFile(ROWS);
    const a = runCli(['score', '--expr', m.file, '--geneset', 'migrasome-everything']);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/migrasome-core/);
    const b = runCli(['score', '--expr', m.file, '--method', 'gsea']);
    expect(b.status).toBe(2);
  });
});
