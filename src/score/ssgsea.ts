// ssGSEA (Barbie et al. 2009) as Bioconductor GSVA 1.46 computes it:
// gsva(method="ssgsea", tau=alpha=0.25, ssgsea.norm=TRUE), i.e. R functions `ssgsea`
// and `.fastRndWalk` in GSVA's R/gsva.R.
//
// Per sample j, GSVA ranks the genes with ties.method="average", truncates the ranks to
// integers (mode(R) <- "integer"), orders the genes by that integer rank with R's stable
// order(decreasing=TRUE), and sums the random-walk statistic over all n positions:
//   sum_i [ P_in(i) - P_out(i) ]
//     = sum_{g in S} w_g (n - p_g + 1) / sum_{g in S} w_g
//       - ( n(n+1)/2 - sum_{g in S} (n - p_g + 1) ) / (n - k)
// where p_g is the 1-based position of set gene g in that order, w_g = rank_g^alpha and
// k = |S| (each gene at position p contributes to the n - p + 1 running sums from p on).
// Truncating average ranks never reorders distinct values nor creates new ties, so the
// order equals "value decreasing, ties by row index", which `scanRankCounts` gives
// without sorting whole columns.
//
// Normalisation (ssgsea.norm=TRUE) divides every score by the range (max - min) of all
// scores of the run, over every set and sample, hence the split into `ssgseaRaw` (any
// range of samples, e.g. in a worker thread) and `normaliseByRange`.
//
// Beyond GSVA: a NaN value leaves that gene out of that sample only (n and, for a set
// gene, k shrink); GSVA would return NA for every score. Sets with no rows (or no
// non-missing values in a sample) give NaN, and NaN scores are ignored by the range.
// Constant genes are kept, as GSVA keeps them for ssgsea.
import { scanRankCounts, unionOfRows } from './ranking.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from './types.js';

export interface SsgseaRawOptions {
  /** Weight exponent (GSVA's tau / ssGSEA's alpha). Default 0.25. */
  alpha?: number;
  /** First sample (inclusive). Default 0. */
  sampleStart?: number;
  /** Last sample (exclusive). Default matrix.nSamples. */
  sampleEnd?: number;
}

export interface SsgseaOptions {
  /** Weight exponent. Default 0.25. */
  alpha?: number;
  /** Divide by the range of all scores (GSVA's ssgsea.norm). Default true. */
  normalize?: boolean;
}

/**
 * Un-normalised ssGSEA enrichment scores for samples [sampleStart, sampleEnd):
 * scores[set][sample - sampleStart].
 */
export function ssgseaRaw(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], options: SsgseaRawOptions = {}): ScoreMatrix {
  const alpha = options.alpha ?? 0.25;
  const start = options.sampleStart ?? 0;
  const end = options.sampleEnd ?? matrix.nSamples;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= matrix.nSamples)) {
    throw new RangeError(`bad sample range [${start}, ${end}) for ${matrix.nSamples} samples`);
  }
  const out = sets.map(() => new Float64Array(end - start).fill(NaN));
  const { rows, slots } = unionOfRows(sets);
  if (rows.length === 0 || end === start) return out;

  const weight = new Float64Array(rows.length);
  const complement = new Float64Array(rows.length); // n - p + 1
  scanRankCounts(matrix, rows, start, end, (j, c) => {
    const n = c.valid;
    for (let s = 0; s < rows.length; s++) {
      const less = c.less[s];
      if (less < 0) {
        weight[s] = NaN;
        continue;
      }
      const eq = c.equal[s];
      // integer-truncated average rank (ranks are >= 1, so floor = as.integer)
      const rank = Math.floor(less + (eq + 1) / 2);
      weight[s] = Math.pow(rank, alpha);
      complement[s] = less + eq - c.equalBefore[s];
    }
    for (let g = 0; g < sets.length; g++) {
      const members = slots[g];
      let k = 0;
      let sumW = 0;
      let sumWC = 0;
      let sumC = 0;
      for (let t = 0; t < members.length; t++) {
        const s = members[t];
        const w = weight[s];
        if (w !== w) continue;
        k++;
        sumW += w;
        sumWC += w * complement[s];
        sumC += complement[s];
      }
      if (k === 0) continue;
      out[g][j - start] = sumWC / sumW - ((n * (n + 1)) / 2 - sumC) / (n - k);
    }
  });
  return out;
}

/**
 * Joins raw score blocks (consecutive sample ranges, in order) and divides every score
 * by the range (max - min) of all non-NaN scores, as GSVA's ssgsea.norm.
 */
export function normaliseByRange(parts: ScoreMatrix[]): ScoreMatrix {
  if (parts.length === 0) return [];
  const nSets = parts[0].length;
  for (const p of parts) if (p.length !== nSets) throw new RangeError('score blocks disagree on the number of sets');
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    for (const scores of p) {
      for (const v of scores) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  const range = max - min; // NaN-free; -Infinity when every score is NaN (then unused)
  const out: ScoreMatrix = [];
  for (let g = 0; g < nSets; g++) {
    const total = parts.reduce((a, p) => a + p[g].length, 0);
    const joined = new Float64Array(total);
    let off = 0;
    for (const p of parts) {
      const src = p[g];
      for (let i = 0; i < src.length; i++) joined[off + i] = src[i] / range;
      off += src.length;
    }
    out.push(joined);
  }
  return out;
}

/** ssGSEA scores of every sample, normalised by the range of all scores unless `normalize: false`. */
export function ssgsea(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], options: SsgseaOptions = {}): ScoreMatrix {
  const raw = ssgseaRaw(matrix, sets, { alpha: options.alpha });
  return options.normalize === false ? raw : normaliseByRange([raw]);
}
