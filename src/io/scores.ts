// Score tables as written by `migrascore score`: a `sample` column, then one column per gene set.
import { MigrascoreError } from '../errors.js';
import { readDelimitedTable, requireColumn } from './delimited.js';
import { isMissingToken } from './missing.js';
import { parseNumberCell } from './values.js';

export interface ScoreColumn {
  path: string;
  column: string;
  sampleIds: string[];
  values: Float64Array;
}

export function loadScoreColumn(path: string, scoreColumn: string | undefined): ScoreColumn {
  const table = readDelimitedTable(path, 'Score table');
  const sampleIdx = table.header.includes('sample') ? table.header.indexOf('sample') : 0;
  const firstScore = table.header.findIndex((_, i) => i !== sampleIdx);
  if (scoreColumn === undefined && firstScore < 0) {
    throw new MigrascoreError(`Score table ${path} has only a sample column; expected "sample" then one column per gene set (as written by migrascore score).`);
  }
  const column = scoreColumn ?? table.header[firstScore];
  const idx = requireColumn(table, column, 'the score (--score)');
  const sampleIds: string[] = [];
  const values = new Float64Array(table.rows.length);
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const id = row[sampleIdx].trim();
    if (isMissingToken(id)) {
      throw new MigrascoreError(`${path}, line ${table.lines[i]}: the sample ID is missing. Every score row needs a sample ID.`);
    }
    if (seen.has(id)) {
      throw new MigrascoreError(`${path}: sample "${id}" appears twice (lines ${table.lines[seen.get(id)!]} and ${table.lines[i]}). Keep one row per sample.`);
    }
    seen.set(id, i);
    const v = parseNumberCell(row[idx]);
    if (v === undefined) {
      throw new MigrascoreError(`${path}, line ${table.lines[i]}, column "${column}": "${row[idx]}" is not a number. Scores must be numeric (NA for missing).`);
    }
    sampleIds.push(id);
    values[i] = v;
  });
  return { path, column, sampleIds, values };
}
