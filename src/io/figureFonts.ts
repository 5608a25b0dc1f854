// The font files embedded in PDF figures: Arimo (Steve Matteson; SIL Open Font License
// 1.1, which allows embedding), metric-compatible with Arial/Helvetica, the figures'
// font, so text fits where render.ts measured it. Shipped as TrueType by the npm
// package @expo-google-fonts/arimo (its LICENSE_FONT holds the licence).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfFonts } from '../plots/pdf.js';

let cached: PdfFonts | null = null;

/** Arimo regular, bold, italic and bold italic, read once. */
export function figureFonts(): PdfFonts {
  if (cached) return cached;
  const dir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/arimo/package.json'));
  const read = (style: string) => new Uint8Array(readFileSync(join(dir, style, `Arimo_${style}.ttf`)));
  cached = {
    regular: read('400Regular'),
    bold: read('700Bold'),
    italic: read('400Regular_Italic'),
    boldItalic: read('700Bold_Italic'),
  };
  return cached;
}
