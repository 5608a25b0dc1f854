// The gene-major expression matrix every room shares: the reader fills it, scoring
// methods and per-gene models read it.

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

/** Builds an in-memory matrix from plain rows (tests, small inputs). */
export function matrixFromRows(rowIds: string[], samples: string[], rows: ArrayLike<number>[]): ExpressionMatrix {
  const data = rows.map((r) => Float64Array.from(r));
  for (const r of data) {
    if (r.length !== samples.length) throw new RangeError(`row of length ${r.length}, expected ${samples.length}`);
  }
  return { rowIds, samples, nRows: data.length, nSamples: samples.length, row: (r) => data[r] };
}
