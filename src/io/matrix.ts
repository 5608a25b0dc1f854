// Streaming reader for expression matrices (`--expr`): genes in rows, samples in
// columns, TSV or CSV (decided by the header line's content), optionally gzip
// (decided by the magic bytes), UTF-8 with or without BOM, \n, \r\n or (old Mac)
// \r line ends. UTF-16, spreadsheets and other binary files are named, not parsed
// (./fileKind.ts). `transpose` reads samples in rows, genes across (./matrixTranspose.ts).
//
// The file text is never held whole: bytes are read in chunks (fs stream, then
// zlib when gzipped), split into lines, and each cell is parsed straight from the
// bytes (src/io/matrixParse.ts); only row IDs become strings. Values go into
// Float64Array blocks of `rowsPerBlock` rows backed by SharedArrayBuffer, so worker
// threads can share them without copying and the number of rows need not be known in
// advance. Memory ≈ the values (8 bytes × rows × samples, plus at most one unused
// block while reading) + the row IDs + a chunk or a line.
//
// Layout decisions:
// - The first non-blank line is the header. Its first cell names the ID column ("",
//   "gene", "gene_id", "Hybridization REF", ...). When data rows have one field more
//   than the header (R's write.table with row names), every header cell is a sample.
// - A first data line whose every value cell is a word (Firehose's second header line
//   "gene_id  normalized_count  normalized_count ...") is skipped and reported.
// - Quoted cells are accepted (quotes stripped, "" → "); a quoted ID cannot span lines.
// - Rows with ANY missing value (empty, NA, NaN, null, N/A, #N/A, ., TCGA tokens) are
//   dropped for the run and reported: GSVA-style scoring cannot rank NA, and dropping
//   the gene is what scoring on complete rows means. Non-finite cells (Inf, -Inf, or a
//   number too large for a double) are treated the same way and counted apart: kept,
//   one Inf would decide `--log2 auto` for the whole matrix and move every rank.
// - Duplicate row IDs (after those drops) are collapsed into the first occurrence by
//   the element-wise mean: sum in file order, then divide by the count — exactly
//   limma::avereps (rowsum / counts). Reported with their counts.
// - Rows rejected by `keepRow` are skipped without parsing their numbers (so they are
//   not validated either).
import { existsSync, statSync, createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { MigrascoreError } from '../errors.js';
import { blockMatrix, newBlock, type BlockMatrix } from '../matrix/blockMatrix.js';
import { detectDelimiter, parseDelimited } from './delimited.js';
import { parseNumberCell } from './values.js';
import { idEnd, parseIdField, parseRowValues } from './matrixParse.js';
import { describeNonText, printable } from './fileKind.js';
import { transposeLoaded } from './matrixTranspose.js';
import type { DroppedRow, LoadedMatrix } from './loadedMatrix.js';

export type { BlockMatrix };

export type { DroppedRow, LoadedMatrix } from './loadedMatrix.js';

export interface ReadMatrixOptions {
  /** Keep only rows whose ID passes (others are skipped cheaply and counted). */
  keepRow?: (id: string) => boolean;
  /** Of the rows keepRow rejects, those whose IDs to list in `hintIds` (for near-match hints). */
  hintRow?: (id: string) => boolean;
  /** Rows per SharedArrayBuffer block (default 256). */
  rowsPerBlock?: number;
  /** Samples in rows and genes in columns (the header names genes). */
  transpose?: boolean;
}

const WHAT = 'Expression matrix';

const sepName = (d: number) => (d === 9 ? 'tab' : 'comma');
const clip = (s: string) => printable(s.length > 60 ? `${s.slice(0, 57)}...` : s);

class MatrixBuilder {
  line = 0;
  delim = 9;
  header: string[] | null = null;
  samples: string[] | null = null;
  idColumn = '';
  secondHeaderLine: number | null = null;
  secondHeaderWords: string[] = [];
  checkedSecondHeader = false;
  n = 0;
  blocks: Float64Array[] = [];
  rowIds: string[] = [];
  index = new Map<string, number>();
  dupCounts = new Map<number, number>();
  droppedMissing: LoadedMatrix['droppedMissing'] = [];
  skippedRows = 0;
  /** The first IDs of rows rejected by keepRow (to recognise a file that is not an expression matrix). */
  skippedIds: string[] = [];
  hintIds: string[] = [];
  hintRow?: (id: string) => boolean;
  dataRows = 0;

  /** `transposed`: rows are samples, the header names genes; missing cells are kept for the transposition. */
  constructor(readonly path: string, readonly rowsPerBlock: number, readonly keepRow?: (id: string) => boolean, readonly transposed = false) {}

  /** One line: bytes [s, e) with e at its '\n' (or the end of buf for a last line without one). */
  onLine(buf: Buffer, s: number, e: number): void {
    this.line++;
    if (e > s && buf[e - 1] === 13) e--;
    if (this.line === 1 && e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    if (s === e) return;
    if (!this.header) { this.readHeader(buf.toString('utf8', s, e)); return; }
    if (!this.samples) {
      if (this.layout(buf.toString('utf8', s, e))) return;
    }
    this.dataRows++;
    this.row(buf, s, e);
  }

  readHeader(text: string): void {
    if (/^#1\.[23]\b/.test(text)) {
      throw new MigrascoreError(`${WHAT} ${this.path} looks like a GCT file (first line "${clip(text)}"). Remove its first two lines and the Description column, leaving gene IDs in the first column and one column per sample.`);
    }
    this.delim = detectDelimiter(text) === '\t' ? 9 : 44;
    this.header = (parseDelimited(text, String.fromCharCode(this.delim)).records[0] ?? ['']).map((h) => h.trim());
  }

  /** Decides on the first data line how header cells map to samples; true when that line is a second header line. */
  layout(text: string): boolean {
    const header = this.header!;
    const cells = parseDelimited(text, String.fromCharCode(this.delim)).records[0] ?? [''];
    if (!this.checkedSecondHeader) {
      this.checkedSecondHeader = true;
      const values = cells.slice(1).map((c) => c.trim());
      if (values.length > 0 && values.every((c) => parseNumberCell(c) === undefined)) {
        this.secondHeaderLine = this.line;
        this.secondHeaderWords = [...new Set(values)];
        return true;
      }
    }
    const H = header.length;
    if (cells.length === H) { this.idColumn = header[0]; this.samples = header.slice(1); }
    else if (cells.length === H + 1) { this.idColumn = ''; this.samples = header.slice(); }
    else this.countError(cells.length);
    const samples = this.samples!;
    if (samples.length === 0) {
      throw new MigrascoreError(`${WHAT} ${this.path}: the header line has a single column, so there are no samples. The file must be tab- or comma-separated with gene IDs in the first column and one column per sample.`);
    }
    const empty = samples.indexOf('');
    if (empty >= 0) {
      const col = empty + 1 + (H - samples.length);
      throw new MigrascoreError(`${WHAT} ${this.path}, line 1: column ${col} of the header is empty, but every ${this.transposed ? 'gene' : 'sample'} column needs an ID${col === H ? ' (a trailing separator at the end of the lines?)' : ''}. Name that column or remove it.`);
    }
    this.n = samples.length;
    if (this.transposed) return false; // repeated genes are averaged after the transposition
    const seen = new Map<string, number>();
    const dups: string[] = [];
    samples.forEach((sname, i) => {
      const first = seen.get(sname);
      const col = i + 1 + (H - samples.length);
      if (first === undefined) seen.set(sname, col);
      else if (dups.length < 5) dups.push(`"${clip(sname)}" (columns ${first} and ${col})`);
    });
    if (dups.length) {
      const firehose = this.secondHeaderWords.some((w) => /raw_count|scaled_estimate|transcript_id/.test(w))
        ? ' This looks like a Firehose RSEM_genes file (several columns per sample); use the RSEM_genes_normalized file instead.'
        : '';
      throw new MigrascoreError(`${WHAT} ${this.path}, line 1: sample IDs must be unique, but the header repeats ${dups.join(', ')}.${firehose} Rename or remove the repeated columns.`);
    }
    return false;
  }

  countError(fields: number): never {
    const H = this.header!.length;
    const expected = this.samples ? `${this.n + 1} (a gene ID and ${this.n} samples)` : `${H}`;
    throw new MigrascoreError(
      `${WHAT} ${this.path}, line ${this.line}: ${fields} ${sepName(this.delim)}-separated field${fields === 1 ? '' : 's'}, but the header line has ${H} and rows need ${expected}. ` +
        `Fix that row (a missing or stray ${sepName(this.delim)}?) so every row has a gene ID and one value per sample.`,
    );
  }

  row(buf: Buffer, s: number, e: number): void {
    const id = parseIdField(buf, s, e, this.delim);
    if (this.keepRow && !this.keepRow(id)) {
      this.skippedRows++;
      if (this.skippedIds.length < 50) this.skippedIds.push(id);
      if (this.hintRow && this.hintIds.length < 1000 && this.hintRow(id)) this.hintIds.push(id);
      return;
    }
    const n = this.n;
    const rpb = this.rowsPerBlock;
    const slot = this.rowIds.length;
    const b = Math.floor(slot / rpb);
    if (b === this.blocks.length) this.blocks.push(newBlock(rpb, n));
    const block = this.blocks[b];
    const off = (slot % rpb) * n;
    const end = idEnd;
    const res = parseRowValues(buf, end + 1, e, end < e, this.delim, block, off, n);
    if (res.status === 'count') this.countError(res.fields + 1);
    if (res.status === 'text') {
      const col = res.field + 2;
      throw new MigrascoreError(
        `${WHAT} ${this.path}, line ${this.line}, column ${col} (sample "${clip(this.samples![res.field])}", row "${clip(id)}"): "${clip(res.text)}" is not a number. ` +
          `Every cell after the gene ID must be a number or a missing value (empty, NA); fix that cell${col === 2 ? ', or remove the second column if it holds gene descriptions or other annotation' : ''}.`,
      );
    }
    if ((res.missing > 0 || res.nonFinite > 0) && !this.transposed) {
      const { missing, nonFinite } = res;
      this.droppedMissing.push(nonFinite > 0 ? { id, line: this.line, missing, non_finite: nonFinite } : { id, line: this.line, missing });
      return;
    }
    const first = this.index.get(id);
    if (first === undefined) {
      this.index.set(id, slot);
      this.rowIds.push(id);
      return;
    }
    const target = this.blocks[Math.floor(first / rpb)];
    const toff = (first % rpb) * n;
    for (let j = 0; j < n; j++) target[toff + j] += block[off + j];
    this.dupCounts.set(first, (this.dupCounts.get(first) ?? 1) + 1);
  }

  finish(): LoadedMatrix {
    if (!this.header) throw new MigrascoreError(`${WHAT} ${this.path} is empty: expected a header line with sample IDs, then one line per gene.`);
    if (!this.samples || this.dataRows === 0) {
      throw new MigrascoreError(`${WHAT} ${this.path} has a header line but no data rows: expected one line per gene after it.`);
    }
    const n = this.n;
    const rpb = this.rowsPerBlock;
    const nRows = this.rowIds.length;
    if (nRows === 0 && this.droppedMissing.length > 0) throw allRowsDropped(this.path, this.droppedMissing, !!this.keepRow);
    const duplicates: LoadedMatrix['duplicates'] = [];
    for (const [r, count] of [...this.dupCounts].sort((a, b) => a[0] - b[0])) {
      const block = this.blocks[Math.floor(r / rpb)];
      const off = (r % rpb) * n;
      for (let j = 0; j < n; j++) block[off + j] /= count;
      duplicates.push({ id: this.rowIds[r], count });
    }
    // Drop an unused trailing block; shrink the last one to the rows it holds.
    const nBlocks = Math.ceil(nRows / rpb);
    this.blocks.length = nBlocks;
    const lastRows = nRows - (nBlocks - 1) * rpb;
    if (nBlocks > 0 && lastRows < rpb) {
      const last = newBlock(lastRows, n);
      last.set(this.blocks[nBlocks - 1].subarray(0, lastRows * n));
      this.blocks[nBlocks - 1] = last;
    }
    return {
      ...blockMatrix(this.rowIds, this.samples, this.blocks, rpb),
      path: this.path,
      delimiter: this.delim === 9 ? '\t' : ',',
      idColumn: this.idColumn,
      duplicates,
      droppedMissing: this.droppedMissing,
      skippedRows: this.skippedRows,
      dataRows: this.dataRows,
      secondHeaderLine: this.secondHeaderLine,
      skippedIds: this.skippedIds,
      hintIds: this.hintIds,
    };
  }
}

/** Every (needed) row was dropped for missing or non-finite values. */
export function allRowsDropped(path: string, dropped: DroppedRow[], needed: boolean): MigrascoreError {
  const d = dropped[0];
  const where = d.column !== undefined ? `in column ${d.column}` : `on line ${d.line}`;
  const inf = dropped.filter((x) => (x.non_finite ?? 0) > 0).length;
  const what = d.non_finite ? `${d.non_finite} infinite value${d.non_finite > 1 ? 's' : ''}` : `${d.missing} missing`;
  return new MigrascoreError(
    `${WHAT} ${path}: every ${needed ? 'needed ' : ''}${d.column !== undefined ? 'gene' : 'row'} has a missing${inf > 0 ? ' or infinite (Inf, -Inf)' : ''} value (the first, "${clip(d.id)}" ${where}, has ${what}), ` +
      `and genes with missing values cannot be scored. Impute or remove the missing${inf > 0 ? ' and infinite' : ''} values.`,
  );
}

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await fh.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Reads an expression matrix (see the header of this file for the rules). */
export async function readExpressionMatrix(path: string, options: ReadMatrixOptions = {}): Promise<LoadedMatrix> {
  if (!existsSync(path)) {
    throw new MigrascoreError(`${WHAT} file not found: ${path}. Check the path (relative paths are resolved from ${process.cwd()}).`);
  }
  if (statSync(path).isDirectory()) {
    throw new MigrascoreError(`${WHAT} ${path} is a folder, not a file. Give the path of a TSV or CSV file (optionally .gz).`);
  }
  const rowsPerBlock = Math.max(1, Math.floor(options.rowsPerBlock ?? 256));
  const builder = options.transpose
    ? new MatrixBuilder(path, rowsPerBlock, undefined, true)
    : new MatrixBuilder(path, rowsPerBlock, options.keepRow);
  builder.hintRow = options.hintRow;
  const gz = await isGzip(path);
  const src = createReadStream(path, { highWaterMark: 1 << 20 });
  const gunzip = gz ? createGunzip({ chunkSize: 1 << 18 }) : null;
  const input = gunzip ? src.pipe(gunzip) : src;
  if (gunzip) src.on('error', (err) => gunzip.destroy(err));
  try {
    let pending: Buffer[] = [];
    let eol = -1; // the line-end byte: \n, or \r for old Mac files (decided on the first chunk)
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (eol < 0) {
        const kind = describeNonText(chunk.subarray(0, 512));
        if (kind !== null) throw new MigrascoreError(`${WHAT} ${path} is ${kind}.`);
        eol = lineEnd(chunk);
      }
      let start = 0;
      if (pending.length) {
        const nl = chunk.indexOf(eol);
        if (nl < 0) { pending.push(chunk); continue; }
        pending.push(chunk.subarray(0, nl + 1));
        const line = Buffer.concat(pending);
        pending = [];
        builder.onLine(line, 0, line.length - 1);
        start = nl + 1;
      }
      for (let nl = chunk.indexOf(eol, start); nl >= 0; nl = chunk.indexOf(eol, start)) {
        builder.onLine(chunk, start, nl);
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
    if (pending.length) {
      const line = Buffer.concat(pending);
      builder.onLine(line, 0, line.length);
    }
  } catch (err) {
    if (err instanceof MigrascoreError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (gz && typeof e.code === 'string' && e.code.startsWith('Z_')) {
      throw new MigrascoreError(`${WHAT} ${path} looks gzip-compressed but could not be decompressed after line ${builder.line} (${e.message}). Re-download or re-compress the file.`);
    }
    throw new MigrascoreError(`${WHAT} ${path} could not be read (${e.message}).`);
  } finally {
    src.destroy();
    gunzip?.destroy();
  }
  if (!options.transpose) return builder.finish();
  const t = transposeLoaded(builder.finish(), { keepRow: options.keepRow, hintRow: options.hintRow, rowsPerBlock });
  if (t.nRows === 0 && t.droppedMissing.length > 0) throw allRowsDropped(path, t.droppedMissing, !!options.keepRow);
  return t;
}

/** \r when the first line ends with a lone \r (classic Mac OS, some Excel exports), else \n. */
function lineEnd(chunk: Buffer): number {
  const cr = chunk.indexOf(13);
  if (cr < 0) return 10;
  const lf = chunk.indexOf(10);
  return (lf < 0 || cr < lf) && cr + 1 < chunk.length && chunk[cr + 1] !== 10 ? 13 : 10;
}
