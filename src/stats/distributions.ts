// Distribution tails for p-values, computed as upper tails so tiny p-values
// (down to ~1e-300) do not round to 0 — as R's pchisq(lower.tail=FALSE) / pnorm.
import gammainc from '@stdlib/math-base-special-gammainc';
import erfc from '@stdlib/math-base-special-erfc';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';

/** P(X > x) for X ~ chi-square(df); R: pchisq(x, df, lower.tail = FALSE). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? NaN : 0;
  if (df <= 0) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** P(Z > z) for standard normal Z; R: pnorm(z, lower.tail = FALSE). */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided p-value of a z statistic; R: 2 * pnorm(-abs(z)). */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Standard normal quantile; R: qnorm(p). */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}
