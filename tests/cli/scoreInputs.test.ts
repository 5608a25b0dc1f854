// `migrascore score` on inputs users get wrong: files that are not text tables, other
// layouts (transposed, gsva() output), genes missing or dropped, infinite cells.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const SAMPLES = ['S1', 'S2', 'S3', 'S4', 'S5'];
const GENES: [string, number[]][] = [
  ['TSPAN4', [5.1, 6.2, 7.3, 4.4, 6.0]],
  ['ITGB1', [9.5, 8.1, 7.7, 9.9, 8.8]],
  ['NDST1', [3.3, 2.2, 4.1, 3.9, 2.5]],
  ['EOGT', [6.6, 7.1, 5.2, 6.9, 7.7]],
  ['CPQ', [4.0, 4.9, 5.5, 3.1, 4.2]],
  ['GAPDH', [12.1, 12.3, 11.9, 12.0, 12.4]],
  ['ACTB', [11.1, 11.5, 11.0, 11.2, 10.9]],
  ['PROBE_7', [1.5, 2.5, 3.5, 2.0, 1.0]],
];

function write(name: string, content: string | Buffer): { dir: string; file: string; out: string } {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file, out: join(dir, 'scores.tsv') };
}

const genesInRows = (rows = GENES, eol = '\n') => [['gene', ...SAMPLES].join('\t'), ...rows.map(([g, v]) => [g, ...v].join('\t'))].join(eol) + eol;
const samplesInRows = (rows = GENES) => [['sample', ...rows.map(([g]) => g)].join(','), ...SAMPLES.map((s, j) => [s, ...rows.map(([, v]) => v[j])].join(','))].join('\n') + '\n';

function expectRefused(r: { status: number; stderr: string }, out: string, ...patterns: RegExp[]) {
  expect(r.status, r.stderr).toBe(1);
  for (const p of patterns) expect(r.stderr).toMatch(p);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(existsSync(out)).toBe(false);
}

describe('score: files that are not text tables', () => {
  it('names an Excel workbook (.xlsx) and says how to export it', () => {
    const m = write('expr.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]));
    expectRefused(runCli(['score', '--expr', m.file, '--out', m.out]), m.out, /expr\.xlsx is a zip archive, such as an Excel workbook \(\.xlsx\)/, /Tab delimited/);
  });

  it('names UTF-16 with and without a byte-order mark, also gzipped', () => {
    const text = genesInRows();
    const bom = write('bom.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expectRefused(runCli(['score', '--expr', bom.file, '--out', bom.out]), bom.out, /is UTF-16 text \(little-endian, with a byte-order mark\)/, /Save it as UTF-8/);
    const le = write('le.tsv.gz', gzipSync(Buffer.from(text, 'utf16le')));
    expectRefused(runCli(['score', '--expr', le.file, '--out', le.out]), le.out, /is UTF-16 text \(little-endian, no byte-order mark\)/, /iconv -f UTF-16LE/);
  });

  it('names a binary file without echoing its bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256));
    const m = write('expr.bin', bytes);
    const r = runCli(['score', '--expr', m.file, '--out', m.out]);
    expectRefused(r, m.out, /expr\.bin is a binary file/);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\x00-\x08\x0e-\x1f]/);
  });

  it('shows control characters of a bad cell escaped', () => {
    const rows = genesInRows().replace('\t2.2\t', '\tx\x01y\t');
    const m = write('expr.tsv', rows);
    const r = runCli(['score', '--expr', m.file, '--out', m.out]);
    expectRefused(r, m.out, /"x\\x01y" is not a number/);
    expect(r.stderr).not.toContain('\x01');
  });

  it('reads CR-only (old Mac) line ends as lines', () => {
    const cr = write('mac.tsv', genesInRows(GENES, '\r'));
    const lf = write('unix.tsv', genesInRows());
    const a = runCli(['score', '--expr', cr.file, '--method', 'meanz', '--geneset', 'x=TSPAN4,ITGB1,NDST1']);
    const b = runCli(['score', '--expr', lf.file, '--method', 'meanz', '--geneset', 'x=TSPAN4,ITGB1,NDST1']);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n')).toHaveLength(SAMPLES.length + 2);
  });
});

