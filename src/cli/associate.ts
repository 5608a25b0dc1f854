// `migrascore associate`: flags, help with examples, progress and a one-screen summary.
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeOutputFolder } from '../io/output.js';
import { runAssociate, type AssociateOptions, type AssociateRun } from '../pipeline/associate.js';
import { associateOutputFiles } from '../pipeline/associateOutputs.js';
import { formatSignificant, pEquals } from '../format/numbers.js';
import { resolveTable } from '../tcga/builtInTables.js';
import { addScoringOptions, scoreRequest } from './scoringOptions.js';
import { list, positiveInt } from './parsers.js';
import { addFigureOptions, figureFormats } from './figureOptions.js';
import { FORCE_HELP, checkFolderRun } from './outOptions.js';
import { reportProgress } from './progress.js';

const EXAMPLES = `
Examples:
  # Stage, gender and age against the score in each bundled cancer (built-in TCGA-CDR)
  migrascore associate --expr examples/tcga-mini-pancan.rsem.tsv.gz --with tcga-cdr \\
      --vars ajcc_pathologic_tumor_stage,gender,age_at_initial_pathologic_diagnosis \\
      --collapse-stages --out assoc-clinical

  # The tumour microenvironment (built-in tcga-tme): immune infiltration, TMB, MSI, purity,
  # and the genes most co-expressed with the score in each cancer
  migrascore associate --expr tcga.rsem.tsv.gz --with tcga-tme \\
      --vars leukocyte_fraction,stromal_fraction,tmb_nonsilent_per_mb,msi_mantis_score,purity_absolute \\
      --genes --out assoc-tme

  # Precomputed scores, all samples as one cohort, your own table keyed by sample barcodes
  migrascore associate --scores scores.tsv --with covariates.csv --id sample --vars grade,ki67 \\
      --pooled --min-level 10 --out assoc-pooled

Tests (exactly as R): a numeric variable (every value a number) — Spearman cor.test (AS 89
exact p up to 1290 samples without ties, else the t approximation); a categorical one —
levels with fewer than --min-level samples dropped, then wilcox.test for two levels (x = the
first level, sorted) or kruskal.test with pairwise.wilcox.test (BH) for more. A test runs
with at least --min-samples values. FDR: Benjamini–Hochberg over all tests. Scores are
computed within each cancer (--cancer-col, or the built-in table's own) on its matched
tumour samples, one per patient; --pooled scores and tests all samples as one cohort.

Outputs in --out: associate.tsv, associate_pairs.tsv, associate_skipped.tsv (untested
variables and dropped levels, with the reason), associate_genes.tsv.gz (--genes: Spearman
with every gene, BH within cancer), scores.tsv, associate.json; figures: associate_heatmap.svg
(cancer × numeric variable, rho with FDR stars), box/<variable>.svg (categorical variables),
scatter/<variable>.svg (--scatter); --png/--pdf copies; index.html, the self-contained
report (tables, figures, top genes with --genes, inputs with SHA-256, citations of the
built-in table columns used). A run replaces --out whole; a
non-empty folder it did not write is refused unless --force.`;

export function associateCommand(): Command {
  return addFigureOptions(addScoringOptions(new Command('associate')
    .description('What the score travels with: clinical features, the tumour microenvironment, mutation burden and co-expressed genes, per cancer, with R-exact Spearman, Wilcoxon and Kruskal–Wallis tests.')
    .option('--expr <file>', 'expression matrix: genes in rows, samples (TCGA barcodes) in columns; scored within each cancer')
    .option('--scores <file>', 'precomputed scores instead of --expr: a table from `migrascore score`')
    .option('--score <set>', 'the gene set analysed (--expr) or the score column of --scores (default: the first)')
    .requiredOption('--with <table>', 'covariate table joined by patient (or sample) barcode: a file, tcga-cdr or tcga-tme (built in)')
    .option('--id <col>', 'ID column of --with (built-in tables: bcr_patient_barcode; else the first column)')
    .requiredOption('--vars <A,B,...>', 'the --with columns to test against the score', list)
    .option('--cancer-col <col>', 'cancer-type column of --with (built-in tables know theirs); tests within each cancer')
    .option('--pooled', 'score and test all samples as one cohort ("all"), ignoring cancer types')
    .option('--collapse-stages', 'merge stage sub-levels: Stage IIIA, IIIB → Stage III (Stage X, IS … unchanged)')
    .option('--min-level <n>', 'drop levels with fewer samples (within the cancer)', positiveInt('--min-level'), 5)
    .option('--min-samples <n>', 'test a variable only with at least n values', positiveInt('--min-samples'), 10)
    .option('--genes', 'Spearman of the score with every gene of the matrix, per cancer (associate_genes.tsv.gz)')
    .option('--scatter <VAR,...>', 'also a scatter plot of the score against these numeric --vars, one panel per cancer', list)
    .requiredOption('--out <dir>', 'output folder')
    .option('--force', FORCE_HELP)))
    .addHelpText('after', EXAMPLES)
    .action(async (o) => {
      const opts = associateOptions(o);
      checkFolderRun(o, [opts.with, o.expr, o.scores], { '--expr': o.expr, '--scores': o.scores, '--with': opts.with });
      process.stderr.write(`migrascore associate: reading ${o.expr ?? o.scores} and ${o.with} …\n`);
      const run = await runAssociate(opts);
      const categorical = run.variables.filter((v) => v.type === 'categorical' && (opts.scatter ?? []).includes(v.name)).map((v) => v.name);
      if (categorical.length) throw new UsageError(`--scatter ${categorical.join(',')}: not numeric (a value of the column is not a number); categorical variables get box plots (box/).`);
      const files = await associateOutputFiles(run, opts, { command: `migrascore ${process.argv.slice(2).join(' ')}`, ...figureFormats(o) });
      await writeOutputFolder(o.out, files, run.inputPaths, { force: o.force });
      printSummary(run, o.out);
    });
}

