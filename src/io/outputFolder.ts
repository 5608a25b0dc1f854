// Replaces an --out folder whole, in one step: every file is written into a hidden
// sibling `.<out>.partial-PID/`, then the old folder is renamed aside
// (`.<out>.old-PID/`), the new one renamed in, and the old one removed. A failure or a
// signal at any point leaves either the old folder or the new one, never a mix, and no
// staging folder.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { MigrascoreError } from '../errors.js';
import { outputWriteError } from './fsErrors.js';
import { withInterruptCleanup } from './interrupts.js';
import { MARKER, assertSafeOutputName, checkOutputFolder, type OutputCheck } from './outputPaths.js';
import { afterStagedFile, beforeSwapIn } from './writeHooks.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;
const MARKER_TEXT = `This folder was written by migrascore ${VERSION}. A re-run with the same --out replaces it whole.\n`;

export interface FolderFile {
  name: string;
  content: string | Uint8Array;
}

/** Unique names, none both a file and a folder of another name. */
function checkNames(files: FolderFile[]): void {
  const names = new Set<string>();
  const folders = new Set<string>();
  for (const f of files) {
    assertSafeOutputName(f.name);
    if (f.name === MARKER) throw new MigrascoreError(`Refusing to write an output named ${MARKER}: the name is reserved. Please report this with the command you ran.`);
    if (names.has(f.name)) throw new MigrascoreError(`Two outputs of this run are both named "${f.name}". Please report this with the command you ran.`);
    names.add(f.name);
    const parts = f.name.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const clash = [...names].find((n) => folders.has(n));
  if (clash) throw new MigrascoreError(`The output "${clash}" would be both a file and a folder. Please report this with the command you ran.`);
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Leftovers of a run killed outright (SIGKILL, power loss): an old output is put back, staging removed. */
function recoverLeftovers(parent: string, base: string, target: string): void {
  const pattern = /^\.(.*)\.(partial|old)-(\d+)$/;
  for (const name of readdirSync(parent)) {
    const m = pattern.exec(name);
    if (!m || m[1] !== base || Number(m[3]) === process.pid || alive(Number(m[3]))) continue;
    const path = join(parent, name);
    if (m[2] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Moves `staging` to `target`; an existing target goes aside first and comes back on failure. */
function swapIn(staging: string, target: string, trash: string): void {
  if (!existsSync(target)) {
    renameSync(staging, target);
    return;
  }
  renameSync(target, trash);
  try {
    beforeSwapIn(target);
    renameSync(staging, target);
  } catch (e) {
    try {
      renameSync(trash, target);
    } catch {
      throw new MigrascoreError(`Could not move the new output into ${target} (${(e as Error).message}), nor the earlier output back: it is in ${trash}. Rename it to ${target} by hand.`);
    }
    throw e;
  }
}

export async function replaceOutputFolder(out: string, files: FolderFile[], check: OutputCheck): Promise<void> {
  const target = checkOutputFolder(out, check);
  checkNames(files);
  const parent = dirname(target);
  const base = basename(target);
  const staging = join(parent, `.${base}.partial-${process.pid}`);
  const trash = join(parent, `.${base}.old-${process.pid}`);
  let createdParent: string | undefined;
  const cleanup = (): string => {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(trash)) {
      if (existsSync(target)) rmSync(trash, { recursive: true, force: true });
      else renameSync(trash, target);
    }
    if (createdParent && !existsSync(target)) rmSync(createdParent, { recursive: true, force: true });
    return `nothing was written to ${out}`;
  };
  await withInterruptCleanup(cleanup, async () => {
    let current = target;
    try {
      createdParent = mkdirSync(parent, { recursive: true });
      recoverLeftovers(parent, base, target);
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging);
      for (const [i, f] of files.entries()) {
        current = join(target, f.name);
        const path = join(staging, f.name);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, f.content);
        await afterStagedFile(i, staging);
      }
      current = join(target, MARKER);
      await writeFile(join(staging, MARKER), MARKER_TEXT);
      current = out;
      swapIn(staging, target, trash);
    } catch (e) {
      cleanup();
      if (e instanceof MigrascoreError) throw e;
      throw outputWriteError(e, current, out);
    }
    await rm(trash, { recursive: true, force: true }).catch((e: Error) => {
      process.stderr.write(`migrascore: warning: the earlier output, moved to ${trash}, could not be removed (${e.message}); remove it by hand.\n`);
    });
  });
}
