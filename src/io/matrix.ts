// Streaming reader for expression matrices (`--expr`): genes in rows, samples in
// columns, TSV or CSV (decided by the header line's content), optionally gzip
// (decided by the magic bytes), UTF-8 with or without BOM, \n or \r\n line ends.
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
//   the gene is what scoring on complete rows means.
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

export type { BlockMatrix };

export interface LoadedMatrix extends BlockMatrix {
  path: string;
  delimiter: '\t' | ',';
  /** The header's first cell ('' when the header has no cell for the ID column). */
  idColumn: string;
  /** Row IDs that appeared more than once (count = rows averaged), in first-appearance order. */
  duplicates: { id: string; count: number }[];
  /** Rows dropped because some cell was missing (line = 1-based line in the file). */
  droppedMissing: { id: string; line: number; missing: number }[];
  /** Rows rejected by keepRow. */
  skippedRows: number;
  /** Data lines in the file (header and blank lines excluded). */
  dataRows: number;
  /** Line number of a skipped second header line (Firehose "gene_id normalized_count ..."), or null. */
  secondHeaderLine: number | null;
}

export interface ReadMatrixOptions {
  /** Keep only rows whose ID passes (others are skipped cheaply and counted). */
  keepRow?: (id: string) => boolean;
  /** Rows per SharedArrayBuffer block (default 256). */
  rowsPerBlock?: number;
}

const WHAT = 'Expression matrix';

const sepName = (d: number) => (d === 9 ? 'tab' : 'comma');
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

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
  dataRows = 0;

  constructor(readonly path: string, readonly rowsPerBlock: number, readonly keepRow?: (id: string) => boolean) {}

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
      throw new MigrascoreError(`${WHAT} ${this.path}, line 1: column ${col} of the header is empty, but every sample column needs an ID${col === H ? ' (a trailing separator at the end of the lines?)' : ''}. Name that column or remove it.`);
    }
    const seen = new Map<string, number>();
    const dups: string[] = [];
    samples.forEach((sname, i) => {
      const first = seen.get(sname);
      const col = i + 1 + (H - samples.length);
      if (first === undefined) seen.set(sname, col);
      else if (dups.length < 5) dups.push(`"${sname}" (columns ${first} and ${col})`);
    });
    if (dups.length) {
      const firehose = this.secondHeaderWords.some((w) => /raw_count|scaled_estimate|transcript_id/.test(w))
        ? ' This looks like a Firehose RSEM_genes file (several columns per sample); use the RSEM_genes_normalized file instead.'
        : '';
      throw new MigrascoreError(`${WHAT} ${this.path}, line 1: sample IDs must be unique, but the header repeats ${dups.join(', ')}.${firehose} Rename or remove the repeated columns.`);
    }
    this.n = samples.length;
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
    if (this.keepRow && !this.keepRow(id)) { this.skippedRows++; return; }
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
    if (res.missing > 0) { this.droppedMissing.push({ id, line: this.line, missing: res.missing }); return; }
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
    if (nRows === 0 && this.droppedMissing.length > 0) {
      const d = this.droppedMissing[0];
      throw new MigrascoreError(
        `${WHAT} ${this.path}: every ${this.keepRow ? 'needed ' : ''}row has a missing value (the first, "${clip(d.id)}" on line ${d.line}, has ${d.missing}), ` +
          'and rows with missing values cannot be scored. Impute or remove the missing values.',
      );
    }
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
    };
  }
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
  const builder = new MatrixBuilder(path, rowsPerBlock, options.keepRow);
  const gz = await isGzip(path);
  const src = createReadStream(path, { highWaterMark: 1 << 20 });
  const gunzip = gz ? createGunzip({ chunkSize: 1 << 18 }) : null;
  const input = gunzip ? src.pipe(gunzip) : src;
  if (gunzip) src.on('error', (err) => gunzip.destroy(err));
  try {
    let pending: Buffer[] = [];
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let start = 0;
      if (pending.length) {
        const nl = chunk.indexOf(10);
        if (nl < 0) { pending.push(chunk); continue; }
        pending.push(chunk.subarray(0, nl + 1));
        const line = Buffer.concat(pending);
        pending = [];
        builder.onLine(line, 0, line.length - 1);
        start = nl + 1;
      }
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
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
  return builder.finish();
}
