// SVG → PNG with resvg (a Rust SVG renderer; no browser, no canvas, no network).
//
// resvg does not go through fontconfig, so a family list such as our figures'
// "Helvetica, Arial, sans-serif" finds nothing on a typical Linux box (no Helvetica,
// no Arial) and the generic `sans-serif` maps to a fixed name. We therefore append
// metric-compatible free substitutes (Liberation Sans / Arimo / Nimbus Sans have
// Helvetica/Arial widths, so the layout computed by render.ts still fits) and a few
// common sans fonts before the generic family in every font-family list of the SVG.
// Without any usable font the PNG is still produced — the text is just not drawn.

import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

export interface SvgToPngOptions {
  /** Pixel density relative to the SVG's user units (default 2, i.e. "@2x"). */
  scale?: number;
  /** Background colour (any CSS colour); default: as the SVG has it (transparent where it draws nothing). */
  background?: string;
  /** Load the system's fonts (default true). */
  loadSystemFonts?: boolean;
  /** Extra font files to load (e.g. a bundled Helvetica-compatible font). */
  fontFiles?: string[];
  /** Extra font directories to load. */
  fontDirs?: string[];
}

/**
 * Families tried, in this order, after the SVG's own list (before its generic family):
 * first Helvetica/Arial metric clones, then widespread sans fonts.
 */
export const PNG_FONT_FALLBACKS: readonly string[] = [
  'Helvetica',
  'Arial',
  'Liberation Sans',
  'Arimo',
  'Nimbus Sans',
  'Nimbus Sans L',
  'TeX Gyre Heros',
  'FreeSans',
  'Helvetica Neue',
  'Noto Sans',
  'Roboto',
  'Open Sans',
  'DejaVu Sans',
  'Bitstream Vera Sans',
  'Verdana',
];

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

function unquote(name: string): string {
  const s = name.trim();
  return /^(['"]).*\1$/.test(s) ? s.slice(1, -1).trim() : s;
}

/** A font-family list with the fallbacks inserted before the first generic family (or at the end). */
export function withFontFallbacks(list: string): string {
  const names = list.split(',').map(unquote).filter((s) => s.length > 0);
  const generic = names.findIndex((n) => GENERIC.has(n.toLowerCase()));
  const own = generic < 0 ? names : names.slice(0, generic);
  const tail = generic < 0 ? ['sans-serif'] : names.slice(generic);
  if (tail[0]?.toLowerCase() === 'monospace' || tail[0]?.toLowerCase() === 'serif') return list; // leave non-sans lists alone
  const seen = new Set(own.map((n) => n.toLowerCase()));
  const extra = PNG_FONT_FALLBACKS.filter((n) => !seen.has(n.toLowerCase()));
  const quote = (n: string) => (GENERIC.has(n.toLowerCase()) || /^[A-Za-z-]+$/.test(n) ? n : `'${n.replace(/'/g, '')}'`);
  return [...own, ...extra, ...tail].map(quote).join(', ');
}

/** Every font-family attribute / CSS declaration of the SVG given the fallbacks. */
function addFontFallbacks(svg: string): string {
  return svg
    .replace(/font-family="([^"]*)"/g, (_m, list: string) => `font-family="${withFontFallbacks(list.replace(/&quot;/g, '"'))}"`)
    .replace(/font-family='([^']*)'/g, (_m, list: string) => `font-family='${withFontFallbacks(list).replace(/'/g, '"')}'`)
    .replace(/font-family:\s*([^;"}]+)/g, (_m, list: string) => `font-family: ${withFontFallbacks(list)}`);
}

/** Render an SVG string to PNG bytes (default 2× scale). Throws if the SVG cannot be parsed. */
export function svgToPng(svg: string, options: SvgToPngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`svgToPng: scale must be a positive number, got ${scale}`);
  const resvgOptions: ResvgRenderOptions = {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: options.loadSystemFonts ?? true,
      fontFiles: options.fontFiles ?? [],
      fontDirs: options.fontDirs ?? [],
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
      defaultFontSize: 12,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
    ...(options.background !== undefined ? { background: options.background } : {}),
  };
  const image = new Resvg(addFontFallbacks(svg), resvgOptions).render();
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
