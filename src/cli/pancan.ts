// `migrascore pancan`: flags, help with examples, progress on stderr and a one-screen summary.
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeOutputFolder } from '../io/output.js';
import { FORCE_HELP, checkFolderRun, noCancerAnalysedError } from './outOptions.js';
import { runPancan, type Endpoint, type PancanProgress } from '../pipeline/pancan.js';
import { splitTestP } from '../pipeline/splitSignificance.js';
import type { PancanTableRow } from '../report/model.js';
import { pancanOutputFiles, significant, timeWarnings } from '../pipeline/pancanOutputs.js';
import { formatHr, pEquals } from '../format/numbers.js';
import { resolveClinical } from '../tcga/cdr.js';
import { addScoringOptions, scoreRequest } from './scoringOptions.js';
import { addModelOptions, modelOptions } from './modelOptions.js';
import { list, positiveInt } from './parsers.js';
import { addFigureOptions, figureFormats } from './figureOptions.js';
import { reportProgress } from './progress.js';

const EXAMPLES = `
Examples:
  # The embedded demo: 4 real TCGA cohorts, built-in TCGA-CDR survival, ssGSEA of migrasome-core
  migrascore pancan --expr examples/tcga-mini-pancan.rsem.tsv.gz --clinical tcga-cdr \\
      --endpoint OS --out pancan-demo

  # Two endpoints side by side, per-gene Cox heatmap, PNG copies of every figure
  migrascore pancan --expr tcga.rsem.tsv.gz --clinical tcga-cdr --endpoint OS,PFI \\
      --per-gene --png --out pancan-os-pfi

  # Your own clinical table, optimal cutpoints, GSVA scores, only some cancers
  migrascore pancan --expr expr.tsv --clinical clinical.csv --id patient --cancer-col tumour \\
      --time os_days --event os_status --method gsva --split optimal --minprop 0.2 \\
      --cancers BRCA,LUAD --min-samples 30 --out pancan-gsva

  # Scores computed beforehand (\`migrascore score\`), split at the median within each cancer
  migrascore pancan --scores scores.tsv --score migrasome-core --clinical tcga-cdr \\
      --endpoint OS --out pancan-scores

  # Adjusted for age, Breslow ties, three groups, a set from a GMT file, in years
  migrascore pancan --expr expr.tsv.gz --clinical tcga-cdr --endpoint DSS \\
      --geneset sets.gmt --score migrasome_alt --split quantiles:0.33,0.67 \\
      --covariates age_at_initial_pathologic_diagnosis --ties breslow --time-unit years \\
      --conf-type log-log --conf-level 0.9 --times 365,1825 --rmst-tau 1825 --rho 1 \\
      --sample-types 01,03 --log2 yes --kcdf gaussian --min-size 3 --max-size 500 \\
      --threads 2 --out pancan-dss

  # Time-dependent AUC of the score at 1 and 3 years in each cancer: auc_365, auc_1095 in
  # pancan.tsv, and each cancer's roc.tsv, ROC figure and AUC(t) curve
  migrascore pancan --expr examples/tcga-mini-pancan.rsem.tsv.gz --clinical tcga-cdr \\
      --endpoint OS --roc-times 365,1095 --out pancan-roc

  # Replace a folder that already holds files of your own (refused without --force)
  migrascore pancan --expr expr.tsv.gz --clinical tcga-cdr --endpoint OS --force --out results

  # A clinical table in months; figures for a paper: NPG colours, no bands, 10-year axis,
  # a title per cancer, vector PDFs of every figure
  migrascore pancan --expr expr.tsv.gz --clinical clinical_months.tsv --cancer-col cancer \\
      --time OS_MONTHS --event OS --time-in months --ci off --max-time 120 --break-time 24 \\
      --palette npg --title "{cancer}: migrasome score and {endpoint}" --width 560 --height 360 \\
      --pdf --out pancan-months

  # A matrix with samples in rows and genes across the header
  migrascore pancan --expr samples_by_genes.tsv.gz --transpose --clinical tcga-cdr \\
      --endpoint OS --out pancan-transposed

Outputs in --out: <cancer>/ (the survival outputs per cancer), pancan.tsv, pancan_skipped.tsv,
forest.svg, score_distribution.svg, heatmap.svg and pancan_genes.tsv (--per-gene), forest_adjusted.svg
and the hr_covariate_adjusted… columns of pancan.tsv (--covariates), auc_<T> columns and per-cancer
roc.tsv/roc.svg/auc.svg (--roc-times), pancan.json and index.html (the
report, linking every file); a .png (--png) and .pdf (--pdf) beside every .svg. With several
endpoints, each gets <endpoint>/ laid out as above. Folder names are cancer types made safe
(letters, digits, . _ -; pancan.json cancer_folders maps each cancer to its folder). A run
replaces --out whole, marked by a .migrascore file; a non-empty folder without it is refused
unless --force.`;

