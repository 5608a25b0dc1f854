// LASSO / elastic-net Cox regression along glmnet 4.1-6's default lambda path, as
// glmnet(x, Surv(time, status), family = "cox") computes it: standardised columns,
// Breslow partial likelihood, IRLS with a diagonal Hessian around cyclic coordinate
// descent, strong rules and KKT checks, glmnet's convergence threshold and early stop
// (Friedman, Hastie & Tibshirani 2010, J Stat Softw 33(1); Simon, Friedman, Hastie &
// Tibshirani 2011, J Stat Softw 39(5)). Written from the description in
// ../shared/reference/model/README.md: every step, and the order of each sum, follows
// the reference so the (unconverged) answer is glmnet's, not merely the optimum.
import { MigrascoreError } from '../errors.js';
import { standardize, type DesignMatrix } from './design.js';
import { breslowLogLik, coxRiskSets, glmnetTimes, type CoxRiskSets } from './riskSets.js';
import { coordinateDescent, gradient, solverState, type SolverState } from './coxnetSolver.js';
import type { KernelEngine } from './kernels.js';

export interface CoxnetControl {
  /** Elastic-net mixing, 1 = LASSO (glmnet alpha). */
  alpha: number;
  nlambda: number;
  /** Smallest lambda as a fraction of lambda max; default 0.01 when n < p, else 1e-4. */
  lambdaMinRatio?: number;
  /** Convergence threshold (glmnet thresh). */
  thresh: number;
  /** Most coordinate-descent passes over all lambdas together (glmnet maxit). */
  maxit: number;
  /** Vector kernels: native (AVX2, when built), WebAssembly SIMD or plain JavaScript (same iterates); default the fastest present. */
  kernels?: KernelEngine;
  /**
   * Not glmnet's: end the path after its first lambda below this. A cross-validation fold
   * never uses its path below the full path's last lambda (pathLambdaFloor), so its fit
   * may stop there; the lambdas it does compute are unchanged.
   */
  stopBelow?: number;
}

export const COXNET_DEFAULTS: CoxnetControl = { alpha: 1, nlambda: 100, thresh: 1e-7, maxit: 100_000 };

export interface CoxnetPath {
  nobs: number;
  nvars: number;
  /** The lambdas of the path, as glmnet reports them (the first moved to lambda max). */
  lambda: Float64Array;
  /** Per lambda, the p coefficients on the original (unstandardised) scale. */
  beta: Float64Array[];
  /** Nonzero coefficients per lambda (glmnet df). */
  df: Int32Array;
  /** Fraction of null deviance explained per lambda. */
  devRatio: Float64Array;
  /** 2 × (saturated − null log partial likelihood). */
  nullDeviance: number;
  /** Coordinate-descent passes used (glmnet npasses). */
  passes: number;
  /** glmnet's warning when the path was cut short (maxit reached, numerical trouble), else null. */
  warning: string | null;
}

/** glmnet's internal constants (get_int_parms), with its single-precision literals where they matter. */
const BIG = 9.9e35;
const MIN_FLMIN = 1e-6;
const MIN_LAMBDAS = 5;
const FDEV = 1e-5 * 100;
const DEV_MAX = (0.999 * Math.fround(0.99)) / Math.fround(0.999);

/** glmnet(x, Surv(time, status), family = "cox", ...) with its default lambda path. */
export function coxnet(x: DesignMatrix, time: ArrayLike<number>, status: ArrayLike<number>, control: Partial<CoxnetControl> = {}): CoxnetPath {
  const { raw, std, n, p } = fitPath(x, time, status, control, Infinity);
  const L = raw.alm.length;
  const lambda = Float64Array.from(raw.alm);
  if (L > 2) lambda[0] = Math.exp(2 * Math.log(lambda[1]) - Math.log(lambda[2]));
  const beta: Float64Array[] = [];
  const df = new Int32Array(L);
  for (let l = 0; l < L; l++) {
    const b = new Float64Array(p);
    const a = raw.coef[l];
    for (let j = 0; j < p; j++) {
      if (a[j] !== 0) {
        b[j] = a[j] / std.scale[j];
        df[l]++;
      }
    }
    beta.push(b);
  }
  return { nobs: n, nvars: p, lambda, beta, df, devRatio: Float64Array.from(raw.dev), nullDeviance: 2 * n * raw.nullDev, passes: raw.passes, warning: raw.warning };
}

/**
 * The smallest lambda glmnet's default path can reach on these data: lambda max times
 * alf^(nlambda − 1), by the path's own repeated products (the path may stop earlier).
 */
export function pathLambdaFloor(x: DesignMatrix, time: ArrayLike<number>, status: ArrayLike<number>, control: Partial<CoxnetControl> = {}): number {
  const { raw, alf, ctl } = fitPath(x, time, status, control, 2);
  if (raw.alm.length < 2) return 0;
  let al = raw.alm[1];
  for (let k = 3; k <= ctl.nlambda; k++) al *= alf;
  return al;
}

interface RawPath {
  alm: number[];
  coef: Float64Array[];
  dev: number[];
  nullDev: number;
  passes: number;
  warning: string | null;
}

