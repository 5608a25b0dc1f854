// The survival analysis of one cohort split into groups: Kaplan–Meier per group,
// log-rank, and the Cox models of the contract (group, continuous value, adjusted).
// Pure: plain data in, plain results out; `survival` and `pancan` both call it.
import { MigrascoreError } from '../errors.js';
import { kaplanMeier, type ConfType, type SurvivalCurve } from '../survival/kaplanMeier.js';
import { restrictedMean, survivalAt, survivalQuantile } from '../survival/survfitSummary.js';
import { fixTiedTimes } from '../survival/timefix.js';
import { logRankTest, pairwiseLogRank } from '../survival/logRank.js';
import { coxProportionalHazards, type CoxTies } from '../survival/cox.js';
import { concordance } from '../survival/concordance.js';
import { coxZph } from '../survival/coxZph.js';
import { buildDesign, type DesignTerm } from '../survival/design.js';
import { pickNumbers, rowsWhere } from './rows.js';

export interface AnalysisOptions {
  confType: ConfType;
  confLevel: number;
  ties: CoxTies;
  times?: number[];
  rmstTau?: number;
  /** survdiff rho: 0 log-rank, 1 Peto–Peto. */
  rho: number;
}

export interface CohortForAnalysis {
  time: Float64Array;
  event: Uint8Array;
  /** Group index per row into `levels` (every row has a group). */
  group: Int32Array;
  levels: string[];
  /** The numeric value that was split, for the continuous Cox model. */
  value?: { name: string; values: Float64Array };
  /** What the groups come from, for messages (./groupingText.ts). */
  grouping?: string;
  covariates: DesignTerm[];
}

export interface GroupResult {
  group: string;
  n: number;
  events: number;
  median: number | null;
  median_lower: number | null;
  median_upper: number | null;
  rmst?: number;
  rmst_se?: number;
  rmst_tau?: number;
}

export interface CoxSummary {
  formula: string;
  ties: CoxTies;
  n: number;
  events: number;
  terms: { term: string; coef: number; se: number; hr: number; hr_lower: number; hr_upper: number; z: number; p: number; aliased?: boolean; infinite?: boolean }[];
  loglik: [number, number];
  lrt: { chisq: number; df: number; p: number };
  wald: { chisq: number; df: number; p: number };
  score: { chisq: number; df: number; p: number };
  concordance: { c: number; se: number };
  /** Uno's C of the linear predictor: concordance(fit, timewt = "n/G2"). */
  concordance_uno: { c: number; se: number };
  ph_test: { term: string; chisq: number; df: number; p: number }[];
  converged: boolean;
  iterations: number;
  warnings: string[];
}

export interface CohortAnalysis {
  n: number;
  events: number;
  curves: { group: string; curve: SurvivalCurve }[];
  groups: GroupResult[];
  logrank: { chisq: number; df: number; p: number; rho: number };
  pairwise?: ReturnType<typeof pairwiseLogRank>;
  cox: CoxSummary;
  cox_continuous?: CoxSummary;
  cox_adjusted?: CoxSummary;
  at_times?: { group: string; time: number; n_risk: number | null; surv: number | null; std_err: number | null; lower: number | null; upper: number | null }[];
  warnings: string[];
}

/** Drops levels nobody is in and renumbers the groups; errors when fewer than two remain. */
export function compactLevels(group: Int32Array, levels: string[], context: string, grouping?: string): { group: Int32Array; levels: string[] } {
  const counts = new Int32Array(levels.length);
  for (const g of group) counts[g]++;
  const remap = new Int32Array(levels.length).fill(-1);
  const kept: string[] = [];
  levels.forEach((l, i) => { if (counts[i] > 0) { remap[i] = kept.length; kept.push(l); } });
  if (kept.length < 2) {
    throw new MigrascoreError(
      `${context}: only ${kept.length === 1 ? `one group ("${kept[0]}", ${group.length} rows)` : 'no group'} remains ${grouping ? `of ${grouping} ` : ''}after removing rows with missing time, event or grouping value ` +
        `(${group.length} rows left). A comparison needs at least two groups: ${grouping?.startsWith('--group') ? 'choose a column with at least two values among these rows' : 'check the grouping column or the split (a value with a single level, or a cut outside its range?)'}.`,
    );
  }
  return { group: group.map((g) => remap[g]), levels: kept };
}

