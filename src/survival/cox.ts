// Cox proportional hazards regression for right-censored data, reproducing R's
// survival 3.5 coxph() (R/coxph.R, R/coxph.fit.R, src/coxfit6.c) and the numbers
// summary.coxph() prints: Newton–Raphson on the Efron or Breslow partial likelihood
// with coxfit6's centring and scaling, step halving and convergence rule.
import { chiSquareUpperTail, normalQuantile } from './distributions.js';
import { fixTiedTimes } from './kaplanMeier.js';
import { TOLER_CHOL, cholesky2, chinv2, chsolve2, quadraticFormInverse, symmetrizeUpper } from './linearAlgebra.js';

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

/** Indices that sort `time` ascending, ties in input order (R's order(time)). */
export function orderByTime(time: ArrayLike<number>): Int32Array {
  const idx = new Int32Array(time.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => time[a] - time[b] || a - b);
}

/** Shared state of the coxfit6 iteration: data sorted by time, centred and scaled. */
interface Work {
  n: number;
  p: number;
  time: Float64Array;
  status: Uint8Array;
  /** Row-major n×p covariates, sorted by time. */
  x: Float64Array;
  efron: boolean;
  u: Float64Array;
  imat: Float64Array;
  a: Float64Array;
  a2: Float64Array;
  cmat: Float64Array;
  cmat2: Float64Array;
}

/**
 * Log partial likelihood at beta with its score (w.u) and information (upper
 * triangle of w.imat), walking backwards in time so risk sets grow by addition
 * (coxfit6_iter). Efron adds the tied deaths' contributions in ndead equal steps.
 */
