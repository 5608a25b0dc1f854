// `migrascore compare`: flags, help with examples, progress on stderr and a one-screen summary.
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { writeOutputFolder } from '../io/output.js';
import { MigrascoreError } from '../errors.js';
import { runCompare, type CompareOptions, type CompareProgress, type CompareRun } from '../pipeline/compare.js';
import { compareOutputFiles } from '../pipeline/compareOutputs.js';
import { formatSignificant, pEquals } from '../format/numbers.js';
import { resolveClinical } from '../tcga/cdr.js';
import { PALETTE_NAMES } from '../plots/palette.js';
import { addScoringOptions, scoreRequest } from './scoringOptions.js';
import { list, positiveInt } from './parsers.js';
import { addFigureOptions, figureFormats } from './figureOptions.js';
import { FORCE_HELP, checkFolderRun } from './outOptions.js';
import { reportProgress } from './progress.js';

const EXAMPLES = `
Examples:
  # Tumour versus normal in bundled TCGA cholangiocarcinoma (36 tumours, 9 matched normals):
  # sample types from the barcodes, paired test for the 9 patients, every set gene
  migrascore compare --expr examples/tcga-chol.rsem.tsv.gz --clinical tcga-cdr \\
      --paired --per-gene --out chol-tumour-normal

  # Every TCGA cancer with normals: scores within each cancer, BH FDR across cancers
  migrascore compare --expr tcga.rsem.tsv.gz --clinical tcga-cdr --per-gene --png --out pancan-tn

  # A GEO-style cohort: groups from a sample table, case first
  migrascore compare --expr gse.tsv --samples samples.tsv --id geo_accession --group tissue \\
      --levels cancer,normal --method zscore --log2 no --out gse-cancer-normal

  # Two levels of any column, within each cancer type of that table
  migrascore compare --expr expr.tsv --samples samples.tsv --group subtype --levels Basal,LumA \\
      --cancer-col cancer --out basal-luma

Groups: with --clinical, TCGA sample-type codes 01–09 are "tumour" and 10–19 "normal", each
sample taking its patient's cancer type from the clinical table; one sample per patient per
group (lowest type code, then vial, then barcode). With --samples, the --group column names
the groups and --levels CASE,REFERENCE picks two (default: the two levels, sorted).
Scores are computed within each cancer on its tumour and normal samples together: ssGSEA,
GSVA, singscore and the z-score methods depend on which samples are scored, so a score
here differs from one computed on tumours alone. Test: two-sided Wilcoxon rank-sum exactly
as R's wilcox.test(case, reference) (exact p below 50 per group without ties, else the normal
approximation with tie and continuity correction); --paired adds the signed-rank test of
patients with both samples; FDR: Benjamini–Hochberg over cancers.

Outputs in --out: compare.tsv, scores.tsv (the samples of the compared cancers), compare_skipped.tsv (cancers with too few samples
and why), compare_genes.tsv and compare_heatmap.svg, log2 fold change per gene × cancer (--per-gene), compare_pairs.tsv and
paired plots (--paired), compare.svg (score by group per cancer), compare.json and index.html
(the report). A run replaces --out whole; a non-empty folder it did not write is refused
unless --force.`;

export function compareCommand(): Command {
  return addFigureOptions(addScoringOptions(new Command('compare')
    .description('Tumour versus normal (or any two sample groups): the score per cancer, Wilcoxon tests as R, BH FDR across cancers, per-gene fold changes, figures and an HTML report.')
    .requiredOption('--expr <file>', 'expression matrix: genes in rows, samples in columns (TCGA barcodes with --clinical)')
    .option('--clinical <file>', 'clinical table giving each patient\'s cancer type, or tcga-cdr (built in); groups from TCGA sample types')
    .option('--samples <file>', 'sample table giving each sample\'s group (and cancer type): instead of --clinical')
    .option('--group <col>', 'the group column of --samples')
    .option('--id <col>', 'ID column of the clinical or sample table (default: tcga-cdr bcr_patient_barcode, else the first column)')
    .option('--cancer-col <col>', 'cancer-type column (tcga-cdr: type); without one, all samples are one cohort "all"')
    .option('--levels <case,reference>', 'the two groups, case first (default: tumour,normal with --clinical; the two levels sorted with --samples)', list)
    .option('--score <set>', 'the gene set compared when several are given (one set per run)')
    .option('--paired', 'also the signed-rank test of patients with a sample in both groups')
    .option('--per-gene', 'each set gene: log2 fold change and Wilcoxon test per cancer (compare_genes.tsv, heatmap)')
    .option('--min-samples <n>', 'skip cancers with fewer samples in either group', positiveInt('--min-samples'), 3)
    .addOption(new Option('--palette <name>', 'group colours: default (Okabe–Ito) or ggsci npg, aaas, nejm, lancet, jama, jco').choices([...PALETTE_NAMES]).default('default'))
    .requiredOption('--out <dir>', 'output folder')
    .option('--force', FORCE_HELP)))
    .addHelpText('after', EXAMPLES)
    .action(async (o) => {
      const opts = compareOptions(o);
      const table = opts.samples ?? opts.clinical!;
      checkFolderRun(o, [table, o.expr], { '--expr': o.expr, [opts.samples ? '--samples' : '--clinical']: table });
      process.stderr.write(`migrascore compare: reading ${o.expr} and ${o.clinical === 'tcga-cdr' ? 'the built-in TCGA-CDR table' : table} …\n`);
      const run = await runCompare(opts);
      if (run.rows.length === 0) throw nothingCompared(run, opts);
      const files = await compareOutputFiles(run, opts, { command: `migrascore ${process.argv.slice(2).join(' ')}`, ...figureFormats(o) });
      await writeOutputFolder(o.out, files, run.inputPaths, { force: o.force });
      printSummary(run, o.out, opts);
    });
}