function associateOptions(o: Record<string, any>): AssociateOptions & { scatter?: string[] } {
  if ((o.expr === undefined) === (o.scores === undefined)) {
    throw new UsageError(o.expr === undefined
      ? 'Give the scores: --expr FILE (an expression matrix, scored within each cancer) or --scores FILE (a table from `migrascore score`).'
      : 'Give either --expr FILE or --scores FILE, not both.');
  }
  if (o.scores !== undefined && o.genes) throw new UsageError('--genes correlates the score with every gene of the matrix, which a score table does not have: give --expr FILE instead of --scores.');
  if (o.pooled && o.cancerCol) throw new UsageError('Give --cancer-col (tests within each cancer) or --pooled (one cohort), not both.');
  const notVar = ((o.scatter ?? []) as string[]).filter((v) => !(o.vars as string[]).includes(v));
  if (notVar.length) throw new UsageError(`--scatter ${notVar.join(',')}: a scatter plot shows a variable of --vars; add ${notVar.length > 1 ? 'them' : 'it'} to --vars (numeric variables only).`);
  const table = resolveTable(o.with);
  return {
    with: table.path,
    id: o.id ?? table.idColumn,
    cancerColumn: o.cancerCol ?? table.cancerColumn,
    pooled: Boolean(o.pooled),
    vars: o.vars,
    collapseStages: Boolean(o.collapseStages),
    minLevel: o.minLevel,
    minSamples: o.minSamples,
    genes: Boolean(o.genes),
    scatter: o.scatter,
    ...(o.expr !== undefined ? { request: { ...scoreRequest(o, o.expr), ...(o.genes ? { allRows: true } : {}) }, set: o.score } : { scores: { file: o.scores, column: o.score } }),
    onProgress: (p) => {
      if (p.total > 1) reportProgress(p.index, p.total, p.cancer, () => `associate ${p.index + 1}/${p.total} ${p.cancer}: ${p.tested} variable${p.tested === 1 ? '' : 's'} tested`);
    },
  };
}

function printSummary(run: AssociateRun, out: string): void {
  const sig = run.rows.filter((r) => r.fdr !== null && r.fdr < 0.05);
  const lines = ['', `migrascore associate: ${run.scoreName} score, ${run.cohorts.length} cohort${run.cohorts.length === 1 ? '' : 's'} (${run.cohorts.map((c) => `${c.cancer} ${c.rows.length}`).join(', ')})`];
  lines.push(`  ${run.rows.length} tests, ${sig.length} significant at FDR < 0.05 (BH over all tests); ${run.skipped.filter((s) => s.level === null).length} variable × cancer untested, ${run.skipped.filter((s) => s.level !== null).length} levels dropped (associate_skipped.tsv)`);
  const shown = [...run.rows].sort((a, b) => (a.p ?? Infinity) - (b.p ?? Infinity)).slice(0, 10);
  for (const r of shown) {
    const effect = r.estimate !== null ? `rho = ${formatSignificant(r.estimate, 3)}` : r.df !== null ? `chi² = ${formatSignificant(r.statistic ?? NaN, 4)}, df ${r.df}` : `W = ${r.statistic}`;
    lines.push(`    ${r.cancer.padEnd(6)} ${r.variable}: n=${r.n}, ${effect}, ${pEquals(r.p, `p (${r.method})`)}, ${pEquals(r.fdr, 'FDR')}`);
  }
  if (run.genes.length) {
    for (const c of run.cohorts) {
      const top = run.genes.filter((g) => g.cancer === c.cancer && g.rho !== null).sort((a, b) => (b.rho ?? 0) - (a.rho ?? 0)).slice(0, 5);
      lines.push(`  top co-expressed genes in ${c.cancer}: ${top.map((g) => `${g.gene} (rho ${formatSignificant(g.rho!, 2)})`).join(', ')}`);
    }
  }
  for (const m of [...(run.expr?.scoring.report.messages ?? []), ...run.messages]) lines.push(`  note: ${m}`);
  lines.push(`  outputs: ${out}/`);
  process.stderr.write(lines.join('\n') + '\n');
}
