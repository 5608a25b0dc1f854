// How a covariate column is named for people: a built-in table's documented columns get
// their short label, an axis unit and their meaning; any other column (a user's file)
// keeps its name as written.
import { builtInTableByPath } from './builtInTables.js';
import type { BuiltInTable, ColumnDoc } from './tableDocs.js';

export interface ColumnDisplay {
  name: string;
  /** The label for figures and tables; the column name when undocumented. */
  label: string;
  /** A unit for an axis title, when the documented unit is one (not "category"). */
  unit?: string;
  /** The documented meaning and unit as written, for the report's variable list. */
  meaning?: string;
  scale?: string;
}

// Documented "units" that are no unit of a number on an axis.
const NOT_A_UNIT = /^(?:category|text|integer|year)\b|barcode|abbreviation/i;

/**
 * The documented unit as an axis unit: ranges dropped ("fraction 0–1" → "fraction"),
 * nothing for categories, and nothing when the label already says it ("Leukocyte
 * fraction", not "Leukocyte fraction (fraction)").
 */
export function axisUnit(doc: Pick<ColumnDoc, 'unit'>, label: string): string | undefined {
  if (NOT_A_UNIT.test(doc.unit.trim())) return undefined;
  const unit = doc.unit.replace(/,?\s*(?:about\s*)?-?[\d.]+\s*[–-]\s*[\d.]+$/, '').trim();
  if (unit === '' || label.toLowerCase().includes(unit.toLowerCase())) return undefined;
  return unit;
}

/** The display of one column of `table` (a built-in table or undefined for a user's file). */
export function columnDisplay(table: BuiltInTable | undefined, name: string): ColumnDisplay {
  const doc = table?.columns.find((c) => c.name === name);
  if (!doc) return { name, label: name };
  const label = doc.label ?? name;
  const unit = axisUnit(doc, label);
  return { name, label, ...(unit ? { unit } : {}), meaning: doc.meaning, scale: doc.unit };
}

/** The display of each column of the covariate table at `path` (built in or not). */
export function columnDisplays(path: string, names: readonly string[]): ColumnDisplay[] {
  const table = builtInTableByPath(path);
  return names.map((n) => columnDisplay(table, n));
}

/** Labels keyed by column, for figures (VariableLabels); undocumented columns left out. */
export function labelMap(displays: readonly ColumnDisplay[]): Record<string, string> {
  return Object.fromEntries(displays.filter((d) => d.label !== d.name).map((d) => [d.name, d.label]));
}