export function pancanCommand(): Command {
  return addFigureOptions(addScoringOptions(addModelOptions(new Command('pancan')
    .description('The survival analysis in every cancer type: scores and cutpoints within each cancer, BH FDR across cancers, forest plot, heatmap and an HTML report.')
    .option('--expr <file>', 'expression matrix: genes in rows, samples (TCGA barcodes) in columns; scored within each cancer')
    .option('--scores <file>', 'precomputed scores instead of --expr: a table from `migrascore score` (sample column + score columns)')
    .requiredOption('--clinical <file>', 'clinical table with a cancer-type column, or tcga-cdr (built in: TCGA-CDR, Liu et al. 2018)')
    .option('--id <col>', 'ID column of the clinical table (tcga-cdr: bcr_patient_barcode)')
    .option('--cancer-col <col>', 'cancer-type column (tcga-cdr: type)')
    .option('--endpoint <E,...>', 'TCGA-CDR endpoint(s): OS, DSS, DFI, PFI; several give one folder each', list)
    .option('--time <col>', 'survival time column (unit: --time-in), instead of --endpoint')
    .option('--event <col>', 'event column, instead of --endpoint')
    .option('--score <set>', 'the gene set whose score is analysed (--expr), or the score column of --scores (default: the first)')
    .option('--min-samples <n>', 'skip cancers with fewer analysable patients', positiveInt('--min-samples'), 20)
    .option('--cancers <list>', 'only these cancer types', list)
    .option('--per-gene', 'univariate Cox of each set gene (per SD) in each cancer: pancan_genes.tsv and heatmap')
    .requiredOption('--out <dir>', 'output folder')
    .option('--force', FORCE_HELP), ' (per cancer)')))
    .addHelpText('after', EXAMPLES)
    .action(async (o) => {
      const clinical = resolveClinical(o.clinical);
      const cancerColumn = o.cancerCol ?? clinical.cancerColumn;
      if (!cancerColumn) throw new UsageError('Say which clinical column holds the cancer type: --cancer-col COL (known for --clinical tcga-cdr).');
      const endpoints = endpointsOf(o);
      checkScoreSource(o);
      checkFolderRun(o, [clinical.path, o.expr, o.scores], { '--expr': o.expr, '--scores': o.scores, '--clinical': clinical.path });
      const opts = {
        clinical: clinical.path,
        id: o.id ?? clinical.idColumn,
        cancerColumn,
        endpoints,
        ...(o.expr !== undefined ? { request: scoreRequest(o, o.expr), set: o.score } : { scores: { file: o.scores, column: o.score } }),
        ...modelOptions(o),
        minSamples: o.minSamples,
        perGene: Boolean(o.perGene),
        cancers: o.cancers,
        onProgress: progressReporter(),
      };
      process.stderr.write(`migrascore pancan: reading ${o.expr ?? o.scores} and ${o.clinical === 'tcga-cdr' ? 'the built-in TCGA-CDR table' : o.clinical} …\n`);
      const run = await runPancan(opts);
      const nothing = noCancerAnalysedError(run.endpoints, opts.minSamples);
      if (nothing) throw nothing;
      const files = await pancanOutputFiles(run, opts, { command: `migrascore ${process.argv.slice(2).join(' ')}`, ...figureFormats(o) });
      await writeOutputFolder(o.out, files, [opts.clinical, ...run.source.inputPaths], { force: o.force });
      printSummary(run, o.out, opts.split.kind === 'optimal');
    });
}

function checkScoreSource(o: Record<string, any>): void {
  if ((o.expr === undefined) === (o.scores === undefined)) {
    throw new UsageError(o.expr === undefined
      ? 'Give the scores: --expr FILE (an expression matrix, scored within each cancer) or --scores FILE (a table from `migrascore score`).'
      : 'Give either --expr FILE or --scores FILE, not both.');
  }
  if (o.scores !== undefined) {
    if (o.perGene) throw new UsageError('--per-gene fits a Cox model to each gene\'s expression, which a score table does not have: give the matrix with --expr FILE instead of --scores, or drop --per-gene.');
    if (o.geneset !== undefined || o.method !== 'ssgsea') throw new UsageError('--geneset and --method apply to --expr FILE; --scores FILE takes the scores as they are (choose the column with --score).');
  }
}

