// Spearman of one score against many genes (associate --genes), with the numbers of
// R's cor.test(score, gene, method = "spearman") for each gene but without per-gene
// objects: the score is ranked once, each gene by one native typed-array sort, and rho is
// the Pearson correlation of ranks from sums that are exact in doubles (as R's cor()).
import { rankWithTies } from './ranks.js';
import { rankCorrelation, spearmanPValue, spearmanTest } from './spearman.js';

export interface SpearmanManyResult {
  /** rho per gene; NaN for a constant gene (or fewer than 2 complete pairs). */
  rho: Float64Array;
  /** Two-sided cor.test p per gene; NaN with rho. */
  p: Float64Array;
  /** 1 where p is AS 89's (n ≤ 1290, no ties), 0 for the t approximation. */
  exact: Uint8Array;
  /** Complete pairs per gene. */
  n: Int32Array;
}

/**
 * For every gene g < nGenes: cor.test(score, row(g)[columns], method = "spearman").
 * `score[i]` belongs to column `columns[i]` of each row (pass the cancer's sample columns
 * of the matrix); `row(g)` must return the whole matrix row (it is read, never written).
 * Pairs with NaN are dropped per gene as cor.test does; a gene with a missing value takes
 * the slower general path.
 */
export function spearmanMany(
  score: ArrayLike<number>,
  columns: ArrayLike<number>,
  nGenes: number,
  row: (g: number) => ArrayLike<number>,
): SpearmanManyResult {
  if (score.length !== columns.length) throw new RangeError('spearmanMany: score and columns must have the same length');
  // Samples without a score are in no complete pair: drop them once.
  const keep: number[] = [];
  for (let i = 0; i < score.length; i++) if (!Number.isNaN(score[i])) keep.push(i);
  const n = keep.length;
  const cols = Int32Array.from(keep, (i) => columns[i]);
  const sc = Float64Array.from(keep, (i) => score[i]);
  const ranked = rankWithTies(sc);
  const mean = (n + 1) / 2;
  const centred = Float64Array.from(ranked.ranks, (r) => r - mean);
  let sxx = 0;
  for (let i = 0; i < n; i++) sxx += centred[i] * centred[i];

  const out: SpearmanManyResult = {
    rho: new Float64Array(nGenes).fill(NaN),
    p: new Float64Array(nGenes).fill(NaN),
    exact: new Uint8Array(nGenes),
    n: new Int32Array(nGenes),
  };
  const values = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let g = 0; g < nGenes; g++) {
    const r = row(g);
    let missing = false;
    for (let i = 0; i < n; i++) {
      const v = r[cols[i]];
      if (Number.isNaN(v)) missing = true;
      values[i] = v;
    }
    if (missing) {
      general(sc, values, g, out);
      continue;
    }
    out.n[g] = n;
    if (n < 2) continue;
    sorted.set(values);
    sorted.sort();
    // Average rank of v = (first position + last position of v in sorted order) / 2, 1-based.
    let ties = ranked.ties;
    let syy = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const lo = lowerBound(sorted, v);
      let hi = lo + 1;
      while (hi < n && sorted[hi] === v) hi++;
      const c = (lo + hi + 1) / 2 - mean;
      sxy += centred[i] * c;
      syy += c * c;
      if (hi - lo > 1) ties = true;
    }
    const rho = rankCorrelation(sxy, sxx, syy, n);
    const t = spearmanPValue(rho, n, ties);
    out.rho[g] = rho;
    out.p[g] = t.p;
    out.exact[g] = t.method === 'spearman-exact' ? 1 : 0;
  }
  return out;
}

/** Genes with missing values: cor.test on the complete pairs. */
function general(score: Float64Array, values: Float64Array, g: number, out: SpearmanManyResult): void {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  out.n[g] = n;
  if (n < 2) return;
  const t = spearmanTest(score, values);
  out.rho[g] = t.rho;
  out.p[g] = t.p;
  out.exact[g] = t.method === 'spearman-exact' ? 1 : 0;
}

/** First index whose value is not below v. */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
