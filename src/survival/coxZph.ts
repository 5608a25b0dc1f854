// The proportional-hazards test of survival 3.x cox.zph(fit, transform = "km",
// terms = FALSE) (R/cox.zph.R, src/zph1.c): a score test, at the fitted
// coefficients, for adding g(t)·x to the model, where g is the centred
// Kaplan–Meier transform of time. One row per coefficient plus GLOBAL.
import { chiSquareUpperTail } from '../stats/distributions.js';
import type { CoxFit } from './cox.js';
import { orderByTime } from './coxPartialLikelihood.js';
import { TOLER_CHOL, cholesky2, chsolve2 } from './linearAlgebra.js';
import { fixTiedTimes } from './timefix.js';

export interface ZphRow {
  term: string;
  chisq: number;
  df: number;
  p: number;
}

/**
 * 1 - S(t-) for each time, S the Kaplan–Meier estimate of all subjects (left
 * continuous: only event times strictly before t count), as cox.zph's 'km' transform.
 */
function leftContinuousKmTransform(time: Float64Array, status: Uint8Array, order: Int32Array): Float64Array {
  const n = time.length;
  const out = new Float64Array(n);
  let surv = 1;
  let atRisk = n;
  for (let k = 0; k < n; ) {
    const t = time[order[k]];
    let end = k;
    let deaths = 0;
    while (end < n && time[order[end]] === t) deaths += status[order[end++]];
    for (let j = k; j < end; j++) out[order[j]] = 1 - surv;
    surv *= 1 - deaths / atRisk;
    atRisk -= end - k;
    k = end;
  }
  return out;
}

/** Solves A z = b (A symmetric positive definite) and returns b'z. */
function scoreStatistic(a: Float64Array, b: Float64Array): number {
  const m = b.length;
  const factor = Float64Array.from(a);
  cholesky2(factor, m, TOLER_CHOL);
  const z = Float64Array.from(b);
  chsolve2(factor, m, z);
  let s = 0;
  for (let i = 0; i < m; i++) s += b[i] * z[i];
  return s;
}

/**
 * Tests the proportional-hazards assumption per coefficient and globally, as
 * cox.zph(fit, transform = "km", terms = FALSE) in survival 3.5. `time`, `event` and
 * `columns` are the rows and design the fit was made on; aliased (NA) coefficients
 * are left out, as R does. The information matrix and score come from one pass
 * over the data at the fit's linear predictor (zph1.c); the score for beta itself
 * is taken as 0.
 */
export function coxZph(
  fit: Pick<CoxFit, 'ties' | 'coefficients' | 'linearPredictor' | 'terms'>,
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  columns: readonly Float64Array[],
): ZphRow[] {
  const n = time.length;
  const keep = columns.map((_, k) => k).filter((k) => !Number.isNaN(fit.coefficients[k]));
  const p = keep.length;
  const names = keep.map((k) => fit.terms[k].term);
  if (p === 0) return [];

  const y = fixTiedTimes(time);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) status[i] = event[i] ? 1 : 0;
  const order = orderByTime(y);

  // g(t) = KM transform centred on its mean over the events.
  const g = leftContinuousKmTransform(y, status, order);
  let gsum = 0;
  let nevent = 0;
  for (let i = 0; i < n; i++) {
    if (status[i]) {
      gsum += g[i];
      nevent++;
    }
  }
  const gmean = gsum / nevent;

  // Covariates re-centred (plain mean) for stability, row-major in time order.
  const x = new Float64Array(n * p);
  keep.forEach((k, c) => {
    const col = columns[k];
    let mean = 0;
    for (let i = 0; i < n; i++) mean += col[i];
    mean /= n;
    for (let r = 0; r < n; r++) x[r * p + c] = col[order[r]] - mean;
  });

  // Score for the g(t)·x terms and the 2p×2p information of (beta, g·beta):
  // blocks I, G = Σ g V, H = Σ g² V over event times, V the risk-set covariance.
  const m = 2 * p;
  const u = new Float64Array(m);
  const imat = new Float64Array(m * m);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  const efron = fit.ties === 'efron';
  let denom = 0;
  for (let r = n - 1; r >= 0; ) {
    const dtime = y[order[r]];
    const timewt = g[order[r]] - gmean;
    let ndead = 0;
    let denom2 = 0;
    for (; r >= 0 && y[order[r]] === dtime; r--) {
      const person = order[r];
      const risk = Math.exp(fit.linearPredictor[person]);
      const row = r * p;
      const target = status[person] ? a2 : a;
      const ctarget = status[person] ? cmat2 : cmat;
      if (status[person]) {
        ndead++;
        denom2 += risk;
        for (let i = 0; i < p; i++) {
          u[i] += x[row + i];
          u[i + p] += timewt * x[row + i];
        }
      } else {
        denom += risk;
      }
      for (let i = 0; i < p; i++) {
        target[i] += risk * x[row + i];
        for (let j = 0; j <= i; j++) ctarget[i * p + j] += risk * x[row + i] * x[row + j];
      }
    }
    if (ndead === 0) continue;
    // Breslow adds the tied deaths at once; Efron in ndead equal fractions.
    const steps = efron ? ndead : 1;
    const wtave = ndead / steps;
    for (let k = 0; k < steps; k++) {
      denom += denom2 / steps;
      for (let i = 0; i < p; i++) {
        a[i] += a2[i] / steps;
        const mean = a[i] / denom;
        u[i] -= wtave * mean;
        u[i + p] -= timewt * wtave * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] += cmat2[i * p + j] / steps;
          const v = (wtave * (cmat[i * p + j] - mean * a[j])) / denom;
          imat[j * m + i] += v;
          imat[j * m + i + p] += timewt * v;
          imat[(j + p) * m + i + p] += timewt * timewt * v;
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  // Fill in the symmetric remainder (the cross block G is itself symmetric).
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      imat[i * m + j] = imat[j * m + i];
      imat[(i + p) * m + j + p] = imat[(j + p) * m + i + p];
      imat[i * m + j + p] = imat[j * m + i + p];
    }
    for (let j = 0; j < p; j++) imat[(i + p) * m + j] = imat[j * m + i + p];
  }

  const rows: ZphRow[] = [];
  for (let t = 0; t < p; t++) {
    // Sub-matrix on (all beta, the t-th g·beta); score (0, ..., 0, u_t).
    const idx = [...Array(p).keys(), p + t];
    const sub = new Float64Array((p + 1) * (p + 1));
    idx.forEach((ri, i) => idx.forEach((ci, j) => (sub[i * (p + 1) + j] = imat[ri * m + ci])));
    const score = new Float64Array(p + 1);
    score[p] = u[p + t];
    const chisq = scoreStatistic(sub, score);
    rows.push({ term: names[t], chisq, df: 1, p: chiSquareUpperTail(chisq, 1) });
  }
  const score = new Float64Array(m);
  for (let i = 0; i < p; i++) score[p + i] = u[p + i];
  const chisq = scoreStatistic(imat, score);
  rows.push({ term: 'GLOBAL', chisq, df: p, p: chiSquareUpperTail(chisq, p) });
  return rows;
}
