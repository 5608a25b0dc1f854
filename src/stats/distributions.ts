// Distribution tails for p-values, computed as upper tails so tiny p-values
// (down to ~1e-300) do not round to 0 — as R's pchisq(lower.tail=FALSE) / pnorm.
import gammainc from '@stdlib/math-base-special-gammainc';
import erfc from '@stdlib/math-base-special-erfc';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';
import betainc from '@stdlib/math-base-special-betainc';
import betaln from '@stdlib/math-base-special-betaln';

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

/** P(Z ≤ z) for standard normal Z; R: pnorm(z). */
export function normalLowerTail(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Student t tail; R: pt(t, df, lower.tail). Follows nmath/pt.c: the smaller tail from the
 * incomplete beta function, so tiny p-values keep their digits.
 */
export function studentTTail(t: number, df: number, lowerTail: boolean): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  if (df <= 0) return NaN;
  if (!Number.isFinite(t)) return (t < 0) === lowerTail ? 0 : 1;
  if (!Number.isFinite(df)) return lowerTail ? normalLowerTail(t) : normalUpperTail(t);
  const nx = 1 + (t / df) * t;
  let val: number;
  if (nx > 1e100) {
    // x² > 1e100·n: pt.c's asymptotic form of the tail
    const lval = -0.5 * df * (2 * Math.log(Math.abs(t)) - Math.log(df)) - betaln(0.5 * df, 0.5) - Math.log(0.5 * df);
    val = Math.exp(lval);
  } else {
    val = df > t * t
      ? betainc((t * t) / (df + t * t), 0.5, df / 2, true, true)
      : betainc(1 / nx, df / 2, 0.5, true, false);
  }
  if (t <= 0) lowerTail = !lowerTail;
  val /= 2;
  return lowerTail ? 0.5 - val + 0.5 : val;
}
