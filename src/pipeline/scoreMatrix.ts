// `migrascore score` and `survival --expr` share this: gene sets → identifier
// resolution → streaming matrix read (skipping unneeded rows when the method allows)
// → log-scale decision → the scoring method (ssgsea and gsva across worker threads).
import { MigrascoreError } from '../errors.js';
import { loadGeneIdTable, resolveGeneSets, rowFilterForSets, type GeneSetReport } from '../genes/resolve.js';
import { nearMatchFilter } from '../genes/nearMatch.js';
import { layoutProblem } from './matrixLayout.js';
import { checkAfterScoring, checkBeforeScoring, filtersConstantGenes, newScoringCheck, type ScoringCheck } from './scorable.js';

export { newScoringCheck, type ScoringCheck } from './scorable.js';
import { droppedRowNotes, fewGenesWarnings, missingGenesText, nonFiniteMessage } from './geneMessages.js';
import { loadGeneSetSpecs, DEFAULT_GENESET, type GeneSetSpec } from '../genes/geneSets.js';
import { readExpressionMatrix, type LoadedMatrix } from '../io/matrix.js';
import { cellsBelowMinusOne, detectUnlogged, log2PlusOne } from '../io/logScale.js';
import { printable } from '../io/fileKind.js';
import { formatCount, formatSignificant } from '../format/numbers.js';
import { METHODS, type ScoreOptions } from '../score/methods.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix, ScoreMethodName } from '../score/types.js';
import { scoreInWorkers } from './scoreWorkers.js';
import { gsvaInWorkers } from './gsvaWorkers.js';

import type { Log2Mode } from '../io/logScale.js';
export type { Log2Mode };

export interface ScoreRequest {
  expr: string;
  genesets: string[];
  method: ScoreMethodName;
  log2: Log2Mode;
  kcdf: 'gaussian' | 'poisson';
  minSize: number;
  maxSize: number;
  /** Use at most this many worker threads for whole-matrix methods (default: CPU count). */
  threads?: number;
  /** The matrix has samples in rows and genes in columns (--transpose). */
  transpose?: boolean;
  /** Read every gene even when the method needs only the set genes (associate --genes). */
  allRows?: boolean;
}

export interface ScoreRunReport {
  matrix: { path: string; rows: number; samples: number; skipped_rows: number; duplicates: { id: string; count: number }[]; dropped_missing: { id: string; line: number; missing: number }[] };
  method: ScoreMethodName;
  kcdf?: string;
  log2: { mode: Log2Mode; applied: boolean; reason: string };
  genesets: GeneSetReport[];
  excluded_sets: { set: string; found: number; reason: string }[];
  /** Set genes with the same value in every scored sample (dropped: left out by the method, as GSVA does). */
  constant_genes?: ScoringCheck['constant_genes'];
  messages: string[];
}

export interface LoadedForScoring {
  matrix: LoadedMatrix;
  specs: GeneSetSpec[];
  sets: ResolvedGeneSet[];
  report: ScoreRunReport;
}

/** Reads the sets and the matrix, resolves genes and drops sets outside --min-size/--max-size. */
export async function loadForScoring(req: ScoreRequest): Promise<LoadedForScoring> {
  const specs = (req.genesets.length ? req.genesets : [DEFAULT_GENESET]).flatMap((s) => loadGeneSetSpecs(s));
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name)) throw new MigrascoreError(`Two gene sets are named "${s.name}"; set names become output columns and must be unique. Rename one (e.g. inline NAME=G1,G2).`, 2);
    names.add(s.name);
  }
  const table = loadGeneIdTable();
  const method = METHODS[req.method];
  const keepRow = method.needsWholeMatrix || req.allRows ? undefined : rowFilterForSets(specs, table);
  const hintRow = keepRow ? nearMatchFilter(specs.flatMap((s) => s.genes.map((g) => g.trim()))) : undefined;
  const matrix = await readExpressionMatrix(req.expr, { keepRow, hintRow, transpose: req.transpose });
  const resolved = resolveGeneSets(specs, matrix.rowIds, table, droppedRowNotes(matrix.droppedMissing), matrix.hintIds);
  const messages: string[] = [];
  const nonFinite = nonFiniteMessage(matrix.droppedMissing);
  if (nonFinite) messages.push(nonFinite);
  const excluded: ScoreRunReport['excluded_sets'] = [];
  // GSVA applies max.sz after discarding constant genes (gsva, zscore, plage): checked
  // then, on the samples scored (scoreLoaded); min.sz can be checked on both sides.
  const maxSize = filtersConstantGenes(req.method) ? Infinity : req.maxSize;
  const sets = resolved.sets.filter((s) => {
    const n = s.rows.length;
    if (n >= req.minSize && n <= maxSize) return true;
    const reason = n < req.minSize
      ? `${n} of its ${s.genes.length} genes are in the matrix, fewer than --min-size ${req.minSize}`
      : `${n} genes are in the matrix, more than --max-size ${req.maxSize}`;
    excluded.push({ set: s.name, found: n, reason });
    messages.push(`gene set "${s.name}" is not scored: ${reason}.`);
    return false;
  });
  const few = fewGenesWarnings(resolved.report.filter((r) => sets.some((s) => s.name === r.set)));
  if (sets.length === 0 || few.length > 0) {
    const layout = layoutProblem(matrix, specs, table, resolved.report);
    if (layout) throw new MigrascoreError(layout);
  }
  if (sets.length === 0) {
    const missingOf = (name: string) => missingGenesText(resolved.report.find((r) => r.set === name)!);
    throw new MigrascoreError(
      `No gene set can be scored on ${req.expr}: ${excluded.map((e) => `"${e.set}" (${e.reason}${missingOf(e.set)})`).join('; ')}. ` +
        'Check that the matrix has genes in rows with symbol, Entrez or Ensembl IDs, or lower --min-size.',
    );
  }
  messages.push(...few);
  return {
    matrix,
    specs,
    sets,
    report: {
      matrix: {
        path: req.expr, rows: matrix.nRows, samples: matrix.nSamples, skipped_rows: matrix.skippedRows,
        duplicates: matrix.duplicates, dropped_missing: matrix.droppedMissing,
      },
      method: req.method,
      ...(req.method === 'gsva' ? { kcdf: req.kcdf } : {}),
      log2: { mode: req.log2, applied: false, reason: '' },
      genesets: resolved.report,
      excluded_sets: excluded,
      messages,
    },
  };
}