function endpointsOf(o: Record<string, any>): Endpoint[] {
  if (o.endpoint && (o.time || o.event)) throw new UsageError('Give either --endpoint or --time/--event, not both.');
  if (o.endpoint) return (o.endpoint as string[]).map((e) => ({ name: e, time: `${e}.time`, event: e }));
  if (!o.time || !o.event) throw new UsageError('Say which columns hold survival: --endpoint OS (TCGA-CDR naming; several allowed: OS,PFI) or --time COL --event COL.');
  return [{ name: o.event, time: o.time, event: o.event }];
}

/** Progress per endpoint and cancer. */
function progressReporter(): (p: PancanProgress) => void {
  return (p) => {
    const what = 'row' in p.outcome ? `n=${p.outcome.row.n}, events=${p.outcome.row.events}, ${testText(p.outcome.row)}` : `skipped: ${p.outcome.skipped.reason}`;
    reportProgress(p.index, p.total, `${p.endpoint} ${p.cancer}`, () => `pancan ${p.endpoint} ${p.index + 1}/${p.total} ${p.cancer}: ${what}`);
  };
}

/** FDR is over the split's own test: maxstat's adjusted p for a searched cut, else the log-rank p. */
function fdrOver(searched: boolean): string {
  return searched ? 'over the Lau92 p adjusted for the cutpoint search' : 'over the log-rank p';
}

/** The split's test: the adjusted p first for a searched cut, the naive log-rank p marked as such. */
function testText(row: PancanTableRow): string {
  return row.p_adjusted !== null
    ? `${pEquals(row.p_adjusted, 'adjusted p (Lau92)')} (${pEquals(row.logrank_p, 'log-rank p')}, not adjusted for the cutpoint search)`
    : pEquals(row.logrank_p, 'log-rank p');
}

/** "HR 1.92 (0.83–4.44)", "HR high vs low 3.17 (0.95–10.61)" (3+ groups) or "HR not estimable (no events in group low)". */
function hrText(row: PancanTableRow): string {
  if (row.hr_note) return `HR not estimable (${row.hr_note})`;
  const t = row.hr_top;
  if (t) return t.note ? `HR ${t.label} not estimable (${t.note})` : `HR ${t.label} ${formatHr(t.hr)} (${formatHr(t.lower)}\u2013${formatHr(t.upper)})`;
  if (row.hr === null) return 'HR NA';
  return `HR ${formatHr(row.hr)} (${formatHr(row.hr_lower)}\u2013${formatHr(row.hr_upper)})`;
}

function printSummary(run: Awaited<ReturnType<typeof runPancan>>, out: string, searched: boolean): void {
  const j = run.source.joined.report;
  const what = run.expr ? `${run.expr.scoring.report.method} score of "${run.source.scoreName}"` : `score "${run.source.scoreName}" of ${run.source.file}`;
  const lines = ['', `migrascore pancan: ${what}, ${j.matched} patients matched to ${j.samples} samples`];
  for (const ep of run.endpoints) {
    const sig = ep.results.filter((r) => r.row.fdr !== null && r.row.fdr < 0.05).map((r) => r.cancer);
    lines.push(`  ${ep.endpoint.name}: ${ep.results.length} cancers analysed, ${significant(ep)} significant at FDR < 0.05 (${fdrOver(searched)})${sig.length ? `: ${sig.join(', ')}` : ''}` +
      (ep.skipped.length ? `; skipped ${ep.skipped.length}: ${ep.skipped.map((s) => s.cancer).join(', ')}` : ''));
    const best = [...ep.results].sort((a, b) => (splitTestP(a.row, searched) ?? Infinity) - (splitTestP(b.row, searched) ?? Infinity)).slice(0, 5);
    for (const r of best) {
      lines.push(`    ${r.cancer.padEnd(6)} n=${String(r.row.n).padStart(4)}  ${hrText(r.row)}  ${testText(r.row)}  ${pEquals(r.row.fdr, 'FDR')}`);
    }
    const warned = ep.results.filter((r) => r.run.analysis.warnings.length > 0).map((r) => r.cancer);
    if (warned.length) lines.push(`    Cox warnings (see <cancer>/summary.json): ${ep.results.filter((r) => r.run.analysis.warnings.length > 0).map((r) => (r.row.hr_note ? `${r.cancer} (HR not estimable: ${r.row.hr_note})` : r.cancer)).join(', ')}`);
  }
  for (const w of timeWarnings(run)) lines.push(`  warning: ${w}`);
  for (const m of run.expr?.scoring.report.messages ?? []) lines.push(`  note: ${m}`);
  if (run.withoutSamples.length) lines.push(`  note: ${run.withoutSamples.length} cancer types of the clinical table have no sample in ${run.expr ? 'the matrix' : 'the score table'} (${run.withoutSamples.join(', ')}).`);
  lines.push(`  report: ${out}/index.html`);
  process.stderr.write(lines.join('\n') + '\n');
}
