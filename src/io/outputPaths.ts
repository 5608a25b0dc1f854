// Checks on output paths, done before any computation (a wrong --out should not cost
// a whole run) and again when writing. A run replaces its --out folder whole, so it
// refuses to replace a folder migrascore did not write (unless --force), a folder
// holding one of the run's inputs, or the current folder.
import { closeSync, existsSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, accessSync, constants } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { MigrascoreError, UsageError } from '../errors.js';
import { describeSystemError, isSystemError } from './fsErrors.js';

/** The file that marks a folder as migrascore output (written last, into every --out folder). */
export const MARKER = '.migrascore';

export interface OutputCheck {
  /** The option that named the path, for messages (default --out). */
  flag?: string;
  /** Replace a folder or file that does not look like migrascore output. */
  force?: boolean;
  /** Input files of the run: never overwritten, never inside a replaced folder. */
  inputs?: string[];
}

export function canonicalPath(path: string): string {
  const abs = resolve(path);
  try { return realpathSync(abs); } catch { /* not there yet: resolve its folder */ }
  const parent = dirname(abs);
  if (parent === abs) return abs;
  return resolve(canonicalPath(parent), relative(parent, abs));
}

function inside(child: string, folder: string): boolean {
  const rel = relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** True when `dir` holds the marker, or is a folder written before the marker existed. */
export function isMigrascoreFolder(dir: string): boolean {
  if (existsSync(resolve(dir, MARKER))) return true;
  const has = (name: string) => existsSync(resolve(dir, name));
  return (has('summary.json') && has('km.tsv')) || (has('pancan.json') && has('index.html'));
}

/** The nearest existing folder on the way up from `path`; an error when a file is in the way. */
function nearestExistingFolder(path: string, flag: string, given: string): string {
  let p = dirname(path);
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  if (!statSync(p).isDirectory()) {
    throw new UsageError(`${flag} ${given}: ${p} is a file, so nothing can be created inside it. Choose another path.`);
  }
  return p;
}

function assertWritable(folder: string, flag: string, given: string): void {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (e) {
    if (!isSystemError(e)) throw e;
    const { reason, todo } = describeSystemError(e);
    throw new MigrascoreError(`${flag} ${given}: cannot write in ${folder}: ${reason}. ${todo}.`);
  }
}

function assertNotEmptyPath(path: string | undefined, flag: string): asserts path is string {
  if (path === undefined || path.trim() === '') throw new UsageError(`${flag} is empty: give a path.`);
}

/** Checks an --out folder before the run; returns the folder that will be replaced (links resolved). */
export function checkOutputFolder(out: string | undefined, check: OutputCheck = {}): string {
  const flag = check.flag ?? '--out';
  assertNotEmptyPath(out, flag);
  const target = canonicalPath(out);
  if (dirname(target) === target) throw new UsageError(`${flag} ${out} is the root folder; a run replaces its --out folder whole. Choose a new folder.`);
  if (inside(canonicalPath(process.cwd()), target)) {
    throw new UsageError(`${flag} ${out} is (or contains) the current folder; a run replaces its --out folder whole. Choose a new folder, e.g. ${flag} results.`);
  }
  for (const input of check.inputs ?? []) {
    if (inside(canonicalPath(input), target)) {
      throw new UsageError(`The input ${input} lies inside ${flag} ${out}, which this run replaces whole. Move the input out of it or choose another ${flag}.`);
    }
  }
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new UsageError(`${flag} ${out} exists and is a file; ${flag} names a folder. Choose another path.`);
    if (readdirSync(target).length > 0 && !isMigrascoreFolder(target) && !check.force) {
      throw new MigrascoreError(
        `${flag} ${out} is a folder with files that migrascore did not write (no ${MARKER} file). A run replaces its ${flag} folder whole, ` +
          `so this would delete them. Choose a new or empty folder, or add --force to replace it.`,
      );
    }
    assertWritable(dirname(target), flag, out);
  } else {
    assertWritable(nearestExistingFolder(target, flag, out), flag, out);
  }
  return target;
}

/** The first bytes of a file (for recognising what it is). */
function head(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an output file path before the run. An existing regular file is replaced only
 * when `looksOurs` recognises it (or with --force); devices and pipes (/dev/null, a
 * FIFO) are written to as they are.
 */
export function checkOutputFile(out: string | undefined, looksOurs: (head: string) => boolean, check: OutputCheck = {}): string {
  const flag = check.flag ?? '--out';
  assertNotEmptyPath(out, flag);
  const target = canonicalPath(out);
  if ((check.inputs ?? []).some((i) => canonicalPath(i) === target)) {
    throw new UsageError(`${flag} ${out} is also an input file of this run; refusing to overwrite it. Choose another ${flag}.`);
  }
  if (existsSync(target)) {
    const st = statSync(target);
    if (st.isDirectory()) throw new UsageError(`${flag} ${out} is a folder; ${flag} names a file. Give a file path, e.g. ${out.replace(/\/+$/, '')}${sep}scores.tsv.`);
    if (st.isFile() && st.size > 0 && !check.force && !looksOurs(head(target, 4096))) {
      throw new MigrascoreError(`${flag} ${out} exists and does not look like a file migrascore wrote; refusing to overwrite it. Choose another path, or add --force to replace it.`);
    }
    if (st.isFile()) assertWritable(dirname(target), flag, out);
  } else {
    assertWritable(nearestExistingFolder(target, flag, out), flag, out);
  }
  return target;
}

/** A file name inside an output folder: relative, no `..`, `.` or empty parts, no backslash. */
export function assertSafeOutputName(name: string): void {
  const parts = name.split('/');
  if (name === '' || isAbsolute(name) || /[\\\0]/.test(name) || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new MigrascoreError(`Refusing to write the output "${name}": every output file must stay inside the --out folder. Please report this with the command you ran.`);
  }
}

/** True for devices and pipes (written to directly, never replaced by a rename). */
export function isSpecialFile(path: string): boolean {
  try {
    const st = lstatSync(path).isSymbolicLink() ? statSync(path) : lstatSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}
