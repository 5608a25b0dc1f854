// A Cox model as rms 6.5 cph(Surv(time, event) ~ terms, surv = TRUE) fits it, and the
// survival function rms::Survival(fit) builds from it. cph differs from coxph in ways
// that change the numbers: it calls coxph.fit with eps = 1e-4, iter.max = 10,
// toler.inf = 1 and no nocenter (every column, 0/1 ones too, is centred), and without
// timefix. Its baseline survival is survfit.cph's (survfitcoxph.fit via agsurv) at the
// covariate means: the Efron cumulative hazard for method "efron" (survtype 3), the
// Breslow one for "breslow", S0(t) = exp(-H0(t)).
import { coxProportionalHazards, type CoxFit, type CoxTies } from '../survival/cox.js';
import { buildDesign, type Design, type DesignTerm } from '../survival/design.js';

export interface CphBaseline {
  /** 0 then every distinct time (events and censorings), as cph's fit$time. */
  time: Float64Array;
  /** 1 then S0 at each time, as cph's fit$surv. */
  surv: Float64Array;
}

export interface CphFit {
  cox: CoxFit;
  design: Design;
  /** The model terms restricted to the complete cases (design.rows). */
  terms: DesignTerm[];
  /** Column means (all columns, as cph's fit$means) and center = Σ means·coef. */
  means: Float64Array;
  center: number;
  /** X·coef − center per complete case (fit$linear.predictors). */
  linearPredictor: Float64Array;
  time: Float64Array;
  event: Uint8Array;
  baseline: CphBaseline;
}

/** cph's coxph.control(eps = 1e-4, toler.chol = 1e-9, toler.inf = 1, iter.max = 10). */
export const CPH_CONTROL = { eps: 1e-4, tolerChol: 1e-9, tolerInf: 1, maxIter: 10 } as const;

/** Fits cph on the complete cases of `terms` (na.delete), with `ties` as cph's method. */
export function fitCph(time: ArrayLike<number>, event: ArrayLike<number>, terms: readonly DesignTerm[], ties: CoxTies = 'efron'): CphFit {
  const design = buildDesign(terms, time.length);
  const t = Float64Array.from(design.rows, (r) => time[r]);
  const e = Uint8Array.from(design.rows, (r) => event[r]);
  const cox = coxProportionalHazards(t, e, design.columns, design.termNames, {
    ties, ...CPH_CONTROL, timefix: false, centreAll: true,
  });
  const means = cox.means;
  let center = 0;
  for (let k = 0; k < means.length; k++) center += means[k] * cox.coefficients[k];
  return {
    cox, design, terms: terms.map((term) => restrictTerm(term, design.rows)),
    means, center, linearPredictor: cox.linearPredictor, time: t, event: e,
    baseline: cphBaseline(t, e, cox.linearPredictor, ties),
  };
}

function restrictTerm(term: DesignTerm, rows: Int32Array): DesignTerm {
  if (term.kind === 'numeric') return { ...term, values: Float64Array.from(rows, (r) => term.values[r]) };
  return { ...term, values: Array.from(rows, (r) => term.values[r]) };
}

/**
 * survfit.cph's baseline at the means (agsurv + agsurv5): at each distinct time, with
 * risk = exp(lp), nrisk = Σ risk over those still at risk and erisk = Σ risk over
 * the d deaths, the hazard is d/nrisk (Breslow) or Σ_{j<d} 1/(nrisk − erisk·j/d)
 * (Efron); S0 = exp(−cumsum(hazard)).
 */
export function cphBaseline(time: ArrayLike<number>, event: ArrayLike<number>, lp: ArrayLike<number>, ties: CoxTies): CphBaseline {
  const n = time.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b] || a - b);
  const times: number[] = [];
  const riskSum: number[] = [];
  const deathRisk: number[] = [];
  const deaths: number[] = [];
  for (const i of order) {
    const r = Math.exp(lp[i]);
    if (times.length === 0 || times[times.length - 1] !== time[i]) {
      times.push(time[i]);
      riskSum.push(0);
      deathRisk.push(0);
      deaths.push(0);
    }
    const k = times.length - 1;
    riskSum[k] += r;
    if (event[i]) {
      deathRisk[k] += r;
      deaths[k]++;
    }
  }
  const m = times.length;
  const nrisk = new Float64Array(m);
  for (let k = m - 1, acc = 0; k >= 0; k--) nrisk[k] = acc += riskSum[k];
  const surv = new Float64Array(m + 1);
  surv[0] = 1;
  let cumhaz = 0;
  for (let k = 0; k < m; k++) {
    const d = deaths[k];
    let haz = 0;
    if (d === 1 || (d > 1 && ties === 'breslow')) haz = d / nrisk[k];
    else if (d > 1) {
      let sum1 = 0;
      for (let j = 0; j < d; j++) sum1 += 1 / (nrisk[k] - (deathRisk[k] * j) / d) / d;
      haz = d * sum1;
    }
    cumhaz += haz;
    surv[k + 1] = Math.exp(-cumhaz);
  }
  return { time: Float64Array.from([0, ...times]), surv };
}

/**
 * rms::Survival(fit)(t, lp) (type "step"): S0 at the last stored time ≤ t + 1e-6,
 * raised to exp(lp); NaN when t lies beyond the last time (+1e-6).
 */
export function survivalAt(baseline: CphBaseline, t: number, lp: number): number {
  return baselineAt(baseline, t) ** Math.exp(lp);
}

/** S0(t) as Survival.cph looks it up (NaN beyond the last time). */
export function baselineAt(baseline: CphBaseline, t: number): number {
  const { time, surv } = baseline;
  if (t > time[time.length - 1] + 1e-6) return NaN;
  let tm = 0;
  for (let i = 0; i < time.length; i++) if (time[i] <= t + 1e-6) tm = i;
  return surv[tm];
}
