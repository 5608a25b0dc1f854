// Every file of a `survival` run: the contract's tables and figures (with their copies)
// and the HTML report of the one cohort, built from the same model as pancan's.
import { createRequire } from 'node:module';
import type { OutputFile } from '../io/output.js';
import { buildReportHtml } from '../report/html.js';
import type { ReportModel, ReportParameter } from '../report/model.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import type { FigureFormats } from './figureFiles.js';
import {
  citations, cohortResults, ENDPOINT_LABELS, inputRoles, linkedFigures, medianSummary, modelParameters, reportInputs, scoringParameters, type ReportContext,
} from './reportParts.js';
import { survivalRunFiles, type SurvivalRun } from './survival.js';
import type { SurvivalOptions } from './survivalTypes.js';
import { SEARCHED_CUT } from './splitSignificance.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export async function survivalFiles(run: SurvivalRun, opts: SurvivalOptions, ctx: ReportContext & FigureFormats): Promise<OutputFile[]> {
  const files = survivalRunFiles(run, '', ctx);
  const names = [...files.map((f) => f.name), 'index.html'];
  files.push({ name: 'index.html', content: buildReportHtml(await survivalReportModel(run, opts, ctx, names)) });
  return files;
}

function groupingText(run: SurvivalRun, opts: SurvivalOptions): string {
  const g = opts.grouping;
  if (g.kind === 'group') return g.column;
  if (g.kind === 'value') return g.column;
  return `${run.loaded.valueName} score`;
}

function groupingParameter(run: SurvivalRun, opts: SurvivalOptions): ReportParameter {
  const g = opts.grouping;
  const value = g.kind === 'group' ? `column ${g.column} (categories as they are)`
    : g.kind === 'value' ? `numeric column ${g.column}`
      : g.kind === 'scores' ? `scores of ${g.file}, column ${run.loaded.valueName}`
        : `${g.request.method} score of ${run.loaded.valueName}, computed on the analysed patients`;
  return { name: 'Grouping', value };
}

async function survivalReportModel(run: SurvivalRun, opts: SurvivalOptions, ctx: ReportContext, files: string[]): Promise<ReportModel> {
  const { loaded } = run;
  const g = opts.grouping;
  const endpoint = opts.endpoint ?? opts.event;
  const scoring = loaded.scoring;
  const parameters: ReportParameter[] = [
    { name: 'Clinical table', value: opts.clinical === TCGA_CDR.path ? 'tcga-cdr (built in)' : opts.clinical },
    { name: 'Survival', value: `${opts.time} (time), ${opts.event} (event)${opts.endpoint ? `: endpoint ${opts.endpoint}` : ''}` },
    ...(opts.cancer?.value !== undefined ? [{ name: 'Cancer type', value: `${opts.cancer.value} only (column ${opts.cancer.column})` }] : []),
    groupingParameter(run, opts),
    ...(scoring && g.kind === 'expr' ? scoringParameters(g.request, scoring.genesets.map((s) => s.set), loaded.valueName ?? '', scoring.log2) : []),
    ...modelParameters(opts, g.kind === 'group'),
    ...(loaded.join ? [{ name: 'Sample types', value: loaded.join.sample_types.join(', ') }] : []),
  ];
  const source = g.kind === 'expr' ? 'expr' : g.kind === 'scores' ? 'scores' : 'clinical';
  return {
    scope: 'cohort',
    title: loaded.origin?.title ?? `migrascore survival report${opts.split.kind === 'optimal' && g.kind !== 'group' ? ` \u2014 ${SEARCHED_CUT}` : ''}`,
    generatedAt: new Date().toISOString(),
    version: VERSION,
    command: ctx.command,
    parameters,
    inputs: await reportInputs(loaded.origin?.inputs ?? inputRoles(loaded.inputPaths, opts.clinical, source)),
    citations: [...(loaded.origin?.citations ?? []), ...citations({ clinical: opts.clinical, optimal: opts.split.kind === 'optimal' && g.kind !== 'group', scored: g.kind === 'expr', roc: Boolean(opts.rocTimes?.length) })],
    geneReport: scoring?.genesets ?? [],
    join: loaded.join,
    messages: [...(loaded.warnings ?? []), ...run.timeWarnings, ...(scoring?.messages ?? []), ...run.analysis.warnings],
    endpoints: [{
      endpoint,
      label: ENDPOINT_LABELS[endpoint],
      table: [],
      skipped: [],
      figures: [],
      cancers: [{
        cancer: groupingText(run, opts),
        summary: medianSummary(run, endpoint, opts),
        figures: linkedFigures(run.figures, '', files),
        results: cohortResults(run, opts, groupingText(run, opts), g.kind === 'group'),
      }],
    }],
    files,
    confLevel: opts.confLevel,
  };
}
