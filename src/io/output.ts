// The only place outputs are written. A run's files land together or not at all:
// everything is written into a sibling temporary folder first, then swapped in.
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MigrascoreError, UsageError } from '../errors.js';
import { outputWriteError } from './fsErrors.js';
import { withInterruptCleanup } from './interrupts.js';
import { replaceOutputFolder } from './outputFolder.js';
import { isSpecialFile } from './outputPaths.js';
import { afterStagedFile } from './writeHooks.js';

export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

function canonical(path: string): string {
  const abs = resolve(path);
  try { return realpathSync(abs); } catch { return abs; }
}

/** Refuses any output path that is one of the run's input files. */
export function assertNotInput(outputPaths: string[], inputPaths: string[]): void {
  const inputs = new Set(inputPaths.map(canonical));
  for (const p of outputPaths) {
    if (inputs.has(canonical(p))) {
      throw new MigrascoreError(`The output ${p} is also an input file of this run; refusing to overwrite it. Choose another --out.`, 2);
    }
  }
}

/**
 * Replaces the folder `outDir` with exactly `files`, in one step (see outputFolder.ts).
 * Refuses a non-empty folder migrascore did not write unless `force`.
 */
export async function writeOutputFolder(outDir: string, files: OutputFile[], inputPaths: string[], options: { force?: boolean } = {}): Promise<void> {
  assertNotInput(files.map((f) => join(resolve(outDir), f.name)), inputPaths);
  await replaceOutputFolder(outDir, files, { force: options.force, inputs: inputPaths });
}

/** Shortest round-trip number text; NA for NaN/missing (contract TSV convention). */
export function formatTsvNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'NA';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  return String(x);
}

export function toTsv(header: string[], rows: (string | number | null)[][]): string {
  const text = (v: string, column: number, row: number) => {
    // A tab or line break would split the cell and shift every later column; such text
    // cannot be written in a plain TSV, so the run refuses (naming it) rather than
    // writing a table that reads back differently.
    if (/[\t\n\r]/.test(v)) {
      throw new MigrascoreError(
        `The text ${JSON.stringify(v)} (column "${header[column] ?? column + 1}"${row > 0 ? `, row ${row}` : ' of the header'} of an output table) holds a tab or a line break, ` +
          'which would corrupt the TSV. Remove tabs and line breaks from IDs, group and gene-set names in the input (quoted CSV cells can hold them).',
      );
    }
    // A leading quote would be read as RFC 4180 quoting: quote the cell so it reads back as written.
    return v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const cell = (v: string | number | null, j: number, i: number) => (typeof v === 'number' || v === null ? formatTsvNumber(v) : text(v, j, i));
  return [header.map((h, j) => text(h, j, 0)).join('\t'), ...rows.map((r, i) => r.map((v, j) => cell(v, j, i + 1)).join('\t'))].join('\n') + '\n';
}

/** JSON with non-finite numbers as null (contract JSON convention). */
/** Text as gzip bytes, for a `.gz` output (e.g. a 680,000-row table). */
export function gzipText(text: string): Uint8Array {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 6 });
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/**
 * Writes files that stand alone (not in an output folder) all-or-nothing: temp files
 * first, then renames. Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written
 * to directly: renaming over them would replace the device.
 */
export async function writeOutputFiles(files: { path: string; content: string | Uint8Array }[], inputPaths: string[]): Promise<void> {
  for (const f of files) if (f.path.trim() === '') throw new UsageError('An output path is empty: give a file path.');
  assertNotInput(files.map((f) => f.path), inputPaths);
  const temps = files.map((f) => (isSpecialFile(f.path) ? null : join(dirname(resolve(f.path)), `.${basename(f.path)}.partial-${process.pid}`)));
  const cleanup = () => { for (const t of temps) if (t) rmSync(t, { force: true }); return 'no output file was changed'; };
  await withInterruptCleanup(cleanup, async () => {
    let current = '';
    try {
      for (const [i, f] of files.entries()) {
        current = f.path;
        if (existsSync(f.path) && statSync(f.path).isDirectory()) throw new UsageError(`The output ${f.path} is a folder; give a file path.`);
        const t = temps[i];
        if (t === null) continue;
        mkdirSync(dirname(resolve(f.path)), { recursive: true });
        await writeFile(t, f.content);
        await afterStagedFile(i, t);
      }
      // Devices next (their writes cannot be undone), renames last.
      for (const [i, f] of files.entries()) { current = f.path; if (temps[i] === null) await writeFile(f.path, f.content); }
      files.forEach((f, i) => { current = f.path; const t = temps[i]; if (t) renameSync(t, resolve(f.path)); });
    } catch (e) {
      cleanup();
      if (e instanceof MigrascoreError) throw e;
      throw outputWriteError(e, current, current, isSpecialFile(current) ? null : 'the output');
    }
  });
}
