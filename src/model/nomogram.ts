// The nomogram of a cph fit, as rms 6.5 nomogram(fit, fun = list(function(x) surv(t1, x),
// ...), lp = TRUE) computes it with datadist() of the model data and the defaults
// maxscale = 100, nint = 10: the axis values of each predictor, their points, the
// Total Points and linear-predictor axes, and one survival axis per time.
import { approxLinear, pretty, seqLength } from '../stats/pretty.js';
import { sortLevels, type DesignTerm } from '../survival/design.js';
import { baselineAt, type CphFit } from './cph.js';

/** datadist's n.unique: a numeric predictor with at most this many values gets one tick per value. */
const N_UNIQUE = 10;

export interface NomogramOptions {
  /** Times of the survival axes, in the fit's time unit. */
  times: number[];
  /** Survival probabilities to mark (fun.at); default pretty() of the axis's range, as rms. */
  survAt?: number[];
  maxscale?: number;
  nint?: number;
}

export interface AxisTick {
  /** The predictor value (a level, or a number) or the axis value. */
  value: string | number;
  points: number;
}

export interface PredictorAxis {
  name: string;
  kind: 'numeric' | 'factor';
  /** Values and their points, in axis order (levels in factor order, numbers ascending). */
  ticks: AxisTick[];
  /** The predictor's linear contribution (X·beta) at each tick, before scaling. */
  xbeta: number[];
}

export interface SurvivalAxis {
  time: number;
  /** S0(time) of the fit (at the covariate means). */
  baseline: number;
  /** The marked probabilities and where they fall on the points scale (rms: approx on 1000 lp values). */
  ticks: { value: number; points: number }[];
}

export interface Nomogram {
  predictors: PredictorAxis[];
  /** Points per unit of linear predictor: maxscale / widest predictor range. */
  scale: number;
  /** The linear predictor at 0 total points (rms's Intercept: −center + Σ predictor minima). */
  intercept: number;
  totalPoints: number[];
  linearPredictor: AxisTick[];
  survival: SurvivalAxis[];
}

/** The predictor's axis values: levels, the distinct values when there are ≤ 10, else pretty(range, nint). */
function axisValues(term: DesignTerm, nint: number): (string | number)[] {
  if (term.kind === 'factor') return term.levels ?? sortLevels(term.values);
  const distinct = [...new Set(term.values)].sort((a, b) => a - b);
  return distinct.length <= N_UNIQUE ? distinct : pretty([distinct[0], distinct[distinct.length - 1]], nint);
}

/** Builds the nomogram of `fit` (one axis per model term, in model order). */
export function buildNomogram(fit: CphFit, options: NomogramOptions): Nomogram {
  const maxscale = options.maxscale ?? 100;
  const nint = options.nint ?? 10;
  const coef = fit.cox.coefficients;
  const names = fit.design.termNames;
  const axes = fit.terms.map((term) => {
    const values = axisValues(term, nint);
    const xbeta = values.map((v) => {
      if (term.kind === 'numeric') return (v as number) * coef[names.indexOf(term.name)];
      const k = names.indexOf(`${term.name}=${v}`);
      return k < 0 ? 0 : coef[k];
    });
    return { term, values, xbeta, min: Math.min(...xbeta), max: Math.max(...xbeta) };
  });
  const scale = maxscale / Math.max(...axes.map((a) => a.max - a.min));
  const intercept = -fit.center + axes.reduce((s, a) => s + a.min, 0);
  const toPoints = (lp: number): number => (lp - intercept) * scale;

  const lpAt = pretty(rangeOf(fit.linearPredictor), nint);
  const lpMax = Math.max(...lpAt);
  const lpMin = Math.min(...lpAt);
  const sumMax = axes.length === 1 ? maxscale : Math.max(maxscale, scale * (lpMax - intercept));
  const totalPoints = pretty([0, sumMax], nint);

  // rms inverts each survival function numerically: 1000 lp values over the lp axis, then approx().
  const xseq = seqLength(lpMin, lpMax, 1000);
  const survival = options.times.map((time) => {
    const s0 = baselineAt(fit.baseline, time);
    const fun = (lp: number): number => s0 ** Math.exp(lp);
    const at = options.survAt ?? pretty([fun(lpMin), fun(lpMax)], nint);
    const w = approxLinear(xseq.map(fun), xseq, at);
    const ticks = at.flatMap((value, i) => (Number.isNaN(w[i]) ? [] : [{ value, points: toPoints(w[i]) }]));
    return { time, baseline: s0, ticks };
  });

  return {
    predictors: axes.map((a) => ({
      name: a.term.name,
      kind: a.term.kind,
      ticks: a.values.map((value, i) => ({ value, points: (a.xbeta[i] - a.min) * scale })),
      xbeta: a.xbeta,
    })),
    scale,
    intercept,
    totalPoints,
    linearPredictor: lpAt.map((value) => ({ value, points: toPoints(value) })),
    survival,
  };
}

/** The linear predictor (centred, as fit$linear.predictors) at a number of total points. */
export function pointsToLp(nomogram: Nomogram, points: number): number {
  return nomogram.intercept + points / nomogram.scale;
}

/** Total points of a linear predictor. */
export function lpToPoints(nomogram: Nomogram, lp: number): number {
  return (lp - nomogram.intercept) * nomogram.scale;
}

function rangeOf(x: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  return [lo, hi];
}
