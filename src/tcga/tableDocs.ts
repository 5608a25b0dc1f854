// What a built-in covariate table documents about itself: each column's meaning, unit
// and source, and which publication to cite for which columns (printed by
// `migrascore data show`, listed in reports of runs that use the table).

/** A publication to cite for some columns of a built-in table. */
export interface TableCitation {
  /** Short key used in column docs, e.g. "thorsson2018". */
  key: string;
  /** How it is named in one line, e.g. "Thorsson et al. 2018". */
  short: string;
  /** The reference as printed in the report and by `data show`. */
  text: string;
  doi: string;
  /** Why it is cited when that is not the method itself (e.g. "distributed the file"). */
  role?: string;
}

/** Where a column's values were read from (one pinned upstream file). */
export interface ColumnOrigin {
  key: string;
  /** owner/name @ commit, path: enough to find the very file again. */
  file: string;
  /** Licence of the repository the file was read from ("none stated" when it has none). */
  licence: string;
}

export interface ColumnGroup {
  key: string;
  title: string;
  /** What all its columns share (printed once above them). */
  note?: string;
  /** A name pattern covering all its columns (`timer_*`), used in citation lists. */
  pattern?: string;
}

export interface ColumnDoc {
  name: string;
  group: string;
  meaning: string;
  /** Unit or scale: "fraction 0–1", "mutations / Mb", "days", "category". */
  unit: string;
  /** Short name for figures and reports ("Leukocyte fraction"); the column name where absent. */
  label?: string;
  /** Citation keys, the primary source first. */
  cite: string[];
  /** ColumnOrigin key; absent when the whole table has one origin. */
  origin?: string;
}

export interface BuiltInTable {
  /** The name users type: `--with tcga-tme`, `--clinical tcga-cdr`. */
  name: string;
  /** Absolute path of the bundled gzip TSV. */
  path: string;
  /** File name under data/ (for people). */
  file: string;
  idColumn: string;
  cancerColumn: string;
  /** Column naming the sample the sample-level values come from, when there is one. */
  sampleColumn?: string;
  /** One line, as `data list` prints it. */
  description: string;
  /** A few sentences: what the table holds and how it was made. */
  summary: string;
  groups: ColumnGroup[];
  columns: ColumnDoc[];
  citations: TableCitation[];
  origins: ColumnOrigin[];
  /** Licence and redistribution notes, one sentence each. */
  licenceNotes: string[];
  /** Caveats a user should know before analysing the columns. */
  caveats: string[];
  /** The options that accept the name, e.g. ["--clinical", "--with"]. */
  options: string[];
  /** Where the full provenance record lives (a file under data/). */
  provenance: string;
}

/** The documentation of one column, or undefined. */
export function columnDoc(table: BuiltInTable, column: string): ColumnDoc | undefined {
  return table.columns.find((c) => c.name === column);
}

/**
 * The publications to cite for the given columns, each with the columns it covers, in
 * the table's citation order. Columns without documentation are ignored.
 */
export function citationsForColumns(table: BuiltInTable, columns: readonly string[]): { citation: TableCitation; columns: string[] }[] {
  const wanted = new Set(columns);
  return table.citations
    .map((citation) => ({ citation, columns: table.columns.filter((c) => wanted.has(c.name) && c.cite.includes(citation.key)).map((c) => c.name) }))
    .filter((c) => c.columns.length > 0);
}
