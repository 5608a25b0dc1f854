import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MigrascoreError } from '../../src/errors.js';
import { readExpressionMatrix, type LoadedMatrix } from '../../src/io/matrix.js';
import { parseNumberBytes } from '../../src/io/matrixParse.js';
import { mulberry32 } from '../../src/random.js';
import { tempDir } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir('migrascore-matrix-'), name);
  writeFileSync(path, content);
  return path;
}

const rows = (m: LoadedMatrix) => m.rowIds.map((_, r) => Array.from(m.row(r)));

async function readError(path: string, options = {}): Promise<MigrascoreError> {
  try {
    await readExpressionMatrix(path, options);
  } catch (e) {
    expect(e).toBeInstanceOf(MigrascoreError);
    return e as MigrascoreError;
  }
  throw new Error('expected a MigrascoreError');
}

/** Random decimal text: optional sign, 0–20 integer digits, optional fraction of 0–20 digits, optional exponent. */
function randomNumberText(rand: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rand() * 10))).join('');
  const sign = ['', '', '+', '-'][Math.floor(rand() * 4)];
  let int = digits(Math.floor(rand() * 21));
  let frac = rand() < 0.7 ? '.' + digits(Math.floor(rand() * 21)) : '';
  if (int === '' && frac.length < 2) int = digits(1 + Math.floor(rand() * 3));
  if (rand() < 0.1) frac = frac.replace(/\d+$/, (d) => d + '0000000000000000');
  const exp = rand() < 0.4 ? `${rand() < 0.5 ? 'e' : 'E'}${['', '+', '-'][Math.floor(rand() * 3)]}${Math.floor(rand() * (rand() < 0.8 ? 30 : 400))}` : '';
  return sign + int + frac + exp;
}

/** Text of random doubles as programs write them. */
function randomDoubleText(rand: () => number): string {
  const x = (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
  switch (Math.floor(rand() * 5)) {
    case 0: return String(x);
    case 1: return x.toPrecision(1 + Math.floor(rand() * 21));
    case 2: return x.toExponential(Math.floor(rand() * 20));
    case 3: return Math.abs(x) < 1e20 ? x.toFixed(Math.floor(rand() * 20)) : String(x);
    default: return x.toPrecision(15);
  }
}

const EDGE = [
  '0', '-0', '+0', '0.0', '-0.0', '00', '007', '1e-3', '+5', '-5', '.5', '-.5', '5.', '5.e3', '1E+308', '1.7976931348623157e308',
  '1.7976931348623159e308', '2e308', '4.9e-324', '5e-324', '2e-324', '2.4703282292062328e-324', '1e-400', '2.2250738585072011e-308',
  '2.2250738585072014e-308', '9007199254740993', '9007199254740992.5', '123456789012345678901234567890', '0.1', '0.30000000000000004',
  '3.14159265358979323846264338327950288', '1e22', '1e23', '123456789012345e22', '1234567890123456e-22', '0.000000000000000000001',
  '1.00000000000000000000001', '999999999999999.9', '2.675', '1e0', '1e-0', '1.5e+00', '4.94209716390844', '0.3861', '2426817.2043',
];

describe('parseNumberBytes', () => {
  it('equals Number() on edge cases', () => {
    for (const s of EDGE) expect(Object.is(parseNumberBytes(Buffer.from(s), 0, s.length), Number(s)), s).toBe(true);
  });

  it('equals Number() on 200,000 random strings', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 200_000; i++) {
      const s = i % 2 ? randomNumberText(rand) : randomDoubleText(rand);
      const got = parseNumberBytes(Buffer.from(s), 0, s.length);
      if (!Object.is(got, Number(s))) expect(got, s).toBe(Number(s));
    }
  });

  it('rejects text that is not a plain decimal number', () => {
    for (const s of ['', '+', '-', '.', '-.', 'e5', '1e', '1e+', '1.2.3', 'Inf', 'NaN', ' 1', '1 ', '0x10', '1_000', '1,5', '--1']) {
      expect(parseNumberBytes(Buffer.from(s), 0, s.length), s).toBeUndefined();
    }
  });

  it('parses a field inside a longer buffer', () => {
    const b = Buffer.from('x\t12.5e1\t34');
    expect(parseNumberBytes(b, 2, 8)).toBe(125);
    expect(parseNumberBytes(b, 2, 4)).toBe(12); // followed by '.', still only "12"
  });
});

