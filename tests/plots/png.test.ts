import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgToPng, withFontFallbacks } from '../../src/plots/png.js';
import { forestFigure } from '../../src/plots/forestFigure.js';
import { renderSvg } from '../../src/plots/render.js';

/** Whether the usual font directories hold at least one TrueType/OpenType font. */
function hasSystemFont(): boolean {
  const walk = (dir: string, depth: number): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) =>
      e.isDirectory() ? depth < 4 && walk(join(dir, e.name), depth + 1) : /\.(ttf|otf|ttc)$/i.test(e.name));
  };
  return ['/usr/share/fonts', '/usr/local/share/fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'].some((d) => walk(d, 0));
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="50" viewBox="0 0 120 50">' +
  '<rect x="10" y="10" width="40" height="20" fill="#D55E00"/>' +
  '<text x="60" y="30" font-family="Helvetica, Arial, sans-serif" font-size="12">HR 2.0</text></svg>';

describe('svgToPng', () => {
  it('returns a PNG at 2× by default', () => {
    const png = svgToPng(SVG);
    expect(png).toBeInstanceOf(Uint8Array);
    expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(pngSize(png)).toEqual({ width: 240, height: 100 });
  });

  it('honours scale and background', () => {
    const png = svgToPng(SVG, { scale: 1, background: 'white' });
    expect(pngSize(png)).toEqual({ width: 120, height: 50 });
    expect(() => svgToPng(SVG, { scale: 0 })).toThrow(RangeError);
  });

  it('still produces a PNG without any fonts', () => {
    const png = svgToPng(SVG, { loadSystemFonts: false });
    expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(pngSize(png)).toEqual({ width: 240, height: 100 });
  });

  it.skipIf(!hasSystemFont())('draws text when system fonts are available', () => {
    const noText = SVG.replace(/<text.*<\/text>/, '');
    const withFonts = svgToPng(SVG, { background: 'white' });
    expect(Buffer.from(withFonts).equals(Buffer.from(svgToPng(noText, { background: 'white' })))).toBe(false);
    // without fonts the text is simply not drawn
    const without = svgToPng(SVG, { background: 'white', loadSystemFonts: false });
    expect(Buffer.from(without).equals(Buffer.from(svgToPng(noText, { background: 'white', loadSystemFonts: false })))).toBe(true);
  });

  it('adds metric-compatible fallbacks before the generic family', () => {
    const list = withFontFallbacks('Helvetica, Arial, sans-serif');
    expect(list.startsWith('Helvetica, Arial, ')).toBe(true);
    expect(list.endsWith(', sans-serif')).toBe(true);
    expect(list).toContain("'Liberation Sans'");
    expect(withFontFallbacks('monospace')).toBe('monospace');
  });

  it('converts a rendered figure', async () => {
    const svg = await renderSvg(forestFigure({
      rows: [{ cancer: 'KIRC', n: 530, events: 175, hr: 2.05, lower: 1.52, upper: 2.75, p: 2e-6, fdr: 3e-5 }],
      hrLabel: 'HR (high vs low score)',
    }));
    const w = Number(/width="(\d+)"/.exec(svg)![1]);
    const h = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = svgToPng(svg);
    expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(pngSize(png)).toEqual({ width: 2 * w, height: 2 * h });
  });
});