describe('score: other layouts', () => {
  it('recognises a transposed matrix and reads it with --transpose', () => {
    const t = write('t.csv', samplesInRows());
    for (const method of ['ssgsea', 'zscore']) {
      expectRefused(runCli(['score', '--expr', t.file, '--method', method, '--out', t.out]), t.out,
        /t\.csv looks transposed: its header names genes \("TSPAN4", "ITGB1", "NDST1", \d+ set genes in all\)/, /first column holds "S1", "S2", "S3"/, /Add --transpose/);
    }
    const g = write('g.tsv', genesInRows());
    for (const method of ['ssgsea', 'plage']) {
      const a = runCli(['score', '--expr', t.file, '--transpose', '--method', method, '--geneset', 'x=TSPAN4,ITGB1,NDST1,EOGT']);
      const b = runCli(['score', '--expr', g.file, '--method', method, '--geneset', 'x=TSPAN4,ITGB1,NDST1,EOGT']);
      expect(a.status, a.stderr).toBe(0);
      expect(a.stdout, method).toBe(b.stdout);
    }
    expectRefused(runCli(['score', '--expr', g.file, '--transpose', '--out', g.out]), g.out, /read with --transpose, but then its sample IDs are gene IDs/, /Leave out --transpose/);
  });

  it('recognises gene-set scores (R gsva() output) by set names or by values in [-1, 1]', () => {
    const es = ['\t' + SAMPLES.join('\t'), 'HALLMARK_HYPOXIA\t0.1\t-0.2\t0.3\t0.05\t-0.4', 'migrasome-core\t0.2\t0.1\t-0.3\t0.5\t0.0'].join('\n') + '\n';
    const m = write('es.tsv', es);
    for (const method of ['ssgsea', 'meanz']) {
      expectRefused(runCli(['score', '--expr', m.file, '--method', method, '--out', m.out]), m.out,
        /es\.tsv looks like gene-set scores, as R's gsva\(\) returns them/, /rows are named like gene sets \("HALLMARK_HYPOXIA", "migrasome-core"\)/, /write\.table\(t\(es\)/, /survival --scores/);
    }
    const unnamed = write('es2.tsv', es.replace('HALLMARK_HYPOXIA', 'setA').replace('migrasome-core', 'setB'));
    expectRefused(runCli(['score', '--expr', unnamed.file, '--out', unnamed.out]), unnamed.out, /looks like gene-set scores/, /every value lies between -1 and 1/);
  });
});

describe('score: genes missing, dropped or near a row ID', () => {
  it('names missing genes with near-match hints, warns loudly below half a set, and reports it in JSON', () => {
    const rows: [string, number[]][] = [...GENES.slice(0, 2), ['Ndst1', GENES[2][1]], ['PROBE_7 ', GENES[7][1]], ['eogt.2', GENES[3][1]]];
    const m = write('expr.tsv', genesInRows(rows));
    const r = runCli(['score', '--expr', m.file, '--method', 'mean', '--geneset', 'x=TSPAN4,NDST1,probe_7,EOGT,NOPE1,ITGB1,NOPE2', '--out', m.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/missing: NDST1 \(did you mean Ndst1\?\), probe_7 \(did you mean PROBE_7\?\), EOGT \(did you mean eogt\.2\?\), NOPE1, NOPE2/);
    expect(r.stderr).toMatch(/migrascore: WARNING: gene set "x" is scored on only 2 of its 7 genes; not in the matrix: NDST1 \(did you mean Ndst1\?\)/);
    expect(r.stderr).toMatch(/check that the matrix row IDs are gene symbols/);
    const report = JSON.parse(readFileSync(join(m.dir, 'scores.genes.json'), 'utf8'));
    expect(report.genesets[0].missing).toEqual(['NDST1', 'probe_7', 'EOGT', 'NOPE1', 'NOPE2']);
    expect(report.genesets[0].genes.find((g: { gene: string }) => g.gene === 'NDST1').suggestions).toEqual(['Ndst1']);
    expect(report.messages.some((x: string) => x.startsWith('WARNING: gene set "x" is scored on only 2 of its 7 genes'))).toBe(true);
    // Hints never change what is scored: the mean is that of TSPAN4 and ITGB1 only.
    const first = readFileSync(m.out, 'utf8').split('\n')[1].split('\t');
    expect(Number(first[1])).toBeCloseTo((5.1 + 9.5) / 2, 12);
  });

  it('reports a gene whose row has a missing value as dropped, not missing', () => {
    const rows: [string, (number | string)[]][] = [...GENES.slice(0, 2), ['NDST1', [3.3, 'NA', 4.1, '', 2.5]], ...GENES.slice(3)];
    const m = write('expr.tsv', [['gene', ...SAMPLES].join('\t'), ...rows.map(([g, v]) => [g, ...v].join('\t'))].join('\n') + '\n');
    const r = runCli(['score', '--expr', m.file, '--method', 'zscore', '--geneset', 'x=TSPAN4,NDST1,ITGB1', '--out', m.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/gene set x: 2 of 3 genes found \(1 dropped for missing or infinite values\)/);
    expect(r.stderr).toMatch(/NDST1: dropped: missing value in 2 samples \(line 4\)/);
    expect(r.stderr).not.toMatch(/missing: NDST1/);
    const report = JSON.parse(readFileSync(join(m.dir, 'scores.genes.json'), 'utf8'));
    expect(report.genesets[0]).toMatchObject({ missing: [], dropped: ['NDST1'] });
    expect(report.genesets[0].genes[1]).toEqual({ gene: 'NDST1', status: 'dropped', how: 'dropped: missing value in 2 samples (line 4)' });
  });

  it('lists the missing genes of every set when none can be scored', () => {
    const m = write('expr.tsv', genesInRows(GENES.slice(5)));
    const r = runCli(['score', '--expr', m.file, '--geneset', 'a=TSPAN4,itgb1', '--geneset', 'b=gapdh2,NOPE', '--out', m.out]);
    expectRefused(r, m.out, /No gene set can be scored/, /"a" \(0 of its 2 genes are in the matrix, fewer than --min-size 1; not in the matrix: TSPAN4, itgb1\)/, /"b" \(.*not in the matrix: gapdh2, NOPE\)/);
  });
});

describe('score: infinite cells', () => {
  it('drops a row with Inf like one with NA, reports it, and leaves --log2 auto and the other scores alone', () => {
    const withInf: [string, (number | string)[]][] = [...GENES, ['HUGE', [3, 4, 'Inf', 5, 6]], ['NEG', [1, '-Inf', 2, 3, 4]]];
    const m = write('inf.tsv', [['gene', ...SAMPLES].join('\t'), ...withInf.map(([g, v]) => [g, ...v].join('\t'))].join('\n') + '\n');
    const clean = write('clean.tsv', genesInRows());
    for (const method of ['ssgsea', 'gsva', 'meanz']) {
      const a = runCli(['score', '--expr', m.file, '--method', method, '--geneset', 'x=TSPAN4,ITGB1,NDST1,EOGT,HUGE', '--out', m.out]);
      const b = runCli(['score', '--expr', clean.file, '--method', method, '--geneset', 'x=TSPAN4,ITGB1,NDST1,EOGT,HUGE', '--out', clean.out]);
      expect(a.status, a.stderr).toBe(0);
      expect(readFileSync(m.out, 'utf8'), method).toBe(readFileSync(clean.out, 'utf8'));
      expect(a.stderr).toMatch(/HUGE: dropped: infinite value \(Inf\/-Inf\) in 1 sample \(line 10\)/);
      const report = JSON.parse(readFileSync(join(m.dir, 'scores.genes.json'), 'utf8'));
      expect(report.log2.applied).toBe(false);
      if (method === 'meanz') {
        // only the set's rows are read (NEG is skipped unparsed)
        expect(a.stderr).toMatch(/1 gene with infinite values \(Inf, -Inf, or numbers beyond the range of a double\) was dropped, as genes with missing values are: HUGE \(line 10\)/);
        expect(report.matrix.dropped_missing).toEqual([{ id: 'HUGE', line: 10, missing: 0, non_finite: 1 }]);
      } else {
        expect(a.stderr).toMatch(/2 genes with infinite values \(Inf, -Inf, or numbers beyond the range of a double\) were dropped, as genes with missing values are: HUGE \(line 10\), NEG \(line 11\)/);
        expect(report.matrix.dropped_missing).toEqual([{ id: 'HUGE', line: 10, missing: 0, non_finite: 1 }, { id: 'NEG', line: 11, missing: 0, non_finite: 1 }]);
      }
    }
  });
});
