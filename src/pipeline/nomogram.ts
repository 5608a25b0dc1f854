// `migrascore model nomogram`: a score table (risk.tsv of `model fit`, scores.tsv of
// `score`) and clinical covariates joined as `survival --scores` joins them, one cph
// model of them all (rms 6.5), its nomogram and a calibration at one time.
import { MigrascoreError, UsageError } from '../errors.js';
import { calibrate, type Calibration } from '../model/calibration.js';
import { fitCph, survivalAt, type CphFit } from '../model/cph.js';
import { buildNomogram, lpToPoints, type Nomogram } from '../model/nomogram.js';
import type { TimeUnit } from '../plots/timeUnits.js';
import { formatDuration } from '../plots/timeUnits.js';
import type { CoxTies } from '../survival/cox.js';
import type { DesignTerm } from '../survival/design.js';
import { assembleCohort, loadClinicalData, loadSurvivalInput, type LoadedCohort } from './survivalInput.js';
import { timeUnitWarnings } from './timeUnitCheck.js';
import { textColumn } from '../io/clinical.js';

export interface NomogramRunOptions {
  clinical: string;
  id?: string;
  time: string;
  event: string;
  /** A score table (sample + score columns) and the column used (default: its first score). */
  scores?: string;
  score?: string;
  covariates: string[];
  sampleTypes?: string[];
  cancer?: { column: string; value?: string };
  /** Survival axes of the nomogram, in the --time-in unit. */
  times: number[];
  /** Calibration time (default: the first of `times`) and number of risk groups. */
  calibrateTime?: number;
  groups: number;
  /** Probabilities marked on the survival axes (rms fun.at); default pretty(). */
  survAt?: number[];
  ties: CoxTies;
  confLevel: number;
  timeIn: TimeUnit;
  timeUnit: TimeUnit;
}

export interface PatientPrediction {
  sample: string;
  linearPredictor: number;
  totalPoints: number;
  /** Predicted S(t) per nomogram time. */
  survival: number[];
}

export interface NomogramRun {
  cohort: LoadedCohort;
  predictors: string[];
  fit: CphFit;
  nomogram: Nomogram;
  calibration: Calibration;
  patients: PatientPrediction[];
  /** Patients of the cohort left out of the model for a missing predictor (na.delete). */
  incomplete: number;
  warnings: string[];
}

