// `migrascore model fit` and `model apply`: a LASSO Cox risk score from genes (glmnet's
// cv.glmnet), and that score on another cohort. Flags, help, stderr summary.
import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { formatGeneSetReport } from '../genes/resolve.js';
import { assertRegularInput } from '../io/inputPaths.js';
import { toTsv, writeOutputFiles, writeOutputFolder } from '../io/output.js';
import { checkOutputFile } from '../io/outputPaths.js';
import { formatHr, formatSignificant, pEquals } from '../format/numbers.js';
import { runModelApply } from '../pipeline/modelApply.js';
import { nomogramCommand } from './modelNomogram.js';
import { DEFAULT_MODEL_SEED, runModelFit, type ModelFitOptions, type ModelFitRun } from '../pipeline/modelFit.js';
import { modelFitFiles } from '../pipeline/modelOutputs.js';
import { timeRocLines } from '../pipeline/rocOutputs.js';
import { resolveClinical } from '../tcga/cdr.js';
import { addDisplayOptions, displayOptions, timeUnits } from './displayOptions.js';
import { addFigureOptions, figureFormats } from './figureOptions.js';
import { FORCE_HELP, checkFolderRun } from './outOptions.js';
import { list, positiveInt, timeList } from './parsers.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const FIT_EXAMPLES = `
Examples:
  # UVM overall survival, candidate genes of a GMT file, R's folds (identical to cv.glmnet)
  migrascore model fit --expr tcga-mini-pancan.rsem.tsv.gz --clinical tcga-cdr --cancer UVM \\
      --endpoint OS --genes candidates.gmt --log2 yes --foldid folds.tsv --out uvm-model

  # Default candidates (every gene of the built-in migrasome sets), 5 folds from seed 7,
  # the sparser lambda.1se model, time-dependent AUC of the risk at 1, 3 and 5 years
  migrascore model fit --expr tcga.rsem.tsv.gz --clinical tcga-cdr --cancer LIHC --endpoint OS \\
      --nfolds 5 --seed 7 --lambda 1se --roc-times 365,1095,1825 --out lihc-model

  # Then the same risk score on a validation cohort, and its survival analysis
  migrascore model apply --model lihc-model/model.json --expr gse.tsv --out gse-risk.tsv
  migrascore survival --scores gse-risk.tsv --clinical gse-clinical.tsv --time os --event dead --out gse-risk

