// Delimited tables (TSV/CSV decided by content), optionally gzip-compressed, with a
// BOM, CRLF or CR-only (old Mac) line ends and RFC 4180 quoting; UTF-16 and binary
// files (spreadsheets, R data) are named rather than parsed (./fileKind.ts). Whole-file reading is fine for clinical
// and score tables (thousands of rows); expression matrices use a streaming reader.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { MigrascoreError } from '../errors.js';
import { describeNonText, printable } from './fileKind.js';

export interface DelimitedTable {
  path: string;
  delimiter: '\t' | ',';
  header: string[];
  rows: string[][];
  /** 1-based line number in the file where each data row starts. */
  lines: number[];
}

export function readTextFile(path: string, what: string): string {
  if (!existsSync(path)) {
    throw new MigrascoreError(`${what} file not found: ${path}. Check the path (relative paths are resolved from ${process.cwd()}).`);
  }
  if (statSync(path).isDirectory()) {
    throw new MigrascoreError(`${what} ${path} is a folder, not a file. Give the path of a TSV or CSV file.`);
  }
  let bytes: Buffer = readFileSync(path);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new MigrascoreError(`${what} ${path} looks gzip-compressed but could not be decompressed (${(e as Error).message}). Re-download or re-compress the file.`);
    }
  }
  const kind = describeNonText(bytes.subarray(0, 512));
  if (kind !== null) throw new MigrascoreError(`${what} ${path} is ${kind}.`);
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Tab when the first line holds a tab outside quotes, comma otherwise. */
export function detectDelimiter(text: string): '\t' | ',' {
  let inQuotes = false;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && c === '\t') return '\t';
    else if (!inQuotes && c === ',') commas++;
  }
  return commas > 0 ? ',' : '\t';
}

/** Splits text into records of fields, honouring RFC 4180 quotes ("" = literal quote). */
export function parseDelimited(text: string, delimiter: string): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) { inQuotes = true; fieldStarted = true; continue; }
    if (c === delimiter) { record.push(field); field = ''; fieldStarted = false; continue; }
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') {
      record.push(field);
      if (!(record.length === 1 && record[0] === '')) { records.push(record); lines.push(recordLine); }
      record = []; field = ''; fieldStarted = false;
      line++; recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
    lines.push(recordLine);
  }
  return { records, lines };
}

/** Reads a header + rows table; every row must have the header's number of fields. */
export function readDelimitedTable(path: string, what = 'Table'): DelimitedTable {
  const text = readTextFile(path, what);
  const delimiter = detectDelimiter(text);
  const { records, lines } = parseDelimited(text, delimiter);
  if (records.length === 0) {
    throw new MigrascoreError(`${what} ${path} is empty: expected a header row and at least one data row.`);
  }
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length !== header.length) {
      // R's read.delim tolerates a header one field short (row names); so do we.
      if (r === 0 && rows[r].length === header.length + 1) {
        header.unshift('');
        continue;
      }
      const sep = delimiter === '\t' ? 'tab' : 'comma';
      throw new MigrascoreError(
        `${what} ${path}, line ${lines[r + 1]}: ${rows[r].length} ${sep}-separated fields, but the header has ${header.length}. ` +
          `Fix that row (a stray ${sep} or an unclosed quote?) so every row has one field per column.`,
      );
    }
  }
  return { path, delimiter, header, rows, lines: lines.slice(1) };
}

/** Index of a column, or an error listing the columns that exist. */
export function requireColumn(table: DelimitedTable, column: string, role: string): number {
  const idx = table.header.indexOf(column);
  if (idx >= 0) return idx;
  const folded = table.header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
  const hint = folded >= 0 ? ` Did you mean "${printable(table.header[folded])}" (names are case-sensitive)?` : '';
  const shown = table.header.slice(0, 40).map((h) => `"${printable(h)}"`).join(', ');
  const more = table.header.length > 40 ? `, … (${table.header.length} in all)` : '';
  throw new MigrascoreError(
    `${table.path}: no column "${printable(column)}" for ${role}.${hint} The columns are: ${shown}${more}.`,
  );
}
