// The report model of a `compare` run: parameters, inputs with checksums, citations, gene
// matching, and the comparison itself.
import type { ReportParameter } from '../report/model.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import type { CompareOptions, CompareRun } from './compare.js';
import type { RenderedFigure } from './figureFiles.js';
import { scoringParameters, type ReportContext } from './reportParts.js';

export async function compareReport(run: CompareRun, opts: CompareOptions, _ctx: ReportContext, _figures: RenderedFigure[], _files: string[]): Promise<{ parameters: ReportParameter[]; html: string }> {
  return { parameters: compareParameters(run, opts), html: '' };
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
    ...(opts.perGene ? [{ name: 'Per gene', value: `each set gene: means and log2 fold change on the log2 scale (${run.geneLog2 ? 'log2(x + 1) of the matrix' : 'the matrix as scored'}), Wilcoxon rank-sum, FDR over all gene × cancer tests` }] : []),
    { name: 'Minimum samples per group', value: String(opts.minSamples) },
  ];
}
