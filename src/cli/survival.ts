// `migrascore survival`: flags, help with examples, and a one-screen result on stderr.
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeOutputFolder } from '../io/output.js';
import { FORCE_HELP, checkFolderRun } from './outOptions.js';
import { runSurvival, type SurvivalOptions } from '../pipeline/survival.js';
import type { GroupingSource } from '../pipeline/survivalInput.js';
import { formatHr, formatSignificant, pEquals } from '../format/numbers.js';
import { groupTermNote } from '../pipeline/estimability.js';
import { addScoringOptions, scoreRequest } from './scoringOptions.js';
import { addModelOptions, modelOptions } from './modelOptions.js';
import { formatGeneSetReport } from '../genes/resolve.js';
import { resolveClinical } from '../tcga/cdr.js';
import { survivalFiles } from '../pipeline/survivalReport.js';
import { addFigureOptions, figureFormats } from './figureOptions.js';
import { formatDuration } from '../plots/timeUnits.js';
import { timeRocLines } from '../pipeline/rocOutputs.js';

const formatP = (p: number) => pEquals(p);

const EXAMPLES = `
Examples:
  # Two arms of a trial, adjusted for age, survival at 1 and 2 years, RMST to 1000 days
  migrascore survival --clinical ovarian.tsv --id id --time futime --event fustat \\
      --group rx --covariates age,ecog.ps --times 365,730 --rmst-tau 1000 --out ovarian-rx

  # A numeric column split at the optimal (maxstat) cutpoint, at least 10% per group
  migrascore survival --clinical colon.tsv --time time --event status \\
      --value nodes --split optimal --minprop 0.1 --covariates rx,age --out colon-nodes

  # TCGA-CDR naming: --endpoint OS means --time OS.time --event OS; axis in years
  migrascore survival --clinical tcga-lgg.tsv --id bcr_patient_barcode --endpoint OS \\
      --value age_at_initial_pathologic_diagnosis --split quantiles:0.25,0.5,0.75 \\
      --time-unit years --out lgg-age

  # Scores from \`migrascore score\`, joined to the built-in TCGA-CDR table at patient level;
  # bottom versus top quarter, keeping primary (01) and metastatic (06) samples
  migrascore survival --clinical tcga-cdr --endpoint PFI \\
      --scores scores.tsv --score migrasome-core --split extremes:0.25 \\
      --sample-types 01,06 --out pfi

  # Score a TCGA matrix in the same run (ssGSEA of migrasome-core on the matched tumour
  # samples), split at the median; aliquot barcodes match TCGA-CDR patients
  migrascore survival --clinical tcga-cdr.tsv --id bcr_patient_barcode --endpoint OS \\
      --expr tcga-mini-pancan.rsem.tsv.gz --geneset migrasome-core --method ssgsea \\
      --threads 2 --out os-core

  # One cancer type of a pan-cancer matrix (scores computed on its patients alone, as
  # pancan does), optimal cutpoint with its figure, PNG copies of the figures
  migrascore survival --clinical tcga-cdr --endpoint OS --expr tcga.rsem.tsv.gz \\
      --cancer UVM --split optimal --png --out uvm-os

  # A clinical table of several cancers (column "tumour"): only LUAD; without --cancer the
  # run warns that one cut spans cancer types
  migrascore survival --clinical pancancer.tsv --id patient --cancer-col tumour --cancer LUAD \\
      --time os_days --event os --scores scores.tsv --out luad

  # GSVA with the Poisson kernel on counts, sets of 3 to 200 genes, the second set's score
  migrascore survival --clinical clinical.tsv --time os_days --event os \\
      --expr counts.tsv --geneset sets.gmt --method gsva --kcdf poisson --log2 no \\
      --min-size 3 --max-size 200 --score set2 --out counts-gsva

  # A fixed cutoff, Breslow ties, log-log 90% intervals, Peto–Peto test, in months
  migrascore survival --clinical cohort.csv --time os_days --event vital_status \\
      --value score --split cutoff:0.5 --ties breslow --conf-type log-log \\
      --conf-level 0.9 --rho 1 --time-unit months --out cohort-cutoff

  # Write into a folder that already holds files of your own: they are replaced
  migrascore survival --clinical cohort.csv --time os_days --event os --group arm \\
      --force --out existing-folder

  # A cBioPortal table in months (--times, --rmst-tau, --max-time, --break-time are read
  # in the --time-in unit), shown in years, its breast cancers only; a paper-ready figure:
  # journal palette, bands on, axis to 60 months every 12, title, size, and a vector PDF
  migrascore survival --clinical data_clinical_patient.txt --time OS_MONTHS --event OS_STATUS \\
      --cancer-col CANCER_TYPE_ACRONYM --cancer BRCA --group SUBTYPE \\
      --time-in months --time-unit years --times 12,60 --rmst-tau 60 \\
      --ci on --max-time 60 --break-time 12 --palette lancet --title "Overall survival by subtype" \\
      --width 520 --height 360 --pdf --out subtype-os

  # How well a score discriminates at 1, 3 and 5 years: time-dependent AUC (riskRegression's
  # Score with Kaplan–Meier censoring weights), roc.tsv, a ROC figure and the AUC(t) curve
  migrascore survival --clinical tcga-cdr --endpoint OS --expr tcga.rsem.tsv.gz --cancer UVM \\
      --roc-times 365,1095,1825 --out uvm-roc

  # A matrix with samples in rows and genes across the header, scored in the run
  migrascore survival --clinical clinical.tsv --time os_days --event os \\
      --expr samples_by_genes.csv --transpose --out os-transposed

Outputs in --out: km.tsv, groups.tsv, summary.json, km.vl.json, km.svg, index.html (the
report); with --split optimal also cutpoint.tsv and the cutpoint figure (cutpoint.vl.json,
cutpoint.svg); with --roc-times also roc.tsv, the ROC figure (roc.svg) and, for two or more
times, the AUC(t) curve (auc.svg), time_roc in summary.json; with --png / --pdf a PNG /
vector PDF copy of every figure. Times in km.tsv and summary.json stay in the --time-in
unit, exactly as R computes them on that column; summary.json records time_unit {input,
display}. A run replaces --out whole, marked by a .migrascore file; a non-empty folder
without it is refused unless --force. Exit codes: 0 success, 1 bad input or failed
analysis, 2 usage error.`;




