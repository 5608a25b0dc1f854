// SVG → PDF with PDFKit and svg-to-pdfkit (pure JavaScript: no browser, no native
// build). The PDF is vector: paths stay paths and text stays text, set in TrueType
// fonts that are embedded (subset, FontFile2) — journals refuse PDFs whose fonts are
// not embedded, and PDF's standard 14 fonts never are. The figures' font list
// ("Helvetica, Arial, sans-serif") maps to the fonts given here; Arimo (metric-compatible
// with Arial/Helvetica, SIL OFL 1.1) keeps the layout render.ts computed.
// Pure: SVG text and font bytes in, PDF bytes out; the same input gives the same bytes.

import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';
import type SvgToPdfKit from 'svg-to-pdfkit';

// PDFKit and svg-to-pdfkit take ~0.15 s to load: loaded with the first PDF, not with every command.
let pdfLibraries: { PDFDocument: typeof PDFKit; SVGtoPDF: typeof SvgToPdfKit } | undefined;
function libraries(): NonNullable<typeof pdfLibraries> {
  const require = createRequire(import.meta.url);
  pdfLibraries ??= { PDFDocument: require('pdfkit') as typeof PDFKit, SVGtoPDF: require('svg-to-pdfkit') as typeof SvgToPdfKit };
  return pdfLibraries;
}

/** TrueType (or OpenType) font files: bytes of each style used by the figures. */
export interface PdfFonts {
  regular: Uint8Array;
  bold?: Uint8Array;
  italic?: Uint8Array;
  boldItalic?: Uint8Array;
}

export interface SvgToPdfOptions {
  fonts: PdfFonts;
  /** PDF points per SVG pixel (default 0.75: a CSS pixel is 1/96 in, a point 1/72 in). */
  scale?: number;
  /** Document title (the PDF's Info dictionary). */
  title?: string;
  /** Creation date recorded in the PDF (default 1970-01-01: the same figure gives the same bytes). */
  creationDate?: Date;
}

/** Width and height of an SVG from its root element's attributes (else its viewBox). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) throw new Error('svgToPdf: not an SVG document (no <svg> element)');
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  let width = Number.parseFloat(attr('width') ?? '');
  let height = Number.parseFloat(attr('height') ?? '');
  const viewBox = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (!(width > 0) && viewBox?.length === 4) width = viewBox[2];
  if (!(height > 0) && viewBox?.length === 4) height = viewBox[3];
  if (!(width > 0) || !(height > 0)) throw new Error('svgToPdf: the SVG has no width and height');
  return { width, height };
}

/** Render an SVG string to a one-page PDF of the same size (default 0.75 pt per px). */
export function svgToPdf(svg: string, options: SvgToPdfOptions): Uint8Array {
  const scale = options.scale ?? 0.75;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`svgToPdf: scale must be a positive number, got ${scale}`);
  const { width, height } = svgSize(svg);
  const W = width * scale;
  const H = height * scale;
  const { PDFDocument, SVGtoPDF } = libraries();
  const doc = new PDFDocument({
    size: [W, H],
    margin: 0,
    compress: true,
    pdfVersion: '1.4', // transparency (band and point opacity) needs 1.4
    info: { ...(options.title ? { Title: options.title } : {}), Creator: 'migrascore', Producer: 'migrascore (PDFKit)', CreationDate: options.creationDate ?? new Date(0) },
  });

  const f = options.fonts;
  const buffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  doc.registerFont('regular', buffer(f.regular));
  doc.registerFont('bold', buffer(f.bold ?? f.regular));
  doc.registerFont('italic', buffer(f.italic ?? f.regular));
  doc.registerFont('boldItalic', buffer(f.boldItalic ?? f.bold ?? f.regular));
  // fake a missing style rather than drop it
  const fontCallback = (_family: string, bold: boolean, italic: boolean, faux: { fauxBold: boolean; fauxItalic: boolean }) => {
    if (bold && !f.bold && !(italic && f.boldItalic)) faux.fauxBold = true;
    if (italic && !f.italic && !(bold && f.boldItalic)) faux.fauxItalic = true;
    return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
  };

  SVGtoPDF(doc, svg, 0, 0, {
    width: W,
    height: H,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback,
    warningCallback: () => {}, // (vega's SVG uses nothing it cannot draw; its notes are not for users)
  });
  doc.end();
  // PDFKit writes the whole document during end() (fonts are embedded synchronously);
  // nothing is listening, so every chunk waits in the stream's buffer
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  if (!bytes.subarray(Math.max(0, bytes.length - 16)).toString('latin1').includes('%%EOF')) throw new Error('svgToPdf: PDFKit did not finish the document');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
