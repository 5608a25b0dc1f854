// singscore (Foroutan et al. 2018, BMC Bioinformatics 19:404) as the Bioconductor
// singscore package computes it for one up-set of known direction: R functions
// `rankExpr` (matrixStats::colRanks, ties.method="min"), `simpleScore` /
// `singleSingscore`, `calcBounds` and `calcScores` in singscore's R/rankAndScoring.R:
//   score = (mean set rank - (k+1)/2) / ((2N-k+1)/2 - (k+1)/2)   [- 0.5 when centred]
// with ascending ranks over the N genes of the sample and k set genes found.
//
// Beyond the package: a missing value (NaN) leaves that gene out of that sample only (N
// and, for a set gene, k shrink); colRanks would give NA. Sets with no genes give NaN.
import { scanRankCounts, unionOfRows } from './ranking.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix } from './types.js';

export interface SingscoreOptions {
  /** Subtract 0.5 so scores lie in [-0.5, 0.5] (singscore's centerScore). Default true. */
  centre?: boolean;
}

export function singscore(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], options: SingscoreOptions = {}): ScoreMatrix {
  const offset = options.centre === false ? 0 : -0.5;
  const n = matrix.nSamples;
  const out = sets.map(() => new Float64Array(n).fill(NaN));
  const { rows, slots } = unionOfRows(sets);
  if (rows.length === 0) return out;
  scanRankCounts(matrix, rows, 0, n, (j, c) => {
    const N = c.valid;
    for (let g = 0; g < sets.length; g++) {
      const members = slots[g];
      let k = 0;
      let sum = 0;
      for (let t = 0; t < members.length; t++) {
        const less = c.less[members[t]];
        if (less < 0) continue;
        k++;
        sum += less + 1; // ties.method = "min"
      }
      if (k === 0) continue;
      const low = (k + 1) / 2;
      const up = (2 * N - k + 1) / 2;
      out[g][j] = (sum / k - low) / (up - low) + offset;
    }
  });
  return out;
}
