// Shapes shared by the expression reader, identifier resolution and every scoring
// method. Values are gene-major (one Float64Array row per gene); rows may live in
// SharedArrayBuffer blocks so worker threads can read them without copying.

/** Genes in rows, samples in columns; NaN = missing. */
export interface ExpressionMatrix {
  /** Row identifiers as in the file (after duplicate rows were collapsed by mean). */
  rowIds: string[];
  /** Sample (column) IDs from the header row. */
  samples: string[];
  nRows: number;
  nSamples: number;
  /** The values of row r (length nSamples). Do not write into it. */
  row(r: number): Float64Array;
}

/** A gene set resolved to matrix rows. */
export interface ResolvedGeneSet {
  name: string;
  /** Row indices into the matrix, distinct, in the set's gene order. */
  rows: number[];
  /** The set's genes as given (for reports). */
  genes: string[];
}

/** One scoring method: scores[set][sample]. Pure and deterministic. */
export type ScoreMatrix = Float64Array[];

export type ScoreMethodName = 'ssgsea' | 'gsva' | 'zscore' | 'plage' | 'singscore' | 'mean' | 'meanz';

/** Builds an in-memory matrix from plain rows (tests, small inputs). */
export function matrixFromRows(rowIds: string[], samples: string[], rows: ArrayLike<number>[]): ExpressionMatrix {
  const data = rows.map((r) => Float64Array.from(r));
  for (const r of data) {
    if (r.length !== samples.length) throw new RangeError(`row of length ${r.length}, expected ${samples.length}`);
  }
  return { rowIds, samples, nRows: data.length, nSamples: samples.length, row: (r) => data[r] };
}
