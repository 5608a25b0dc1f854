// The figures of a `compare` run (filled in once the figure builders land).
import type { OutputFile } from '../io/output.js';
import type { CompareOptions, CompareRun } from './compare.js';
import type { FigureFormats, RenderedFigure } from './figureFiles.js';

export interface CompareFigureSet {
  files: OutputFile[];
  main: RenderedFigure[];
  /** --paired: one paired plot per cancer with pairs, in folder `dir`. */
  paired: { dir: string; figure: RenderedFigure }[];
}

export async function compareFigures(_run: CompareRun, _opts: CompareOptions, _formats: FigureFormats): Promise<CompareFigureSet> {
  return { files: [], main: [], paired: [] };
}