export function survivalCommand(): Command {
  return addFigureOptions(addScoringOptions(addModelOptions(new Command('survival')
    .description('Kaplan–Meier, log-rank and Cox analysis of patients split into groups (R survival / maxstat numbers).')
    .requiredOption('--clinical <file>', 'clinical table (TSV/CSV, optionally .gz), one row per patient, or tcga-cdr (built in)')
    .option('--id <col>', 'ID column of the clinical table (default: its first column)')
    .option('--time <col>', 'survival time column (unit: --time-in, default days)')
    .option('--event <col>', 'event column: 0/1, 1/2 (R Surv), TRUE/FALSE, alive/dead, 0:LIVING/1:DECEASED')
    .option('--endpoint <E>', 'TCGA-CDR endpoint: shorthand for --time E.time --event E (OS, DSS, DFI, PFI)')
    .option('--group <col>', 'group by a categorical column (levels sorted; the first is the Cox reference)')
    .option('--value <col>', 'split a numeric clinical column into groups (see --split)')
    .option('--scores <file>', 'split a score table from `migrascore score` (sample column + score columns)')
    .option('--expr <file>', 'score an expression matrix on the matched cohort in this run (see --geneset, --method)')
    .option('--score <col>', 'score column of --scores, or gene set of --expr (default: the first)')
    .option('--cancer <C>', 'analyse only this cancer type (scores computed on its patients alone); needs --cancer-col or --clinical tcga-cdr')
    .option('--cancer-col <col>', 'cancer-type column of the clinical table (tcga-cdr: type); several types under one cut are warned about')
    .requiredOption('--out <dir>', 'output folder')
    .option('--force', FORCE_HELP))))
    .addHelpText('after', EXAMPLES)
    .action(async (o) => {
      const opts = survivalOptions(o);
      checkFolderRun(o, [opts.clinical, o.scores, o.expr], { '--expr': o.expr });
      const run = await runSurvival(opts);
      const files = await survivalFiles(run, opts, { command: `migrascore ${process.argv.slice(2).join(' ')}`, ...figureFormats(o) });
      await writeOutputFolder(o.out, files, run.loaded.inputPaths, { force: o.force });
      printSummary(run, opts, o.out, files.map((f) => f.name));
    });
}

