// `migrascore score`: flags, help with examples; scores go to --out or stdout, the
// gene-matching report to stderr and to a JSON sidecar.
import { Command } from 'commander';
import { toJson, toTsv, writeOutputFiles } from '../io/output.js';
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

  # A matrix with samples in rows and genes across the header (pandas, spreadsheets)
  migrascore score --expr samples_by_genes.csv --transpose --out scores.tsv

Output: TSV with "sample" then one column per set, one row per sample in input order.
A report of found, alias-matched and missing genes goes to stderr and (with --out) to a
JSON sidecar (--report, default <out>.genes.json).`;

export function scoreCommand(): Command {
  return addScoringOptions(new Command('score')
    .description('Score every sample of an expression matrix for migrasome gene sets (GSVA 1.46-exact ssgsea, gsva, zscore, plage; singscore, mean, meanz).')
    .requiredOption('--expr <file>', 'expression matrix: genes in rows, samples in columns (TSV/CSV, optionally .gz)'))
    .option('--out <file>', 'output TSV (default: stdout)')
    .option('--report <file>', 'gene-matching report as JSON (default with --out: <out>.genes.json)')
    .addHelpText('after', EXAMPLES)
    .action(async (o) => {
      const req = scoreRequest(o, o.expr);
      const loaded = await loadForScoring(req);
      const matrix = onMethodScale(loaded.matrix, req, loaded.report);
      const check = newScoringCheck();
      const all = await scoreLoaded(matrix, loaded.sets, req, check);
      // Sets GSVA would drop on this matrix (constant genes) leave the output, as in R.
      const out = loaded.sets.map((s, i) => ({ s, col: all[i] })).filter(({ s }) => !check.excluded.some((e) => e.set === s.name));
      loaded.report.excluded_sets.push(...check.excluded);
      loaded.report.messages.push(...check.messages);
      if (check.constant_genes.length) loaded.report.constant_genes = check.constant_genes;
      const scores = out.map((o) => o.col);
      const tsv = toTsv(['sample', ...out.map((o) => o.s.name)], loaded.matrix.samples.map((sample, j) => [sample, ...scores.map((col) => col[j])]));
      process.stderr.write(formatGeneSetReport(loaded.report.genesets) + '\n');
      for (const m of loaded.report.messages) process.stderr.write(`migrascore: ${m}\n`);
      if (o.out) {
        const report = o.report ?? `${String(o.out).replace(/\.tsv$/i, '')}.genes.json`;
        writeOutputFiles([{ path: o.out, content: tsv }, { path: report, content: toJson(loaded.report) }], [o.expr, ...req.genesets]);
        process.stderr.write(`migrascore: wrote ${loaded.matrix.nSamples} samples × ${out.length} sets to ${o.out} (gene report: ${report})\n`);
      } else {
        if (o.report) writeOutputFiles([{ path: o.report, content: toJson(loaded.report) }], [o.expr, ...req.genesets]);
        process.stdout.write(tsv);
      }
    });
}