function compareOptions(o: Record<string, any>): CompareOptions & { palette: string } {
  if ((o.clinical === undefined) === (o.samples === undefined)) {
    throw new UsageError(o.clinical === undefined
      ? 'Say how samples are grouped: --clinical FILE|tcga-cdr (TCGA barcodes: tumour 01–09 versus normal 10–19) or --samples FILE --group COL (any two groups).'
      : 'Give either --clinical (TCGA sample types) or --samples with --group, not both.');
  }
  if (o.samples !== undefined && o.group === undefined) throw new UsageError('--samples needs --group COL: the column of the sample table that names each sample\'s group.');
  if (o.samples === undefined && o.group !== undefined) throw new UsageError('--group names a column of a sample table: give it with --samples FILE (with --clinical the groups are the TCGA sample types).');
  const clinical = o.clinical !== undefined ? resolveClinical(o.clinical) : undefined;
  return {
    request: scoreRequest(o, o.expr),
    set: o.score,
    clinical: clinical?.path,
    samples: o.samples,
    group: o.group,
    id: o.id ?? clinical?.idColumn,
    cancerColumn: o.cancerCol ?? clinical?.cancerColumn,
    levels: o.levels,
    paired: Boolean(o.paired),
    perGene: Boolean(o.perGene),
    minSamples: o.minSamples,
    palette: o.palette,
    onProgress: progressReporter(),
  };
}

function nothingCompared(run: CompareRun, opts: CompareOptions): MigrascoreError {
  const reasons = run.skipped.slice(0, 12).map((s) => `${s.cancer}: ${s.reason}`).join('; ');
  return new MigrascoreError(
    `No cancer type could be compared, so nothing was written (${reasons}${run.skipped.length > 12 ? `; … (${run.skipped.length} in all)` : ''}). ` +
      `Each needs at least --min-samples ${opts.minSamples} ${run.levels.case} and ${run.levels.reference} samples; lower --min-samples or check the groups.`,
  );
}

/** Progress per cancer (quiet for one cohort). */
function progressReporter(): (p: CompareProgress) => void {
  return (p) => {
    if (p.total === 1) return;
    reportProgress(p.index, p.total, p.cancer, () => {
      const what = 'row' in p.outcome ? `${p.outcome.row.n_case} vs ${p.outcome.row.n_reference}, ${pEquals(p.outcome.row.p, 'p')}` : `skipped: ${p.outcome.skipped.reason}`;
      return `compare ${p.index + 1}/${p.total} ${p.cancer}: ${what}`;
    });
  };
}

const median = (x: number | null) => (x === null ? 'NA' : formatSignificant(x, 3));

function printSummary(run: CompareRun, out: string, opts: CompareOptions): void {
  const { levels } = run;
  const sig = run.rows.filter((r) => r.fdr !== null && r.fdr < 0.05);
  const up = sig.filter((r) => (r.diff_median ?? 0) > 0).length;
  const lines = ['', `migrascore compare: ${run.scoreName} score (${opts.request.method}), ${levels.case} versus ${levels.reference}; ${run.kept.case} ${levels.case} and ${run.kept.reference} ${levels.reference} samples kept of ${run.scoring.matrix.samples.length}`];
  lines.push(`  ${run.rows.length} cancer${run.rows.length === 1 ? '' : 's'} compared, ${sig.length} significant at FDR < 0.05` +
    (sig.length ? ` (${up} higher in ${levels.case}, ${sig.length - up} lower)` : '') +
    (run.skipped.length ? `; skipped ${run.skipped.length}: ${run.skipped.map((s) => s.cancer).join(', ')} (see compare_skipped.tsv)` : ''));
  const shown = [...run.rows].sort((a, b) => (a.p ?? Infinity) - (b.p ?? Infinity)).slice(0, 12);
  const width = Math.max(6, ...shown.map((r) => r.cancer.length));
  for (const r of shown) {
    const paired = opts.paired ? `  paired: ${r.n_pairs} pairs, ${pEquals(r.p_paired ?? null, 'p')}` : '';
    lines.push(`    ${r.cancer.padEnd(width)} n=${r.n_case}/${r.n_reference}  median ${median(r.median_case)} vs ${median(r.median_reference)}  ` +
      `W=${r.statistic}  ${pEquals(r.p, `p (${r.method})`)}  ${pEquals(r.fdr, 'FDR')}${paired}`);
  }
  if (run.rows.length > shown.length) lines.push(`    … ${run.rows.length - shown.length} more in compare.tsv`);
  if (opts.perGene) {
    const genes = run.genes.filter((g) => g.fdr !== null && g.fdr < 0.05).length;
    lines.push(`  per gene: ${run.genes.length} gene × cancer tests, ${genes} at FDR < 0.05 (compare_genes.tsv)`);
  }
  for (const m of [...run.scoring.report.messages, ...run.messages]) lines.push(`  note: ${m}`);
  lines.push(`  outputs: ${out}/`);
  process.stderr.write(lines.join('\n') + '\n');
}
