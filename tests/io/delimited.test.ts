import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimited, readDelimitedTable, requireColumn } from '../../src/io/delimited.js';
import { tempDir } from '../helpers/cli.js';

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('readDelimitedTable', () => {
  it('reads TSV with BOM and CRLF line ends', () => {
    const t = readDelimitedTable(file('a.tsv', '\ufeffid\ttime\r\na\t1\r\nb\t2\r\n'));
    expect(t.delimiter).toBe('\t');
    expect(t.header).toEqual(['id', 'time']);
    expect(t.rows).toEqual([['a', '1'], ['b', '2']]);
    expect(t.lines).toEqual([2, 3]);
  });

  it('reads CR-only (old Mac) line ends', () => {
    const t = readDelimitedTable(file('mac.tsv', 'id\ttime\ra\t1\rb\t2\r'));
    expect(t.rows).toEqual([['a', '1'], ['b', '2']]);
    expect(t.lines).toEqual([2, 3]);
  });

  it('names UTF-16, spreadsheets and binary files instead of parsing them', () => {
    expect(() => readDelimitedTable(file('u.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\ttime\na\t1\n', 'utf16le')])), 'Clinical table'))
      .toThrow(/^Clinical table .*u\.tsv is UTF-16 text \(little-endian, with a byte-order mark\)/);
    expect(() => readDelimitedTable(file('b.tsv', Buffer.from('\0i\0d\0\t\0t\0\n\0a\0\t\x001\0\n', 'latin1'))))
      .toThrow(/is UTF-16 text \(big-endian, no byte-order mark\)/);
    expect(() => readDelimitedTable(file('c.xlsx', Buffer.from('PK\x03\x04rest of a workbook', 'latin1')))).toThrow(/Excel workbook \(\.xlsx\)/);
    expect(() => readDelimitedTable(file('d.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toThrow(/old-style Excel workbook \(\.xls\)/);
    expect(() => readDelimitedTable(file('e.rds', gzipSync(Buffer.from([0x58, 0x0a, 0, 0, 0, 3, 0, 4]))))).toThrow(/an R data file \(\.rds or \.RData\)/);
  });

  it('decides CSV by content, whatever the extension, with RFC 4180 quoting', () => {
    const t = readDelimitedTable(file('a.txt', 'id,stage,note\n"p,1","Stage II","said ""hi""\nover two lines"\np2,[Not Available],\n'));
    expect(t.delimiter).toBe(',');
    expect(t.rows[0]).toEqual(['p,1', 'Stage II', 'said "hi"\nover two lines']);
    expect(t.rows[1]).toEqual(['p2', '[Not Available]', '']);
    expect(t.lines).toEqual([2, 4]);
  });

  it('reads gzip-compressed files by their magic bytes', () => {
    const t = readDelimitedTable(file('a.tsv.gz', gzipSync('id\tx\nq\t3\n')));
    expect(t.rows).toEqual([['q', '3']]);
  });

  it('tolerates a header one field short (R row names)', () => {
    const t = readDelimitedTable(file('a.tsv', 'time\tstatus\nr1\t5\t1\n'));
    expect(t.header).toEqual(['', 'time', 'status']);
  });

  it('lists the existing columns when one is missing', () => {
    const t = readDelimitedTable(file('a.tsv', 'id\tOS.time\nq\t3\n'));
    expect(() => requireColumn(t, 'os.time', 'time')).toThrow(/Did you mean "OS.time".*"id", "OS.time"/);
  });

  it('detects the delimiter from the first line only, ignoring quoted tabs', () => {
    expect(detectDelimiter('"a\tb",c\n1,2')).toBe(',');
    expect(detectDelimiter('a\tb\n1,2')).toBe('\t');
    expect(parseDelimited('a\tb\n\n1\t2\n', '\t').records).toEqual([['a', 'b'], ['1', '2']]);
  });
});