/** Checks, standardisation, risk sets, then the path (at most `limit` lambdas). */
function fitPath(x: DesignMatrix, time: ArrayLike<number>, status: ArrayLike<number>, control: Partial<CoxnetControl>, limit: number) {
  const ctl = { ...COXNET_DEFAULTS, ...control };
  const { nrow: n, ncol: p } = x;
  if (time.length !== n || status.length !== n) throw new RangeError(`coxnet: x has ${n} rows but time/status have ${time.length}/${status.length}`);
  if (!(ctl.alpha > 0 && ctl.alpha <= 1)) throw new RangeError(`coxnet: alpha must be in (0, 1] (got ${ctl.alpha})`);
  const flmin = ctl.lambdaMinRatio ?? (n < p ? 0.01 : 1e-4);
  if (!(flmin > 0 && flmin < 1)) throw new RangeError('coxnet: lambdaMinRatio must be in (0, 1)');
  const ty = glmnetTimes(time, status);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = status[i] > 0 ? 1 : 0;
  const sets = coxRiskSets(ty, d);
  const std = standardize(x);
  if (!std.varies.some((v) => v === 1)) {
    throw new MigrascoreError(`LASSO Cox: every one of the ${p} gene columns is constant across the ${n} samples; there is nothing to fit.`);
  }
  const alf = Math.pow(Math.max(MIN_FLMIN, flmin), Math.fround(1 / (ctl.nlambda - 1)));
  const raw = coxnetStandardized(std.values, n, p, std.varies, sets, d, ctl, alf, Math.min(limit, ctl.nlambda));
  return { raw, std, n, p, alf, ctl };
}

/**
 * glmnet's coxnet1 on standardised columns with unit case weights (q = 1/n): the null
 * model, lambda max from its gradient, then each lambda from a warm start, with the
 * early stop after 5 lambdas (deviance ratio flat within 1e-3 over 4 steps, or > 0.99).
 */
function coxnetStandardized(
  xs: Float64Array, n: number, p: number, varies: Uint8Array, sets: CoxRiskSets,
  d: Float64Array, ctl: CoxnetControl, alf: number, limit: number,
): RawPath {
  const q = 1 / n;
  const dq = new Float64Array(n);
  for (let i = 0; i < n; i++) dq[i] = d[i] * q;
  const nk = sets.groupEnd.length;
  const dk = new Float64Array(nk);
  for (let k = 0, j = 0; k < nk; k++) {
    let s = 0;
    for (; j < sets.groupEnd[k]; j++) s += dq[sets.order[j]];
    dk[k] = s;
  }
  const st = solverState(xs, n, p, sets, dq, dk, varies, ctl.alpha, ctl.maxit, { engine: ctl.kernels });
  const r0 = breslowLogLik(sets, dq, dk, st.f, st.e, st.u);
  let sdk = 0;
  for (let k = 0; k < nk; k++) sdk += dk[k] * Math.log(dk[k]);
  const rr = -(sdk + r0);
  if (!outerWeights(st)) throw new MigrascoreError('LASSO Cox: numerical error at the null model (a non-positive IRLS weight); glmnet cannot fit this cohort.');
  st.cthr = ctl.thresh * rr;
  for (let j = 0; j < p; j++) if (varies[j]) st.ga[j] = gradient(st, j);
  const out: RawPath = { alm: [], coef: [], dev: [], nullDev: rr, passes: 0, warning: null };
  const mnl = Math.min(MIN_LAMBDAS, ctl.nlambda);
  let al = 0;
  for (let ilm = 1; ilm <= limit; ilm++) {
    let al0 = al;
    if (ilm === 1) al = BIG;
    else if (ilm === 2) {
      al0 = 0;
      for (let j = 0; j < p; j++) if (varies[j]) al0 = Math.max(al0, st.ga[j]);
      al0 /= Math.max(ctl.alpha, 1e-3);
      al = alf * al0;
    } else al *= alf;
    const status = coordinateDescent(st, al, al0, outerWeights);
    if (status === 'maxit') {
      out.warning = `Convergence for ${ilm}th lambda value not reached after maxit=${ctl.maxit} iterations; solutions for larger lambdas returned`;
      break;
    }
    if (status === 'numerical') {
      out.warning = `Numerical error at ${ilm}th lambda value; solutions for larger values of lambda returned`;
      break;
    }
    out.alm.push(al);
    out.coef.push(Float64Array.from(st.a));
    const dev = (breslowLogLik(sets, dq, dk, st.f, st.e, st.u) - r0) / rr;
    out.dev.push(dev);
    if (ctl.stopBelow !== undefined && al < ctl.stopBelow) break;
    if (ilm < mnl) continue;
    const earlier = out.dev[ilm - mnl];
    if ((dev - earlier) / dev < FDEV) break;
    if (dev > DEV_MAX) break;
  }
  out.passes = st.passes;
  return out;
}

/**
 * The quadratic approximation at the current fit (glmnet's outer): risk-set sums U_k,
 * then per row b = Σ_{k ≤ own group} D_k/U_k, c = Σ D_k/U_k², w = e(b − e c),
 * wr = dq − e b. False when a weight is not positive.
 */
export function outerWeights(st: SolverState): boolean {
  const { sets, e, dk, dq, w, wr, u } = st;
  const { order, groupEnd } = sets;
  let h = 0;
  for (let k = groupEnd.length - 1; k >= 0; k--) {
    const from = k > 0 ? groupEnd[k - 1] : 0;
    for (let j = groupEnd[k] - 1; j >= from; j--) h += e[order[j]];
    u[k] = h;
  }
  let b = 0;
  let c = 0;
  for (let k = 0, j = 0; k < groupEnd.length; k++) {
    b += dk[k] / u[k];
    c += dk[k] / (u[k] * u[k]);
    for (; j < groupEnd[k]; j++) {
      const i = order[j];
      const wi = e[i] * (b - e[i] * c);
      if (!(wi > 0)) return false;
      w[i] = wi;
      wr[i] = dq[i] - e[i] * b;
    }
  }
  return true;
}
