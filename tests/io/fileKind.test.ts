import { describe, expect, it } from 'vitest';
import { describeNonText, printable } from '../../src/io/fileKind.js';

describe('describeNonText', () => {
  it('lets UTF-8 text through, with or without a BOM, tabs and CR', () => {
    expect(describeNonText(Buffer.from('gene\tS1\r\nA\t1\r\n'))).toBeNull();
    expect(describeNonText(Buffer.from('\ufeffgène,é\n'))).toBeNull();
    expect(describeNonText(Buffer.from('X\tY\n1\t2\n'))).toBeNull();
  });

  it('names what the bytes are', () => {
    const cases: [number[] | string, RegExp][] = [
      [[0xff, 0xfe, 0x67, 0], /UTF-16 text \(little-endian, with a byte-order mark\)/],
      [[0xfe, 0xff, 0, 0x67], /UTF-16 text \(big-endian, with a byte-order mark\)/],
      ['PK\x03\x04', /Excel workbook \(\.xlsx\)/],
      ['%PDF-1.7', /a PDF document/],
      ['\x89HDF\r\n', /an HDF5 file/],
      ['RDX3\nX\n', /an R data file/],
      ['BZh91AY', /bzip2-compressed/],
      ['PAR1', /a Parquet file/],
      [[0x28, 0xb5, 0x2f, 0xfd], /zstd-compressed/],
    ];
    for (const [bytes, re] of cases) expect(describeNonText(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes))).toMatch(re);
    expect(describeNonText(Buffer.from('gene\tS1\n', 'utf16le'))).toMatch(/little-endian, no byte-order mark/);
    expect(describeNonText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))).toMatch(/a binary file \(NUL bytes/);
  });
});

describe('printable', () => {
  it('escapes control characters and leaves other text alone', () => {
    expect(printable('a\x01b\tc\nd\u0085é')).toBe('a\\x01b\\tc\\nd\\x85é');
  });
});