As R glmnet 4.1: cv.glmnet(x, Surv(time, status), family = "cox", alpha = 1, foldid = fold),
x = log2(value + 1) (with --log2 yes, or auto judging the matrix unlogged), one column per
candidate gene in gene-set order (the answer depends on it), one row per analysed sample in
matrix column order; standardised inside, Breslow ties, glmnet's default lambda path and
convergence threshold. Coefficients are coef(cv, s = "lambda.min") (or lambda.1se) on the
log2 scale; risk = x·β with no centring (predict(..., type = "link")).
Folds: --foldid FILE (sample, fold: R's folds, e.g. from set.seed(1); sample(rep(1:10,
length = n))) reproduces R exactly; without it folds are drawn by migrascore's own seeded
generator (--seed, default ${DEFAULT_MODEL_SEED}), which R cannot reproduce. Times of 0 or less are an error.
Outputs in --out: model.json (lambda_min, lambda_1se, lambda, genes, cv, and the identifiers,
scale, settings and input checksums needed to apply it elsewhere), risk.tsv (sample, risk),
cv.svg (deviance against log lambda), coefficients.svg, and survival/ (the risk split at its
median: Kaplan–Meier, log-rank, Cox, report) unless no gene is selected (then a warning,
genes [], risk 0 for all). CV runs in worker threads for large inputs (same numbers).`;

export function modelCommand(): Command {
  const model = new Command('model')
    .description('A LASSO Cox risk score from genes (glmnet cv.glmnet, R-identical with R\'s folds) and its survival analysis; apply it to another cohort; a nomogram and calibration of a Cox model (rms).');
  model.addCommand(fitCommand());
  model.addCommand(applyCommand());
  model.addCommand(nomogramCommand());
  return model;
}

function fitCommand(): Command {
  return addFigureOptions(addDisplayOptions(new Command('fit')
    .description('Fit a LASSO Cox model (cv.glmnet, family "cox") on candidate genes: model.json, risk.tsv, CV and coefficient figures, survival of the median-split risk.')
    .requiredOption('--expr <file>', 'expression matrix: genes in rows, samples in columns (TCGA barcodes with tcga-cdr)')
    .requiredOption('--clinical <file>', 'clinical table (TSV/CSV), or tcga-cdr (built in)')
    .option('--id <col>', 'ID column of the clinical table (default: tcga-cdr bcr_patient_barcode, else the first column)')
    .option('--endpoint <E>', 'TCGA-CDR endpoint: shorthand for --time E.time --event E (OS, DSS, DFI, PFI)')
    .option('--time <col>', 'survival time column (> 0)')
    .option('--event <col>', 'event column: 0/1, 1/2, TRUE/FALSE, alive/dead')
    .option('--genes <spec>', 'candidate genes: built-in set, .gmt/.json file or NAME=G1,G2 (repeatable; default: every gene of the built-in migrasome sets)', collect)
    .option('--cancer <C>', 'only this cancer type (tcga-cdr: column type; else --cancer-col)')
    .option('--cancer-col <col>', 'cancer-type column of the clinical table')
    .option('--sample-types <codes>', 'TCGA sample types kept when matching samples (default 01–09, tumours)', list)
    .addOption(new Option('--log2 <mode>', 'log2(x+1) of the matrix values before fitting: auto (when they look unlogged), yes, no').choices(['auto', 'yes', 'no']).default('auto'))
    .option('--nfolds <k>', 'cross-validation folds (without --foldid)', positiveInt('--nfolds'), 10)
    .option('--foldid <file>', 'folds as R\'s foldid: a table sample, fold (1..K) for every analysed sample')
    .option('--seed <n>', `seed of migrascore's fold assignment (without --foldid; default ${DEFAULT_MODEL_SEED})`, seedNumber)
    .addOption(new Option('--lambda <rule>', 'the model\'s lambda: min (lambda.min) or 1se (lambda.1se)').choices(['min', '1se']).default('min'))
    .option('--roc-times <t1,t2,...>', 'time-dependent AUC of the risk at these times, in the --time-in unit (survival/roc.tsv)', timeList('--roc-times'))
    .option('--threads <n>', 'worker threads for the cross-validation fits (default: all cores; small inputs use one)', positiveInt('--threads'))
    .option('--transpose', 'the matrix has samples in rows and genes across the header')
    .requiredOption('--out <dir>', 'output folder')
    .option('--force', FORCE_HELP)))
    .addHelpText('after', FIT_EXAMPLES)
    .action(async (o) => {
      const opts = fitOptions(o);
      checkFolderRun({ ...o, geneset: o.genes }, [opts.clinical, o.expr, o.foldid], { '--expr': o.expr, '--foldid': o.foldid });
      const run = await runModelFit(opts);
      const files = await modelFitFiles(run, opts, { command: `migrascore ${process.argv.slice(2).join(' ')}`, ...figureFormats(o) });
      await writeOutputFolder(o.out, files, run.inputPaths, { force: o.force });
      printFitSummary(run, opts, o.out);
    });
}

function seedNumber(v: string): number {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw new UsageError(`--seed "${v}" must be a whole number from 0 to 4294967295.`);
  return x;
}

