// R's axis helpers that rms::nomogram builds its axes with, reproduced so the axis
// values (and so the points scale) equal R 4.2's: pretty() (src/appl/pretty.c R_pretty
// and base::pretty.default), seq(from, to, length.out) and approx(..., ties = mean).

const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = Number.MAX_VALUE;
const ROUNDING_EPS = 1e-10;

/** R_pretty: the unit and the bounds ns·unit, nu·unit of about `n` intervals covering [lo, up]. */
function rPrettyBounds(lo: number, up: number, ndiv: number, minN: number): { lo: number; up: number; n: number } {
  const h = 1.5; // high.u.bias
  const h5 = 0.5 + 1.5 * h; // u5.bias
  const fMin = 2 ** -20;
  const shrink = 0.75;
  const dx = up - lo;
  let cell: number;
  let iSmall: boolean;
  if (dx === 0 && up === 0) {
    cell = 1;
    iSmall = true;
  } else {
    cell = Math.max(Math.abs(lo), Math.abs(up));
    let U = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
    U *= Math.max(1, ndiv) * DBL_EPSILON;
    iSmall = dx < cell * U * 3;
  }
  if (iSmall) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= shrink;
    if (minN > 1) cell /= minN;
  } else {
    cell = dx;
    if (ndiv > 1) cell /= ndiv;
  }
  const subsmall = fMin * DBL_MIN || DBL_MIN;
  if (cell < subsmall) cell = subsmall;
  else if (cell > DBL_MAX / 1.25) cell = DBL_MAX / 1.25;
  // pow(10, k) correctly rounded, as C's pow (V8's 10 ** -5 is 1 ulp off).
  const base = Number(`1e${Math.floor(Math.log10(cell))}`);
  let unit = base;
  let ns: number;
  if ((ns = 2 * base) - cell < h * (cell - unit)) {
    unit = ns;
    if ((ns = 5 * base) - cell < h5 * (cell - unit)) {
      unit = ns;
      if ((ns = 10 * base) - cell < h * (cell - unit)) unit = ns;
    }
  }
  ns = Math.floor(lo / unit + ROUNDING_EPS);
  let nu = Math.ceil(up / unit - ROUNDING_EPS);
  while (ns * unit > lo + ROUNDING_EPS * unit) ns--;
  while (nu * unit < up - ROUNDING_EPS * unit) nu++;
  let k = Math.trunc(0.5 + nu - ns);
  let n: number;
  if (k < minN) {
    k = minN - k;
    if (ns >= 0) {
      nu += Math.trunc(k / 2);
      ns -= Math.trunc(k / 2) + (k % 2);
    } else {
      ns -= Math.trunc(k / 2);
      nu += Math.trunc(k / 2) + (k % 2);
    }
    n = minN;
  } else {
    n = k;
  }
  // return_bounds: the bounds never shrink the original range.
  let l = lo;
  let u = up;
  if (ns * unit < l) l = ns * unit;
  if (nu * unit > u) u = nu * unit;
  return { lo: l, up: u, n };
}

/** R's pretty(x, n) with its defaults (min.n = n %/% 3, bias 1.5): about n+1 round values covering range(x). */
export function pretty(x: ArrayLike<number>, n = 5): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) continue;
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  if (lo > hi) return [];
  const z = rPrettyBounds(lo, hi, n, Math.trunc(n / 3));
  const s = seqLength(z.lo, z.up, z.n + 1);
  if (z.n) {
    const delta = (z.up - z.lo) / z.n;
    for (let i = 0; i < s.length; i++) if (Math.abs(s[i]) < 1e-14 * delta) s[i] = 0;
  }
  return s;
}

/** seq(from, to, length.out = n) as R 4.2's seq.int and seq.default: from + i·(to-from)/(n-1), the last value `to`. */
export function seqLength(from: number, to: number, n: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [from];
  const out = new Array<number>(n);
  out[0] = from;
  out[n - 1] = to;
  if (n > 2) {
    if (from === to) return out.fill(from);
    const by = (to - from) / (n - 1);
    for (let i = 1; i < n - 1; i++) {
      out[i] = from + i * by;
    }
  }
  return out;
}

/**
 * approx(x, y, xout, ties = mean)$y with rule = 1 (NaN outside the range of x):
 * points sorted by x, y averaged over tied x, then linear interpolation (R_approxfun).
 */
export function approxLinear(x: ArrayLike<number>, y: ArrayLike<number>, xout: ArrayLike<number>): number[] {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) idx.push(i);
  idx.sort((a, b) => x[a] - x[b] || a - b);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < idx.length; ) {
    const v = x[idx[k]];
    let sum = 0;
    let m = 0;
    for (; k < idx.length && x[idx[k]] === v; k++, m++) sum += y[idx[k]];
    xs.push(v);
    ys.push(sum / m);
  }
  if (xs.length < 2) throw new RangeError('approx: need at least two distinct x values');
  return Array.from(xout, (v) => {
    if (Number.isNaN(v)) return NaN;
    let i = 0;
    let j = xs.length - 1;
    if (v < xs[i] || v > xs[j]) return NaN;
    while (i < j - 1) {
      const ij = Math.trunc((i + j) / 2);
      if (v < xs[ij]) j = ij;
      else i = ij;
    }
    if (v === xs[j]) return ys[j];
    if (v === xs[i]) return ys[i];
    return ys[i] + (ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i]));
  });
}
