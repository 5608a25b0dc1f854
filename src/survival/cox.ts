// Cox proportional hazards regression for right-censored data, reproducing R's
// survival 3.5 coxph() (R/coxph.R, R/coxph.fit.R) and the numbers summary.coxph()
// prints: terms, hazard ratios, the likelihood ratio, Wald and score tests and
// coxph's warnings. The Newton–Raphson iteration itself (src/coxfit6.c) is in
// coxPartialLikelihood.ts.
import { chiSquareUpperTail, normalQuantile } from '../stats/distributions.js';
import { fitPartialLikelihood } from './coxPartialLikelihood.js';
import { TOLER_CHOL, quadraticFormInverse } from './linearAlgebra.js';
import { fixTiedTimes } from './timefix.js';

export type CoxTies = 'efron' | 'breslow';

export interface CoxOptions {
  ties?: CoxTies;
  /** Confidence level of the hazard-ratio intervals (summary.coxph conf.int). */
  confLevel?: number;
  /** coxph.control iter.max. */
  maxIter?: number;
  /** coxph.control eps: convergence on the relative change of the log likelihood. */
  eps?: number;
  /** coxph.control toler.chol: pivots below this (relative) are treated as singular. */
  tolerChol?: number;
  /** coxph.control toler.inf (default sqrt(eps)): the infinite-coefficient check. */
  tolerInf?: number;
  /** Merge near-identical times first, as coxph's timefix (default true; rms::cph does not). */
  timefix?: boolean;
  /** Centre every column, 0/1 ones too, as coxph.fit called without nocenter (rms::cph). */
  centreAll?: boolean;
}

/** A chi-square test; NaN where R has NA. */
export interface ChiSquareTest {
  chisq: number;
  df: number;
  p: number;
}

/** One coefficient as summary.coxph reports it; NaN where R has NA (aliased column). */
export interface CoxTerm {
  term: string;
  coef: number;
  se: number;
  hr: number;
  hr_lower: number;
  hr_upper: number;
  z: number;
  p: number;
  /** The column is a linear combination of earlier ones; R sets its coefficient to NA. */
  aliased?: boolean;
  /** R's "Loglik converged before variable k; coefficient may be infinite." named this term. */
  infinite?: boolean;
}

export interface CoxFit {
  ties: CoxTies;
  n: number;
  events: number;
  terms: CoxTerm[];
  /** Coefficients in design order (NaN for aliased columns). */
  coefficients: Float64Array;
  /** Log partial likelihood at beta = 0 and at the estimate. */
  loglik: [number, number];
  lrt: ChiSquareTest;
  wald: ChiSquareTest;
  score: ChiSquareTest;
  /** Model-based variance of the coefficients, p×p row-major rows. */
  variance: Float64Array[];
  /** X·beta minus its value at the covariate means (coxph's linear.predictors), data order. */
  linearPredictor: Float64Array;
  /** Column means used for centring (0 for columns with values in {-1, 0, 1}, as coxph's nocenter). */
  means: Float64Array;
  /** False when the iteration limit was reached (coxfit6 flag 1000). */
  converged: boolean;
  iterations: number;
  /** R's warnings, in R's words. */
  warnings: string[];
}

function chiSquare(chisq: number, df: number): ChiSquareTest {
  return { chisq, df, p: df > 0 ? chiSquareUpperTail(chisq, df) : NaN };
}

/**
 * Fits a Cox model, as R's coxph(Surv(time, event) ~ columns, ties = ties) followed
 * by summary() (coefficients, hazard ratios and their Wald intervals, the likelihood
 * ratio, Wald and score tests). Rows are the complete cases; `event` is 0/1.
 * Sources: coxph.fit.R and coxfit6.c (iteration, warnings), coxph.wtest.R (Wald),
 * summary.coxph.R (intervals, p-values).
 */
