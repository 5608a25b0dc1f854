// glmnet 4.1-6's cv.glmnet(x, Surv(time, status), family = "cox", foldid) with its default
// type.measure "deviance" (grouped): each fold refitted on its own default path, its
// coefficients taken at the full path's lambdas by lambda.interp, and scored by the
// Verweij–van Houwelingen difference D_all − D_(−k) per event of the fold; then
// cvm, cvsd, lambda.min and lambda.1se as cvstats and getOptcv.glmnet compute them.
import { MigrascoreError } from '../errors.js';
import { cvDevianceScorer } from './coxDeviance.js';
import { coxnet, pathLambdaFloor, type CoxnetControl, type CoxnetPath } from './coxnet.js';
import { designRows, type DesignMatrix } from './design.js';
import { coefficientsAt } from './lambdaInterp.js';
import { glmnetTimes } from './riskSets.js';

export interface CvCoxnet {
  /** The fit on every row (glmnet.fit). */
  fit: CoxnetPath;
  /** Folds used, 1..nfolds per row. */
  foldid: Int32Array;
  nfolds: number;
  /** One row per lambda of the full path (rows R drops for an undefined cvsd are dropped too). */
  lambda: Float64Array;
  cvm: Float64Array;
  cvsd: Float64Array;
  nzero: Int32Array;
  lambdaMin: number;
  lambda1se: number;
  /** Indices (into the full path) of lambda.min and lambda.1se. */
  indexMin: number;
  index1se: number;
  /** Warnings from the fits (glmnet's, e.g. a fold whose path was cut short). */
  warnings: string[];
}

/** Rows of fold k (1-based) left out, as 0-based training rows in input order. */
export function trainingRows(foldid: ArrayLike<number>, k: number): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < foldid.length; i++) if (foldid[i] !== k) rows.push(i);
  return Int32Array.from(rows);
}

/** Check a fold vector (1..K, every fold present, K >= 3) and return it with K. */
export function checkFolds(foldid: ArrayLike<number>, n: number): { foldid: Int32Array; nfolds: number } {
  if (foldid.length !== n) throw new RangeError(`cvCoxnet: ${foldid.length} fold numbers for ${n} rows`);
  const f = Int32Array.from(foldid);
  let K = 0;
  for (const v of f) {
    if (!Number.isInteger(v) || v < 1) throw new MigrascoreError(`LASSO Cox: fold numbers must be whole numbers from 1 (got ${v}).`);
    K = Math.max(K, v);
  }
  if (K < 3) throw new MigrascoreError(`LASSO Cox: cross-validation needs at least 3 folds (got ${K}); cv.glmnet refuses fewer.`);
  const seen = new Uint8Array(K + 1);
  for (const v of f) seen[v] = 1;
  const missing = [];
  for (let k = 1; k <= K; k++) if (!seen[k]) missing.push(k);
  if (missing.length) throw new MigrascoreError(`LASSO Cox: folds ${missing.join(', ')} have no samples; number the folds 1..${K} with every fold used.`);
  return { foldid: f, nfolds: K };
}

/** The path fit of fold k: glmnet on the rows outside fold k, with its own default path. */
export function fitFold(x: DesignMatrix, time: ArrayLike<number>, status: ArrayLike<number>, foldid: ArrayLike<number>, k: number, control: Partial<CoxnetControl> = {}): CoxnetPath {
  const rows = trainingRows(foldid, k);
  try {
    return coxnet(designRows(x, rows), pick(time, rows), pick(status, rows), control);
  } catch (e) {
    // Otherwise the message names a row count the user never chose (the training rows).
    if (!(e instanceof MigrascoreError) || !/glmnet cannot fit/.test(e.message)) throw e;
    let events = 0;
    let total = 0;
    for (let i = 0; i < status.length; i++) total += status[i] > 0 ? 1 : 0;
    for (const i of rows) events += status[i] > 0 ? 1 : 0;
    throw new MigrascoreError(
      `LASSO Cox: cross-validation cannot fit without fold ${k}: its ${rows.length} training samples hold ${events} event${events === 1 ? '' : 's'} ` +
        `(${total} in the cohort of ${status.length}), too few for glmnet ("probably too many censored observations"; cv.glmnet stops the same way). ` +
        'A LASSO Cox model needs many more events: use a cohort or endpoint with more events, or fewer folds (--nfolds, or --foldid spreading the events).',
    );
  }
}

/**
 * The control for fold fits within cvCoxnet: each fold's path may end below the full
 * path's floor (pathLambdaFloor), which no lambda of the cv table reaches.
 */
