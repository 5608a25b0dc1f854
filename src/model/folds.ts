// Cross-validation folds when none are given: the analogue of cv.glmnet's
// sample(rep(1:nfolds, length = n)), drawn with migrascore's own seeded generator
// (R's Mersenne-Twister and sampling are not reproduced; pass R's folds to match R).
import { mulberry32 } from '../random.js';

/** Fold numbers 1..nfolds for n rows: balanced sizes, shuffled by a seeded Fisher–Yates. */
export function foldsFromSeed(n: number, nfolds: number, seed: number): Int32Array {
  if (!(Number.isInteger(nfolds) && nfolds >= 3)) throw new RangeError(`nfolds must be a whole number >= 3 (got ${nfolds})`);
  if (nfolds > n) throw new RangeError(`nfolds (${nfolds}) exceeds the number of samples (${n})`);
  const folds = new Int32Array(n);
  for (let i = 0; i < n; i++) folds[i] = (i % nfolds) + 1;
  const rand = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = folds[i];
    folds[i] = folds[j];
    folds[j] = t;
  }
  return folds;
}
