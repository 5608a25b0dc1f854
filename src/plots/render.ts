// Headless rendering of Vega-Lite specs to SVG: vega-lite compile → vega View with
// renderer 'none' → view.toSVG(). No node-canvas, no network, no file access.
//
// Without a canvas, vega measures text with a crude estimate (0.8 × font size per
// character), which makes layouts (legend spacing, axis-title offsets) far too loose.
// While rendering we therefore swap in width estimates from Helvetica's font metrics
// (Arial/Liberation Sans are metric-compatible), which is what our specs ask for —
// the same hook vl-convert uses (a user-defined `textMetrics.width`). npm may install
// several copies of vega-scenegraph (vega pins ~5.1 while vega-view wants ^5.2), each
// with its own `textMetrics`, so we patch every copy the vega modules resolve to.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';

// Advance widths (1/1000 em) of Helvetica for ASCII 32..126.
// prettier-ignore
const HELVETICA_ASCII: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '..'/'
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // '0'..'?'
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // '@'..'O'
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 'P'..'_'
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // '`'..'o'
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // 'p'..'~'
];

const HELVETICA_EXTRA: Readonly<Record<string, number>> = {
  '\u2013': 556, // en dash
  '\u2014': 1000, // em dash
  '\u2212': 584, // minus
  '\u00d7': 584, // multiplication sign
  '\u2264': 549,
  '\u2265': 549,
  '\u00b1': 584,
  '\u2026': 1000, // ellipsis
  '\u00a0': 278,
};

/**
 * Estimated width in pixels of `text` set in Helvetica/Arial at `fontSize` px
 * (bold ≈ 6% wider). Unknown characters count as 0.6 em, wide (CJK etc.) as 1 em.
 */
export function estimateTextWidth(text: string, fontSize = 11, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126) units += HELVETICA_ASCII[code - 32];
    else if (HELVETICA_EXTRA[ch] !== undefined) units += HELVETICA_EXTRA[ch];
    else if (code >= 0x2e80) units += 1000;
    else units += 600;
  }
  return (units / 1000) * fontSize * (bold ? 1.06 : 1);
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

function isBold(weight: unknown): boolean {
  if (weight == null) return false;
  if (typeof weight === 'number') return weight >= 600;
  const w = String(weight).toLowerCase();
  return w === 'bold' || w === 'bolder' || (/^\d+$/.test(w) && Number(w) >= 600);
}

function itemTextWidth(item: TextItem, text: unknown): number {
  const fontSize = item.fontSize != null ? +item.fontSize || 0 : 11;
  const s = text == null ? '' : String(text).trim();
  return estimateTextWidth(s, fontSize, isBold(item.fontWeight));
}

// Swap vega's text-width estimate for ours while at least one render is running
// (reference counted so overlapping renders are safe). Left alone if a canvas is in use.
let metricsUsers = 0;

interface TextMetricsLike {
  width: unknown;
  estimateWidth: unknown;
}

function isTextMetrics(x: unknown): x is TextMetricsLike {
  return typeof x === 'object' && x !== null && 'width' in x && 'estimateWidth' in x;
}

// vega modules that lay out or render text, each resolved from vega's own location
const SCENEGRAPH_USERS = ['vega-view', 'vega-view-transforms', 'vega-encode', 'vega-label', 'vega-parser', 'vega-functions'];

let metricsInstances: Promise<TextMetricsLike[]> | null = null;

/** Every distinct `textMetrics` object of the vega-scenegraph copies vega uses (cached). */
function findTextMetrics(vegaTextMetrics: unknown): Promise<TextMetricsLike[]> {
  metricsInstances ??= (async () => {
    const found = new Set<TextMetricsLike>();
    if (isTextMetrics(vegaTextMetrics)) found.add(vegaTextMetrics);
    const paths = new Set<string>();
    try {
      const fromVega = createRequire(createRequire(import.meta.url).resolve('vega'));
      paths.add(fromVega.resolve('vega-scenegraph'));
      for (const pkg of SCENEGRAPH_USERS) {
        try {
          paths.add(createRequire(fromVega.resolve(pkg)).resolve('vega-scenegraph'));
        } catch {
          // not installed separately: it uses a copy we already have
        }
      }
    } catch {
      // unusual layout: fall back to vega's own copy
    }
    for (const path of [...paths].sort()) {
      try {
        const sg = (await import(pathToFileURL(path).href)) as { textMetrics?: unknown };
        if (isTextMetrics(sg.textMetrics)) found.add(sg.textMetrics);
      } catch {
        // skip
      }
    }
    return [...found];
  })();
  return metricsInstances;
}

const savedWidths = new Map<TextMetricsLike, unknown>();

function acquireMetrics(all: TextMetricsLike[]): void {
  if (metricsUsers === 0) {
    for (const tm of all) {
      // leave a real (canvas) measurer alone
      if (tm.width === tm.estimateWidth) {
        savedWidths.set(tm, tm.width);
        tm.width = itemTextWidth;
      }
    }
  }
  metricsUsers++;
}

function releaseMetrics(): void {
  metricsUsers--;
  if (metricsUsers === 0) {
    for (const [tm, width] of savedWidths) tm.width = width;
    savedWidths.clear();
  }
}

/** A vega loader that refuses every load (plots here carry their data inline), noting each attempt. */
function noIoLoader(refused: string[]) {
  const refuse = (what: string): Promise<never> => {
    refused.push(what);
    return Promise.reject(new Error(`renderSvg: ${what} refused (data must be inline)`));
  };
  return {
    load: (uri: string) => refuse(`load of ${uri}`),
    sanitize: (uri: string) => refuse(`resource ${uri}`),
    http: (uri: string) => refuse(`http ${uri}`),
    file: (filename: string) => refuse(`file ${filename}`),
  };
}

/**
 * Render a Vega-Lite spec to an SVG string, headless (no canvas, no network, no files).
 * Throws if the spec does not compile, the dataflow fails, or the spec asks for external data.
 */
export async function renderSvg(vegaLiteSpec: TopLevelSpec | object): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const { spec } = vl.compile(vegaLiteSpec as TopLevelSpec);
  const metrics = await findTextMetrics((vega as unknown as { textMetrics?: unknown }).textMetrics);
  acquireMetrics(metrics);
  const refused: string[] = [];
  const loader = noIoLoader(refused) as unknown as ReturnType<typeof vega.loader>;
  const view = new vega.View(vega.parse(spec), { renderer: 'none', loader, logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    // vega logs failed loads instead of throwing; a figure with missing data is an error here
    if (refused.length > 0) throw new Error(`renderSvg: external ${refused.join(', ')} refused (data must be inline)`);
    return svg;
  } finally {
    view.finalize();
    releaseMetrics();
  }
}
