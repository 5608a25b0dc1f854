// Ranking helpers shared by the rank-based scoring methods (ssGSEA, singscore).
//
// R's conventions are reproduced: `rank(x, ties.method="average"|"min")` ranks ascending
// from 1, and `order(x, decreasing=TRUE)` is stable (tied values keep their original
// index order). Missing values (NaN) get NaN ranks (matrixStats' `colRanks`, which GSVA
// and singscore call, keeps NA) and are ordered last.
//
// The scoring methods only need the ranks of the few genes that belong to a gene set,
// so instead of sorting every sample's column, `scanRankCounts` counts, for each set
// gene, how many genes of the sample are below, equal to, and equal-but-earlier than
// it: one pass over the matrix (row-major, in blocks of samples) with a binary search
// against the sample's sorted set values. From those counts any R rank or stable order
// position follows exactly.
import type { ExpressionMatrix } from './types.js';

/**
 * Indices 0..n-1 sorted by value, ascending or (`decreasing`) descending; NaN last either
 * way; ties keep index order (stable).
 */
function stableOrder(values: ArrayLike<number>, decreasing: boolean): Int32Array {
  const n = values.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const below = decreasing ? 1 : -1; // where a smaller value goes
  // Array.prototype.sort / TypedArray.prototype.sort are stable (ES2019); the index
  // tie-break keeps it explicit.
  idx.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    const na = va !== va;
    const nb = vb !== vb;
    if (na || nb) return na === nb ? a - b : na ? 1 : -1;
    return va < vb ? below : va > vb ? -below : a - b;
  });
  return idx;
}

/** R `rank(x, ties.method="average")`, NaN kept as NaN. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  return tiedRanks(values, 'average');
}

/** R `rank(x, ties.method="min")`, NaN kept as NaN. */
export function minRanks(values: ArrayLike<number>): Float64Array {
  return tiedRanks(values, 'min');
}

function tiedRanks(values: ArrayLike<number>, ties: 'average' | 'min'): Float64Array {
  const order = stableOrder(values, false);
  const out = new Float64Array(values.length).fill(NaN);
  let i = 0;
  while (i < order.length) {
    const v = values[order[i]];
    if (v !== v) break; // NaN from here on
    let j = i + 1;
    while (j < order.length && values[order[j]] === v) j++;
    // positions i..j-1 (0-based) hold ranks i+1..j
    const r = ties === 'min' ? i + 1 : (i + 1 + j) / 2;
    for (let t = i; t < j; t++) out[order[t]] = r;
    i = j;
  }
  return out;
}

/**
 * R `order(x, decreasing=TRUE)` (0-based): largest first, ties in ascending index order,
 * NaN last (R's default na.last=TRUE).
 */
export function stableOrderDecreasing(values: ArrayLike<number>): Int32Array {
  return stableOrder(values, true);
}

/**
 * Rank counts of a sample's set genes, valid for one `visit` call only (buffers are
 * reused). Slot s refers to `rows[s]` as passed to `scanRankCounts`.
 */
export interface RankCounts {
  /** Number of non-missing values in this sample (R's n once NaN genes are left out). */
  valid: number;
  /** Genes whose value is strictly below this slot's value; -1 when the slot's value is NaN. */
  less: Int32Array;
  /** Genes whose value equals this slot's value (the gene itself included). */
  equal: Int32Array;
  /** Genes with an equal value and a smaller row index than this slot's gene. */
  equalBefore: Int32Array;
}

/** Ascending ranks from the counts of one slot. */
export const rankFromCounts = {
  /** ties.method="average": less + (equal + 1) / 2. */
  average: (less: number, equal: number): number => less + (equal + 1) / 2,
  /** ties.method="min": less + 1. */
  min: (less: number): number => less + 1,
};

/**
 * 1-based position of a slot's gene in R's stable `order(x, decreasing=TRUE)` over the
 * sample's non-missing values: genes above it, then equal genes with smaller indices.
 */
export function decreasingPosition(valid: number, less: number, equal: number, equalBefore: number): number {
  return valid - less - equal + equalBefore + 1;
}

/** Samples handled per pass over the rows (bounds the per-block working set). */
const BLOCK = 64;

/**
 * For every sample in [sampleStart, sampleEnd) calls `visit(sample, counts)` with the
 * rank counts of the genes in `rows` (distinct matrix row indices) among all
 * `matrix.nRows` genes of that sample; NaN values are left out of the sample. Cost:
 * one read of the matrix plus O(nRows · log(rows.length)) per sample.
 */
