// Clinical tables: one row per patient (or sample), an ID column, survival columns,
// grouping and covariate columns. Column extraction reports file, line and column.
import { MigrascoreError } from '../errors.js';
import { isMissingToken } from './missing.js';
import { readDelimitedTable, requireColumn, type DelimitedTable } from './delimited.js';
import { parseEventCells, parseNumberCell } from './values.js';

export interface ClinicalTable extends DelimitedTable {
  idColumn: string;
  ids: string[];
}

export function loadClinicalTable(path: string, idColumn: string | undefined, what = 'Clinical table'): ClinicalTable {
  const table = readDelimitedTable(path, what);
  if (table.rows.length === 0) {
    throw new MigrascoreError(`${what} ${path} has a header but no data rows.`);
  }
  const idName = idColumn ?? table.header[0];
  const idIdx = requireColumn(table, idName, 'the patient/sample ID (--id)');
  const ids = table.rows.map((r) => r[idIdx].trim());
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    if (isMissingToken(ids[i])) {
      throw new MigrascoreError(`${path}, line ${table.lines[i]}, column "${idName}": the ID is missing. Every row needs an ID; remove the row or fill it in.`);
    }
    const first = seen.get(ids[i]);
    if (first !== undefined) {
      throw new MigrascoreError(
        `${path}, column "${idName}": ID "${ids[i]}" appears twice (lines ${table.lines[first]} and ${table.lines[i]}). ` +
          `IDs must be unique: keep one row per patient, or choose another ID column with --id.`,
      );
    }
    seen.set(ids[i], i);
  }
  return { ...table, idColumn: idName, ids };
}

function cellError(table: DelimitedTable, row: number, column: string, problem: string, fix: string): MigrascoreError {
  return new MigrascoreError(`${table.path}, line ${table.lines[row]}, column "${column}": ${problem}. ${fix}`);
}

/** A numeric column (NaN = missing); a non-numeric cell is an error naming line and column. */
export function numericColumn(table: DelimitedTable, column: string, role: string): Float64Array {
  const idx = requireColumn(table, column, role);
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < out.length; i++) {
    const v = parseNumberCell(table.rows[i][idx]);
    if (v === undefined) {
      throw cellError(table, i, column, `"${table.rows[i][idx]}" is not a number`,
        `The ${role} column must hold numbers (missing values may be empty, NA or [Not Available]).`);
    }
    out[i] = v;
  }
  return out;
}

/** Survival times: numeric, finite and not negative. */
export function timeColumn(table: DelimitedTable, column: string): Float64Array {
  const t = numericColumn(table, column, 'time (--time)');
  for (let i = 0; i < t.length; i++) {
    if (t[i] < 0 || t[i] === Infinity) {
      throw cellError(table, i, column, `the time ${table.rows[i][table.header.indexOf(column)].trim()} is ${t[i] < 0 ? 'negative' : 'infinite'}`,
        'Survival times must be zero or positive (days from diagnosis); correct or remove this row.');
    }
  }
  return t;
}

/** Event indicator as 0/1 (-1 = missing), accepting the contract's codings. */
export function eventColumn(table: DelimitedTable, column: string): Int8Array {
  const idx = requireColumn(table, column, 'the event indicator (--event)');
  const parsed = parseEventCells(table.rows.map((r) => r[idx]));
  if (parsed.unknown.size > 0) {
    const listed = [...parsed.unknown.entries()].slice(0, 10)
      .map(([v, row]) => `"${v}" (line ${table.lines[row]})`).join(', ');
    throw new MigrascoreError(
      `${table.path}, column "${column}": unknown event code${parsed.unknown.size > 1 ? 's' : ''} ${listed}. ` +
        'Use 0/1 (1 = event), 1/2 as in R\'s Surv (2 = event), TRUE/FALSE, alive/dead, living/deceased or 0:LIVING/1:DECEASED.',
    );
  }
  return parsed.codes;
}

/** A text column with missing tokens as null (values trimmed). */
export function textColumn(table: DelimitedTable, column: string, role: string): (string | null)[] {
  const idx = requireColumn(table, column, role);
  return table.rows.map((r) => (isMissingToken(r[idx]) ? null : r[idx].trim()));
}
