// Coefficients of a fitted path at other lambdas, as glmnet's predict(type =
// "coefficients", s) does through lambda.interp: linear in lambda (not log lambda)
// between the neighbouring path points, in the path's normalised coordinates; a lambda
// above the first or below the last takes that end of the path.

export interface LambdaInterp {
  left: Int32Array;
  right: Int32Array;
  frac: Float64Array;
}

/** R's approx(x, y = 1..k, v) for increasing x, as R_approxfun evaluates one point. */
function approxIndex(x: Float64Array, v: number): number {
  const k = x.length;
  if (v < x[0]) return NaN;
  if (v > x[k - 1]) return NaN;
  let i = 0;
  let j = k - 1;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (v < x[ij]) j = ij;
    else i = ij;
  }
  if (v === x[j]) return j + 1;
  if (v === x[i]) return i + 1;
  return i + 1 + ((j + 1) - (i + 1)) * ((v - x[i]) / (x[j] - x[i]));
}

/** glmnet's lambda.interp(lambda, s): 0-based left/right path columns and the weight of left. */
export function lambdaInterp(lambda: ArrayLike<number>, s: ArrayLike<number>): LambdaInterp {
  const m = s.length;
  const left = new Int32Array(m);
  const right = new Int32Array(m);
  const frac = new Float64Array(m).fill(1);
  const k = lambda.length;
  if (k === 1) return { left, right, frac };
  const range = lambda[0] - lambda[k - 1];
  const norm = new Float64Array(k);
  let lo = Infinity;
  let hi = -Infinity;
  for (let l = 0; l < k; l++) {
    norm[l] = (lambda[0] - lambda[l]) / range;
    lo = Math.min(lo, norm[l]);
    hi = Math.max(hi, norm[l]);
  }
  for (let t = 0; t < m; t++) {
    let sf = (lambda[0] - s[t]) / range;
    if (sf < lo) sf = lo;
    if (sf > hi) sf = hi;
    const coord = approxIndex(norm, sf);
    const l = Math.floor(coord) - 1;
    const r = Math.ceil(coord) - 1;
    left[t] = l;
    right[t] = r;
    let f = (sf - norm[r]) / (norm[l] - norm[r]);
    if (l === r) f = 1;
    if (Math.abs(norm[l] - norm[r]) < 2.220446049250313e-16) f = 1;
    frac[t] = f;
  }
  return { left, right, frac };
}

/** Coefficient vectors at each s: frac·β_left + (1 − frac)·β_right. */
export function coefficientsAt(beta: Float64Array[], lambda: ArrayLike<number>, s: ArrayLike<number>): Float64Array[] {
  const { left, right, frac } = lambdaInterp(lambda, s);
  const p = beta.length > 0 ? beta[0].length : 0;
  const out: Float64Array[] = [];
  for (let t = 0; t < s.length; t++) {
    const bl = beta[left[t]];
    const br = beta[right[t]];
    const f = frac[t];
    const g = 1 - f;
    const b = new Float64Array(p);
    for (let j = 0; j < p; j++) b[j] = bl[j] * f + br[j] * g;
    out.push(b);
  }
  return out;
}
