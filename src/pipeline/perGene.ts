// --per-gene: a univariate Cox model of each set gene's expression, per SD, in one
// cancer — coxph(Surv ~ scale(x)) — for the gene × cancer heatmap.
import { coxProportionalHazards } from '../survival/cox.js';
import type { ExpressionMatrix } from '../score/types.js';
import { continuousHrNote } from './estimability.js';

export interface GeneCoxRow {
  gene: string;
  cancer: string;
  n: number;
  events: number;
  hr: number;
  hr_lower: number;
  hr_upper: number;
  p: number;
  fdr?: number;
  /** Why the HR is not estimable (R's values are kept in hr…p); absent when it is. */
  note?: string;
}

/**
 * Cox per gene: expression standardised across the cohort's samples (SD with n − 1), so
 * the HR is per standard deviation. A gene with no variation gets NaN (not estimable).
 */
export function perGeneCox(
  matrix: ExpressionMatrix,
  genes: { gene: string; row: number }[],
  samples: ArrayLike<number>,
  time: Float64Array,
  event: Uint8Array,
  cancer: string,
  options: { ties: 'efron' | 'breslow'; confLevel: number; log2: boolean },
): GeneCoxRow[] {
  const n = samples.length;
  let events = 0;
  for (const e of event) events += e;
  return genes.map(({ gene, row }) => {
    const values = matrix.row(row);
    const x = new Float64Array(n);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const v = values[samples[i]];
      x[i] = options.log2 ? Math.log2(v + 1) : v;
      mean += x[i];
    }
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) return { gene, cancer, n, events, hr: NaN, hr_lower: NaN, hr_upper: NaN, p: NaN, note: 'no variation in expression' };
    for (let i = 0; i < n; i++) x[i] = (x[i] - mean) / sd;
    const fit = coxProportionalHazards(time, event, [x], [gene], { ties: options.ties, confLevel: options.confLevel });
    const t = fit.terms[0];
    const note = continuousHrNote(t, fit.converged);
    return { gene, cancer, n, events, hr: t.hr, hr_lower: t.hr_lower, hr_upper: t.hr_upper, p: t.p, ...(note ? { note } : {}) };
  });
}