/** Applies log2(x+1) when the method assumes log scale and the data look unlogged (or --log2 yes). */
export function onMethodScale(matrix: ExpressionMatrix, req: ScoreRequest, report: ScoreRunReport): ExpressionMatrix {
  const method = METHODS[req.method];
  const assumesLog = method.assumesLogScale && !(req.method === 'gsva' && req.kcdf === 'poisson');
  if (req.log2 === 'no' || !assumesLog) {
    report.log2 = { mode: req.log2, applied: false, reason: req.log2 === 'no' ? '--log2 no' : `${req.method} is rank-based; scale does not matter` };
    return matrix;
  }
  if (req.log2 === 'yes') {
    refuseLogOfMinusOne(matrix, req, '--log2 yes was given');
    report.log2 = { mode: 'yes', applied: true, reason: '--log2 yes' };
    report.messages.push('applied log2(x+1) to the matrix (--log2 yes).');
    return log2PlusOne(matrix, { inPlace: true });
  }
  const d = detectUnlogged(matrix);
  report.log2 = { mode: 'auto', applied: d.unlogged, reason: d.reason };
  if (!d.unlogged) return matrix;
  refuseLogOfMinusOne(matrix, req, `--log2 auto judged the matrix unlogged (${d.reason})`);
  report.messages.push(`the matrix looks unlogged (${d.reason}); applied log2(x+1) before ${req.method}. Use --log2 no to score it as given.`);
  // In place: nothing reads the unlogged values afterwards, and a TCGA-sized matrix
  // would otherwise be held twice (2 × 1.8 GB).
  return log2PlusOne(matrix, { inPlace: true });
}

/** log2(x+1) of x ≤ -1 is NaN or -Inf and would silently empty genes: an error that says where and what to do. */
function refuseLogOfMinusOne(matrix: ExpressionMatrix, req: ScoreRequest, why: string): void {
  const bad = cellsBelowMinusOne(matrix);
  if (bad.cells === 0) return;
  const shown = bad.first.map((c) => `${printable(matrix.rowIds[c.row])} in sample ${printable(matrix.samples[c.column])}: ${formatSignificant(c.value, 6)}`).join('; ');
  throw new MigrascoreError(
    `log2(x+1) is undefined for values of -1 or less, and ${formatCount(bad.cells)} cell${bad.cells === 1 ? '' : 's'} in ${formatCount(bad.rows)} gene${bad.rows === 1 ? '' : 's'} of ${req.expr} ${bad.cells === 1 ? 'is' : 'are'} (${shown}${bad.cells > bad.first.length ? '; …' : ''}); ` +
      `${why}. Values this low suggest the matrix is already log-scaled or centred: score it as given with --log2 no, or correct those values.`,
  );
}

/**
 * Scores every set on every sample of `matrix` (scores[set][sample], aligned with
 * `sets`). Sets GSVA would drop on these samples (./scorable.ts: constant genes, sizes)
 * are not scored and get NaN, with the reason in `check`; throws when no set is left.
 */
export async function scoreLoaded(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], req: ScoreRequest, check: ScoringCheck = newScoringCheck()): Promise<ScoreMatrix> {
  const keep = checkBeforeScoring(matrix, sets, req.method, { min: req.minSize, max: req.maxSize }, check);
  const kept = sets.filter((_, i) => keep[i]);
  const scored = kept.length > 0 ? await scoreSets(matrix, kept, req) : [];
  let k = 0;
  const scores = sets.map((_, i) => (keep[i] ? scored[k++] : new Float64Array(matrix.nSamples).fill(NaN)));
  checkAfterScoring(scores, sets, keep, req.method, check);
  return scores;
}

function scoreSets(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], req: ScoreRequest): ScoreMatrix | Promise<ScoreMatrix> {
  const options: ScoreOptions = { kcdf: req.kcdf };
  if (req.method === 'ssgsea') return scoreInWorkers(matrix, sets, req.threads);
  if (req.method === 'gsva') return gsvaInWorkers(matrix, sets, req.kcdf, req.threads);
  return METHODS[req.method].score(matrix, sets, options);
}
