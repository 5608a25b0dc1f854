// Turns a survival run into the contract's files: the tables km.tsv, groups.tsv,
// summary.json (and cutpoint.tsv for an optimal split) and the figures km (and cutpoint
// for an optimal split), written by figureFiles.
import { createRequire } from 'node:module';
import { toJson, toTsv, type OutputFile } from '../io/output.js';
import { cutpointFigure } from '../plots/cutpointFigure.js';
import { kaplanMeierFigure } from '../plots/kmFigure.js';
import type { TimeUnit } from '../plots/timeUnits.js';
import { cutpointTitles, kmTitles, scoreText } from './figureLabels.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import type { CohortAnalysis } from './analyseCohort.js';
import { groupTermNote } from './estimability.js';
import type { LoadedCohort } from './survivalInput.js';
import type { CutpointSummary, SurvivalOptions } from './survivalTypes.js';
import { renderFigure, type RenderedFigure } from './figureFiles.js';
import { rocOutputs, timeRocEntries, timeRocMethod, type RunTimeRoc } from './rocOutputs.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export interface SurvivalOutputInput {
  opts: SurvivalOptions;
  loaded: LoadedCohort;
  labels: (string | null)[];
  analysis: CohortAnalysis;
  cutpoint?: CutpointSummary;
  /** Warnings that the times contradict --time-in (timeUnitCheck.ts). */
  timeWarnings?: string[];
  /** --roc-times (rocOutputs.ts). */
  timeRoc?: RunTimeRoc;
}

export function kmTable(analysis: CohortAnalysis): string {
  const rows: (string | number)[][] = [];
  for (const { group, curve } of analysis.curves) {
    for (let i = 0; i < curve.time.length; i++) {
      rows.push([group, curve.time[i], curve.nRisk[i], curve.nEvent[i], curve.nCensor[i], curve.surv[i], curve.stdErr[i], curve.lower[i], curve.upper[i]]);
    }
  }
  return toTsv(['group', 'time', 'n_risk', 'n_event', 'n_censor', 'surv', 'std_err', 'lower', 'upper'], rows);
}

export function summaryObject(input: SurvivalOutputInput): Record<string, unknown> {
  const { opts, loaded, analysis, cutpoint } = input;
  const a = analysis;
  const grouping = opts.grouping;
  return {
    migrascore_version: VERSION,
    input: {
      clinical: opts.clinical,
      id: opts.id ?? null,
      time: opts.time,
      event: opts.event,
      endpoint: opts.endpoint ?? null,
      grouping: grouping.kind === 'scores' ? { source: 'scores', file: grouping.file, column: loaded.valueName }
        : grouping.kind === 'expr' ? { source: 'expr', file: grouping.request.expr, genesets: grouping.request.genesets, method: grouping.request.method, score: loaded.valueName }
          : { source: grouping.kind, column: grouping.column },
      split: grouping.kind === 'group' ? null : opts.splitText,
      covariates: opts.covariates,
      ...(opts.cancer ? { cancer: { column: opts.cancer.column, value: opts.cancer.value ?? null } } : {}),
    },
    ...(opts.clinical === TCGA_CDR.path ? { clinical_source: { name: TCGA_CDR.name, citation: TCGA_CDR.citation, doi: TCGA_CDR.doi } } : {}),
    time_unit: { input: opts.timeIn ?? 'days', display: opts.timeUnit },
    conf_type: opts.confType,
    conf_level: opts.confLevel,
    n: a.n,
    events: a.events,
    groups: a.groups,
    logrank: { ...a.logrank, method: opts.rho === 0 ? 'log-rank (survdiff rho = 0)' : `survdiff rho = ${opts.rho}` },
    ...(a.pairwise ? { pairwise_logrank: { p_adjust: 'BH', comparisons: a.pairwise } } : {}),
    ...(cutpoint ? { cutpoint: withoutCandidates(cutpoint) } : {}),
    cox: a.cox,
    ...(a.cox_continuous ? { cox_continuous: a.cox_continuous } : {}),
    ...(a.cox_adjusted ? { cox_adjusted: a.cox_adjusted } : {}),
    ...(a.at_times ? { at_times: a.at_times } : {}),
    ...(input.timeRoc ? { time_roc: timeRocEntries(input.timeRoc), time_roc_method: timeRocMethod(input.timeRoc) } : {}),
    ...(loaded.join ? { join: loaded.join } : {}),
    ...(loaded.scoring ? { scoring: loaded.scoring } : {}),
    dropped: loaded.dropped,
    warnings: [...(loaded.warnings ?? []), ...a.warnings, ...(input.timeWarnings ?? [])],
  };
}

