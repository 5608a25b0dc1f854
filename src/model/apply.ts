// The risk score of a fitted LASSO Cox model: the linear predictor x·β on the original
// scale, with no centring and no intercept, as predict(cv.glmnet, newx, s, type = "link").
import type { DesignMatrix } from './design.js';

/** x·β for every row of x (β one coefficient per column, zeros allowed). */
export function linearPredictor(x: DesignMatrix, beta: ArrayLike<number>): Float64Array {
  if (beta.length !== x.ncol) throw new RangeError(`linearPredictor: ${beta.length} coefficients for ${x.ncol} columns`);
  const out = new Float64Array(x.nrow);
  for (let j = 0; j < x.ncol; j++) {
    const b = beta[j];
    if (b === 0) continue;
    const o = j * x.nrow;
    for (let i = 0; i < x.nrow; i++) out[i] += x.values[o + i] * b;
  }
  return out;
}

/**
 * Σ_g coef_g · column_g for each of n samples, from the genes of a saved model (one column
 * per coefficient, same order); 0 for every sample when the model has no gene.
 */
export function riskScore(n: number, columns: ArrayLike<number>[], coefs: ArrayLike<number>): Float64Array {
  if (columns.length !== coefs.length) throw new RangeError(`riskScore: ${coefs.length} coefficients for ${columns.length} columns`);
  const out = new Float64Array(n);
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j];
    const b = coefs[j];
    if (c.length !== n) throw new RangeError(`riskScore: column ${j + 1} has ${c.length} values, expected ${n}`);
    for (let i = 0; i < n; i++) out[i] += c[i] * b;
  }
  return out;
}
