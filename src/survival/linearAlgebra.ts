// Small dense helpers for symmetric positive (semi)definite matrices, following the
// generalised Cholesky routines of R's survival package (src/cholesky2.c,
// src/chsolve2.c, src/chinv2.c). They factor A = F D F' (F unit lower triangular,
// D diagonal) and treat a column whose pivot falls below a tolerance as redundant:
// its D entry is set to 0 and it contributes nothing to solves and inverses. That is
// how coxph copes with singular designs (aliased columns get NA coefficients).
//
// Storage: an n×n matrix is a row-major Float64Array; m[i * n + j] plays the role of
// the C code's matrix[i][j]. Inputs are symmetric, so only the entries with j >= i
// (and the diagonal) are read; the factor lives on and below the diagonal.

/** Default tolerance of coxph: .Machine$double.eps^0.75 (coxph.control toler.chol). */
export const TOLER_CHOL = Math.pow(2.220446049250313e-16, 0.75);

/**
 * In-place generalised Cholesky factorisation A = F D F' (survival's cholesky2).
 * A pivot that is non-finite or below `toler` × the largest diagonal is zeroed.
 * Returns the rank, negated when A is not non-negative definite.
 */
export function cholesky2(m: Float64Array, n: number, toler: number = TOLER_CHOL): number {
  let eps = 0;
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > eps) eps = m[i * n + i];
    for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  }
  // The tolerance is relative to the largest diagonal, so the test is scale free.
  eps = eps === 0 ? toler : eps * toler;

  let rank = 0;
  let nonneg = 1;
  for (let i = 0; i < n; i++) {
    const pivot = m[i * n + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * n + i] = 0;
      if (pivot < -8 * eps) nonneg = -1;
      continue;
    }
    rank++;
    for (let j = i + 1; j < n; j++) {
      const temp = m[j * n + i] / pivot;
      m[j * n + i] = temp;
      m[j * n + j] -= temp * temp * pivot;
      for (let k = j + 1; k < n; k++) m[k * n + j] -= temp * m[k * n + i];
    }
  }
  return rank * nonneg;
}

/**
 * Solves A b = y in place given the cholesky2 factor of A (survival's chsolve2).
 * Components belonging to zeroed (redundant) pivots come out as 0.
 */
export function chsolve2(m: Float64Array, n: number, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let temp = y[i];
    for (let j = 0; j < i; j++) temp -= y[j] * m[i * n + j];
    y[i] = temp;
  }
  for (let i = n - 1; i >= 0; i--) {
    if (m[i * n + i] === 0) {
      y[i] = 0;
      continue;
    }
    let temp = y[i] / m[i * n + i];
    for (let j = i + 1; j < n; j++) temp -= y[j] * m[j * n + i];
    y[i] = temp;
  }
}

/**
 * Inverts A in place from its cholesky2 factor (survival's chinv2): afterwards the
 * diagonal and the entries m[i][j], j > i, hold A⁻¹ (a generalised inverse whose rows
 * and columns for redundant pivots are 0). Call `symmetrizeUpper` for the full matrix.
 */
export function chinv2(m: Float64Array, n: number): void {
  // Invert the unit lower triangular factor (and D) in place.
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > 0) {
      m[i * n + i] = 1 / m[i * n + i];
      for (let j = i + 1; j < n; j++) {
        m[j * n + i] = -m[j * n + i];
        for (let k = 0; k < i; k++) m[j * n + k] += m[j * n + i] * m[i * n + k];
      }
    }
  }
  // Form F'⁻¹ D⁻¹ F⁻¹ in the upper triangle.
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] === 0) {
      for (let j = 0; j < i; j++) m[j * n + i] = 0;
      for (let j = i; j < n; j++) m[i * n + j] = 0;
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const temp = m[j * n + i] * m[j * n + j];
      m[i * n + j] = temp;
      for (let k = i; k < j; k++) m[i * n + k] += temp * m[j * n + k];
    }
  }
}

/** Copies the upper triangle (m[i][j], j > i) onto the lower one. */
export function symmetrizeUpper(m: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  }
}

/** Generalised inverse of a symmetric non-negative definite matrix (cholesky2 + chinv2). */
export function invertSymmetric(a: Float64Array, n: number, toler: number = TOLER_CHOL): Float64Array {
  const m = Float64Array.from(a);
  cholesky2(m, n, toler);
  chinv2(m, n);
  symmetrizeUpper(m, n);
  return m;
}

/**
 * b' A⁻ b for symmetric non-negative definite A, with the rank of A (the number of
 * positive pivots), as survival's coxph.wtest / coxph_wtest.c computes a Wald test.
 */
export function quadraticFormInverse(
  a: Float64Array,
  b: ArrayLike<number>,
  toler: number = TOLER_CHOL,
): { value: number; rank: number } {
  const n = b.length;
  const m = Float64Array.from(a);
  cholesky2(m, n, toler);
  let rank = 0;
  for (let i = 0; i < n; i++) if (m[i * n + i] > 0) rank++;
  const solved = Float64Array.from(b);
  chsolve2(m, n, solved);
  let value = 0;
  for (let i = 0; i < n; i++) value += b[i] * solved[i];
  return { value, rank };
}
