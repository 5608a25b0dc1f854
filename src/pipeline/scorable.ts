// What GSVA 1.46 says before and after scoring, and what it leaves silent, said here:
// - `.filterFeatures()` (R/utils.R): genes whose SD across the samples is < 1e-10 or NA
//   are "genes with constant expression values throughout the samples"; for every
//   method but ssgsea they are discarded from the whole matrix before the gene sets
//   are mapped, so `min.sz`/`max.sz` (filterGeneSets) count the genes left, a set left
//   with none is dropped from the output, and fewer than two genes left is an error.
//   For ssgsea they are only warned about and kept. meanz follows zscore.
// - One sample has no SD, so those methods have nothing to score: R fails with
//   "argument is of length zero"; here a message says why and what to use instead.
// - ssGSEA's normalisation divides by the range of all scores; one set on one sample
//   gives range 0 and ±Inf (as in R): an error, since no score is usable.
// The numbers are those of the score functions, which apply the same rules.
import { MigrascoreError } from '../errors.js';
import { formatCount } from '../format/numbers.js';
import { printable } from '../io/fileKind.js';
import { gsvaKeptRows } from '../score/gsva.js';
import { gsvaDropsRow } from '../score/zscore.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix, ScoreMethodName } from '../score/types.js';

/** Methods that discard constant genes first, as GSVA does for all but ssgsea. */
const FILTERING: ReadonlySet<ScoreMethodName> = new Set(['gsva', 'zscore', 'plage', 'meanz']);

export const filtersConstantGenes = (method: ScoreMethodName): boolean => FILTERING.has(method);

export interface ScoringCheck {
  messages: string[];
  /** Set genes (matrix row IDs) with the same value in every scored sample. */
  constant_genes: { set: string; genes: string[]; dropped: boolean }[];
  /** Sets that cannot be scored on these samples (their scores are NaN). */
  excluded: { set: string; found: number; reason: string }[];
}

export const newScoringCheck = (): ScoringCheck => ({ messages: [], constant_genes: [], excluded: [] });

const samples = (n: number) => (n === 1 ? 'the one sample' : `these ${formatCount(n)} samples`);
const list = (xs: string[], max = 10) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);

/**
 * Before scoring: the sets (as given, aligned with `sets`) with the genes GSVA would
 * discard, and which sets are left out (`keep[i]` false) because too few genes vary.
 * Throws when no set can be scored.
 */
export function checkBeforeScoring(
  matrix: ExpressionMatrix, sets: ResolvedGeneSet[], method: ScoreMethodName, size: { min: number; max: number }, check: ScoringCheck,
): boolean[] {
  const n = matrix.nSamples;
  const filtering = FILTERING.has(method);
  if (filtering && n < 2) {
    throw new MigrascoreError(
      `--method ${method} cannot score ${n === 1 ? `a single sample ("${printable(matrix.samples[0] ?? '')}")` : 'no samples'}: it standardises each gene across the samples, ` +
        'and with one sample every gene has an undefined SD, so GSVA discards them all (R stops too). ' +
        'Score at least two samples together, or use --method ssgsea, singscore or mean, which score each sample on its own.',
    );
  }
  if (method === 'gsva') {
    const kept = gsvaKeptRows(matrix).length;
    const constant = matrix.nRows - kept;
    if (kept < 2) {
      throw new MigrascoreError(
        `--method gsva needs at least two genes that vary across the ${formatCount(n)} samples, but ${kept === 0 ? 'none does' : 'only one does'} ` +
          `(${formatCount(constant)} of ${formatCount(matrix.nRows)} genes have the same value in every sample; GSVA discards them and stops). Check the matrix, or score more samples.`,
      );
    }
    if (constant > 0) {
      check.messages.push(`${formatCount(constant)} of the matrix's ${formatCount(matrix.nRows)} genes have the same value in all ${formatCount(n)} samples and are left out of the GSVA ranking, as GSVA 1.46 discards them.`);
    }
  }
  const isConstant = new Map<number, boolean>();
  return sets.map((set) => {
    const constant: string[] = [];
    for (const r of set.rows) {
      let c = isConstant.get(r);
      if (c === undefined) { c = n >= 2 && gsvaDropsRow(matrix.row(r)); isConstant.set(r, c); }
      if (c) constant.push(matrix.rowIds[r]);
    }
    const left = filtering ? set.rows.length - constant.length : set.rows.length;
    const named = `(${list(constant.map(printable))})`;
    if (constant.length > 0) check.constant_genes.push({ set: set.name, genes: constant, dropped: filtering });
    let reason = '';
    if (filtering && left === 0) reason = `all ${set.rows.length} of its genes found have the same value in every sample ${named}, and ${method} leaves constant genes out, as GSVA does`;
    else if (filtering && left < size.min) reason = `${left} of its genes vary across the samples (${constant.length} constant ${named}), fewer than --min-size ${size.min}`;
    else if (filtering && left > size.max) reason = `${left} of its genes ${constant.length ? 'vary across the samples' : 'are in the matrix'}, more than --max-size ${size.max}`;
    if (reason !== '') {
      check.excluded.push({ set: set.name, found: left, reason });
      check.messages.push(`gene set "${set.name}" is not scored: ${reason}.`);
      return false;
    }
    if (constant.length > 0) {
      check.messages.push(
        `gene set "${set.name}": ${constant.length} of its ${set.rows.length} genes found have the same value in all ${formatCount(n)} samples ${named}; ` +
          (filtering ? `${method} leaves them out, as GSVA does, and scores the set on the other ${left}.` : `${method} keeps them${method === 'ssgsea' ? ', as GSVA does' : ''}.`),
      );
    }
    return set.rows.length > 0;
  });
}

/** After scoring: sets with no finite score are reported; none at all is an error. */
export function checkAfterScoring(scores: ScoreMatrix, sets: ResolvedGeneSet[], keep: boolean[], method: ScoreMethodName, check: ScoringCheck): void {
  const usable = scores.map((row, i) => keep[i] && row.some((v) => Number.isFinite(v)));
  sets.forEach((set, i) => {
    if (!keep[i] || usable[i]) return;
    const reason = method === 'ssgsea' && scores[i].some((v) => v === Infinity || v === -Infinity)
      ? 'ssGSEA divides every score by the range of all scores of the run (ssgsea.norm, as GSVA), and that range is 0 here (one sample and one set?), so the scores are infinite'
      : 'no sample has a finite score';
    check.excluded.push({ set: set.name, found: set.rows.length, reason });
    check.messages.push(`gene set "${set.name}" has no usable score: ${reason}.`);
  });
  if (!usable.some((u) => u)) {
    throw new MigrascoreError(
      `No gene set can be scored on ${samples(scores[0]?.length ?? 0)}: ${check.excluded.map((e) => `"${e.set}" (${e.reason})`).join('; ')}. ` +
        (method === 'ssgsea' ? 'Score several samples or several sets together.' : 'Check the matrix (genes that vary across samples are needed), or use another --method.'),
    );
  }
}
