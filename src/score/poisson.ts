// Poisson probabilities accurate to ~1e-15 relative for any rate, for GSVA's Poisson
// kernel (R's ppois). @stdlib's regularised incomplete gamma loses accuracy when both
// arguments exceed ~50 (errors of several % near x ≈ shape), so the CDF is summed here
// from probabilities computed with Loader's saddle-point formula: C. Loader (2000),
// "Fast and accurate computation of binomial probabilities": p(x; λ) =
// exp(-δ(x) - D(x, λ)) / sqrt(2πx), δ the Stirling-series error, D the deviance term.

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(n!) for small integers, exactly representable factorials (n ≤ 20). */
function logFactorialSmall(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return Math.log(f);
}

/** δ(n) = log(n!) − (n + ½) log n + n − log √(2π): Stirling's series for n > 15. */
function stirlingError(n: number): number {
  if (n <= 15) return logFactorialSmall(n) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_2PI;
  const n2 = n * n;
  // 1/12n − 1/360n³ + 1/1260n⁵ − 1/1680n⁷ + 1/1188n⁹
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * n2)) / n2) / n2) / n2) / n;
}

/** D(x, m) = x log(x/m) + m − x, by its series when x ≈ m to avoid cancellation. */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      term *= v2;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for X ~ Poisson(λ), k a non-negative integer. */
export function poissonPmf(k: number, lambda: number): number {
  if (k === 0) return Math.exp(-lambda);
  return Math.exp(-stirlingError(k) - deviance(k, lambda)) / Math.sqrt(2 * Math.PI * k);
}

/**
 * P(X ≤ x) for X ~ Poisson(λ), as R's ppois(x, lambda) (x is floored after adding
 * 1e-7, as R does). Sums probabilities from x towards the far tail, where they shrink
 * geometrically: downwards below the mode, else the upper tail, subtracted from 1.
 */
export function poissonCdf(x: number, lambda: number): number {
  const k = Math.floor(x + 1e-7);
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  if (k < lambda) {
    let p = poissonPmf(k, lambda);
    let sum = p;
    for (let j = k; j > 0 && p > sum * 1e-17; j--) {
      p *= j / lambda;
      sum += p;
    }
    return sum;
  }
  let p = poissonPmf(k + 1, lambda);
  let upper = p;
  for (let j = k + 1; p > upper * 1e-17; j++) {
    p *= lambda / (j + 1);
    upper += p;
  }
  return 1 - upper;
}