function fitOptions(o: Record<string, any>): ModelFitOptions {
  const clinical = resolveClinical(o.clinical);
  if (o.endpoint && (o.time || o.event)) throw new UsageError('Give either --endpoint or --time/--event, not both.');
  const time = o.endpoint ? `${o.endpoint}.time` : o.time;
  const event = o.endpoint ? o.endpoint : o.event;
  if (!time || !event) throw new UsageError('Say which columns hold survival: --time COL --event COL, or --endpoint E (TCGA-CDR naming).');
  if (o.foldid !== undefined && o.seed !== undefined) throw new UsageError('--seed draws folds; --foldid gives them. Use one of the two.');
  if (o.nfolds < 3) throw new UsageError(`--nfolds ${o.nfolds}: cross-validation needs at least 3 folds (cv.glmnet refuses fewer).`);
  const cancerColumn: string | undefined = o.cancerCol ?? clinical.cancerColumn;
  if (o.cancer !== undefined && !cancerColumn) throw new UsageError(`--cancer ${o.cancer}: say which clinical column holds the cancer type with --cancer-col COL (known for --clinical tcga-cdr).`);
  return {
    expr: o.expr,
    clinical: clinical.path,
    id: o.id ?? clinical.idColumn,
    time,
    event,
    endpoint: o.endpoint,
    genes: o.genes ?? [],
    ...(cancerColumn ? { cancer: { column: cancerColumn, value: o.cancer } } : {}),
    sampleTypes: o.sampleTypes,
    log2: o.log2,
    transpose: Boolean(o.transpose),
    nfolds: o.nfolds,
    foldid: o.foldid,
    seed: o.seed ?? DEFAULT_MODEL_SEED,
    lambda: o.lambda,
    threads: o.threads,
    ...timeUnits(o),
    figures: displayOptions(o),
    ...(o.rocTimes ? { rocTimes: o.rocTimes.times, rocTimeLabels: o.rocTimes.labels } : {}),
    onProgress: (m) => process.stderr.write(`migrascore model fit: ${m}\n`),
  };
}

function printFitSummary(run: ModelFitRun, opts: ModelFitOptions, out: string): void {
  const events = run.cohort.event.reduce((a, b) => a + b, 0);
  const lines = ['', `migrascore model fit: LASSO Cox on ${run.cohort.samples.length} samples${opts.cancer?.value ? ` (${opts.cancer.value})` : ''}, ${events} events, ${run.candidates.length} candidate genes, ${run.folds.nfolds}-fold CV (${run.folds.source.kind === 'file' ? `folds of ${run.folds.source.path}` : `folds from seed ${run.folds.source.seed}`}${run.threads > 1 ? `, ${run.threads} threads` : ''})`];
  lines.push(`  x: ${run.log2.applied ? 'log2(value + 1)' : 'values as given'} (${run.log2.reason}); path of ${run.cv.fit.lambda.length} lambdas`);
  lines.push(`  lambda.min = ${formatSignificant(run.cv.lambdaMin, 6)} (${run.cv.nzero[run.cv.lambda.indexOf(run.cv.lambdaMin)]} genes), lambda.1se = ${formatSignificant(run.cv.lambda1se, 6)} (${run.cv.nzero[run.cv.lambda.indexOf(run.cv.lambda1se)]} genes); using lambda.${opts.lambda}`);
  if (run.genes.length > 0) {
    lines.push(`  ${run.genes.length} gene${run.genes.length === 1 ? '' : 's'} selected: ${run.genes.map((g) => `${g.gene} ${g.coef > 0 ? '+' : ''}${formatSignificant(g.coef, 4)}`).join(', ')}`);
  }
  lines.push(...formatGeneSetReport(run.geneReport).split('\n').filter((l) => l.trim() !== '').map((l) => `  ${l}`));
  const j = run.cohort.join;
  lines.push(`  join: ${j.matched} of ${j.samples} samples matched; analysed ${run.cohort.samples.length} (left out: ${run.cohort.dropped.other_cancer} of other cancers, ${run.cohort.dropped.missing_survival} without time or event)`);
  const s = run.survival;
  if (s) {
    const a = s.analysis;
    lines.push(`  risk split at its median: log-rank ${pEquals(a.logrank.p)}${a.cox.terms.map((t) => `; Cox ${t.term} HR ${formatHr(t.hr)} (${formatHr(t.hr_lower)}\u2013${formatHr(t.hr_upper)}), ${pEquals(t.p)}`).join('')} (in-sample: optimistic)`);
    if (s.timeRoc) lines.push(...timeRocLines(s.timeRoc, opts.timeUnit).map((l) => `  ${l}`));
  }
  for (const w of run.warnings) lines.push(`  warning: ${w}`);
  lines.push(`  outputs: ${out}/ (model.json, risk.tsv, cv.svg, coefficients.svg${s ? ', survival/' : ''})`);
  process.stderr.write(lines.join('\n') + '\n');
  if (run.genes.length === 0) process.stderr.write(`\nWARNING: no gene selected at lambda.${opts.lambda}; every risk is 0 and no survival analysis was written.\n`);
}

