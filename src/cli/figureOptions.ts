// Figure-file flags shared by `survival` and `pancan`: which copies of each SVG to write.
import type { Command } from 'commander';
import type { FigureFormats } from '../pipeline/figureFiles.js';

export function addFigureOptions(command: Command): Command {
  return command
    .option('--png', 'also write PNG copies of every figure')
    .option('--pdf', 'also write a vector PDF (fonts embedded) of every figure');
}

export function figureFormats(o: Record<string, any>): FigureFormats {
  return { png: Boolean(o.png), pdf: Boolean(o.pdf) };
}
