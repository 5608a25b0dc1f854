// Report-model pieces that `survival` and `pancan` fill the same way: input files with
// their SHA-256, citations, one cohort's results in full, a cohort's figures with links
// to their files, and the run's shared parameters.
import { fileChecksum } from '../io/checksum.js';
import { formatTime } from '../format/numbers.js';
import { convertTime, describeTimeUnits, type TimeUnit } from '../plots/timeUnits.js';
import type { CohortModel, CohortResults, ReportCitation, ReportFigure, ReportInput, ReportParameter } from '../report/model.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import type { CoxSummary } from './analyseCohort.js';
import { continuousHrNote, groupTermNote } from './estimability.js';
import type { RenderedFigure } from './figureFiles.js';
import type { ScoreRequest } from './scoreMatrix.js';
import type { SurvivalRun } from './survival.js';
import type { SurvivalOptions } from './survivalTypes.js';
import { reportTimeRoc } from './rocReport.js';

/** What a report needs besides the run: the command line and the output files' formats. */
export interface ReportContext {
  command: string;
}

export const ENDPOINT_LABELS: Record<string, string> = { OS: 'Overall survival', DSS: 'Disease-specific survival', DFI: 'Disease-free interval', PFI: 'Progression-free interval' };

/** Each input file with its size and SHA-256 (streamed: matrices can be GBs). */
export async function reportInputs(inputs: { role: string; path: string }[]): Promise<ReportInput[]> {
  const out: ReportInput[] = [];
  for (const { role, path } of inputs) out.push({ role, path, ...(await fileChecksum(path)) });
  return out;
}

/** The role of each of a run's input paths: the clinical table first, then the grouping source's files. */
export function inputRoles(paths: string[], clinical: string, source: 'expr' | 'scores' | 'clinical'): { role: string; path: string }[] {
  return paths.map((path, i) => ({
    path,
    role: i === 0 ? (clinical === TCGA_CDR.path ? 'clinical table (built-in TCGA-CDR)' : 'clinical table')
      : source === 'scores' ? 'score table'
        : i === 1 ? 'expression matrix' : 'gene set file',
  }));
}

export function citations(opts: { clinical: string; optimal: boolean; scored: boolean; roc?: boolean }): ReportCitation[] {
  const list: ReportCitation[] = [];
  if (opts.clinical === TCGA_CDR.path) list.push({ text: TCGA_CDR.citation, doi: TCGA_CDR.doi });
  if (opts.scored) {
    list.push({ text: 'Hänzelmann S, Castelo R, Guinney J. GSVA: gene set variation analysis for microarray and RNA-seq data. BMC Bioinformatics. 2013;14:7.', doi: '10.1186/1471-2105-14-7' });
  }
  list.push({ text: 'Therneau TM. A Package for Survival Analysis in R (survival 3.5). Cox model, Kaplan–Meier and log-rank as in R.' });
  if (opts.scored) list.push({ text: 'Qin Y, et al. Pan-cancer analysis of migrasome genes. Front Immunol. 2022;13:994828.', doi: '10.3389/fimmu.2022.994828' });
  if (opts.optimal) list.push({ text: 'Lausen B, Schumacher M. Maximally selected rank statistics. Biometrics. 1992;48:73–85 (maxstat, Lau92 p-value).', doi: '10.2307/2532740' });
  // Uno's C is shown beside Harrell's in every report of Cox models
  list.push({ text: 'Uno H, Cai T, Pencina MJ, D\'Agostino RB, Wei LJ. On the C-statistics for evaluating overall adequacy of risk prediction procedures with censored survival data. Stat Med. 2011;30:1105–1117 (Uno\'s C, survival::concordance timewt = "n/G2").', doi: '10.1002/sim.4154' });
  if (opts.roc) {
    list.push({ text: 'Blanche P, Dartigues JF, Jacqmin-Gadda H. Estimating and comparing time-dependent areas under receiver operating characteristic curves for censored event times with competing risks. Stat Med. 2013;32:5381–5397 (timeROC; cumulative/dynamic AUC with IPCW and its iid standard error).', doi: '10.1002/sim.5958' });
    list.push({ text: 'Gerds TA, Kattan MW. Medical Risk Prediction Models: With Ties to Machine Learning. Chapman and Hall/CRC; 2021 (riskRegression::Score).' });
  }
  return list;
}

/** Parameters of the scoring step, when scores were computed in the run. */
export function scoringParameters(req: ScoreRequest, setNames: string[], analysed: string, log2: { applied: boolean; reason: string }): ReportParameter[] {
  return [
    { name: 'Gene set', value: setNames.join(', ') + (setNames.length > 1 ? ` (analysed: ${analysed})` : '') },
    { name: 'Score method', value: req.method + (req.method === 'gsva' ? ` (kcdf ${req.kcdf})` : '') },
    { name: 'Log scale', value: `--log2 ${req.log2}: ${log2.applied ? 'log2(x+1) applied' : 'as given'} (${log2.reason})` },
  ];
}

