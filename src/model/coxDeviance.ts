// glmnet's coxnet.deviance(x, y, beta) for right-censored data with unit weights:
// 2 (ℓ_sat − ℓ(β)), the Breslow log partial likelihood ℓ on centred x·β over the rows
// given, ℓ_sat = −Σ d_k log d_k over the distinct event times (its loglike routine).
import type { DesignMatrix } from './design.js';
import { workspace } from './kernels.js';
import { breslowLogLik, coxRiskSets } from './riskSets.js';

const FMAX = Math.log(Number.MAX_VALUE * Math.fround(0.1));

/**
 * Deviance of each coefficient vector (original scale, p each) on the rows `rows` of x
 * (all rows when omitted), `ty` the glmnet-shifted times (glmnetTimes).
 */
export function coxnetDeviance(x: DesignMatrix, ty: Float64Array, status: ArrayLike<number>, betas: Float64Array[], rows?: Int32Array): Float64Array {
  const idx = rows ?? Int32Array.from({ length: x.nrow }, (_, i) => i);
  const n = idx.length;
  const t = new Float64Array(n);
  const d = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    t[k] = ty[idx[k]];
    d[k] = status[idx[k]] > 0 ? 1 : 0;
  }
  const sets = coxRiskSets(t, d);
  const dk = sets.events;
  const lsat = saturatedLogLik(t, d);
  const p = x.ncol;
  const mean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const o = j * x.nrow;
    let s = 0;
    for (let k = 0; k < n; k++) s += x.values[o + idx[k]];
    mean[j] = s / n;
  }
  const f = new Float64Array(n);
  const e = new Float64Array(n);
  const u = new Float64Array(dk.length);
  const out = new Float64Array(betas.length);
  for (let l = 0; l < betas.length; l++) {
    const b = betas[l];
    f.fill(0);
    for (let j = 0; j < p; j++) {
      const bj = b[j];
      if (bj === 0) continue;
      const o = j * x.nrow;
      const m = mean[j];
      for (let k = 0; k < n; k++) f[k] += bj * (x.values[o + idx[k]] - m);
    }
    for (let k = 0; k < n; k++) {
      const fk = f[k];
      e[k] = Math.exp(fk >= 0 ? Math.min(fk, FMAX) : -Math.min(-fk, FMAX));
    }
    out[l] = 2 * (lsat - breslowLogLik(sets, d, dk, f, e, u));
  }
  return out;
}

/** −Σ d_k log d_k over distinct event times (tied events summed), as coxnet.deviance's lsat. */
function saturatedLogLik(t: Float64Array, d: Float64Array): number {
  const counts = new Map<number, number>();
  for (let k = 0; k < t.length; k++) if (d[k] > 0) counts.set(t[k], (counts.get(t[k]) ?? 0) + 1);
  const times = [...counts.keys()].sort((a, b) => a - b);
  let s = 0;
  for (const time of times) {
    const c = counts.get(time)!;
    s += c * Math.log(c);
  }
  return -s;
}

/**
 * For cross-validation: D_all(β) − D_train(β) per coefficient vector, as cv.glmnet's
 * grouped deviance (coxnet.deviance on all rows minus on the training rows). Risk sets,
 * means and ℓ_sat of all rows are prepared once; one centred x·β serves both deviances
 * (the partial likelihood ignores a constant shift of the predictor, so centring on the
 * training rows' means, as R does, changes only rounding).
 */
export function cvDevianceScorer(x: DesignMatrix, ty: Float64Array, status: ArrayLike<number>): (betas: Float64Array[], trainRows: Int32Array) => Float64Array {
  const n = x.nrow;
  const p = x.ncol;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = status[i] > 0 ? 1 : 0;
  const setsAll = coxRiskSets(ty, d);
  const lsatAll = saturatedLogLik(ty, d);
  const mean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x.values[j * n + i];
    mean[j] = s / n;
  }
  // x·β by the solver's SIMD kernels, x copied once into their workspace.
  const stride = n + (n & 1);
  const ws = workspace(8 * stride * (p + 1) + 64);
  const xOff = ws.alloc(stride * p);
  const xs = ws.view(xOff, stride * p);
  for (let j = 0; j < p; j++) xs.set(x.values.subarray(j * n, (j + 1) * n), j * stride);
  const fOff = ws.alloc(stride);
  const f = ws.view(fOff, n);
  const K = ws.kernels;
  const e = new Float64Array(n);
  const u = new Float64Array(setsAll.groupEnd.length);
  return (betas, trainRows) => {
    const dTrain = new Float64Array(n);
    const t = new Float64Array(trainRows.length);
    const dt = new Float64Array(trainRows.length);
    for (let k = 0; k < trainRows.length; k++) {
      const i = trainRows[k];
      dTrain[i] = d[i];
      t[k] = ty[i];
      dt[k] = d[i];
    }
    const setsTrain = coxRiskSets(ty, d, trainRows);
    const lsatTrain = saturatedLogLik(t, dt);
    const out = new Float64Array(betas.length);
    for (let l = 0; l < betas.length; l++) {
      const b = betas[l];
      f.fill(0);
      let shift = 0;
      for (let j = 0; j < p; j++) {
        const bj = b[j];
        if (bj === 0) continue;
        shift += bj * mean[j];
        K.axpy(fOff, xOff + 8 * stride * j, bj, n);
      }
      for (let i = 0; i < n; i++) {
        const fi = f[i] - shift;
        f[i] = fi;
        e[i] = Math.exp(fi >= 0 ? Math.min(fi, FMAX) : -Math.min(-fi, FMAX));
      }
      const all = 2 * (lsatAll - breslowLogLik(setsAll, d, setsAll.events, f, e, u));
      const train = 2 * (lsatTrain - breslowLogLik(setsTrain, dTrain, setsTrain.events, f, e, u));
      out[l] = all - train;
    }
    return out;
  };
}
