// SVG figures inlined into the report. SVG strings (from renderSvg) are inlined as they
// are, except that their IDs (clip paths, gradients) get a per-figure prefix so the
// figures of one page cannot resolve each other's `url(#…)` references, and any
// reference to an external resource inside them is dropped.

import { escapeHtml } from './format.js';
import type { ReportFigure } from './model.js';

const EXTERNAL_ATTR = /^(?:href|xlink:href|src)$/i;
const IDREF_LIST_ATTR = /^(?:aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-flowto|aria-details)$/i;

/**
 * Give every ID of an SVG string the prefix `prefix`, and rewrite the references to
 * them (`url(#id)` in attributes, `href="#id"`, aria ID lists). Links or loads of
 * anything but a fragment or a data: URL (`href`, `xlink:href`, `src`) are removed.
 * Works on tags only, so text content is never touched.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const tagRe = /<[A-Za-z][^<>]*>/g;
  const attrRe = /(\s)([A-Za-z_:][-A-Za-z0-9_:.]*)(\s*=\s*)("([^"]*)"|'([^']*)')/g;
  const ids = new Set<string>();
  for (const tag of svg.match(tagRe) ?? []) {
    for (const m of tag.matchAll(attrRe)) {
      if (m[2].toLowerCase() === 'id') ids.add(m[5] ?? m[6] ?? '');
    }
  }
  const map = (id: string) => (ids.has(id) ? prefix + id : id);
  const rewriteValue = (name: string, value: string): string | null => {
    const lower = name.toLowerCase();
    if (lower === 'id') return map(value);
    if (EXTERNAL_ATTR.test(lower)) {
      const v = value.trim();
      if (v.startsWith('#')) return `#${map(v.slice(1))}`;
      if (/^data:/i.test(v)) return value;
      return null; // an external link or load: dropped
    }
    if (IDREF_LIST_ATTR.test(lower)) return value.split(/\s+/).map((id) => (id ? map(id) : id)).join(' ');
    return value.replace(/url\(\s*(['"]?)#([^'")\s]+)\1\s*\)/g, (_m, q: string, id: string) => `url(${q}#${map(id)}${q})`);
  };
  return svg.replace(tagRe, (tag) =>
    tag.replace(attrRe, (whole, sp: string, name: string, eq: string, _quoted: string, dq?: string, sq?: string) => {
      const value = dq ?? sq ?? '';
      const next = rewriteValue(name, value);
      if (next === null) return '';
      if (next === value) return whole;
      const q = dq !== undefined ? '"' : "'";
      return `${sp}${name}${eq}${q}${next}${q}`;
    }),
  );
}

/** The `<svg …>…</svg>` element of a renderer output (XML prolog, doctype, comments dropped), or null. */
function svgElement(svg: string): string | null {
  const s = svg
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[\s\S]*?\?>/, '')
    .replace(/^\s*<!DOCTYPE[^>]*>/i, '')
    .replace(/^(\s*<!--[\s\S]*?-->)+/, '')
    .trim();
  return /^<svg[\s>]/i.test(s) && /<\/svg>$/i.test(s) ? s : null;
}

/** A relative link to an output file (each path segment URL-encoded), showing its base name. */
export function fileLink(path: string, label = path.slice(path.lastIndexOf('/') + 1)): string {
  return `<a href="${escapeHtml(path.split('/').map(encodeURIComponent).join('/'))}" class="file">${escapeHtml(label)}</a>`;
}

/** Hands out the per-figure ID prefixes: fig1-, fig2-, … (never equal to a page ID). */
export class FigureCounter {
  private n = 0;
  next(): string {
    this.n++;
    return `fig${this.n}-`;
  }
}

export function renderFigure(fig: ReportFigure, counter: FigureCounter, cls: string): string {
  const prefix = counter.next();
  const element = svgElement(fig.svg);
  const body =
    element === null
      ? `<div class="fig-missing">Figure not available${fig.svg.trim() === '' ? '' : ' (not an SVG image)'}</div>`
      : scopeSvgIds(element, prefix);
  return (
    `<figure class="${cls}" data-figure="${escapeHtml(fig.id)}">` +
    `<span class="fig-title">${escapeHtml(fig.title)}</span>` +
    body +
    (fig.caption ? `<figcaption>${escapeHtml(fig.caption)}</figcaption>` : '') +
    (fig.files?.length ? `<div class="fig-files">Files: ${fig.files.map((f) => fileLink(f)).join(' ')}</div>` : '') +
    `</figure>`
  );
}