export function foldControl(x: DesignMatrix, time: ArrayLike<number>, status: ArrayLike<number>, control: Partial<CoxnetControl> = {}): Partial<CoxnetControl> {
  return { ...control, stopBelow: pathLambdaFloor(x, time, status, control) };
}

/**
 * cv.glmnet for the Cox family. `fits` lets a caller supply the full and fold fits
 * computed elsewhere (e.g. in worker threads): the full one as coxnet(x, time, status,
 * control), fold k as fitFold(x, time, status, foldid, k, foldControl(x, time, status, control)).
 */
export function cvCoxnet(
  x: DesignMatrix, time: ArrayLike<number>, status: ArrayLike<number>, foldid: ArrayLike<number>,
  control: Partial<CoxnetControl> = {}, fits?: { full: CoxnetPath; folds: CoxnetPath[] },
): CvCoxnet {
  const n = x.nrow;
  const { foldid: folds, nfolds } = checkFolds(foldid, n);
  const full = fits?.full ?? coxnet(x, time, status, control);
  const perFold = fits ? control : foldControl(x, time, status, control);
  const foldFits = fits?.folds ?? Array.from({ length: nfolds }, (_, k) => fitFold(x, time, status, folds, k + 1, perFold));
  const ty = glmnetTimes(time, status);
  const score = cvDevianceScorer(x, ty, status);
  const L = full.lambda.length;
  const cvraw: Float64Array[] = [];
  const eventsPerFold = new Float64Array(nfolds);
  for (let i = 0; i < n; i++) if (status[i] > 0) eventsPerFold[folds[i] - 1]++;
  for (let k = 0; k < nfolds; k++) {
    const fold = foldFits[k];
    const betas = coefficientsAt(fold.beta, fold.lambda, full.lambda);
    const raw = score(betas, trainingRows(folds, k + 1));
    for (let l = 0; l < L; l++) raw[l] /= eventsPerFold[k];
    cvraw.push(raw);
  }
  const cvm = new Float64Array(L);
  const cvsd = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    // weighted.mean(cvraw[, l], w = events, na.rm = TRUE): NaN rows dropped, zero weights too.
    let sw = 0;
    let sxw = 0;
    let good = 0;
    for (let k = 0; k < nfolds; k++) {
      const v = cvraw[k][l];
      if (Number.isNaN(v)) continue;
      good++;
      sw += eventsPerFold[k];
      if (eventsPerFold[k] !== 0) sxw += v * eventsPerFold[k];
    }
    const m = sxw / sw;
    let ssw = 0;
    for (let k = 0; k < nfolds; k++) {
      const v = cvraw[k][l];
      if (Number.isNaN(v) || eventsPerFold[k] === 0) continue;
      ssw += (v - m) * (v - m) * eventsPerFold[k];
    }
    cvm[l] = m;
    cvsd[l] = Math.sqrt(ssw / sw / (good - 1));
  }
  const keep: number[] = [];
  for (let l = 0; l < L; l++) if (!Number.isNaN(cvsd[l])) keep.push(l);
  const lambda = Float64Array.from(keep, (l) => full.lambda[l]);
  const m = Float64Array.from(keep, (l) => cvm[l]);
  const sd = Float64Array.from(keep, (l) => cvsd[l]);
  const nzero = Int32Array.from(keep, (l) => full.df[l]);
  if (lambda.length === 0) throw new MigrascoreError('LASSO Cox: cross-validation gave no usable deviance at any lambda (too few events per fold?).');
  // getOptcv.glmnet: the largest lambda at the minimum, then the largest within one SE of it.
  let cvmin = Infinity;
  for (const v of m) if (v < cvmin) cvmin = v;
  let iMin = -1;
  for (let l = 0; l < lambda.length; l++) if (m[l] <= cvmin && (iMin < 0 || lambda[l] > lambda[iMin])) iMin = l;
  const semin = m[iMin] + sd[iMin];
  let i1se = -1;
  for (let l = 0; l < lambda.length; l++) if (m[l] <= semin && (i1se < 0 || lambda[l] > lambda[i1se])) i1se = l;
  const warnings = [full, ...foldFits].map((f) => f.warning).filter((w): w is string => w !== null);
  return {
    fit: full, foldid: folds, nfolds, lambda, cvm: m, cvsd: sd, nzero,
    lambdaMin: lambda[iMin], lambda1se: lambda[i1se], indexMin: keep[iMin], index1se: keep[i1se], warnings,
  };
}

function pick(v: ArrayLike<number>, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (i) => v[i]);
}