export function coxProportionalHazards(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  columns: readonly Float64Array[],
  termNames: readonly string[],
  options: CoxOptions = {},
): CoxFit {
  const ties = options.ties ?? 'efron';
  const confLevel = options.confLevel ?? 0.95;
  const maxIter = options.maxIter ?? 20;
  const eps = options.eps ?? 1e-9;
  const tolerChol = options.tolerChol ?? TOLER_CHOL;
  const tolerInf = options.tolerInf ?? Math.sqrt(eps);
  const n = time.length;
  const p = columns.length;
  if (event.length !== n || columns.some((c) => c.length !== n)) {
    throw new Error('coxProportionalHazards: time, event and columns must have the same length');
  }
  if (termNames.length !== p) throw new Error('coxProportionalHazards: one term name per column is required');
  if (p === 0) throw new Error('coxProportionalHazards: the model needs at least one column');

  // coxph(timefix = TRUE): near-identical times are ties (survival's aeqSurv).
  const fixed = options.timefix === false ? Float64Array.from(time) : fixTiedTimes(time);
  let events = 0;
  for (let i = 0; i < n; i++) events += event[i] ? 1 : 0;
  if (events === 0) return noEventFit(ties, n, columns, termNames);

  const fit = fitPartialLikelihood(fixed, event, columns, { efron: ties === 'efron', maxIter, eps, tolerChol, centreAll: options.centreAll });
  const { beta, variance, u, means } = fit;

  const linearPredictor = new Float64Array(n);
  let offset = 0;
  for (let k = 0; k < p; k++) offset += beta[k] * means[k];
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let k = 0; k < p; k++) eta += columns[k][i] * beta[k];
    linearPredictor[i] = eta - offset;
  }

  const warnings: string[] = [];
  const infinite = new Array<boolean>(p).fill(false);
  if (maxIter > 1) {
    // infs = |u' V|: how far the score still pulls each coefficient.
    const infs = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < p; i++) s += u[i] * variance[i * p + j];
      infs[j] = Math.abs(s);
    }
    if (fit.flag === 1000) {
      warnings.push('Ran out of iterations and did not converge');
      const maxLp = linearPredictor.reduce((m, v) => Math.max(m, v), -Infinity);
      if (maxLp > 500 || infs.some((v) => !Number.isFinite(v))) {
        warnings.push('one or more coefficients may be infinite');
      }
    } else {
      for (let k = 0; k < p; k++) {
        infinite[k] = !Number.isFinite(u[k]) || (infs[k] > eps && infs[k] > tolerInf * Math.abs(beta[k]));
      }
      const which = infinite.flatMap((f, k) => (f ? [k + 1] : []));
      if (which.length > 0) {
        warnings.push(`Loglik converged before variable ${which.join(',')}; coefficient may be infinite.`);
      }
    }
  }

  // A zero pivot leaves a zero row in the inverse: R reports that coefficient as NA.
  const aliased = new Array<boolean>(p).fill(false);
  if (fit.flag < p) for (let k = 0; k < p; k++) aliased[k] = variance[k * p + k] === 0;
  const coefficients = Float64Array.from(beta, (b, k) => (aliased[k] && maxIter > 0 ? NaN : b));

  const zCrit = normalQuantile((1 + confLevel) / 2);
  const terms: CoxTerm[] = termNames.map((term, k) => {
    const coef = coefficients[k];
    const se = Math.sqrt(variance[k * p + k]);
    const z = coef / se;
    const t: CoxTerm = {
      term,
      coef,
      se,
      hr: Math.exp(coef),
      hr_lower: Math.exp(coef - zCrit * se),
      hr_upper: Math.exp(coef + zCrit * se),
      z,
      p: chiSquareUpperTail(z * z, 1),
    };
    if (aliased[k]) t.aliased = true;
    if (infinite[k]) t.infinite = true;
    return t;
  });

  const kept = coefficients.reduce((acc, b, k) => (Number.isNaN(b) ? acc : [...acc, k]), [] as number[]);
  const df = kept.length;
  let waldStat: number;
  if (df === 1) {
    const k = kept[0];
    waldStat = (coefficients[k] * coefficients[k]) / variance[k * p + k];
  } else {
    const sub = new Float64Array(df * df);
    kept.forEach((ki, i) => kept.forEach((kj, j) => (sub[i * df + j] = variance[ki * p + kj])));
    waldStat = quadraticFormInverse(sub, Float64Array.from(kept, (k) => coefficients[k]), tolerChol).value;
  }

  const rows: Float64Array[] = [];
  for (let i = 0; i < p; i++) rows.push(variance.slice(i * p, (i + 1) * p));
  return {
    ties,
    n,
    events,
    terms,
    coefficients,
    loglik: fit.loglik,
    lrt: chiSquare(2 * (fit.loglik[1] - fit.loglik[0]), df),
    wald: chiSquare(waldStat, df),
    score: chiSquare(fit.sctest, df),
    variance: rows,
    linearPredictor,
    means,
    converged: fit.flag !== 1000,
    iterations: fit.iterations,
    warnings,
  };
}

/** coxph's early exit when there are no events: every coefficient NA, loglik 0. */
function noEventFit(ties: CoxTies, n: number, columns: readonly Float64Array[], termNames: readonly string[]): CoxFit {
  const p = columns.length;
  const na = { chisq: NaN, df: 0, p: NaN };
  return {
    ties,
    n,
    events: 0,
    terms: termNames.map((term) => ({
      term,
      coef: NaN,
      se: NaN,
      hr: NaN,
      hr_lower: NaN,
      hr_upper: NaN,
      z: NaN,
      p: NaN,
    })),
    coefficients: new Float64Array(p).fill(NaN),
    loglik: [0, 0],
    lrt: na,
    wald: na,
    score: na,
    variance: columns.map(() => new Float64Array(p)),
    linearPredictor: new Float64Array(n),
    means: Float64Array.from(columns, (c) => c.reduce((s, v) => s + v, 0) / n),
    converged: false,
    iterations: 0,
    warnings: ['There are no events: the Cox model cannot be fitted.'],
  };
}