export function scanRankCounts(
  matrix: ExpressionMatrix,
  rows: ArrayLike<number>,
  sampleStart: number,
  sampleEnd: number,
  visit: (sample: number, counts: RankCounts) => void,
): void {
  const K = rows.length;
  const nRows = matrix.nRows;
  const slotOfRow = new Int32Array(nRows).fill(-1);
  for (let s = 0; s < K; s++) {
    const r = rows[s];
    if (!(r >= 0 && r < nRows) || slotOfRow[r] !== -1) throw new RangeError(`bad or duplicate row index ${r}`);
    slotOfRow[r] = s;
  }
  const setRows = Array.from(rows, (r) => matrix.row(r));
  const B = Math.max(1, Math.min(BLOCK, sampleEnd - sampleStart));
  // Per sample of the block: its distinct sorted set values (thresholds) ...
  const thr = new Float64Array(B * K);
  const nThr = new Int32Array(B);
  // ... how many values fall strictly between threshold b-1 and b (b = 0..m), and how
  // many equal threshold b; per slot: which threshold it is and its earlier equals.
  const between = new Int32Array(B * (K + 1));
  const eq = new Int32Array(B * K);
  const slotThr = new Int32Array(B * K);
  const eqBefore = new Int32Array(B * K);
  const lessThr = new Int32Array(K);
  const tmp = new Float64Array(K);
  const counts: RankCounts = {
    valid: 0,
    less: new Int32Array(K),
    equal: new Int32Array(K),
    equalBefore: new Int32Array(K),
  };

  for (let b0 = sampleStart; b0 < sampleEnd; b0 += B) {
    const bn = Math.min(B, sampleEnd - b0);
    for (let jl = 0; jl < bn; jl++) {
      let m = 0;
      for (let s = 0; s < K; s++) {
        const v = setRows[s][b0 + jl];
        if (v === v) tmp[m++] = v;
      }
      const sorted = tmp.subarray(0, m).sort();
      const off = jl * K;
      let d = 0;
      for (let t = 0; t < m; t++) if (d === 0 || sorted[t] !== thr[off + d - 1]) thr[off + d++] = sorted[t];
      nThr[jl] = d;
      slotThr.fill(-1, off, off + K);
    }
    between.fill(0, 0, bn * (K + 1));
    eq.fill(0, 0, bn * K);

    for (let i = 0; i < nRows; i++) {
      const row = matrix.row(i);
      const slot = slotOfRow[i];
      for (let jl = 0; jl < bn; jl++) {
        const x = row[b0 + jl];
        if (x !== x) continue;
        const off = jl * K;
        // lo = number of thresholds below x (branch-free lower bound; ~2x faster than
        // the branching search on unpredictable data)
        const m = nThr[jl];
        let lo = 0;
        if (m > 0) {
          let base = off;
          let len = m;
          while (len > 1) {
            const half = len >>> 1;
            base += half * +(thr[base + half - 1] < x);
            len -= half;
          }
          lo = base - off + +(thr[base] < x);
        }
        if (lo < m && thr[off + lo] === x) {
          if (slot >= 0) {
            slotThr[off + slot] = lo;
            eqBefore[off + slot] = eq[off + lo];
          }
          eq[off + lo]++;
        } else {
          between[jl * (K + 1) + lo]++;
        }
      }
    }

    for (let jl = 0; jl < bn; jl++) {
      const off = jl * K;
      const offB = jl * (K + 1);
      const m = nThr[jl];
      let acc = 0;
      for (let t = 0; t < m; t++) {
        acc += between[offB + t];
        lessThr[t] = acc;
        acc += eq[off + t];
      }
      acc += between[offB + m];
      counts.valid = acc;
      for (let s = 0; s < K; s++) {
        const t = slotThr[off + s];
        if (t < 0) {
          counts.less[s] = -1;
          counts.equal[s] = 0;
          counts.equalBefore[s] = 0;
        } else {
          counts.less[s] = lessThr[t];
          counts.equal[s] = eq[off + t];
          counts.equalBefore[s] = eqBefore[off + s];
        }
      }
      visit(b0 + jl, counts);
    }
  }
}

/**
 * The distinct rows of several sets and, per set, each member's slot in that list
 * (so one `scanRankCounts` pass serves every set).
 */
export function unionOfRows(sets: { rows: number[] }[]): { rows: Int32Array; slots: Int32Array[] } {
  const slotOf = new Map<number, number>();
  const rows: number[] = [];
  const slots = sets.map((set) =>
    Int32Array.from(set.rows, (r) => {
      let s = slotOf.get(r);
      if (s === undefined) {
        s = rows.length;
        slotOf.set(r, s);
        rows.push(r);
      }
      return s;
    }),
  );
  return { rows: Int32Array.from(rows), slots };
}