describe('readExpressionMatrix', () => {
  it('reads TSV with a BOM and CRLF line ends; the header names the ID column', async () => {
    const m = await readExpressionMatrix(file('a.tsv', '\ufeffgene\tS1\tS2\r\nTSPAN4\t1.5\t-2\r\nITGB1\t3e2\t.25\r\n'));
    expect(m.delimiter).toBe('\t');
    expect(m.idColumn).toBe('gene');
    expect(m.samples).toEqual(['S1', 'S2']);
    expect(m.rowIds).toEqual(['TSPAN4', 'ITGB1']);
    expect([m.nRows, m.nSamples]).toEqual([2, 2]);
    expect(rows(m)).toEqual([[1.5, -2], [300, 0.25]]);
    expect(m.path).toMatch(/a\.tsv$/);
  });

  it('reads CSV with quoted header cells and IDs (R write.csv), without a final newline', async () => {
    const m = await readExpressionMatrix(file('a.txt', '"","S 1","S,2"\n"TSPAN4",1,2\n"A ""B""","3",4'));
    expect(m.delimiter).toBe(',');
    expect(m.idColumn).toBe('');
    expect(m.samples).toEqual(['S 1', 'S,2']);
    expect(m.rowIds).toEqual(['TSPAN4', 'A "B"']);
    expect(rows(m)).toEqual([[1, 2], [3, 4]]);
  });

  it('accepts a header without a cell for the ID column (R write.table with row names)', async () => {
    const m = await readExpressionMatrix(file('a.tsv', 'S1\tS2\tS3\nG1\t1\t2\t3\n'));
    expect(m.samples).toEqual(['S1', 'S2', 'S3']);
    expect(rows(m)).toEqual([[1, 2, 3]]);
  });

  it('decompresses gzip (by magic bytes, whatever the name)', async () => {
    const text = 'Hybridization REF\tS1\tS2\nA|1\t1\t2\nB|2\t3\t4\n';
    const m = await readExpressionMatrix(file('plain-name.tsv', gzipSync(text)));
    expect(m.idColumn).toBe('Hybridization REF');
    expect(rows(m)).toEqual([[1, 2], [3, 4]]);
  });

  it('skips and reports a Firehose second header line', async () => {
    const text = 'Hybridization REF\tTCGA-A\tTCGA-B\ngene_id\tnormalized_count\tnormalized_count\nTSPAN4|7106\t10.5\t0\n';
    const m = await readExpressionMatrix(file('fh.tsv', text));
    expect(m.secondHeaderLine).toBe(2);
    expect(m.rowIds).toEqual(['TSPAN4|7106']);
    expect(m.dataRows).toBe(1);
    expect(rows(m)).toEqual([[10.5, 0]]);
  });

  it('points to RSEM_genes_normalized when a Firehose file has several columns per sample', async () => {
    const text = 'Hybridization REF\tT1\tT1\tT1\ngene_id\traw_count\tscaled_estimate\ttranscript_id\nA|1\t1\t0.1\tuc001\n';
    const e = await readError(file('fh3.tsv', text));
    expect(e.message).toMatch(/"T1" \(columns 2 and 3\)/);
    expect(e.message).toMatch(/RSEM_genes_normalized/);
  });

  it('reads a real Firehose RSEM slice', async () => {
    const m = await readExpressionMatrix(join(FIXTURES, 'io', 'firehose-slice.rsem.tsv.gz'));
    expect([m.nRows, m.nSamples]).toEqual([32, 12]);
    expect(m.idColumn).toBe('gene_id');
    expect(m.secondHeaderLine).toBeNull();
    expect(m.samples[0]).toBe('TCGA-OR-A5J1-01A-11R-A29S-07');
    const r = m.rowIds.indexOf('C3orf64|285203');
    expect(Array.from(m.row(r)).slice(0, 3)).toEqual([726.2248, 502.4827, 109.6134]);
  });

  it('drops and reports rows with a missing value', async () => {
    const text = [
      'gene\tS1\tS2\tS3',
      'A\t1\t2\t3',
      'B\tNA\t2\t3',
      'C\t1\t\t[Not Available]',
      'D\t4\t5\t6',
      'E\tNaN\t.\t#N/A',
      'F\t1\t2\t',
    ].join('\n');
    const m = await readExpressionMatrix(file('na.tsv', text));
    expect(m.rowIds).toEqual(['A', 'D']);
    expect(rows(m)).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(m.droppedMissing).toEqual([
      { id: 'B', line: 3, missing: 1 },
      { id: 'C', line: 4, missing: 2 },
      { id: 'E', line: 6, missing: 3 },
      { id: 'F', line: 7, missing: 1 },
    ]);
    expect(m.dataRows).toBe(6);
  });

  it('fails when every row has a missing value', async () => {
    const e = await readError(file('allna.tsv', 'g\tS1\tS2\nA\tNA\t1\nB\t1\tNA\n'));
    expect(e.message).toMatch(/every row has a missing value.*"A" on line 2/);
  });

  it('averages duplicate rows element-wise (sum in file order / count, like limma::avereps) and reports them', async () => {
    const text = 'gene\tS1\tS2\nA\t0.1\t1\nB\t5\t5\nA\t0.2\t2\nA\t0.3\t6\nB\t7\t1\nC\t1\t1\nC\tNA\t9\n';
    const m = await readExpressionMatrix(file('dup.tsv', text));
    expect(m.rowIds).toEqual(['A', 'B', 'C']);
    expect(rows(m)).toEqual([[(0.1 + 0.2 + 0.3) / 3, 3], [6, 3], [1, 1]]);
    expect(m.duplicates).toEqual([{ id: 'A', count: 3 }, { id: 'B', count: 2 }]);
    expect(m.droppedMissing).toEqual([{ id: 'C', line: 8, missing: 1 }]);
  });

  it('names the line, column, sample and text of a non-numeric cell', async () => {
    const e = await readError(file('bad.tsv', 'gene\tS1\tS2\tS3\nA\t1\t2\t3\n\nB\t1\tabc\t3\n'));
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(/bad\.tsv, line 4, column 3 \(sample "S2", row "B"\): "abc" is not a number/);
  });

  it('hints at an annotation column when column 2 is text', async () => {
    const e = await readError(file('desc.csv', 'Name,Description,S1\nA,some gene,1\n'));
    expect(e.message).toMatch(/line 2, column 2 \(sample "Description"/);
    expect(e.message).toMatch(/gene descriptions/);
  });

  it('names the line of a row with the wrong number of fields', async () => {
    const few = await readError(file('few.tsv', 'gene\tS1\tS2\nA\t1\t2\nB\t1\n'));
    expect(few.message).toMatch(/few\.tsv, line 3: 2 tab-separated fields, but the header line has 3 and rows need 3/);
    const many = await readError(file('many.tsv', 'gene\tS1\tS2\nA\t1\t2\nB\t1\t2\t3\t4\n'));
    expect(many.message).toMatch(/line 3: 5 tab-separated fields/);
    const idOnly = await readError(file('idonly.tsv', 'gene\tS1\tS2\nA\t1\t2\nB\n'));
    expect(idOnly.message).toMatch(/line 3: 1 tab-separated field,/);
    const first = await readError(file('first.csv', 'gene,S1,S2\nA,1,2,3,4\n'));
    expect(first.message).toMatch(/line 2: 5 comma-separated fields, but the header line has 3/);
  });

  it('rejects empty files, a header without rows, and bad headers', async () => {
    expect((await readError(file('empty.tsv', ''))).message).toMatch(/empty\.tsv is empty/);
    expect((await readError(file('blank.tsv', '\n\r\n'))).message).toMatch(/is empty/);
    expect((await readError(file('empty.tsv.gz', gzipSync('')))).message).toMatch(/is empty/);
    expect((await readError(file('head.tsv', 'gene\tS1\tS2\n'))).message).toMatch(/header line but no data rows/);
    expect((await readError(file('dups.tsv', 'gene\tS1\tS2\tS1\nA\t1\t2\t3\n'))).message).toMatch(/line 1: sample IDs must be unique, but the header repeats "S1" \(columns 2 and 4\)/);
    expect((await readError(file('trail.tsv', 'gene\tS1\t\nA\t1\t2\n'))).message).toMatch(/column 3 of the header is empty.*trailing separator/);
    expect((await readError(file('one.tsv', 'gene\nA\n'))).message).toMatch(/single column/);
    expect((await readError(file('nope.tsv', 'x'))).message).toMatch(/header line but no data rows/);
    expect((await readError(join(tempDir(), 'missing.tsv'))).message).toMatch(/file not found/);
    expect((await readError(tempDir())).message).toMatch(/is a folder/);
    const gz = gzipSync('gene\tS1\n' + Array.from({ length: 5000 }, (_, i) => `G${i}\t${i}\n`).join(''));
    expect((await readError(file('cut.gz', gz.subarray(0, gz.length - 20)))).message).toMatch(/cut\.gz looks gzip-compressed but could not be decompressed/);
  });

  it('skips rows rejected by keepRow without parsing them', async () => {
    const text = 'gene\tS1\tS2\nA\t1\t2\nJUNK\tnot\ta\tnumber\nB\t3\t4\nC\t5\t6\n';
    const seen: string[] = [];
    const m = await readExpressionMatrix(file('keep.tsv', text), { keepRow: (id) => { seen.push(id); return id !== 'JUNK' && id !== 'B'; } });
    expect(seen).toEqual(['A', 'JUNK', 'B', 'C']);
    expect(m.rowIds).toEqual(['A', 'C']);
    expect(rows(m)).toEqual([[1, 2], [5, 6]]);
    expect(m.skippedRows).toBe(2);
    expect(m.dataRows).toBe(4);
    const none = await readExpressionMatrix(file('none.tsv', text), { keepRow: () => false });
    expect([none.nRows, none.blocks.length, none.skippedRows]).toEqual([0, 0, 4]);
  });

  it('packs rows into SharedArrayBuffer blocks; row(r) is a view', async () => {
    const lines = ['gene\tS1\tS2\tS3'];
    for (let r = 0; r < 7; r++) lines.push(`G${r}\t${r}\t${r + 0.5}\t${-r}`);
    lines.splice(3, 0, 'NA_ROW\tNA\t1\t1'); // a dropped row reuses its slot
    const m = await readExpressionMatrix(file('blocks.tsv', lines.join('\n') + '\n'), { rowsPerBlock: 3 });
    expect(m.rowsPerBlock).toBe(3);
    expect(m.blocks.map((b) => b.length)).toEqual([9, 9, 3]);
    for (const b of m.blocks) expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(m.nRows).toBe(7);
    for (let r = 0; r < 7; r++) {
      expect(Array.from(m.row(r))).toEqual([r, r + 0.5, 0 - r + 0]);
      expect(m.row(r).buffer).toBe(m.blocks[Math.floor(r / 3)].buffer);
    }
  });

  it('reads long lines across stream chunks (gzip and plain) exactly as Number() does', async () => {
    const rand = mulberry32(11);
    const nSamples = 40_000; // lines of ~400 KB: longer than a read or gunzip chunk
    const nRows = 12;
    const header = ['gene', ...Array.from({ length: nSamples }, (_, j) => `S${j}`)].join('\t');
    const texts: string[][] = [];
    const lines = [header];
    for (let r = 0; r < nRows; r++) {
      // Overflowing texts (1e400) would drop the row as non-finite (tested below): keep them finite here.
      const cells = Array.from({ length: nSamples }, () => (rand() < 0.5 ? randomDoubleText(rand) : randomNumberText(rand)))
        .map((t) => (Number.isFinite(Number(t)) ? t : `${t.startsWith('-') ? '-' : ''}1.7976931348623157e308`));
      texts.push(cells);
      lines.push(`G${r}\t${cells.join('\t')}`);
    }
    const text = lines.join(nRows % 2 ? '\n' : '\r\n') + '\n';
    for (const path of [file('long.tsv', text), file('long.tsv.gz', gzipSync(text))]) {
      const m = await readExpressionMatrix(path);
      expect([m.nRows, m.nSamples]).toEqual([nRows, nSamples]);
      for (let r = 0; r < nRows; r++) {
        const row = m.row(r);
        for (let j = 0; j < nSamples; j++) {
          if (!Object.is(row[j], Number(texts[r][j]))) expect(row[j], texts[r][j]).toBe(Number(texts[r][j]));
        }
      }
    }
  });

  it('accepts spaces, quotes and exponents in cells (the slow path)', async () => {
    const m = await readExpressionMatrix(file('odd.csv', 'g,S1,S2,S3,S4\nA, 12 ,"3.5",7,-1E-2\n'));
    expect(rows(m)).toEqual([[12, 3.5, 7, -0.01]]);
  });

  it('drops rows with Inf, -Inf or an overflowing number like rows with missing values, and counts them apart', async () => {
    const m = await readExpressionMatrix(file('inf.tsv', 'g\tS1\tS2\tS3\nA\t1\t2\t3\nB\tInf\t2\t3\nC\t1\t-inf\tNA\nD\t1e400\t2\t3\nE\t4\t5\t6\n'));
    expect(m.rowIds).toEqual(['A', 'E']);
    expect(m.droppedMissing).toEqual([
      { id: 'B', line: 3, missing: 0, non_finite: 1 },
      { id: 'C', line: 4, missing: 1, non_finite: 1 },
      { id: 'D', line: 5, missing: 0, non_finite: 1 },
    ]);
  });

  it('reads CR-only (old Mac) line ends', async () => {
    const m = await readExpressionMatrix(file('mac.tsv', 'g\tS1\tS2\rA\t1\t2\rB\t3\t4\r'));
    expect(m.rowIds).toEqual(['A', 'B']);
    expect(rows(m)).toEqual([[1, 2], [3, 4]]);
    const gz = await readExpressionMatrix(file('mac.tsv.gz', gzipSync('g\tS1\tS2\rA\t1\t2\rB\t3\t4')));
    expect(rows(gz)).toEqual([[1, 2], [3, 4]]);
  });

  it('reads a samples-in-rows matrix with transpose: genes averaged and dropped as rows are', async () => {
    const text = 'sample,A,B,A,C\nS1,1,5,3,1\nS2,2,6,4,NA\nS3,3,7,5,2\n';
    const m = await readExpressionMatrix(file('t.csv', text), { transpose: true });
    expect(m.samples).toEqual(['S1', 'S2', 'S3']);
    expect(m.rowIds).toEqual(['A', 'B']);
    expect(rows(m)).toEqual([[2, 3, 4], [5, 6, 7]]);
    expect(m.duplicates).toEqual([{ id: 'A', count: 2 }]);
    expect(m.droppedMissing).toEqual([{ id: 'C', line: 1, column: 5, missing: 1 }]);
    const kept = await readExpressionMatrix(file('t2.csv', text), { transpose: true, keepRow: (id) => id === 'B' });
    expect([kept.rowIds, kept.skippedRows]).toEqual([['B'], 3]);
    await expect(readExpressionMatrix(file('t3.csv', 'sample,A,B\nS1,1,2\nS1,3,4\n'), { transpose: true })).rejects.toThrow(/sample IDs must be unique, but "S1" is on 2 lines/);
  });
});
