// Turns a numeric value (a score or a clinical column) into patient groups, as users
// do in R with median(), quantile(type = 7), cut points or maxstat. A sample is in
// the higher group when its value is strictly greater than the cutpoint.
import { MigrascoreError } from '../errors.js';
import { quantileOfSorted } from '../stats/quantile.js';

export type SplitRule =
  | { kind: 'median' }
  | { kind: 'quantiles'; probs: number[] }
  | { kind: 'extremes'; q: number }
  | { kind: 'cutoff'; value: number }
  | { kind: 'optimal' };

export function parseSplitRule(text: string): SplitRule {
  const [kind, arg] = text.split(':', 2);
  const numbers = (s: string | undefined) => (s ?? '').split(',').filter((x) => x.trim() !== '').map(Number);
  switch (kind) {
    case 'median':
      if (arg === undefined) return { kind: 'median' };
      break;
    case 'optimal':
      if (arg === undefined) return { kind: 'optimal' };
      break;
    case 'quantiles': {
      const probs = numbers(arg);
      const ok = probs.length > 0 && probs.every((p) => p > 0 && p < 1) && probs.every((p, i) => i === 0 || p > probs[i - 1]);
      if (ok) return { kind: 'quantiles', probs };
      break;
    }
    case 'extremes': {
      const [q] = numbers(arg);
      if (q > 0 && q <= 0.5) return { kind: 'extremes', q };
      break;
    }
    case 'cutoff': {
      const [v] = numbers(arg);
      if (arg !== undefined && Number.isFinite(v)) return { kind: 'cutoff', value: v };
      break;
    }
  }
  throw new MigrascoreError(
    `--split "${text}" is not understood. Use median, quantiles:0.25,0.5,0.75 (increasing, between 0 and 1), ` +
      'extremes:0.25 (bottom versus top quarter, q ≤ 0.5), cutoff:1.5 or optimal.', 2);
}

/** Group labels for k ordered groups: low/high, low/mid/high, else Q1…Qk. */
export function orderedGroupLabels(k: number): string[] {
  if (k === 2) return ['low', 'high'];
  if (k === 3) return ['low', 'mid', 'high'];
  return Array.from({ length: k }, (_, i) => `Q${i + 1}`);
}

export interface ValueSplit {
  /** Group index per sample, -1 when the sample is left out (missing value, middle of extremes). */
  group: Int32Array;
  levels: string[];
  /** Cutpoints in increasing order; a value > cutpoints[j] is above cut j. */
  cutpoints: number[];
}

/** Splits at fixed cutpoints: group = number of cutpoints strictly below the value. */
export function splitAtCutpoints(values: ArrayLike<number>, cutpoints: number[]): ValueSplit {
  const group = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) { group[i] = -1; continue; }
    let g = 0;
    while (g < cutpoints.length && v > cutpoints[g]) g++;
    group[i] = g;
  }
  return { group, levels: orderedGroupLabels(cutpoints.length + 1), cutpoints };
}

/** Cutpoints of a median, quantile or extremes rule (R quantile type 7 on the non-missing values). */
export function ruleCutpoints(values: ArrayLike<number>, rule: SplitRule): number[] {
  const sorted = Float64Array.from(Array.prototype.filter.call(values, (v: number) => !Number.isNaN(v)) as number[]).sort();
  switch (rule.kind) {
    case 'median': return [quantileOfSorted(sorted, 0.5)];
    case 'quantiles': return rule.probs.map((p) => quantileOfSorted(sorted, p));
    case 'extremes': return [quantileOfSorted(sorted, rule.q), quantileOfSorted(sorted, 1 - rule.q)];
    case 'cutoff': return [rule.value];
    case 'optimal': throw new Error('optimal cutpoints come from maximallySelectedLogRank');
  }
}

/** Bottom q (value ≤ lower cut) versus top q (value > upper cut); the middle is left out. */
export function splitExtremes(values: ArrayLike<number>, lowerCut: number, upperCut: number): ValueSplit {
  const group = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    group[i] = Number.isNaN(v) ? -1 : v <= lowerCut ? 0 : v > upperCut ? 1 : -1;
  }
  return { group, levels: ['low', 'high'], cutpoints: [lowerCut, upperCut] };
}
