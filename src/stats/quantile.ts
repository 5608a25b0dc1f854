// Sample quantiles as R's quantile(x, p, type = 7) (R's default; median() agrees).

/** R quantile(values, p, type = 7) on the non-missing values; NaN when none. */
export function quantileType7(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1] (got ${p})`);
  const sorted = Float64Array.from(Array.prototype.filter.call(values, (v: number) => !Number.isNaN(v)) as number[]).sort();
  return quantileOfSorted(sorted, p);
}

/**
 * h = 1 + (n - 1) p; x[floor h], moved towards x[ceil h] only when they differ, written
 * as R does — (1 - g) x_lo + g x_hi — so the result is bit-identical to R's.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const q = sorted[lo - 1];
  if (index > lo && sorted[hi - 1] !== q) {
    const g = index - lo;
    return (1 - g) * q + g * sorted[hi - 1];
  }
  return q;
}