function coxIteration(w: Work, beta: Float64Array): number {
  const { n, p, time, status, x, u, imat, a, a2, cmat, cmat2 } = w;
  u.fill(0);
  a2.fill(0);
  imat.fill(0);
  cmat2.fill(0);
  a.fill(0);
  cmat.fill(0);
  let loglik = 0;
  let denom = 0;
  for (let person = n - 1; person >= 0; ) {
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    while (person >= 0 && time[person] === dtime) {
      const row = person * p;
      let zbeta = 0;
      for (let i = 0; i < p; i++) zbeta += beta[i] * x[row + i];
      const risk = Math.exp(zbeta);
      if (status[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const xi = x[row + i];
          a[i] += risk * xi;
          for (let j = 0; j <= i; j++) cmat[i * p + j] += risk * xi * x[row + j];
        }
      } else {
        ndead++;
        deadwt += 1;
        denom2 += risk;
        loglik += zbeta;
        for (let i = 0; i < p; i++) {
          const xi = x[row + i];
          u[i] += xi;
          a2[i] += risk * xi;
          for (let j = 0; j <= i; j++) cmat2[i * p + j] += risk * xi * x[row + j];
        }
      }
      person--;
    }
    if (ndead === 0) continue;
    if (!w.efron || ndead === 1) {
      denom += denom2;
      loglik -= deadwt * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i] += a2[i];
        const mean = a[i] / denom;
        u[i] -= deadwt * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] += cmat2[i * p + j];
          imat[j * p + i] += (deadwt * (cmat[i * p + j] - mean * a[j])) / denom;
        }
      }
    } else {
      const wtave = deadwt / ndead;
      for (let k = 0; k < ndead; k++) {
        denom += denom2 / ndead;
        loglik -= wtave * Math.log(denom);
        for (let i = 0; i < p; i++) {
          a[i] += a2[i] / ndead;
          const mean = a[i] / denom;
          u[i] -= wtave * mean;
          for (let j = 0; j <= i; j++) {
            cmat[i * p + j] += cmat2[i * p + j] / ndead;
            imat[j * p + i] += (wtave * (cmat[i * p + j] - mean * a[j])) / denom;
          }
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  return loglik;
}

interface RawFit {
  beta: Float64Array;
  u: Float64Array;
  /** Inverse information (full symmetric), original scale. */
  variance: Float64Array;
  loglik: [number, number];
  sctest: number;
  iterations: number;
  /** Rank from the last Cholesky, -2 after step halving, 1000 when out of iterations. */
  flag: number;
}

/** coxfit6: Newton–Raphson with step halving on centred, scaled covariates. */
function coxfit6(w: Work, scale: Float64Array, maxIter: number, eps: number, toler: number): RawFit {
  const { p, u, imat } = w;
  let beta = new Float64Array(p);
  let newbeta = new Float64Array(p);
  const unscale = (flag: number, iterations: number, loglik: [number, number], sctest: number): RawFit => {
    chinv2(imat, p);
    symmetrizeUpper(imat, p);
    const variance = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      beta[i] *= scale[i];
      u[i] /= scale[i];
      for (let j = 0; j < p; j++) variance[i * p + j] = imat[i * p + j] * scale[i] * scale[j];
    }
    return { beta, u: Float64Array.from(u), variance, loglik, sctest, iterations, flag };
  };

  const loglik0 = coxIteration(w, beta);
  // The score test at beta = 0 is u' I⁻¹ u from this first pass.
  const step = Float64Array.from(u);
  let flag = cholesky2(imat, p, toler);
  chsolve2(imat, p, step);
  let sctest = 0;
  for (let i = 0; i < p; i++) sctest += u[i] * step[i];
  if (maxIter === 0 || !Number.isFinite(loglik0)) return unscale(flag, 0, [loglik0, loglik0], sctest);

  let best = loglik0; // loglik[1] of coxfit6: the best so far
  for (let i = 0; i < p; i++) newbeta[i] = beta[i] + step[i];
  let halving = 0;
  let iter = 1;
  for (; iter <= maxIter; iter++) {
    const newlk = coxIteration(w, newbeta);
    flag = cholesky2(imat, p, toler);
    let finite = Number.isFinite(newlk);
    for (let i = 0; i < p && finite; i++) {
      if (!Number.isFinite(u[i])) finite = false;
      for (let j = 0; j < p; j++) if (!Number.isFinite(imat[i * p + j])) finite = false;
    }
    if (finite && Math.abs(1 - best / newlk) <= eps) {
      [beta, newbeta] = [newbeta, beta];
      return unscale(halving ? -2 : flag, iter, [loglik0, newlk], sctest);
    }
    if (!finite || newlk < best) {
      // Not improving: pull the step back towards the last good beta, harder each time.
      halving++;
      for (let i = 0; i < p; i++) newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1);
    } else {
      halving = 0;
      best = newlk;
      chsolve2(imat, p, u);
      for (let i = 0; i < p; i++) {
        beta[i] = newbeta[i];
        newbeta[i] += u[i];
      }
    }
  }
  // Out of iterations: coxfit6 recomputes u and the information at the last good
  // beta but inverts it without refactoring, so R's variance keeps only the
  // diagonal (1 / I_jj). Reproduced on purpose: these are the numbers R reports.
  if (maxIter > 1) best = coxIteration(w, beta);
  return unscale(1000, iter, [loglik0, best], sctest);
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
  const fixed = fixTiedTimes(time);
  let events = 0;
  for (let i = 0; i < n; i++) events += event[i] ? 1 : 0;
  if (events === 0) return noEventFit(ties, n, columns, termNames);

  // Columns whose values all lie in {-1, 0, 1} are left alone (coxph nocenter);
  // the rest are centred and scaled by mean |x - mean|, which steadies exp().
  const means = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  for (let k = 0; k < p; k++) {
    const col = columns[k];
    if (col.every((v) => v === -1 || v === 0 || v === 1)) continue;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += col[i];
    means[k] = sum / n;
    let abs = 0;
    for (let i = 0; i < n; i++) abs += Math.abs(col[i] - means[k]);
    scale[k] = abs > 0 ? n / abs : 1;
  }

  const order = orderByTime(fixed);
  const w: Work = {
    n,
    p,
    time: new Float64Array(n),
    status: new Uint8Array(n),
    x: new Float64Array(n * p),
    efron: ties === 'efron',
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    cmat: new Float64Array(p * p),
    cmat2: new Float64Array(p * p),
  };
  for (let r = 0; r < n; r++) {
    const i = order[r];
    w.time[r] = fixed[i];
    w.status[r] = event[i] ? 1 : 0;
    for (let k = 0; k < p; k++) w.x[r * p + k] = (columns[k][i] - means[k]) * scale[k];
  }

  const fit = coxfit6(w, scale, maxIter, eps, tolerChol);
  const { beta, variance, u } = fit;

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
