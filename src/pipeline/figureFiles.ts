// One way to turn a figure into files, for every command: `<name>.vl.json` (the spec,
// data inline), `<name>.svg`, and the copies asked for (`--png`, `--pdf`; further formats
// are added in figureCopies only).
import { toJson, type OutputFile } from '../io/output.js';
import { figureFonts } from '../io/figureFonts.js';
import { svgToPdf } from '../plots/pdf.js';
import { svgToPng } from '../plots/png.js';
import { renderSvg } from '../plots/render.js';

/** Which copies of each SVG figure a run writes beside it. */
export interface FigureFormats {
  png: boolean;
  /** Vector PDF, fonts embedded. */
  pdf?: boolean;
}

/** A figure rendered once, written as files and inlined in the report. */
export interface RenderedFigure {
  /** File stem, e.g. "km", "forest". */
  name: string;
  title: string;
  spec: object;
  svg: string;
  caption?: string;
}

export async function renderFigure(name: string, title: string, spec: object, caption?: string): Promise<RenderedFigure> {
  return { name, title, spec, svg: await renderSvg(spec as never), caption };
}

/** The copies of one SVG (PNG, PDF) next to `stem` (a path without extension). */
export function figureCopies(stem: string, svg: string, formats: FigureFormats): OutputFile[] {
  const files: OutputFile[] = [];
  if (formats.png) files.push({ name: `${stem}.png`, content: svgToPng(svg) });
  if (formats.pdf) files.push({ name: `${stem}.pdf`, content: svgToPdf(svg, { fonts: figureFonts() }) });
  return files;
}

/** A figure's files in folder `dir` ('' or ending in '/'): spec, SVG and copies. */
export function figureFiles(dir: string, f: RenderedFigure, formats: FigureFormats): OutputFile[] {
  return [
    { name: `${dir}${f.name}.vl.json`, content: toJson(f.spec) },
    { name: `${dir}${f.name}.svg`, content: f.svg },
    ...figureCopies(`${dir}${f.name}`, f.svg, formats),
  ];
}
