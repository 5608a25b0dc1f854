// The figures of a `compare` run: the score by group per cancer (box and points, FDR
// marks), the per-gene log2 fold-change heatmap (--per-gene) and the paired plots
// (--paired; one per cancer with matched patients), each as spec, SVG and copies.
import type { OutputFile } from '../io/output.js';
import { compareFigure } from '../plots/compareFigure.js';
import { compareGenesFigure } from '../plots/compareGenesFigure.js';
import { pairedFigure } from '../plots/pairedFigure.js';
import { groupColors, type PaletteName } from '../plots/palette.js';
import type { CompareOptions, CompareRun } from './compare.js';
import { folderNames } from './cancerFolders.js';
import { scoreText } from './figureLabels.js';
import { figureFiles, renderFigure, type FigureFormats, type RenderedFigure } from './figureFiles.js';

export interface CompareFigureSet {
  files: OutputFile[];
  main: RenderedFigure[];
  /** --paired: one paired plot per cancer with pairs, in folder `dir`. */
  paired: { dir: string; figure: RenderedFigure }[];
}

export async function compareFigures(run: CompareRun, opts: CompareOptions & { palette?: string }, formats: FigureFormats): Promise<CompareFigureSet> {
  const { levels } = run;
  const score = scoreText(run.scoreName, opts.request.method);
  const palette = opts.palette && opts.palette !== 'default' ? groupColors(2, opts.palette as PaletteName) : undefined;
  const cancers = run.rows.map((r) => r.cancer);
  const within = cancers.length > 1 ? `within each of ${cancers.length} cancer types` : cancers[0] === 'all' ? 'as one cohort' : `within ${cancers[0]}`;
  const main: RenderedFigure[] = [];
  main.push(await renderFigure('compare', `${score}: ${levels.case} versus ${levels.reference}`, compareFigure({
    samples: run.samples.filter((s) => cancers.includes(s.cancer)), rows: run.rows, levels, scoreLabel: score, palette,
    subtitle: `Groups from ${run.grouping}; scored ${within} on both groups together`,
  }), `Box: median and quartiles (R boxplot whiskers at 1.5 IQR), points: samples. Two-sided Wilcoxon rank-sum test per cancer; stars mark BH FDR over cancers.`));
  if (opts.perGene && run.genes.length > 0) {
    main.push(await renderFigure('compare_heatmap', `Genes of ${run.scoreName}: log2 fold change, ${levels.case} versus ${levels.reference}`, compareGenesFigure({
      rows: run.genes, genes: run.geneNames, cancers, levels,
      title: `Genes of ${run.scoreName}: log2 fold change, ${levels.case} vs ${levels.reference}`,
      subtitle: `Mean ${levels.case} − mean ${levels.reference} of ${run.geneLog2 || run.scoring.report.log2.applied ? 'log2(x + 1) expression' : 'expression as given'}; Wilcoxon rank-sum per gene and cancer`,
    }), '* FDR < 0.05 (Benjamini–Hochberg over all gene × cancer tests); grey: not tested.'));
  }
  const paired: CompareFigureSet['paired'] = [];
  if (opts.paired) {
    const withPairs = run.rows.filter((r) => (r.n_pairs ?? 0) > 0);
    const folders = folderNames(withPairs.map((r) => r.cancer));
    for (const r of withPairs) {
      const one = withPairs.length === 1;
      const figure = await renderFigure(one ? 'paired' : folders.get(r.cancer)!, `${r.cancer}: paired ${levels.case} and ${levels.reference} samples`, pairedFigure({
        pairs: run.pairs.filter((p) => p.cancer === r.cancer), cancer: r.cancer, levels, scoreLabel: score, p: r.p_paired ?? null, palette,
      }), `Each line joins one patient's ${levels.reference} and ${levels.case} scores; Wilcoxon signed-rank test (${r.n_pairs} pairs).`);
      paired.push({ dir: one ? '' : 'paired/', figure });
    }
  }
  const files = [
    ...main.flatMap((f) => figureFiles('', f, formats)),
    ...paired.flatMap(({ dir, figure }) => figureFiles(dir, figure, formats)),
  ];
  return { files, main, paired };
}
