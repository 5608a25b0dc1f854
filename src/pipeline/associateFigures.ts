// The figures of an `associate` run: the cancer × numeric-variable heatmap of Spearman's
// rho, the score by level of each categorical variable (box plots with the test and the
// significant pairs), and with --scatter the score against one numeric variable per cancer.
import type { OutputFile } from '../io/output.js';
import { associateBoxFigure } from '../plots/associateBoxFigure.js';
import { associateHeatmapFigure } from '../plots/associateHeatmapFigure.js';
import { associateScatterFigure } from '../plots/associateScatterFigure.js';
import { sortLevels } from '../survival/design.js';
import { columnDisplays, labelMap } from '../tcga/columnLabels.js';
import type { AssociateOptions, AssociateRun } from './associate.js';
import { folderNames } from './cancerFolders.js';
import { scoreText } from './figureLabels.js';
import { figureFiles, renderFigure, type FigureFormats, type RenderedFigure } from './figureFiles.js';

export interface AssociateFigureSet {
  files: OutputFile[];
  figures: { dir: string; figure: RenderedFigure }[];
}

export async function associateFigures(run: AssociateRun, opts: AssociateOptions & { scatter?: string[]; method?: string }, formats: FigureFormats): Promise<AssociateFigureSet> {
  const score = run.expr ? scoreText(run.scoreName, run.expr.request.method) : `${run.scoreName} score`;
  const cancers = run.cohorts.map((c) => c.cancer);
  const figures: AssociateFigureSet['figures'] = [];
  // a built-in table's columns get their labels and units; a user's file keeps its column names
  const displays = columnDisplays(opts.with, run.variables.map((v) => v.name));
  const labels = labelMap(displays);
  const display = (name: string) => displays.find((d) => d.name === name)!;
  const numeric = run.variables.filter((v) => v.type === 'numeric').map((v) => v.name);
  if (numeric.length > 0) {
    figures.push({ dir: '', figure: await renderFigure('associate_heatmap', `${score}: Spearman correlation with ${numeric.length} numeric variable${numeric.length === 1 ? '' : 's'}`, associateHeatmapFigure({
      rows: run.rows, skipped: run.skipped, cancers, variables: numeric, labels, scoreLabel: score,
      subtitle: `${cancers.length === 1 && cancers[0] === 'all' ? 'All samples as one cohort' : `Within each of ${cancers.length} cancer types`}; stars: BH FDR over all tests`,
    }), 'Colour: Spearman rho (cor.test); * FDR < 0.05 (Benjamini–Hochberg over all tests); grey: not tested (reason in the tooltip and associate_skipped.tsv).') });
  }
  const folders = folderNames(run.variables.map((v) => v.name));
  for (const v of run.variables.filter((x) => x.type === 'categorical')) {
    const samples = run.cohorts.flatMap((c) => c.rows.map((r, i) => ({ sample: run.table.ids[r], cancer: c.cancer, level: v.levels![r], score: c.scores[i] })));
    const tested = run.rows.filter((r) => r.variable === v.name);
    const levels = sortLevels(tested.flatMap((r) => r.levels ?? []));
    if (levels.length === 0) continue;
    const drawn = cancers.filter((c) => tested.some((r) => r.cancer === c));
    figures.push({ dir: 'box/', figure: await renderFigure(folders.get(v.name)!, `${score} by ${display(v.name).label}`, associateBoxFigure({
      variable: v.name, labels, levels, cancers: drawn, samples: samples.filter((s) => drawn.includes(s.cancer)), tests: tested, pairs: run.pairs, skipped: run.skipped, scoreLabel: score,
    }), 'Box: median and quartiles, whiskers to 1.5 IQR; Wilcoxon (two levels) or Kruskal–Wallis test per cancer; brackets: pairwise Wilcoxon tests with BH-adjusted p < 0.05.') });
  }
  for (const name of opts.scatter ?? []) {
    const v = run.variables.find((x) => x.name === name)!;
    const points = run.cohorts.flatMap((c) => c.rows.map((r, i) => ({ sample: run.table.ids[r], cancer: c.cancer, score: c.scores[i], value: Number.isNaN(v.numbers![r]) ? null : v.numbers![r] })));
    const unit = display(name).unit;
    figures.push({ dir: 'scatter/', figure: await renderFigure(folders.get(name)!, `${score} against ${display(name).label}`, associateScatterFigure({
      variable: name, labels, ...(unit ? { unit } : {}), cancers, points, tests: run.rows, skipped: run.skipped, scoreLabel: score,
    }), 'Spearman rho and p (cor.test) per panel; line: least-squares fit, for the eye only.') });
  }
  return { files: figures.flatMap(({ dir, figure }) => figureFiles(dir, figure, formats)), figures };
}
