// `migrascore score` and `survival --expr` share this: gene sets → identifier
// resolution → streaming matrix read (skipping unneeded rows when the method allows)
// → log-scale decision → the scoring method (ssgsea and gsva across worker threads).
import { MigrascoreError } from '../errors.js';
import { loadGeneIdTable, resolveGeneSets, rowFilterForSets, type GeneSetReport } from '../genes/resolve.js';
import { loadGeneSetSpecs, DEFAULT_GENESET, type GeneSetSpec } from '../genes/geneSets.js';
import { readExpressionMatrix, type LoadedMatrix } from '../io/matrix.js';
import { detectUnlogged, log2PlusOne } from '../io/logScale.js';
import { METHODS, type ScoreOptions } from '../score/methods.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix, ScoreMethodName } from '../score/types.js';
import { scoreInWorkers } from './scoreWorkers.js';
import { gsvaInWorkers } from './gsvaWorkers.js';

export type Log2Mode = 'auto' | 'yes' | 'no';

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
}

export interface ScoreRunReport {
  matrix: { path: string; rows: number; samples: number; skipped_rows: number; duplicates: { id: string; count: number }[]; dropped_missing: { id: string; line: number; missing: number }[] };
  method: ScoreMethodName;
  kcdf?: string;
  log2: { mode: Log2Mode; applied: boolean; reason: string };
  genesets: GeneSetReport[];
  excluded_sets: { set: string; found: number; reason: string }[];
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
  const keepRow = method.needsWholeMatrix ? undefined : rowFilterForSets(specs, table);
  const matrix = await readExpressionMatrix(req.expr, { keepRow });
  const resolved = resolveGeneSets(specs, matrix.rowIds, table);
  const messages: string[] = [];
  const excluded: ScoreRunReport['excluded_sets'] = [];
  const sets = resolved.sets.filter((s) => {
    const n = s.rows.length;
    if (n >= req.minSize && n <= req.maxSize) return true;
    const reason = n < req.minSize
      ? `${n} of its ${s.genes.length} genes are in the matrix, fewer than --min-size ${req.minSize}`
      : `${n} genes are in the matrix, more than --max-size ${req.maxSize}`;
    excluded.push({ set: s.name, found: n, reason });
    messages.push(`gene set "${s.name}" is not scored: ${reason}.`);
    return false;
  });
  if (sets.length === 0) {
    throw new MigrascoreError(
      `No gene set can be scored on ${req.expr}: ${excluded.map((e) => `"${e.set}" (${e.reason})`).join('; ')}. ` +
        'Check that the matrix has genes in rows with symbol, Entrez or Ensembl IDs, or lower --min-size.',
    );
  }
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
    report.log2 = { mode: 'yes', applied: true, reason: '--log2 yes' };
    report.messages.push('applied log2(x+1) to the matrix (--log2 yes).');
    return log2PlusOne(matrix, { inPlace: true });
  }
  const d = detectUnlogged(matrix);
  report.log2 = { mode: 'auto', applied: d.unlogged, reason: d.reason };
  if (!d.unlogged) return matrix;
  report.messages.push(`the matrix looks unlogged (${d.reason}); applied log2(x+1) before ${req.method}. Use --log2 no to score it as given.`);
  // In place: nothing reads the unlogged values afterwards, and a TCGA-sized matrix
  // would otherwise be held twice (2 × 1.8 GB).
  return log2PlusOne(matrix, { inPlace: true });
}

/** Scores every set on every sample of `matrix`. */
export async function scoreLoaded(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], req: ScoreRequest): Promise<ScoreMatrix> {
  const options: ScoreOptions = { kcdf: req.kcdf };
  if (req.method === 'ssgsea') return scoreInWorkers(matrix, sets, req.threads);
  if (req.method === 'gsva') return gsvaInWorkers(matrix, sets, req.kcdf, req.threads);
  return METHODS[req.method].score(matrix, sets, options);
}
