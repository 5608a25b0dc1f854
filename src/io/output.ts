// The only place outputs are written. A run's files land together or not at all:
// everything is written into a sibling temporary folder first, then moved in.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MigrascoreError } from '../errors.js';

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

export function writeOutputFolder(outDir: string, files: OutputFile[], inputPaths: string[]): void {
  const target = resolve(outDir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new MigrascoreError(`--out ${outDir} exists and is a file; --out names a folder. Choose another path.`, 2);
  }
  assertNotInput(files.map((f) => join(target, f.name)), inputPaths);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging);
    for (const f of files) {
      mkdirSync(dirname(join(staging, f.name)), { recursive: true });
      writeFileSync(join(staging, f.name), f.content);
    }
    if (!existsSync(target)) {
      renameSync(staging, target);
      return;
    }
    for (const f of files) {
      mkdirSync(dirname(join(target, f.name)), { recursive: true });
      renameSync(join(staging, f.name), join(target, f.name));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Shortest round-trip number text; NA for NaN/missing (contract TSV convention). */
export function formatTsvNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'NA';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  return String(x);
}

export function toTsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => (typeof v === 'number' || v === null ? formatTsvNumber(v) : v);
  return [header.join('\t'), ...rows.map((r) => r.map(cell).join('\t'))].join('\n') + '\n';
}

/** JSON with non-finite numbers as null (contract JSON convention). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** Writes files that stand alone (not in an output folder) all-or-nothing: temp files first, then renames. */
export function writeOutputFiles(files: { path: string; content: string | Uint8Array }[], inputPaths: string[]): void {
  assertNotInput(files.map((f) => f.path), inputPaths);
  const temps = files.map((f) => join(dirname(resolve(f.path)), `.${basename(f.path)}.partial-${process.pid}`));
  try {
    files.forEach((f, i) => {
      mkdirSync(dirname(resolve(f.path)), { recursive: true });
      writeFileSync(temps[i], f.content);
    });
    files.forEach((f, i) => renameSync(temps[i], resolve(f.path)));
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}
