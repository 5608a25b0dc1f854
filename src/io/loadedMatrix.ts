// What the matrix reader returns, shared by the reader and the transposing reader
// (so neither imports the other back).
import type { BlockMatrix } from '../matrix/blockMatrix.js';

export interface LoadedMatrix extends BlockMatrix {
  path: string;
  delimiter: '\t' | ',';
  /** The header's first cell ('' when the header has no cell for the ID column). */
  idColumn: string;
  /** Row IDs that appeared more than once (count = rows averaged), in first-appearance order. */
  duplicates: { id: string; count: number }[];
  /**
   * Rows dropped because some cell was missing or not finite (line = 1-based line in the
   * file; with `transpose`, line 1 and the gene's column). `missing` counts missing cells,
   * `non_finite` (when any) the Inf/-Inf cells.
   */
  droppedMissing: DroppedRow[];
  /** Rows rejected by keepRow. */
  skippedRows: number;
  /** Data lines in the file (header and blank lines excluded). */
  dataRows: number;
  /** Line number of a skipped second header line (Firehose "gene_id normalized_count ..."), or null. */
  secondHeaderLine: number | null;
  /** The first (up to 50) IDs of rows skipped by keepRow. */
  skippedIds: string[];
  /** IDs of skipped rows that passed hintRow (up to 1000). */
  hintIds: string[];
  /** True when the file was read with `transpose`. */
  transposed?: boolean;
}

export interface DroppedRow { id: string; line: number; missing: number; non_finite?: number; column?: number }