function withoutCandidates(c: CutpointSummary): Omit<CutpointSummary, 'candidates'> {
  const { candidates: _omit, ...rest } = c;
  return rest;
}

/** A survival run's tables and figures (their files: figureFiles). */
export interface SurvivalOutputs {
  tables: OutputFile[];
  figures: RenderedFigure[];
}

export async function survivalOutputs(input: SurvivalOutputInput): Promise<SurvivalOutputs> {
  const { loaded, labels, analysis, cutpoint, opts } = input;
  const withValue = loaded.values !== null;
  const groupRows = loaded.ids.map((id, i) => (withValue ? [id, labels[i] ?? 'NA', loaded.values![i]] : [id, labels[i] ?? 'NA']));
  const files: OutputFile[] = [
    { name: 'km.tsv', content: kmTable(analysis) },
    { name: 'groups.tsv', content: toTsv(withValue ? ['sample', 'group', 'value'] : ['sample', 'group'], groupRows) },
    { name: 'summary.json', content: toJson(summaryObject(input)) },
  ];
  if (cutpoint?.candidates) {
    const c = cutpoint.candidates;
    const n = analysis.n;
    files.push({
      name: 'cutpoint.tsv',
      content: toTsv(['cutpoint', 'statistic', 'n_low', 'n_high'], Array.from(c.cutpoint, (v, i) => [v, c.statistic[i], c.nLow[i], n - c.nLow[i]])),
    });
  }
  const spec = kaplanMeierFigure({
    groups: analysis.curves.map(({ group, curve }) => ({ name: group, ...curve })),
    timeUnit: opts.timeUnit as TimeUnit,
    inputUnit: opts.timeIn,
    ...opts.figures,
    ...kmTitles(kmSubject(input), opts.figures),
    groupingLabel: groupingLabel(input),
    logrank: analysis.logrank,
    // Not a number to print when R flags the coefficient as possibly infinite: the reason instead.
    hazardRatio: analysis.cox.terms.map((t) => ({
      label: `${t.term.replace(/^group=/, '')} vs ${analysis.groups[0].group}`,
      hr: t.hr, lower: t.hr_lower, upper: t.hr_upper, p: t.p, note: groupTermNote(analysis, t),
    })),
    ...(cutpoint?.method === 'optimal' && cutpoint.p_adjusted !== null
      ? { cutpointSearch: { pAdjusted: cutpoint.p_adjusted, pMethod: cutpoint.p_method ?? 'Lau92' } } : {}),
    confLevel: opts.confLevel,
  });
  const figures = [await renderFigure('km', 'Kaplan–Meier', spec)];
  if (cutpoint?.candidates && typeof cutpoint.value === 'number') {
    figures.push(await renderFigure('cutpoint', 'Optimal cutpoint', cutpointFigure({
      cutpoints: cutpoint.candidates.cutpoint, statistics: cutpoint.candidates.statistic, chosen: cutpoint.value,
      valueName: loaded.valueName ?? 'value', pAdjusted: cutpoint.p_adjusted ?? NaN, minprop: cutpoint.minprop ?? opts.minprop,
      ...cutpointTitles(kmSubject(input)),
    })));
  }
  if (input.timeRoc) {
    const roc = await rocOutputs(input.timeRoc, opts, kmSubject(input), valueText(input));
    files.push(...roc.tables);
    figures.push(...roc.figures);
  }
  return { tables: files, figures };
}

function kmSubject({ opts, loaded }: SurvivalOutputInput): Parameters<typeof kmTitles>[0] {
  const g = opts.grouping;
  return {
    cancer: opts.cancer?.value, endpoint: opts.endpoint, time: opts.time, event: opts.event, split: opts.split,
    grouping: g.kind === 'expr' ? { kind: 'expr', set: loaded.valueName ?? '', method: g.request.method }
      : g.kind === 'scores' ? { kind: 'scores', file: g.file, column: loaded.valueName ?? '' } : g,
  };
}

/** The ROC'd value in words: "migrasome-core score (ssGSEA)", "marker". */
function valueText({ opts, loaded }: SurvivalOutputInput): string {
  const g = opts.grouping;
  return g.kind === 'expr' ? scoreText(loaded.valueName ?? '', g.request.method) : loaded.valueName ?? 'value';
}

function groupingLabel({ opts, loaded, cutpoint }: SurvivalOutputInput): string {
  if (opts.grouping.kind === 'group') return opts.grouping.column;
  const how = cutpoint ? ` (${cutpoint.method} split${typeof cutpoint.value === 'number' ? ` at ${+cutpoint.value.toPrecision(4)}` : ''})` : '';
  return `${loaded.valueName}${how}`;
}
