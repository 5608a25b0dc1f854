// `--foldid FILE` of `model fit`: a table `sample, fold` (R's foldid, one row per sample),
// read as written; matching it to the analysed samples is the pipeline's job.
import { MigrascoreError } from '../errors.js';
import { readDelimitedTable } from './delimited.js';
import { isMissingToken } from './missing.js';

export interface FoldTable {
  path: string;
  /** Sample ID → fold number (1-based), in file order. */
  folds: Map<string, number>;
}

export function readFoldTable(path: string): FoldTable {
  const table = readDelimitedTable(path, 'Fold table (--foldid)');
  const foldIdx = table.header.indexOf('fold');
  if (foldIdx < 0 || table.header.length < 2) {
    throw new MigrascoreError(`Fold table ${path} needs the columns "sample" and "fold" (found: ${table.header.join(', ')}). Write one row per sample: its ID as in the matrix columns and its fold, 1..K (R: data.frame(sample = colnames(expr), fold = foldid)).`);
  }
  const sampleIdx = table.header.includes('sample') ? table.header.indexOf('sample') : foldIdx === 0 ? 1 : 0;
  const folds = new Map<string, number>();
  const lineOf = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const id = (row[sampleIdx] ?? '').trim();
    const line = table.lines[i];
    if (isMissingToken(id)) throw new MigrascoreError(`${path}, line ${line}: the sample ID is missing. Every fold row needs a sample ID.`);
    if (folds.has(id)) throw new MigrascoreError(`${path}: sample "${id}" appears twice (lines ${lineOf.get(id)} and ${line}). Give each sample one fold.`);
    const text = (row[foldIdx] ?? '').trim();
    const fold = Number(text);
    if (text === '' || !Number.isInteger(fold) || fold < 1) {
      throw new MigrascoreError(`${path}, line ${line}, column "fold": "${text}" is not a fold number. Folds are whole numbers 1..K, as cv.glmnet's foldid.`);
    }
    folds.set(id, fold);
    lineOf.set(id, line);
  });
  if (folds.size === 0) throw new MigrascoreError(`Fold table ${path} has no rows. Give one row per analysed sample: sample, fold.`);
  return { path, folds };
}
