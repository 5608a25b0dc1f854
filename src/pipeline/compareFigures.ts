// The figures of a `compare` run (filled in once the figure builders land).
import type { OutputFile } from '../io/output.js';
import type { CompareOptions, CompareRun } from './compare.js';
import type { FigureFormats, RenderedFigure } from './figureFiles.js';

export async function compareFigures(_run: CompareRun, _opts: CompareOptions, _formats: FigureFormats): Promise<{ files: OutputFile[]; rendered: RenderedFigure[] }> {
  return { files: [], rendered: [] };
}
