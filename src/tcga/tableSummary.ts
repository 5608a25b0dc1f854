// What a loaded covariate table holds, for `migrascore data list|show`: rows, patients,
// cancer types, and per column how many values it has and of what kind (numeric when
// every non-missing value is a number: the rule `associate` uses to pick its test).
import type { DelimitedTable } from '../io/delimited.js';
import { isMissingToken } from '../io/missing.js';
import { parseNumberCell } from '../io/values.js';

export interface TableSummary {
  rows: number;
  /** Distinct values of the ID column. */
  patients: number;
  /** Distinct non-missing values of the cancer column, sorted. */
  cancerTypes: string[];
  columns: number;
}

export interface ColumnSummary {
  name: string;
  /** `empty` when the column has no value at all. */
  type: 'numeric' | 'categorical' | 'empty';
  /** Rows with a (non-missing) value. */
  n: number;
  min?: number;
  median?: number;
  max?: number;
  /** Categorical columns: every level with its count, most frequent first (ties by name). */
  levels?: [string, number][];
}

export interface CancerCoverage {
  cancer: string;
  rows: number;
  /** Rows of this cancer type with a value in the column. */
  n: number;
}

function columnIndex(table: DelimitedTable, column: string): number {
  const i = table.header.indexOf(column);
  if (i < 0) throw new Error(`column ${column} not in ${table.path}`);
  return i;
}

export function summariseTable(table: DelimitedTable, idColumn: string, cancerColumn: string): TableSummary {
  const id = columnIndex(table, idColumn);
  const cancer = columnIndex(table, cancerColumn);
  const cancers = new Set<string>();
  for (const r of table.rows) if (!isMissingToken(r[cancer])) cancers.add(r[cancer].trim());
  return {
    rows: table.rows.length,
    patients: new Set(table.rows.map((r) => r[id].trim())).size,
    cancerTypes: [...cancers].sort(),
    columns: table.header.length,
  };
}

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

export function summariseColumn(table: DelimitedTable, column: string): ColumnSummary {
  const idx = columnIndex(table, column);
  const cells = table.rows.map((r) => r[idx]).filter((c) => !isMissingToken(c)).map((c) => c.trim());
  if (cells.length === 0) return { name: column, type: 'empty', n: 0 };
  const numbers = cells.map((c) => parseNumberCell(c));
  if (numbers.every((v) => v !== undefined)) {
    const sorted = (numbers as number[]).sort((a, b) => a - b);
    return { name: column, type: 'numeric', n: cells.length, min: sorted[0], median: median(sorted), max: sorted[sorted.length - 1] };
  }
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c, (counts.get(c) ?? 0) + 1);
  const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { name: column, type: 'categorical', n: cells.length, levels };
}

/** Rows and rows with a value of `column`, per cancer type (sorted by name). */
export function coverageByCancer(table: DelimitedTable, column: string, cancerColumn: string): CancerCoverage[] {
  const idx = columnIndex(table, column);
  const cancer = columnIndex(table, cancerColumn);
  const by = new Map<string, CancerCoverage>();
  for (const r of table.rows) {
    const c = isMissingToken(r[cancer]) ? 'NA' : r[cancer].trim();
    const entry = by.get(c) ?? { cancer: c, rows: 0, n: 0 };
    entry.rows++;
    if (!isMissingToken(r[idx])) entry.n++;
    by.set(c, entry);
  }
  return [...by.values()].sort((a, b) => (a.cancer < b.cancer ? -1 : a.cancer > b.cancer ? 1 : 0));
}
