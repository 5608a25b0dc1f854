// The files of a `compare` run: compare.tsv, scores.tsv, compare_genes.tsv (--per-gene),
// compare_pairs.tsv (--paired), compare_skipped.tsv, compare.json, the figures and the report.
import { createRequire } from 'node:module';
import { toJson, toTsv, type OutputFile } from '../io/output.js';
import type { CompareRow } from '../compare/types.js';
import type { CompareOptions, CompareRun } from './compare.js';
import { compareFigures } from './compareFigures.js';
import { compareReport, geneScale } from './compareReport.js';
import type { FigureFormats } from './figureFiles.js';
import type { ReportContext } from './reportParts.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export const COMPARE_COLUMNS = ['cancer', 'n_case', 'n_reference', 'median_case', 'median_reference', 'diff_median', 'statistic', 'p', 'method', 'fdr'] as const;
/** With --paired, after the contract's columns; `method_paired` is ours (exact or normal). */
export const PAIRED_COLUMNS = ['n_pairs', 'statistic_paired', 'p_paired', 'fdr_paired', 'method_paired'] as const;
export const GENE_COLUMNS = ['cancer', 'gene', 'n_case', 'n_reference', 'mean_case', 'mean_reference', 'log2fc', 'statistic', 'p', 'fdr'] as const;

export async function compareOutputFiles(run: CompareRun, opts: CompareOptions, ctx: ReportContext & FigureFormats): Promise<OutputFile[]> {
  const columns: (keyof CompareRow)[] = [...COMPARE_COLUMNS, ...(opts.paired ? PAIRED_COLUMNS : [])];
  const files: OutputFile[] = [
    { name: 'compare.tsv', content: toTsv(columns, run.rows.map((r) => columns.map((c) => r[c] ?? null))) },
    { name: 'scores.tsv', content: toTsv(['sample', 'patient', 'cancer', 'group', run.scoreName], run.samples.map((s) => [s.sample, s.patient, s.cancer, s.group, s.score])) },
    { name: 'compare_skipped.tsv', content: toTsv(['cancer', 'n_case', 'n_reference', 'reason'], run.skipped.map((s) => [s.cancer, s.n_case, s.n_reference, s.reason])) },
  ];
  if (opts.perGene) files.push({ name: 'compare_genes.tsv', content: toTsv([...GENE_COLUMNS], run.genes.map((g) => GENE_COLUMNS.map((c) => g[c] ?? null))) });
  if (opts.paired) files.push({ name: 'compare_pairs.tsv', content: toTsv(['cancer', 'patient', 'case', 'reference', 'difference'], run.pairs.map((p) => [p.cancer, p.patient, p.case, p.reference, p.case - p.reference])) });
  const figures = await compareFigures(run, opts, ctx);
  files.push(...figures.files);
  const names = [...files.map((f) => f.name), 'compare.json', 'index.html'];
  const report = await compareReport(run, opts, ctx, figures, names);
  files.push({ name: 'compare.json', content: toJson(runSummary(run, opts, report.parameters)) });
  files.push({ name: 'index.html', content: report.html });
  return files;
}

function runSummary(run: CompareRun, opts: CompareOptions, parameters: { name: string; value: string }[]): Record<string, unknown> {
  return {
    migrascore_version: VERSION,
    parameters: Object.fromEntries(parameters.map((p) => [p.name, p.value])),
    levels: run.levels,
    grouping: run.grouping,
    gene_set: run.scoreName,
    samples: {
      matrix: run.scoring.matrix.samples.length,
      kept: { [run.levels.case]: run.kept.case, [run.levels.reference]: run.kept.reference },
      dropped: run.dropped,
    },
    scoring: run.scoring.report,
    cancers_compared: run.rows.length,
    significant_fdr_0_05: run.rows.filter((r) => r.fdr !== null && r.fdr < 0.05).length,
    skipped: run.skipped,
    paired: opts.paired,
    per_gene: opts.perGene ? { genes: run.geneNames, scale: geneScale(run) } : null,
    min_samples: opts.minSamples,
    messages: run.messages,
  };
}