export async function runNomogram(opts: NomogramRunOptions): Promise<NomogramRun> {
  if (!opts.scores && opts.covariates.length === 0) {
    throw new UsageError('The model needs predictors: give a score table with --scores FILE (e.g. risk.tsv of `model fit`), clinical columns with --covariates A,B,..., or both.');
  }
  if (opts.times.length === 0) throw new UsageError('Say at which times the nomogram predicts survival: --times T1,T2 (in the --time-in unit).');
  if (!(Number.isInteger(opts.groups) && opts.groups >= 1)) throw new UsageError(`--groups must be a whole number of at least 1 (got ${opts.groups}).`);
  const cohort = opts.scores
    ? await loadSurvivalInput({ ...opts, grouping: { kind: 'scores', file: opts.scores, column: opts.score } })
    : clinicalCohort(opts);
  const terms: DesignTerm[] = [];
  if (opts.scores) {
    const name = cohort.valueName!;
    if (opts.covariates.includes(name)) {
      throw new UsageError(`--covariates names "${name}", which is already the score column of ${opts.scores}; list each predictor once.`);
    }
    terms.push({ name, kind: 'numeric', values: cohort.values! });
  }
  terms.push(...cohort.covariates);
  if (cohort.ids.length === 0) throw new MigrascoreError(`No patient has a survival time and event${opts.scores ? ' and a score' : ''}: nothing to model. Check --time/--event (or --endpoint) and --id.`);

  const fit = fitCph(cohort.time, cohort.event, terms, opts.ties);
  const incomplete = cohort.ids.length - fit.design.rows.length;
  checkFit(fit, terms, incomplete);
  const lastTime = fit.baseline.time[fit.baseline.time.length - 1];
  const show = (t: number) => formatDuration(t, opts.timeIn, opts.timeUnit);
  for (const t of opts.times) {
    if (t > lastTime + 1e-6) {
      throw new MigrascoreError(`--times ${t}: survival at ${show(t)} is beyond the longest follow-up of the modelled patients (${show(lastTime)}); rms's Survival() gives NA there. Choose times up to ${lastTime} (in the --time-in unit, ${opts.timeIn}).`);
    }
  }
  const u = opts.calibrateTime ?? opts.times[0];
  if (u > lastTime + 1e-6) {
    throw new MigrascoreError(`--calibrate-time ${u}: ${show(u)} is beyond the longest follow-up of the modelled patients (${show(lastTime)}). Choose a time up to ${lastTime} (in the --time-in unit, ${opts.timeIn}).`);
  }
  const nomogram = buildNomogram(fit, { times: opts.times, survAt: opts.survAt });
  const predicted = Array.from(fit.linearPredictor, (lp) => survivalAt(fit.baseline, u, lp));
  const calibration = calibrate(predicted, fit.time, fit.event, u, opts.groups, opts.confLevel);
  const patients = Array.from(fit.design.rows, (r, i) => {
    const lp = fit.linearPredictor[i];
    return { sample: cohort.ids[r], linearPredictor: lp, totalPoints: lpToPoints(nomogram, lp), survival: opts.times.map((t) => survivalAt(fit.baseline, t, lp)) };
  });

  const warnings = [...(cohort.warnings ?? []), ...fit.cox.warnings];
  warnings.push(...timeUnitWarnings({ column: opts.time, times: fit.time, events: fit.event, unit: opts.timeIn }));
  if (incomplete > 0) warnings.push(`${incomplete} of ${cohort.ids.length} patients have a missing predictor and are left out of the model (as cph's na.delete).`);
  const small = calibration.groups.filter((g) => g.n < 2);
  if (small.length) warnings.push(`Calibration: ${small.length} of ${calibration.groups.length} groups have fewer than 2 patients (no Kaplan–Meier estimate); use fewer --groups.`);
  const beyond = calibration.groups.filter((g) => g.n >= 2 && Number.isNaN(g.observed));
  if (beyond.length) warnings.push(`Calibration: in ${beyond.length} group(s) every patient's follow-up ends before ${show(u)} with survivors, so the observed survival there is NA (groupkm); choose an earlier --calibrate-time.`);
  return { cohort, predictors: terms.map((t) => t.name), fit, nomogram, calibration, patients, incomplete, warnings };
}

/** Without a score table: every clinical row with time and event (of --cancer, if given). */
function clinicalCohort(opts: NomogramRunOptions): LoadedCohort {
  const clinical = loadClinicalData(opts);
  const chosen = opts.cancer?.value;
  const cancerOf = chosen === undefined ? null : textColumn(clinical.table, opts.cancer!.column, 'the cancer type (--cancer-col)');
  if (cancerOf && !cancerOf.includes(chosen!)) {
    throw new UsageError(`--cancer ${chosen}: no row of ${opts.clinical} has "${chosen}" in column "${opts.cancer!.column}" (names are case-sensitive).`);
  }
  // assembleCohort keys the cohort on a grouping value: here every row has one.
  return assembleCohort(clinical, { values: new Float64Array(clinical.table.rows.length), inputPaths: [], excluded: (r) => cancerOf !== null && cancerOf[r] !== chosen });
}

/** cph refuses what it cannot fit; say so as it does, in a sentence a user can act on. */
function checkFit(fit: CphFit, terms: DesignTerm[], incomplete: number): void {
  const n = fit.design.rows.length;
  if (n === 0) throw new MigrascoreError(`No patient has every predictor (${terms.map((t) => t.name).join(', ')}): ${incomplete} patients miss at least one. Drop the sparsest covariate.`);
  if (fit.cox.events === 0) throw new MigrascoreError(`The ${n} modelled patients have no event: a Cox model cannot be fitted. Check --event (or --endpoint).`);
  for (const t of terms) {
    const v = Array.from(fit.design.rows, (r) => t.values[r]);
    if (v.every((x) => x === v[0])) throw new MigrascoreError(`Predictor "${t.name}" has the same value (${v[0]}) for every modelled patient; it cannot enter the model. Drop it.`);
  }
  const aliased = fit.cox.terms.filter((t) => t.aliased).map((t) => t.term);
  if (aliased.length) {
    throw new MigrascoreError(`The predictors are collinear: ${aliased.join(', ')} ${aliased.length === 1 ? 'is' : 'are'} a linear combination of the others (rms cph: "X matrix deemed to be singular"). Drop ${aliased.length === 1 ? 'it' : 'them'} from --covariates, or merge levels.`);
  }
}