function survivalOptions(o: Record<string, any>): SurvivalOptions {
  const clinical = resolveClinical(o.clinical);
  if (o.endpoint && (o.time || o.event)) throw new UsageError('Give either --endpoint or --time/--event, not both.');
  const time = o.endpoint ? `${o.endpoint}.time` : o.time;
  const event = o.endpoint ? o.endpoint : o.event;
  if (!time || !event) throw new UsageError('Say which columns hold survival: --time COL --event COL, or --endpoint E (TCGA-CDR naming).');
  const sources = ['group', 'value', 'scores', 'expr'].filter((k) => o[k] !== undefined);
  if (sources.length !== 1) {
    throw new UsageError(`Give exactly one grouping: --group COL, --value COL, --scores FILE or --expr FILE${sources.length > 1 ? ` (got --${sources.join(', --')})` : ''}.`);
  }
  if (o.score !== undefined && o.scores === undefined && o.expr === undefined) throw new UsageError('--score names a column of --scores FILE or a gene set of --expr FILE; add one of them.');
  if (o.expr === undefined && (o.geneset !== undefined || o.method !== 'ssgsea')) throw new UsageError('--geneset and --method apply to --expr FILE.');
  const grouping: GroupingSource =
    o.group !== undefined ? { kind: 'group', column: o.group }
      : o.value !== undefined ? { kind: 'value', column: o.value }
        : o.scores !== undefined ? { kind: 'scores', file: o.scores, column: o.score }
          : { kind: 'expr', request: scoreRequest(o, o.expr), set: o.score };
  if (grouping.kind === 'group' && o.rocTimes) throw new UsageError('--roc-times ROCs a continuous value (--value COL, --scores FILE or --expr FILE); --group has categories only.');
  if (grouping.kind === 'group' && o.split !== 'median') throw new UsageError('--split applies to --value or --scores; --group uses the column\'s categories as they are.');
  const cancerColumn: string | undefined = o.cancerCol ?? clinical.cancerColumn;
  if (o.cancer !== undefined && !cancerColumn) throw new UsageError(`--cancer ${o.cancer}: say which clinical column holds the cancer type with --cancer-col COL (known for --clinical tcga-cdr).`);
  return {
    clinical: clinical.path,
    id: o.id ?? clinical.idColumn,
    time,
    event,
    endpoint: o.endpoint,
    grouping,
    ...(cancerColumn ? { cancer: { column: cancerColumn, value: o.cancer } } : {}),
    ...modelOptions(o),
  };
}

function printSummary(run: Awaited<ReturnType<typeof runSurvival>>, opts: SurvivalOptions, out: string, written: string[]): void {
  const a = run.analysis;
  const lines = [`migrascore survival: ${a.n} patients${run.loaded.cancers && opts.cancer?.value ? ` with ${opts.cancer.value}` : ''}, ${a.events} events, ${a.groups.length} groups`];
  for (const g of a.groups) lines.push(`  ${g.group}: n=${g.n}, events=${g.events}, median=${g.median === null ? 'not reached' : formatDuration(g.median, opts.timeIn ?? 'days', opts.timeUnit)}`);
  const searched = run.cutpoint?.method === 'optimal';
  // A searched cut: maxstat's adjusted p is the result; the log-rank and Wald p at it are naive.
  const naive = searched ? ', not adjusted for the cutpoint search' : '';
  if (searched) lines.push(`  optimal (data-driven) cutpoint ${formatSignificant(run.cutpoint!.value as number)}: maxstat ${formatP(run.cutpoint!.p_adjusted ?? NaN)} adjusted for the search (${run.cutpoint!.p_method ?? 'Lau92'})`);
  lines.push(`  log-rank chisq=${a.logrank.chisq.toFixed(3)} on ${a.logrank.df} df, ${formatP(a.logrank.p)}${naive}`);
  for (const t of a.cox.terms) {
    const note = groupTermNote(a, t);
    lines.push(note
      ? `  Cox ${t.term}: HR not estimable (${note}${t.infinite && !note.startsWith('coefficient') ? '; R: coefficient may be infinite' : ''})`
      : `  Cox ${t.term}: HR ${formatHr(t.hr)} (${formatHr(t.hr_lower)}\u2013${formatHr(t.hr_upper)}), ${formatP(t.p)}${naive}`);
  }
  if (run.loaded.scoring) {
    const sc = run.loaded.scoring;
    lines.push(`  score: ${sc.method} of "${run.loaded.valueName}" on the ${run.analysis.n} matched patients${sc.log2.applied ? ' after log2(x+1)' : ''}`);
    lines.push(...formatGeneSetReport(sc.genesets).split('\n').filter((l) => l.trim() !== '').map((l) => `  ${l}`));
    for (const m of sc.messages) lines.push(`  note: ${m}`);
  }
  if (run.loaded.join) {
    const j = run.loaded.join;
    lines.push(`  join: ${j.matched} of ${j.samples} samples matched ${j.clinical_rows} clinical rows (dropped: ${j.dropped.excluded_sample_type} other sample types, ${j.dropped.duplicate_samples} extra samples per patient, ${j.dropped.unmatched_samples} unmatched samples)`);
  }
  if (run.timeRoc) lines.push(...timeRocLines(run.timeRoc, opts.timeUnit).map((l) => `  ${l}`));
  for (const w of [...a.warnings, ...run.timeWarnings]) lines.push(`  warning: ${w}`);
  for (const w of run.loaded.warnings ?? []) lines.push('', `WARNING: ${w}`, '');
  lines.push(`  wrote ${written.join(', ')} to ${out}`);
  lines.push(`  report: ${out}/index.html`);
  process.stderr.write(lines.join('\n') + '\n');
}
