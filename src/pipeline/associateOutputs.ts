// The files of an `associate` run: associate.tsv, associate_pairs.tsv, associate_skipped.tsv,
// associate_genes.tsv.gz (--genes), scores.tsv, associate.json, figures and the report (index.html).
import { createRequire } from 'node:module';
import { gzipText, toJson, toTsv, type OutputFile } from '../io/output.js';
import type { AssociateOptions, AssociateRun } from './associate.js';
import { patientOf } from './associate.js';
import type { FigureFormats } from './figureFiles.js';
import { associateFigures } from './associateFigures.js';
import { associateReport } from './associateReport.js';
import type { ReportContext } from './reportParts.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export const ASSOCIATE_COLUMNS = ['cancer', 'variable', 'type', 'n', 'estimate', 'statistic', 'df', 'p', 'method', 'fdr'] as const;

export async function associateOutputFiles(run: AssociateRun, opts: AssociateOptions & { scatter?: string[] }, ctx: ReportContext & FigureFormats): Promise<OutputFile[]> {
  const files: OutputFile[] = [
    { name: 'associate.tsv', content: toTsv([...ASSOCIATE_COLUMNS], run.rows.map((r) => ASSOCIATE_COLUMNS.map((c) => r[c] ?? null))) },
    { name: 'associate_pairs.tsv', content: toTsv(['cancer', 'variable', 'level1', 'level2', 'p_adjusted'], run.pairs.map((p) => [p.cancer, p.variable, p.level1, p.level2, p.p_adjusted])) },
    { name: 'associate_skipped.tsv', content: toTsv(['cancer', 'variable', 'level', 'n', 'reason'], run.skipped.map((s) => [s.cancer, s.variable, s.level, s.n, s.reason])) },
    { name: 'scores.tsv', content: toTsv(['sample', 'patient', 'cancer', run.scoreName], scoreRows(run)) },
  ];
  if (opts.genes) {
    files.push({ name: 'associate_genes.tsv.gz', content: gzipText(toTsv(['cancer', 'gene', 'rho', 'p', 'fdr'], run.genes.map((g) => [g.cancer, g.gene, g.rho, g.p, g.fdr]))) });
  }
  const figures = await associateFigures(run, opts, ctx);
  files.push(...figures.files);
  files.push({ name: 'associate.json', content: toJson(runSummary(run, opts)) });
  const names = [...files.map((f) => f.name), 'index.html'];
  files.push({ name: 'index.html', content: await associateReport(run, opts, ctx, figures, names) });
  return files;
}

function scoreRows(run: AssociateRun): (string | number | null)[][] {
  // The sample as the matrix or the score table names it (columns index those IDs).
  const ids = run.expr ? run.expr.scoring.matrix.samples : run.scores!.sampleIds;
  return run.cohorts.flatMap((c) => c.rows.map((_r, i) => {
    const sample = ids[c.columns[i]];
    return [sample, patientOf(sample), c.cancer, c.scores[i]];
  }));
}

function runSummary(run: AssociateRun, opts: AssociateOptions): Record<string, unknown> {
  return {
    migrascore_version: VERSION,
    covariates: { table: opts.with, id_column: run.table.idColumn, cancer_column: opts.pooled ? null : opts.cancerColumn ?? null, pooled: opts.pooled || !opts.cancerColumn },
    score: run.scoreName,
    ...(run.expr ? { scoring: run.expr.scoring.report } : { scores: { file: opts.scores!.file, column: run.scoreName } }),
    join: run.join,
    variables: run.variables.map((v) => ({ name: v.name, type: v.type })),
    options: { collapse_stages: opts.collapseStages, min_level: opts.minLevel, min_samples: opts.minSamples, genes: opts.genes },
    cancers: run.cohorts.map((c) => ({ cancer: c.cancer, samples: c.rows.length })),
    tests: run.rows.length,
    significant_fdr_0_05: run.rows.filter((r) => r.fdr !== null && r.fdr < 0.05).length,
    skipped: run.skipped.length,
    messages: run.messages,
  };
}
