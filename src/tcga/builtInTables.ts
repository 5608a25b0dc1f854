// The registry of bundled covariate tables: a name users type where a table file is
// expected (`--clinical tcga-cdr`, `--with tcga-tme`) maps to the file and its known
// ID and cancer columns; `migrascore data list|show` prints what each one holds.
import { UsageError } from '../errors.js';
import { TCGA_CDR_TABLE } from './cdrTable.js';
import { TCGA_TME } from './tmeTable.js';
import type { BuiltInTable } from './tableDocs.js';

export { TCGA_CDR_TABLE } from './cdrTable.js';
export { TCGA_TME } from './tmeTable.js';
export { citationsForColumns, columnDoc, type BuiltInTable, type ColumnDoc, type TableCitation } from './tableDocs.js';

export const BUILT_IN_TABLES: readonly BuiltInTable[] = [TCGA_CDR_TABLE, TCGA_TME];

/** A table argument resolved: a built-in name maps to the bundled file and its known columns. */
export interface ResolvedTable {
  path: string;
  builtIn: boolean;
  /** Set for built-in tables only. */
  name?: string;
  idColumn?: string;
  cancerColumn?: string;
  sampleColumn?: string;
  table?: BuiltInTable;
}

export function builtInTableNames(): string[] {
  return BUILT_IN_TABLES.map((t) => t.name);
}

/** The built-in table of that name, or undefined. */
export function findBuiltInTable(name: string): BuiltInTable | undefined {
  return BUILT_IN_TABLES.find((t) => t.name === name);
}

/** The built-in table whose bundled file is this path (for reports and citations), or undefined. */
export function builtInTableByPath(path: string): BuiltInTable | undefined {
  return BUILT_IN_TABLES.find((t) => t.path === path);
}

/** The built-in table of that name; an unknown name is a usage error listing the names. */
export function builtInTable(name: string): BuiltInTable {
  const table = findBuiltInTable(name);
  if (table) return table;
  const folded = BUILT_IN_TABLES.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  const hint = folded ? ` Did you mean "${folded.name}"?` : '';
  throw new UsageError(
    `no built-in table "${name}".${hint} The built-in tables are: ${builtInTableNames().join(', ')} ` +
      '(run `migrascore data list` to see what each holds).',
  );
}

/**
 * A --clinical or --with value: a built-in name (exact, as with `resolveClinical`) gives the
 * bundled file with its ID, cancer and sample columns; anything else is a file path.
 */
export function resolveTable(spec: string): ResolvedTable {
  const table = findBuiltInTable(spec);
  if (!table) return { path: spec, builtIn: false };
  return {
    path: table.path,
    builtIn: true,
    name: table.name,
    idColumn: table.idColumn,
    cancerColumn: table.cancerColumn,
    ...(table.sampleColumn ? { sampleColumn: table.sampleColumn } : {}),
    table,
  };
}
