// Inputs that must be real files: an expression matrix is opened more than once (its
// first bytes decide gzip, then it is streamed; pancan also checksums its inputs), so
// a pipe such as /dev/stdin would lose data silently. Refused before the run.
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';

export function assertRegularInput(path: string | undefined, flag: string): void {
  if (path === undefined) return;
  if (path.trim() === '') throw new UsageError(`${flag} is empty: give the path of a file.`);
  if (!existsSync(path)) return; // the reader says "not found" with its own advice
  const st = statSync(path);
  if (st.isFile() || st.isDirectory()) return; // a folder gets the reader's message
  throw new UsageError(
    `${flag} ${path} is not a regular file (a pipe, terminal or device such as /dev/stdin); migrascore reads it more than once. ` +
      `Save the data to a file first (e.g. \`... > data.tsv\`) and give that file's path.`,
  );
}

/** Tabs and line breaks cannot be written into a TSV cell (see toTsv). */
export function hasTsvBreak(text: string): boolean {
  return /[\t\n\r]/.test(text);
}
