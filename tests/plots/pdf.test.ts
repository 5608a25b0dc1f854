// SVG → PDF: vector paths, text kept as text in embedded TrueType fonts, deterministic.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { figureFonts } from '../../src/io/figureFonts.js';
import { kaplanMeierFigure } from '../../src/plots/kmFigure.js';
import { svgSize, svgToPdf } from '../../src/plots/pdf.js';
import { renderSvg } from '../../src/plots/render.js';
import { smallKmInput } from '../helpers/kmInput.js';

/** Every stream of the PDF (inflated when Flate-compressed) with its dictionary text. */
function streams(pdf: Uint8Array): { obj: number; dict: string; data: Buffer }[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: { obj: number; dict: string; data: Buffer }[] = [];
  const re = /(\d+) 0 obj\s*<<((?:(?!<<|>>)[\s\S]|<<[\s\S]*?>>)*)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let data = Buffer.from(pdf.subarray(start, end));
    if (/\/Filter\s*\/FlateDecode/.test(m[2])) data = inflateSync(data);
    out.push({ obj: Number(m[1]), dict: m[2], data });
  }
  return out;
}

/** Unicode text each ToUnicode CMap maps glyphs to (bfchar and bfrange targets). */
function mappedText(pdf: Uint8Array): string {
  let s = '';
  for (const st of streams(pdf)) {
    const cmap = st.data.toString('latin1');
    if (!cmap.includes('begincmap')) continue;
    for (const m of cmap.matchAll(/<([0-9a-fA-F]{4})>\s*(?:<[0-9a-fA-F]{4}>\s*)?<([0-9a-fA-F]{4,})>/g)) s += String.fromCharCode(parseInt(m[2].slice(0, 4), 16));
    for (const m of cmap.matchAll(/\[((?:\s*<[0-9a-fA-F]+>)+)\s*\]/g)) for (const h of m[1].matchAll(/<([0-9a-fA-F]{4})>/g)) s += String.fromCharCode(parseInt(h[1], 16));
  }
  return s;
}

describe('svgToPdf', async () => {
  const svg = await renderSvg(kaplanMeierFigure(smallKmInput({ title: 'Overall survival' })));
  const pdf = svgToPdf(svg, { fonts: figureFonts() });
  const raw = Buffer.from(pdf).toString('latin1');

  it('writes a one-page PDF of the SVG size in points', () => {
    expect(raw.startsWith('%PDF-1.4')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    const { width, height } = svgSize(svg);
    const box = /\/MediaBox \[([^\]]+)\]/.exec(raw)![1].trim().split(/\s+/).map(Number);
    expect(box).toEqual([0, 0, width * 0.75, height * 0.75]);
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('embeds its TrueType fonts (no unembedded standard font)', () => {
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo-Bold/);
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    const refs = new Set([...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((m) => Number(m[1])));
    const fontFiles = streams(pdf).filter((s) => refs.has(s.obj));
    expect(fontFiles.length).toBe(refs.size);
    expect(fontFiles.length).toBeGreaterThanOrEqual(2);
    // a TrueType font program: sfnt version 1.0 or 'true', with glyph outlines ('glyf')
    for (const f of fontFiles) {
      expect([0x00010000, 0x74727565]).toContain(f.data.readUInt32BE(0));
      expect(f.data.includes(Buffer.from('glyf'))).toBe(true);
    }
  });

  it('keeps text as text and shapes as vector paths', () => {
    const page = streams(pdf).map((s) => s.data.toString('latin1')).filter((s) => s.includes(' Tf')).join('\n');
    expect(page).toMatch(/\bBT\b[\s\S]*\bTf\b[\s\S]*\b(Tj|TJ)\b[\s\S]*\bET\b/);
    expect(page.match(/\bTf\b/g)!.length).toBeGreaterThan(20); // every label set in a font, not drawn as outlines
    expect(page).toMatch(/ [lc]\n/); // lines and curves
    expect(page).toMatch(/\b(S|f)\n/); // stroked and filled
    expect(page).not.toMatch(/\/Im\d+ Do/); // no raster image
    const mapped = mappedText(pdf);
    for (const ch of 'Log-rank p=0.124Number at risk%–') expect(mapped, ch).toContain(ch);
  });

  it('gives the same bytes for the same figure', () => {
    expect(Buffer.from(svgToPdf(svg, { fonts: figureFonts() })).equals(Buffer.from(pdf))).toBe(true);
  });

  it('reads the SVG size and refuses what is not an SVG', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"></svg>')).toEqual({ width: 120, height: 80 });
    expect(svgSize('<svg viewBox="0 0 30 20"></svg>')).toEqual({ width: 30, height: 20 });
    expect(() => svgSize('<html></html>')).toThrow(/not an SVG/);
    expect(() => svgToPdf(svg, { fonts: figureFonts(), scale: 0 })).toThrow(RangeError);
  });
});
