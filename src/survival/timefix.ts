// Near-identical survival times treated as ties, as survival's aeqSurv: the
// `timefix = TRUE` step that survfit, survdiff, coxph, concordance and cox.zph
// all take before they look at the times.

/** R's sqrt(.Machine$double.eps), the tolerance survival uses for times and quantiles. */
export const SURVIVAL_TOLERANCE = 1.4901161193847656e-8;

/**
 * Merge near-identical times, as survival's aeqSurv (called with timefix =
 * TRUE by survfit, survdiff, coxph, concordance and cox.zph): sorted distinct
 * times whose gap is <= tol, or <= tol relative to the mean absolute time, are
 * mapped onto the first time of their run. Guards against floating-point
 * "ties" such as days/30.44 that print equal but are not.
 */
export function fixTiedTimes(time: ArrayLike<number>, tolerance = SURVIVAL_TOLERANCE): Float64Array {
  const out = Float64Array.from(time);
  const unique = Array.from(new Set(Array.from(out).filter(Number.isFinite))).sort((a, b) => a - b);
  if (unique.length < 2) return out;
  let meanAbs = 0;
  for (const y of unique) meanAbs += Math.abs(y);
  meanAbs /= unique.length;
  const cutOf = new Map<number, number>();
  let cut = unique[0];
  let tied = false;
  cutOf.set(cut, cut);
  for (let i = 1; i < unique.length; i++) {
    const dy = unique[i] - unique[i - 1];
    if (dy <= tolerance || dy / meanAbs <= tolerance) tied = true;
    else cut = unique[i];
    cutOf.set(unique[i], cut);
  }
  if (!tied) return out;
  for (let i = 0; i < out.length; i++) {
    const c = cutOf.get(out[i]);
    if (c !== undefined) out[i] = c;
  }
  return out;
}
