// Node system errors (ENOSPC, EACCES, …) as one-line messages a person can act on.
// Used where outputs are written (the path and the --out are known) and, as a last
// resort, by src/cli/main.ts for any system error that escaped (reading inputs).
import { MigrascoreError } from '../errors.js';

export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code!);
}

/** What the error code means, and what to do about it. */
const REASONS: Record<string, [string, string]> = {
  ENOSPC: ['no space left on the device', 'Free some space or choose a folder on another disk'],
  EDQUOT: ['the disk quota is exceeded', 'Free some space or choose a folder on another disk'],
  EFBIG: ['the file is larger than the file-size limit allows (ulimit -f?)', 'Raise the limit (ulimit -f unlimited) or write to a file system without it'],
  EACCES: ['permission denied', 'Choose a path you may use, or change its permissions'],
  EPERM: ['the operation is not permitted', 'Choose a path you may use, or change its permissions'],
  EROFS: ['the file system is read-only', 'Choose a folder on a writable disk'],
  EISDIR: ['it is a folder, not a file', 'Give the path of a file'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'Check the path'],
  ENOENT: ['no such file or folder', `Check the path (relative paths are resolved from ${process.cwd()})`],
  ENAMETOOLONG: ['the path is too long', 'Choose a shorter path'],
  ELOOP: ['the path has a symbolic-link loop', 'Check the links in the path'],
  EMFILE: ['too many open files', 'Raise the open-file limit (ulimit -n)'],
  EIO: ['an input/output error of the device', 'Check the disk or device'],
  EBUSY: ['the path is busy (a mount point, or in use)', 'Choose another path'],
  EXDEV: ['it lies on another file system than its folder', 'Choose a folder that is not a mount point'],
  ENXIO: ['no such device', 'Give the path of a regular file'],
  ESPIPE: ['it is a pipe, not a file that can be read twice', 'Save the data to a file first and give that file'],
  EPIPE: ['the reader closed the pipe', 'Check the program reading the output'],
};

export function describeSystemError(e: NodeJS.ErrnoException): { reason: string; todo: string } {
  const known = REASONS[e.code ?? ''];
  if (known) return { reason: `${known[0]} (${e.code})`, todo: known[1] };
  return { reason: `${e.message.replace(/^E[A-Z0-9]+: /, '').replace(/,[^,]*$/, '')} (${e.code})`, todo: 'Check the path and try again' };
}

/** An error while writing outputs: names the file, says nothing was replaced. */
export function outputWriteError(e: unknown, path: string, target: string, what: string | null = '--out'): MigrascoreError {
  if (!isSystemError(e)) throw e;
  const { reason, todo } = describeSystemError(e);
  const kept = what === null ? '' : ` Nothing was written to ${what} ${target}; anything there before is unchanged.`;
  return new MigrascoreError(`Cannot write ${path}: ${reason}.${kept} ${todo}.`);
}

/** Any other system error (typically reading an input): the path and the syscall. */
export function systemErrorMessage(e: NodeJS.ErrnoException): string {
  const { reason, todo } = describeSystemError(e);
  const verb = e.syscall === 'write' ? 'write' : e.syscall === 'mkdir' || e.syscall === 'rename' || e.syscall === 'unlink' || e.syscall === 'rmdir' ? 'change' : 'read';
  const where = e.path ? ` ${e.path}` : '';
  return `Cannot ${verb}${where}: ${reason}. ${todo}.`;
}
