// PNG and PDF copies of a rendered figure, written beside its SVG on request
// (`--png`, `--pdf`), shared by every command that draws figures.
import { figureFonts } from '../io/figureFonts.js';
import type { OutputFile } from '../io/output.js';
import { svgToPdf } from '../plots/pdf.js';
import { svgToPng } from '../plots/png.js';

export interface FigureCopyOptions {
  png?: boolean;
  pdf?: boolean;
}

/** `<name>.png` and/or `<name>.pdf` for the SVG of figure `<name>` (a path without extension). */
export async function figureCopies(name: string, svg: string, options: FigureCopyOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (options.png) files.push({ name: `${name}.png`, content: svgToPng(svg) });
  if (options.pdf) files.push({ name: `${name}.pdf`, content: await svgToPdf(svg, { fonts: figureFonts() }) });
  return files;
}
