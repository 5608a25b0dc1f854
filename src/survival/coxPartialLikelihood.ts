// The Newton–Raphson iteration of survival 3.5's coxfit6.c behind coxph(): the
// Efron or Breslow log partial likelihood with its score and information, on
// centred and scaled covariates, with coxfit6's step halving and convergence
// rule. cox.ts turns the result into what summary.coxph() prints.
import { cholesky2, chinv2, chsolve2, symmetrizeUpper } from './linearAlgebra.js';

export interface PartialLikelihoodControl {
  /** Efron's approximation for tied event times; false for Breslow's. */
  efron: boolean;
  /** coxph.control iter.max. */
  maxIter: number;
  /** coxph.control eps: convergence on the relative change of the log likelihood. */
  eps: number;
  /** coxph.control toler.chol: pivots below this (relative) are treated as singular. */
  tolerChol: number;
  /** Centre and scale every column (coxph.fit with nocenter = NULL, as rms::cph calls it). */
  centreAll?: boolean;
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

/** What coxfit6 hands back to coxph.fit, on the original (unscaled) covariate scale. */
export interface PartialLikelihoodFit {
  beta: Float64Array;
  u: Float64Array;
  /** Inverse information (full symmetric), original scale. */
  variance: Float64Array;
  loglik: [number, number];
  sctest: number;
  iterations: number;
  /** Rank from the last Cholesky, -2 after step halving, 1000 when out of iterations. */
  flag: number;
  /** Column means used for centring (0 for columns with values in {-1, 0, 1}, as coxph's nocenter). */
  means: Float64Array;
}

type RawFit = Omit<PartialLikelihoodFit, 'means'>;

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

/**
 * Maximises the Cox log partial likelihood of `columns` (n values each) for
 * right-censored `time` / `event` (0/1), as coxph.fit's call of coxfit6: times
 * must already be merged by fixTiedTimes (coxph's timefix) and there must be at
 * least one event. Columns whose values all lie in {-1, 0, 1} are left alone
 * (coxph nocenter); the rest are centred and scaled by mean |x - mean|, which
 * steadies exp().
 */
export function fitPartialLikelihood(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  columns: readonly Float64Array[],
  control: PartialLikelihoodControl,
): PartialLikelihoodFit {
  const n = time.length;
  const p = columns.length;
  const means = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  for (let k = 0; k < p; k++) {
    const col = columns[k];
    if (!control.centreAll && col.every((v) => v === -1 || v === 0 || v === 1)) continue;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += col[i];
    means[k] = sum / n;
    let abs = 0;
    for (let i = 0; i < n; i++) abs += Math.abs(col[i] - means[k]);
    scale[k] = abs > 0 ? n / abs : 1;
  }

  const order = orderByTime(time);
  const w: Work = {
    n,
    p,
    time: new Float64Array(n),
    status: new Uint8Array(n),
    x: new Float64Array(n * p),
    efron: control.efron,
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    cmat: new Float64Array(p * p),
    cmat2: new Float64Array(p * p),
  };
  for (let r = 0; r < n; r++) {
    const i = order[r];
    w.time[r] = time[i];
    w.status[r] = event[i] ? 1 : 0;
    for (let k = 0; k < p; k++) w.x[r * p + k] = (columns[k][i] - means[k]) * scale[k];
  }
  return { ...coxfit6(w, scale, control.maxIter, control.eps, control.tolerChol), means };
}