function applyCommand(): Command {
  return new Command('apply')
    .description('Score another matrix with a saved model: risk = Σ coef × gene (sample, risk), genes found by symbol, Entrez or Ensembl ID.')
    .requiredOption('--model <file>', 'model.json written by `migrascore model fit`')
    .requiredOption('--expr <file>', 'expression matrix: genes in rows (symbols, Entrez or Ensembl IDs), samples in columns')
    .addOption(new Option('--log2 <mode>', 'log2(x+1) before scoring: auto (when the values look unlogged), yes, no; use the fit\'s scale').choices(['auto', 'yes', 'no']).default('auto'))
    .option('--allow-missing', 'score even when model genes are missing from the matrix (they contribute 0; loudly warned)')
    .option('--transpose', 'the matrix has samples in rows and genes across the header')
    .requiredOption('--out <file>', 'output TSV: sample, risk (matrix column order)')
    .option('--force', 'replace --out even when it does not look like migrascore output')
    .addHelpText('after', `
Examples:
  migrascore model apply --model uvm-model/model.json --expr validation.tsv --log2 yes --out risk.tsv
  migrascore survival --scores risk.tsv --clinical clinical.tsv --time os --event dead --out risk-survival

Each gene of the model is looked up by the identifiers model.json keeps, in this order: the
matrix row it was fitted on, its Entrez ID, Ensembl IDs, current symbol, its name in the gene
set (via migrascore's identifier table, org.Hs.eg.db 3.16), so symbol, Entrez, Ensembl and
TCGA SYMBOL|ENTREZ matrices give the same genes. A missing gene is an error naming it;
--allow-missing scores without it (0), with a warning: the scores are then not the model's.`)
    .action(async (o) => {
      assertRegularInput(o.expr, '--expr');
      checkOutputFile(o.out, (head) => head.startsWith('sample\trisk'), { force: o.force, inputs: [o.expr, o.model].filter((p) => existsSync(p)) });
      const run = await runModelApply({ model: o.model, expr: o.expr, log2: o.log2, transpose: Boolean(o.transpose), allowMissing: Boolean(o.allowMissing) });
      const tsv = toTsv(['sample', 'risk'], run.samples.map((s, i) => [s, run.risk[i]]));
      await writeOutputFiles([{ path: o.out, content: tsv }], run.inputPaths);
      const lines = [run.model.genes.length === 0
        ? `migrascore model apply: ${run.samples.length} samples scored with a model of no gene (${o.model} selected none): every risk is 0; the matrix's values are not used, so its scale was not checked`
        : `migrascore model apply: ${run.samples.length} samples scored with ${run.matched.length - run.missing.length} of the ${run.model.genes.length} model genes (${run.log2.applied ? 'log2(value + 1)' : 'values as given'}: ${run.log2.reason})`];
      for (const m of run.matched) if (m.row !== undefined && m.row !== m.gene.row) lines.push(`  ${m.gene.gene} \u2192 ${m.row}${m.how ? ` (${m.how})` : ''}`);
      for (const w of run.warnings) lines.push('', `WARNING: ${w}`);
      lines.push(`  wrote ${o.out}`);
      process.stderr.write(lines.join('\n') + '\n');
    });
}
