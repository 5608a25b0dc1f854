// `migrascore score`: flags, help with examples; scores go to --out or stdout, the
// gene-matching report to stderr and to a JSON sidecar.
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { MigrascoreError, UsageError } from '../errors.js';
import { assertRegularInput, hasTsvBreak } from '../io/inputPaths.js';
import { toJson, toTsv, writeOutputFiles } from '../io/output.js';
import { canonicalPath, checkOutputFile, isSpecialFile } from '../io/outputPaths.js';
import { formatGeneSetReport } from '../genes/resolve.js';
import { loadForScoring, newScoringCheck, onMethodScale, scoreLoaded } from '../pipeline/scoreMatrix.js';
import { addScoringOptions, scoreRequest } from './scoringOptions.js';

const EXAMPLES = `
Examples:
  # ssGSEA (default) of the built-in migrasome-core set, scores to a file
  migrascore score --expr tcga-brca.rsem.tsv.gz --out scores.tsv

  # Several sets (built-in, GMT file, inline), GSVA's Gaussian-kernel method
  migrascore score --expr expr.tsv --geneset migrasome-markers --geneset my_sets.gmt \\
      --geneset mine=TSPAN4,ITGB1,NDST1 --method gsva --out gsva.tsv

  # Counts with GSVA's Poisson kernel, sets of 5 to 500 genes, 2 threads
  migrascore score --expr counts.csv --method gsva --kcdf poisson --min-size 5 \\
      --max-size 500 --threads 2 --out counts-gsva.tsv --report counts-genes.json

  # Mean z-score exactly as given (no log2 transform), to stdout
  migrascore score --expr log2_tpm.tsv --method meanz --log2 no > meanz.tsv

  # The whole GSVA family is there: ssgsea, gsva, zscore, plage, singscore, mean, meanz;
  # force log2(x+1) for an unlogged matrix:
  migrascore score --expr rsem.tsv --method plage --log2 yes --out plage.tsv

  # Overwrite a file that is not a score table (refused without --force)
  migrascore score --expr expr.tsv --force --out results.tsv

  # A matrix with samples in rows and genes across the header (pandas, spreadsheets)
  migrascore score --expr samples_by_genes.csv --transpose --out scores.tsv

Output: TSV with "sample" then one column per set, one row per sample in input order.
A report of found, alias-matched and missing genes goes to stderr and (with --out) to a
JSON sidecar (--report, default <out>.genes.json). An existing --out or --report is replaced
when it is a file migrascore wrote; another file only with --force. --expr must be a file
(not a pipe such as /dev/stdin).
Input: a gene row with a missing (NA, empty, ...) or infinite (Inf, -Inf) value is left out
and reported ("dropped"); genes with the same value in every sample are left out of gsva,
zscore, plage and meanz, as GSVA does (a set left with none is not scored). UTF-16 text,
spreadsheets (.xlsx) and transposed matrices are recognised and explained.`;

export function scoreCommand(): Command {
  return addScoringOptions(new Command('score')
    .description('Score every sample of an expression matrix for migrasome gene sets (GSVA 1.46-exact ssgsea, gsva, zscore, plage; singscore, mean, meanz).')
    .requiredOption('--expr <file>', 'expression matrix: genes in rows, samples in columns (TSV/CSV, optionally .gz)'))
    .option('--out <file>', 'output TSV (default: stdout)')
    .option('--report <file>', 'gene-matching report as JSON (default with --out: <out>.genes.json)')
    .option('--force', 'replace --out/--report files even when they do not look like migrascore output')
    .addHelpText('after', EXAMPLES)
    .action(async (o) => {
      const req = scoreRequest(o, o.expr);
      const { out, report } = scoreOutputs(o, req.genesets);
      const loaded = await loadForScoring(req);
      assertWritableNames(loaded.matrix.samples, loaded.sets.map((s) => s.name), req.expr);
      const matrix = onMethodScale(loaded.matrix, req, loaded.report);
      const check = newScoringCheck();
      const all = await scoreLoaded(matrix, loaded.sets, req, check);
      // Sets GSVA would drop on this matrix (constant genes) leave the output, as in R.
      const kept = loaded.sets.map((s, i) => ({ s, col: all[i] })).filter(({ s }) => !check.excluded.some((e) => e.set === s.name));
      loaded.report.excluded_sets.push(...check.excluded);
      loaded.report.messages.push(...check.messages);
      if (check.constant_genes.length) loaded.report.constant_genes = check.constant_genes;
      const scores = kept.map((k) => k.col);
      const tsv = toTsv(['sample', ...kept.map((k) => k.s.name)], loaded.matrix.samples.map((sample, j) => [sample, ...scores.map((col) => col[j])]));
      process.stderr.write(formatGeneSetReport(loaded.report.genesets) + '\n');
      for (const m of loaded.report.messages) process.stderr.write(`migrascore: ${m}\n`);
      const files = [...(out ? [{ path: out, content: tsv }] : []), ...(report ? [{ path: report, content: toJson(loaded.report) }] : [])];
      if (files.length) await writeOutputFiles(files, [o.expr, ...req.genesets]);
      if (out) process.stderr.write(`migrascore: wrote ${loaded.matrix.nSamples} samples × ${kept.length} sets to ${out}${report ? ` (gene report: ${report})` : ''}\n`);
      else process.stdout.write(tsv);
    });
}

/** --out and --report checked before scoring (a wrong path should not cost the run). */
function scoreOutputs(o: Record<string, any>, genesets: string[]): { out?: string; report?: string } {
  assertRegularInput(o.expr, '--expr');
  const inputs = [o.expr, ...genesets.filter((g) => existsSync(g))];
  const out: string | undefined = o.out;
  if (out !== undefined) checkOutputFile(out, (head) => head.startsWith('sample\t'), { force: o.force, inputs });
  // No sidecar beside a device (--out /dev/null would create /dev/null.genes.json).
  const report: string | undefined = o.report ?? (out && !isSpecialFile(out) ? `${out.replace(/\.tsv$/i, '')}.genes.json` : undefined);
  if (report !== undefined) {
    if (out !== undefined && canonicalPath(report) === canonicalPath(out)) throw new UsageError(`--report ${report} is the same file as --out; give the gene report another name.`);
    checkOutputFile(report, (head) => /^\s*\{/.test(head) && head.includes('"matrix"'), { flag: o.report === undefined ? '--report (default)' : '--report', force: o.force, inputs });
  }
  return { out, report };
}

/** Sample IDs and set names become TSV cells: refuse tabs and line breaks before scoring. */
function assertWritableNames(samples: string[], sets: string[], expr: string): void {
  const j = samples.findIndex(hasTsvBreak);
  if (j >= 0) {
    throw new MigrascoreError(`${expr}, line 1: the sample ID ${JSON.stringify(samples[j])} (sample ${j + 1}) holds a tab or a line break, which would corrupt the score table. Rename that sample in the matrix header.`);
  }
  const k = sets.findIndex(hasTsvBreak);
  if (k >= 0) throw new MigrascoreError(`The gene-set name ${JSON.stringify(sets[k])} holds a tab or a line break, which would corrupt the score table. Rename the set.`);
}
