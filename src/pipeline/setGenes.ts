// The analysed set's genes as matrix rows, and the scale per-gene statistics use
// (`pancan --per-gene` Cox models, `compare --per-gene` fold changes): shared by commands.
import { detectUnlogged } from '../io/logScale.js';
import type { LoadedForScoring, ScoreRequest } from './scoreMatrix.js';

/** The set's genes that were found in the matrix, in set order, each with its matrix row (first occurrence). */
export function geneRowsOfSet(scoring: LoadedForScoring, setIndex: number): { gene: string; row: number }[] {
  const report = scoring.report.genesets.find((g) => g.set === scoring.sets[setIndex].name);
  const rowIndex = new Map(scoring.matrix.rowIds.map((id, i) => [id, i]));
  const out: { gene: string; row: number }[] = [];
  for (const g of report?.genes ?? []) {
    if ((g.status === 'found' || g.status === 'via-id') && g.row !== undefined && rowIndex.has(g.row) && !out.some((o) => o.row === rowIndex.get(g.row!))) {
      out.push({ gene: g.gene, row: rowIndex.get(g.row)! });
    }
  }
  return out;
}

/**
 * Per-gene statistics are on the log2 scale: log-transform the genes of unlogged data that
 * the score method left as they are (--log2 auto judging the matrix, or --log2 yes).
 */
export function perGeneNeedsLog2(scoring: LoadedForScoring, request: ScoreRequest): boolean {
  const { log2 } = scoring.report;
  if (log2.applied || request.log2 === 'no') return false;
  if (request.log2 === 'yes') return true;
  return detectUnlogged(scoring.matrix).unlogged;
}
