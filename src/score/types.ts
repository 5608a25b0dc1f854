// Shapes shared by the expression reader, identifier resolution and every scoring
// method. Values are gene-major (one Float64Array row per gene); rows may live in
// SharedArrayBuffer blocks so worker threads can read them without copying.
export type { ExpressionMatrix } from '../matrix/expressionMatrix.js';
export { matrixFromRows } from '../matrix/expressionMatrix.js';

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
