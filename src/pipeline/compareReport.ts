// The report model of a `compare` run: parameters, inputs with checksums, citations, gene
// matching, and the comparison itself (report/compareSection.ts draws it).
import { createRequire } from 'node:module';
import { buildReportHtml } from '../report/html.js';
import type { DroppedCount, ReportCitation, ReportModel, ReportParameter } from '../report/model.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import type { CompareOptions, CompareRun } from './compare.js';
import type { DroppedSamples } from './compareGroups.js';
import type { RenderedFigure } from './figureFiles.js';
import { scoreText } from './figureLabels.js';
import { linkedFigures, reportInputs, scoringParameters, type ReportContext } from './reportParts.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export async function compareReport(
  run: CompareRun, opts: CompareOptions, ctx: ReportContext, figures: { main: RenderedFigure[]; paired: { dir: string; figure: RenderedFigure }[] }, files: string[],
): Promise<{ parameters: ReportParameter[]; html: string }> {
  const parameters = compareParameters(run, opts);
  const table = opts.samples ?? opts.clinical!;
  const inputs = await reportInputs([
    { role: opts.samples ? 'sample table' : table === TCGA_CDR.path ? 'clinical table (built-in TCGA-CDR)' : 'clinical table', path: table },
    { role: 'expression matrix', path: opts.request.expr },
    ...run.inputPaths.slice(2).map((path) => ({ role: 'gene set file', path })),
  ]);
  const model: ReportModel = {
    scope: 'compare',
    title: `migrascore comparison report \u2014 ${run.levels.case} versus ${run.levels.reference}`,
    generatedAt: new Date().toISOString(),
    version: VERSION,
    command: ctx.command,
    parameters,
    inputs,
    citations: compareCitations(table),
    geneReport: run.scoring.report.genesets,
    messages: [...run.scoring.report.messages, ...run.messages],
    files,
    endpoints: [],
    compare: {
      levels: run.levels,
      grouping: run.grouping,
      score: scoreText(run.scoreName, opts.request.method),
      rows: run.rows,
      skipped: run.skipped,
      paired: opts.paired,
      pairs: run.pairs,
      ...(opts.perGene ? { genes: run.genes } : {}),
      figures: linkedFigures(figures.main, '', files),
      pairedFigures: figures.paired.flatMap(({ dir, figure }) => linkedFigures([figure], dir, files)),
      dropped: droppedCounts(run.dropped, opts),
    },
  };
  return { parameters, html: buildReportHtml(model) };
}

export function compareParameters(run: CompareRun, opts: CompareOptions): ReportParameter[] {
  const table = opts.samples ?? opts.clinical!;
  return [
    ...scoringParameters(opts.request, run.scoring.sets.map((s) => s.name), run.scoreName, run.scoring.report.log2),
    { name: 'Groups', value: `${run.levels.case} (case) versus ${run.levels.reference} (reference), from ${run.grouping}` },
    { name: opts.samples ? 'Sample table' : 'Clinical table', value: table === TCGA_CDR.path ? 'tcga-cdr (built in)' : table },
    { name: 'Cancer type', value: opts.cancerColumn ? `column "${opts.cancerColumn}"; scores and tests within each cancer` : 'one cohort ("all")' },
    { name: 'Test', value: 'two-sided Wilcoxon rank-sum test, R wilcox.test defaults (exact below 50 per group without ties, else normal approximation with tie and continuity correction); FDR: Benjamini–Hochberg over cancers' },
    ...(opts.paired ? [{ name: 'Paired test', value: 'Wilcoxon signed-rank test on patients with both samples (R wilcox.test(paired = TRUE)); FDR over cancers' }] : []),
    ...(opts.perGene ? [{ name: 'Per gene', value: `each set gene: means and log2 fold change on the log2 scale (${geneScale(run)}), Wilcoxon rank-sum, FDR over all gene × cancer tests` }] : []),
    { name: 'Minimum samples per group', value: String(opts.minSamples) },
  ];
}

/** The scale of the per-gene means, in words. */
export function geneScale(run: CompareRun): string {
  if (run.geneLog2) return 'log2(x + 1) of the matrix values';
  return run.scoring.report.log2.applied ? 'log2(x + 1) of the matrix values, applied before scoring' : 'the matrix values as given';
}

const DROPPED_LABELS: Record<keyof DroppedSamples, (opts: CompareOptions) => string> = {
  not_in_table: (o) => `not in the ${o.samples ? 'sample' : 'clinical'} table`,
  no_sample_type: () => 'no TCGA sample-type code in the ID',
  other_sample_type: () => 'sample type 20 or above (controls, cell lines)',
  other_level: () => 'another group than the two compared',
  missing_group: () => 'no group value',
  missing_cancer: () => 'no cancer type',
  duplicate_samples: () => 'further sample of a patient in the same group',
};

function droppedCounts(dropped: DroppedSamples, opts: CompareOptions): DroppedCount[] {
  return (Object.keys(DROPPED_LABELS) as (keyof DroppedSamples)[]).map((k) => ({ label: DROPPED_LABELS[k](opts), count: dropped[k] }));
}

function compareCitations(table: string): ReportCitation[] {
  const list: ReportCitation[] = [];
  if (table === TCGA_CDR.path) list.push({ text: TCGA_CDR.citation, doi: TCGA_CDR.doi });
  list.push({ text: 'Hänzelmann S, Castelo R, Guinney J. GSVA: gene set variation analysis for microarray and RNA-seq data. BMC Bioinformatics. 2013;14:7.', doi: '10.1186/1471-2105-14-7' });
  list.push({ text: 'Wilcoxon F. Individual comparisons by ranking methods. Biometrics Bulletin. 1945;1:80–83 (R wilcox.test).', doi: '10.2307/3001968' });
  list.push({ text: 'Benjamini Y, Hochberg Y. Controlling the false discovery rate. J R Stat Soc B. 1995;57:289–300.', doi: '10.1111/j.2517-6161.1995.tb02031.x' });
  list.push({ text: 'Qin Y, et al. Pan-cancer analysis of migrasome genes. Front Immunol. 2022;13:994828.', doi: '10.3389/fimmu.2022.994828' });
  return list;
}