/** Parameters of the split and the models, shared by both commands (defaults left unsaid after Covariates). */
export function modelParameters(opts: Omit<SurvivalOptions, 'grouping' | 'time' | 'event'>, grouped: boolean): ReportParameter[] {
  const list: ReportParameter[] = [];
  if (!grouped) list.push({ name: 'Split', value: opts.splitText + (opts.split.kind === 'optimal' ? ` (minprop ${opts.minprop})` : '') });
  list.push({ name: 'Cox ties', value: opts.ties });
  list.push({ name: 'Covariates', value: opts.covariates.length ? opts.covariates.join(', ') : 'none' });
  if (opts.confType !== 'log' || opts.confLevel !== 0.95) list.push({ name: 'Confidence intervals', value: `conf-type ${opts.confType}, conf-level ${opts.confLevel}` });
  if (opts.rho !== 0) list.push({ name: 'Group test', value: `survdiff rho = ${opts.rho} (Peto–Peto)` });
  const timeIn = opts.timeIn ?? 'days';
  if (opts.times?.length) list.push({ name: 'Survival at', value: `${opts.times.join(', ')} ${timeIn}` });
  if (opts.rmstTau !== undefined) list.push({ name: 'RMST up to', value: `${opts.rmstTau} ${timeIn}` });
  if (opts.rocTimes?.length) list.push({ name: 'Time-dependent ROC at', value: `${(opts.rocTimeLabels ?? opts.rocTimes).join(', ')} ${timeIn} (IPCW, riskRegression::Score)` });
  if (opts.timeUnit !== 'days' || timeIn !== 'days') list.push({ name: 'Time unit', value: describeTimeUnits(timeIn, opts.timeUnit) });
  return list;
}

function model(label: string, cox: CoxSummary, noteOf: (t: CoxSummary['terms'][number]) => string | null = (t) => continuousHrNote(t, cox.converged)): CohortModel {
  const global = cox.ph_test.find((t) => t.term === 'GLOBAL');
  return {
    label,
    formula: cox.formula,
    n: cox.n,
    events: cox.events,
    terms: cox.terms.map((t) => ({
      term: t.term, hr: t.hr, lower: t.hr_lower, upper: t.hr_upper, p: t.p,
      ...(t.infinite ? { infinite: true } : {}), ...(t.aliased ? { aliased: true } : {}),
      ...(!t.aliased && noteOf(t) ? { note: noteOf(t)! } : {}),
    })),
    concordance: cox.concordance.c,
    ...(cox.concordance_uno ? { concordanceUno: cox.concordance_uno.c } : {}),
    phGlobalP: global ? global.p : null,
  };
}

/**
 * A time of the analysis (the clinical table's unit) in the display unit of figures and
 * text. The one place the report converts times: a declared input unit goes here.
 */
export function displayTime(t: number, opts: { timeUnit: string; timeIn?: TimeUnit }): number {
  return convertTime(t, opts.timeIn ?? 'days', opts.timeUnit as TimeUnit);
}

/** One cohort's results for the report, times in the display unit. */
export function cohortResults(run: SurvivalRun, opts: Pick<SurvivalOptions, 'timeUnit' | 'timeIn' | 'rho'>, grouping: string, grouped: boolean): CohortResults {
  const a = run.analysis;
  const unit = opts.timeUnit;
  const t = (x: number | null | undefined) => (x == null ? null : displayTime(x, opts));
  const searched = !grouped && run.cutpoint?.method === 'optimal';
  const groupsLabel = grouped ? 'Groups' : searched ? 'Groups of the optimal (data-driven) cut; Wald p not adjusted for the cutpoint search' : 'Groups of the split';
  const models = [model(groupsLabel, a.cox, (term) => groupTermNote(a, term))];
  if (a.cox_continuous) models.push(model('Continuous value', a.cox_continuous));
  if (a.cox_adjusted) models.push(model('Groups, adjusted for covariates', a.cox_adjusted));
  const c = run.cutpoint;
  return {
    n: a.n,
    events: a.events,
    timeUnit: unit,
    groups: a.groups.map((g) => ({
      group: g.group, n: g.n, events: g.events, median: t(g.median), median_lower: t(g.median_lower), median_upper: t(g.median_upper),
      ...(g.rmst !== undefined ? { rmst: t(g.rmst)!, rmst_se: t(g.rmst_se)! } : {}),
    })),
    testLabel: opts.rho === 0 ? 'Log-rank' : 'Peto–Peto (survdiff rho = 1)',
    logrank: { chisq: a.logrank.chisq, df: a.logrank.df, p: a.logrank.p },
    models,
    ...(c ? { cutpoint: { method: c.method, value: c.value, statistic: c.statistic, p_adjusted: c.p_adjusted, p_method: c.p_method, minprop: c.minprop } } : {}),
    grouping,
    warnings: a.warnings,
    ...(run.timeRoc ? { timeRoc: reportTimeRoc(run.timeRoc) } : {}),
  };
}

/** "Median OS: low 1234 days, high not reached." in the display unit. */
export function medianSummary(run: SurvivalRun, endpoint: string, opts: { timeUnit: string; timeIn?: TimeUnit }): string {
  const parts = run.analysis.groups.map((g) => `${g.group} ${g.median === null ? 'not reached' : formatTime(displayTime(g.median, opts), opts.timeUnit)}`);
  return `Median ${endpoint}: ${parts.join(', ')}.`;
}

/** Report figures of a run, each linked to its files in `files` (same folder and stem). */
export function linkedFigures(figures: RenderedFigure[], dir: string, files: string[], title: (f: RenderedFigure) => string = (f) => f.title): ReportFigure[] {
  return figures.map((f) => ({
    id: f.name,
    title: title(f),
    svg: f.svg,
    ...(f.caption ? { caption: f.caption } : {}),
    files: files.filter((name) => name.startsWith(`${dir}${f.name}.`) && !name.slice(dir.length + f.name.length + 1).includes('/')),
  }));
}