export function analyseCohort(cohort: CohortForAnalysis, opts: AnalysisOptions, context: string): CohortAnalysis {
  // R's survfit/survdiff merge near-identical times (aeqSurv) on the pooled data, before
  // splitting into groups; do the same once here, then never again per group.
  const time = fixTiedTimes(cohort.time);
  const { event } = cohort;
  const { group, levels } = compactLevels(cohort.group, cohort.levels, context, cohort.grouping);
  const n = time.length;
  let events = 0;
  for (const e of event) events += e;
  if (events === 0) {
    throw new MigrascoreError(`${context}: none of the ${n} patients has an event, so survival cannot be compared. Check the event column and its coding (1 = event).`);
  }
  const warnings: string[] = [];

  const curves = levels.map((level, g) => {
    const rows = rowsWhere(group.length, (i) => group[i] === g);
    const curve = kaplanMeier(pickNumbers(time, rows), pickNumbers(event, rows), { confType: opts.confType, confLevel: opts.confLevel, timefix: false });
    return { group: level, curve };
  });
  const groups: GroupResult[] = curves.map(({ group: level, curve }) => {
    // The median column R prints (print.survfit, summary(fit)$table); it differs from
    // quantile.survfit only when a curve ends exactly at 0.5.
    const q = survivalQuantile(curve, 0.5, { method: 'survfit.table' });
    const row: GroupResult = { group: level, n: curve.n, events: curve.events, median: q.median, median_lower: q.lower, median_upper: q.upper };
    if (opts.rmstTau !== undefined) {
      const r = restrictedMean(curve, opts.rmstTau);
      Object.assign(row, { rmst: r.rmst, rmst_se: r.se, rmst_tau: opts.rmstTau });
    }
    return row;
  });

  const lr = logRankTest(time, event, group, levels.length, opts.rho, { timefix: false });
  const logrank = { chisq: lr.chisq, df: lr.df, p: lr.p, rho: opts.rho };
  const pairwise = levels.length > 2 ? pairwiseLogRank(time, event, group, levels.length, levels, opts.rho, { timefix: false }) : undefined;

  const groupTerm: DesignTerm = { name: 'group', kind: 'factor', values: Array.from(group, (g) => levels[g]), levels };
  const cox = fitCox([groupTerm], 'Surv ~ group', cohort, opts, warnings);
  const cox_continuous = cohort.value
    ? fitCox([{ name: cohort.value.name, kind: 'numeric', values: cohort.value.values }], `Surv ~ ${cohort.value.name}`, cohort, opts, warnings)
    : undefined;
  const cox_adjusted = cohort.covariates.length > 0
    ? fitCox([groupTerm, ...cohort.covariates], `Surv ~ group + ${cohort.covariates.map((c) => c.name).join(' + ')}`, cohort, opts, warnings)
    : undefined;

  const at_times = opts.times?.length
    ? curves.flatMap(({ group: level, curve }) =>
        // summary(fit, times=) drops times past the last observation; so do we.
        survivalAt(curve, opts.times!).filter((s) => s.surv !== null).map((s) => ({ group: level, time: s.time, n_risk: s.nRisk, surv: s.surv, std_err: s.stdErr, lower: s.lower, upper: s.upper })))
    : undefined;

  return { n, events, curves, groups, logrank, pairwise, cox, cox_continuous, cox_adjusted, at_times, warnings };
}

function fitCox(terms: DesignTerm[], formula: string, cohort: CohortForAnalysis, opts: AnalysisOptions, warnings: string[]): CoxSummary {
  const design = buildDesign(terms, cohort.time.length);
  const time = pickNumbers(cohort.time, design.rows);
  const event = pickNumbers(cohort.event, design.rows);
  const fit = coxProportionalHazards(time, event, design.columns, design.termNames, { ties: opts.ties, confLevel: opts.confLevel });
  for (const w of fit.warnings) warnings.push(`coxph(${formula}): ${w}`);
  const c = concordance(time, event, fit.linearPredictor);
  const uno = concordance(time, event, fit.linearPredictor, { timewt: 'n/G2' });
  const ph_test = coxZph(fit, time, event, design.columns);
  return {
    formula,
    ties: fit.ties,
    n: fit.n,
    events: fit.events,
    // R flags: an aliased column (NA coefficient) or a coefficient that may be infinite (separation).
    terms: fit.terms.map(({ term, coef, se, hr, hr_lower, hr_upper, z, p, aliased, infinite }) => ({
      term, coef, se, hr, hr_lower, hr_upper, z, p, ...(aliased ? { aliased } : {}), ...(infinite ? { infinite } : {}),
    })),
    loglik: fit.loglik,
    lrt: fit.lrt,
    wald: fit.wald,
    score: fit.score,
    concordance: { c: c.c, se: c.se },
    concordance_uno: { c: uno.c, se: uno.se },
    ph_test,
    converged: fit.converged,
    iterations: fit.iterations,
    warnings: fit.warnings,
  };
}
