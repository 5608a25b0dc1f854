// Spearman of one score against many genes (associate --genes), with the numbers of
// R's cor.test(score, gene, method = "spearman") for each gene but without per-gene
// objects: the score is ranked once, each gene by one sort carrying sample indices, and rho is
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

/** One score (a cancer's samples) and the matrix columns its values belong to. */
export interface SpearmanGroup {
  score: ArrayLike<number>;
  /** `score[i]` belongs to column `columns[i]` of each matrix row. */
  columns: ArrayLike<number>;
}

/**
 * For every gene g < nGenes: cor.test(score, row(g)[columns], method = "spearman").
 * `row(g)` must return the whole matrix row (it is read, never written); to split the genes
 * over threads, pass `(g) => matrix.row(start + g)`. Pairs with NaN are dropped per gene as
 * cor.test does; a gene with a missing value takes the slower general path.
 */
export function spearmanMany(
  score: ArrayLike<number>,
  columns: ArrayLike<number>,
  nGenes: number,
  row: (g: number) => ArrayLike<number>,
): SpearmanManyResult {
  return spearmanManyGroups([{ score, columns }], nGenes, row)[0];
}

/**
 * spearmanMany for several groups (the cancers) at once, one result per group: genes in the
 * outer loop, so each matrix row is fetched once and stays in cache while every group reads
 * its columns (the cancers' columns interleave in TCGA matrices).
 */
export function spearmanManyGroups(groups: readonly SpearmanGroup[], nGenes: number, row: (g: number) => ArrayLike<number>): SpearmanManyResult[] {
  const prepared = groups.map(prepare);
  const size = Math.max(0, ...prepared.map((q) => q.n));
  const scratch: Scratch = { values: new Float64Array(size), order: new Int32Array(size) };
  const outs = prepared.map((): SpearmanManyResult => ({
    rho: new Float64Array(nGenes).fill(NaN),
    p: new Float64Array(nGenes).fill(NaN),
    exact: new Uint8Array(nGenes),
    n: new Int32Array(nGenes),
  }));
  for (let g = 0; g < nGenes; g++) {
    const r = row(g);
    for (let k = 0; k < prepared.length; k++) geneTest(prepared[k], r, g, outs[k], scratch);
  }
  return outs;
}

interface Prepared {
  n: number;
  cols: Int32Array;
  score: Float64Array;
  /** Score ranks minus their mean (n + 1)/2. */
  centred: Float64Array;
  sxx: number;
  ties: boolean;
}

interface Scratch {
  values: Float64Array;
  order: Int32Array;
}

/** Ranks a group's score once; samples without a score are in no complete pair and go. */
function prepare({ score, columns }: SpearmanGroup): Prepared {
  if (score.length !== columns.length) throw new RangeError('spearmanMany: score and columns must have the same length');
  const keep: number[] = [];
  for (let i = 0; i < score.length; i++) if (!Number.isNaN(score[i])) keep.push(i);
  const n = keep.length;
  const sc = Float64Array.from(keep, (i) => score[i]);
  const ranked = rankWithTies(sc);
  const mean = (n + 1) / 2;
  const centred = Float64Array.from(ranked.ranks, (r) => r - mean);
  let sxx = 0;
  for (let i = 0; i < n; i++) sxx += centred[i] * centred[i];
  return { n, cols: Int32Array.from(keep, (i) => columns[i]), score: sc, centred, sxx, ties: ranked.ties };
}

/** cor.test(score, r[cols]) into out at gene g. */
function geneTest(q: Prepared, r: ArrayLike<number>, g: number, out: SpearmanManyResult, scratch: Scratch): void {
  const { n, cols, centred } = q;
  const { values, order } = scratch;
  let missing = false;
  for (let i = 0; i < n; i++) {
    const v = r[cols[i]];
    if (Number.isNaN(v)) missing = true;
    values[i] = v;
    order[i] = i;
  }
  if (missing) return general(q.score, values.subarray(0, n), g, out);
  out.n[g] = n;
  if (n < 2) return;
  sortWithIndex(values, order, 0, n - 1);
  // Walk the groups of equal values: each gets the average of its positions (R's rank),
  // so Σ c_score·c_gene = Σ over groups of c_group · Σ c_score. All terms are multiples
  // of 1/4, so the sums are exact whatever the order.
  const mean = (n + 1) / 2;
  let ties = q.ties;
  let syy = 0;
  let sxy = 0;
  let i = 0;
  while (i < n) {
    const v = values[i];
    let j = i + 1;
    while (j < n && values[j] === v) j++;
    const c = (i + 1 + j) / 2 - mean;
    let cs = 0;
    for (let k = i; k < j; k++) cs += centred[order[k]];
    sxy += c * cs;
    syy += (j - i) * c * c;
    if (j - i > 1) ties = true;
    i = j;
  }
  const rho = rankCorrelation(sxy, q.sxx, syy, n);
  const t = spearmanPValue(rho, n, ties);
  out.rho[g] = rho;
  out.p[g] = t.p;
  out.exact[g] = t.method === 'spearman-exact' ? 1 : 0;
}

/**
 * Sorts v[lo..hi] ascending, moving ix along (quicksort, median of three, insertion sort for
 * short runs). A typed array's own sort cannot carry the sample indices, and sorting then
 * finding each value again costs twice as much. Equal values (also −0 and 0) end up
 * adjacent in any order, which is all the average ranks need.
 */
function sortWithIndex(v: Float64Array, ix: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 12) {
    const mid = (lo + hi) >>> 1;
    if (v[mid] < v[lo]) swap(v, ix, mid, lo);
    if (v[hi] < v[lo]) swap(v, ix, hi, lo);
    if (v[hi] < v[mid]) swap(v, ix, hi, mid);
    const pivot = v[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        swap(v, ix, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the shorter side, loop over the longer: stack depth stays O(log n).
    if (j - lo < hi - i) {
      sortWithIndex(v, ix, lo, j);
      lo = i;
    } else {
      sortWithIndex(v, ix, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = v[i];
    const xi = ix[i];
    let j = i - 1;
    while (j >= lo && v[j] > x) {
      v[j + 1] = v[j];
      ix[j + 1] = ix[j];
      j--;
    }
    v[j + 1] = x;
    ix[j + 1] = xi;
  }
}

function swap(v: Float64Array, ix: Int32Array, i: number, j: number): void {
  const t = v[i];
  v[i] = v[j];
  v[j] = t;
  const u = ix[i];
  ix[i] = ix[j];
  ix[j] = u;
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
