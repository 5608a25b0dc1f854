// The report as one self-contained HTML file: inline CSS, inline SVG figures, one tiny
// inline script (table sorting; the report reads fine without it). Nothing is loaded
// from anywhere: a Content-Security-Policy forbids every fetch, and the only URLs are
// DOI links of the citations. Pure: same model → same string.
//
// Every text of the model is escaped. SVG strings (from renderSvg) are inlined as they
// are, except that their IDs (clip paths, gradients) get a per-figure prefix so the
// figures of one page cannot resolve each other's `url(#…)` references, and any
// reference to an external resource inside them is dropped.

import { createHash } from 'node:crypto';
import type { GeneSetReport } from '../genes/resolve.js';
import type { JoinReport } from '../tcga/join.js';
import { formatPValue, formatRatio } from '../plots/kmFigure.js';
import type {
  CancerSection,
  EndpointSection,
  PancanTableRow,
  ReportFigure,
  ReportInput,
  ReportModel,
} from './model.js';
import { REPORT_CSS } from './styles.js';

// ---------------------------------------------------------------- escaping & formatting

/** Text for HTML content and (quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const NA = 'NA';

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A p-value or FDR with 3 significant digits ("0.0326", "1.2e-05"); null → "NA". */
export function formatP(p: number | null | undefined): string {
  return p == null ? NA : formatPValue(p);
}

/** A hazard ratio with 2 decimals ("2.63"); null → "NA". */
export function formatHr(hr: number | null | undefined): string {
  return hr == null ? NA : formatRatio(hr);
}

/** A number with `digits` significant digits, without exponent for ordinary magnitudes. */
export function formatSignificant(x: number | null | undefined, digits = 4): string {
  if (x == null || Number.isNaN(x)) return NA;
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e9) {
    const s = x.toPrecision(digits);
    if (!s.includes('e')) return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
    return String(Number(s));
  }
  return `${x < 0 ? '-' : ''}${formatPValue(a)}`;
}

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : NA;
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return NA;
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

/** "2024-05-01T12:34:56.789Z" → "2024-05-01 12:34 UTC"; anything unparseable as given. */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

/** "95%" from 0.95. */
function percent(level: number): string {
  return `${Number((level * 100).toFixed(2))}%`;
}

// ---------------------------------------------------------------- inline SVG

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

/** Hands out the per-figure ID prefixes: fig1-, fig2-, … (never equal to a page ID). */
class FigureCounter {
  private n = 0;
  next(): string {
    this.n++;
    return `fig${this.n}-`;
  }
}

function renderFigure(fig: ReportFigure, counter: FigureCounter, cls: string): string {
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
    `</figure>`
  );
}

// ---------------------------------------------------------------- sections

interface Context {
  fdr: number;
  conf: number;
  counter: FigureCounter;
}

function isSignificant(row: PancanTableRow, fdr: number): boolean {
  return finite(row.fdr) && row.fdr < fdr;
}

function significantCount(ep: EndpointSection, fdr: number): number {
  return ep.significantCount ?? ep.table.filter((r) => isSignificant(r, fdr)).length;
}

function endpointName(ep: EndpointSection): string {
  return ep.label ? `${ep.endpoint} — ${ep.label}` : ep.endpoint;
}

function header(model: ReportModel): string {
  const toc = [
    ['summary', 'Summary'],
    ['parameters', 'Parameters'],
    ['inputs', 'Inputs'],
    ['references', 'References'],
    ['genes', 'Gene matching'],
    ['results', 'Results'],
  ];
  return (
    `<header class="report-header">` +
    `<h1>${escapeHtml(model.title)}</h1>` +
    `<div class="meta"><span>migrascore ${escapeHtml(model.version)}</span>` +
    `<span>generated <time datetime="${escapeHtml(model.generatedAt)}">${escapeHtml(formatTimestamp(model.generatedAt))}</time></span>` +
    `<span>${model.endpoints.map((e) => escapeHtml(e.endpoint)).join(', ') || 'no endpoint'}</span></div>` +
    `<pre class="command">${escapeHtml(model.command)}</pre>` +
    `<nav class="toc" aria-label="Contents">${toc.map(([id, t]) => `<a href="#${id}">${t}</a>`).join('')}</nav>` +
    `</header>`
  );
}

function summarySection(model: ReportModel, ctx: Context): string {
  const cards = model.endpoints.map((ep) => {
    const analysed = ep.table.length;
    const sig = significantCount(ep, ctx.fdr);
    const sigRows = ep.table.filter((r) => isSignificant(r, ctx.fdr));
    const up = sigRows.filter((r) => finite(r.hr) && r.hr > 1).length;
    const down = sigRows.filter((r) => finite(r.hr) && r.hr < 1).length;
    const cont = ep.table.filter((r) => finite(r.fdr_continuous) && r.fdr_continuous < ctx.fdr).length;
    const samples = ep.table.reduce((s, r) => s + (Number.isFinite(r.n) ? r.n : 0), 0);
    const events = ep.table.reduce((s, r) => s + (Number.isFinite(r.events) ? r.events : 0), 0);
    const names = sigRows.map((r) => escapeHtml(r.cancer)).join(', ');
    const stat = (num: string, lbl: string, cls = '') => `<div class="stat${cls}"><span class="num">${num}</span><span class="lbl">${lbl}</span></div>`;
    return (
      `<div class="summary-card" data-endpoint="${escapeHtml(ep.endpoint)}">` +
      `<h3>${escapeHtml(ep.endpoint)}${ep.label ? ` <span class="muted">${escapeHtml(ep.label)}</span>` : ''}</h3>` +
      `<div class="stats">` +
      stat(String(analysed), 'cancer types analysed') +
      stat(String(sig), 'significant, score groups', ' sig') +
      stat(String(cont), 'significant, continuous score') +
      stat(String(ep.skipped.length), 'not analysed') +
      `</div>` +
      `<p>${formatCount(samples)} patients, ${formatCount(events)} events in the cancer types analysed.` +
      (sig > 0
        ? ` Significant by score group: ${names}` +
          (up + down > 0 ? ` (HR &gt; 1, high score worse: ${up}; HR &lt; 1: ${down}).` : '.')
        : ' No cancer type significant by score group.') +
      `</p></div>`
    );
  });
  const messages =
    model.messages.length > 0
      ? `<ul class="messages">${model.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`
      : `<ul class="messages"><li class="none">No warnings.</li></ul>`;
  return (
    `<section id="summary"><h2>Summary</h2>` +
    (cards.length ? `<div class="summary-grid">${cards.join('')}</div>` : `<p class="muted">No endpoint was analysed.</p>`) +
    (cards.length
      ? `<p class="table-note">Significant: Benjamini–Hochberg FDR &lt; ${ctx.fdr} across the cancer types analysed, ` +
        `for the log-rank test of the score groups or the Wald test of the continuous score (Cox).</p>`
      : '') +
    messages +
    `</section>`
  );
}

function parametersSection(model: ReportModel): string {
  const items = model.parameters.map((p) => `<div><dt>${escapeHtml(p.name)}</dt><dd>${escapeHtml(p.value)}</dd></div>`);
  return (
    `<section id="parameters"><h2>Parameters</h2>` +
    (items.length ? `<dl class="params">${items.join('')}</dl>` : `<p class="muted">None recorded.</p>`) +
    `</section>`
  );
}

function inputRow(input: ReportInput): string {
  return (
    `<tr><td>${escapeHtml(input.role)}</td>` +
    `<td><code>${escapeHtml(input.path)}</code>${input.note ? `<div class="small muted">${escapeHtml(input.note)}</div>` : ''}` +
    `<div class="sha">${escapeHtml(input.sha256)}</div></td>` +
    `<td class="num" title="${escapeHtml(formatCount(input.bytes))} bytes">${escapeHtml(formatBytes(input.bytes))}</td></tr>`
  );
}

function joinSummary(join: JoinReport): string {
  const items: [string, string][] = [
    ['Samples (expression data)', formatCount(join.samples)],
    ['Clinical rows', formatCount(join.clinical_rows)],
    ['Matched', `${formatCount(join.matched)} (${formatCount(join.matched_exact)} by identical ID, ${formatCount(join.matched_by_patient)} by TCGA patient barcode)`],
    ['Tumour sample types kept', join.sample_types.join(', ') || 'all'],
    ['Samples of other sample types', formatCount(join.dropped.excluded_sample_type)],
    ['Further samples of a patient', formatCount(join.dropped.duplicate_samples)],
    ['Samples without clinical row', formatCount(join.dropped.unmatched_samples)],
    ['Clinical rows without sample', formatCount(join.dropped.unmatched_clinical_rows)],
  ];
  return (
    `<h3>Sample matching</h3>` +
    `<dl class="params join">${items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`
  );
}

function inputsSection(model: ReportModel): string {
  const table = model.inputs.length
    ? `<div class="table-wrap"><table class="data inputs"><thead><tr><th>Role</th><th>File and SHA-256</th><th class="num">Size</th></tr></thead>` +
      `<tbody>${model.inputs.map(inputRow).join('')}</tbody></table></div>`
    : `<p class="muted">None recorded.</p>`;
  return `<section id="inputs"><h2>Inputs</h2>${table}${model.join ? joinSummary(model.join) : ''}</section>`;
}

function citationsSection(model: ReportModel): string {
  const items = model.citations.map((c) => {
    const doi = c.doi?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
    const link = doi
      ? ` <a href="https://doi.org/${escapeHtml(encodeURI(doi).replace(/[#?]/g, encodeURIComponent))}" rel="noreferrer" class="doi">doi:${escapeHtml(doi)}</a>`
      : '';
    return `<li>${escapeHtml(c.text)}${link}</li>`;
  });
  return (
    `<section id="references"><h2>References</h2>` +
    (items.length ? `<ol class="refs">${items.join('')}</ol>` : `<p class="muted">None.</p>`) +
    `</section>`
  );
}

function geneSetRow(r: GeneSetReport): string {
  const via = r.genes.filter((g) => g.status === 'via-id' && g.duplicateOf === undefined).length;
  const share = r.size > 0 ? Math.min(1, r.found / r.size) : 0;
  return (
    `<tr><td><strong>${escapeHtml(r.set)}</strong></td><td>${escapeHtml(r.source)}</td>` +
    `<td class="num">${r.size}</td>` +
    `<td class="num"><span class="coverage" title="${Math.round(share * 100)}% of the set's genes"><span style="width:${(share * 100).toFixed(1)}%"></span></span>${r.found}</td>` +
    `<td class="num">${via}</td><td class="num">${r.missing.length}</td>` +
    `<td class="num">${r.ambiguous.length}</td><td class="num">${r.duplicates.length}</td></tr>`
  );
}

function geneSetDetails(r: GeneSetReport): string {
  const items: string[] = [];
  if (r.missing.length) items.push(`<li>Missing (${r.missing.length}): <span class="gene-list">${r.missing.map(escapeHtml).join(', ')}</span></li>`);
  for (const g of r.genes) {
    if (g.duplicateOf !== undefined) {
      items.push(`<li><span class="gene-list">${escapeHtml(g.gene)}</span>: same row as ${escapeHtml(g.duplicateOf)}${g.row ? ` (<span class="gene-list">${escapeHtml(g.row)}</span>)` : ''}, kept once</li>`);
    } else if (g.status === 'via-id') {
      // `how` is the resolver's whole sentence ("CPQ → PGCP|10404 via Entrez 10404")
      items.push(`<li>${g.how ? escapeHtml(g.how) : `${escapeHtml(g.gene)} → ${escapeHtml(g.row ?? '?')}`}</li>`);
    } else if (g.status === 'ambiguous') {
      items.push(`<li><span class="gene-list">${escapeHtml(g.gene)}</span>: ambiguous, left out${g.how ? ` (${escapeHtml(g.how)})` : ''}${g.candidates?.length ? `: ${g.candidates.map(escapeHtml).join(', ')}` : ''}</li>`);
    }
  }
  if (!items.length) return '';
  const count = items.length - (r.missing.length ? 1 : 0) + r.missing.length;
  return `<details class="genes-detail" open><summary>${escapeHtml(r.set)}: ${count} gene${count === 1 ? '' : 's'} not found as given</summary><ul>${items.join('')}</ul></details>`;
}

function genesSection(model: ReportModel): string {
  if (!model.geneReport.length) return `<section id="genes"><h2>Gene matching</h2><p class="muted">No gene set was scored (scores given).</p></section>`;
  return (
    `<section id="genes"><h2>Gene matching</h2>` +
    `<div class="table-wrap"><table class="data genes"><thead><tr><th>Gene set</th><th>Source</th><th class="num">Genes</th>` +
    `<th class="num">Found</th><th class="num">via another ID</th><th class="num">Missing</th><th class="num">Ambiguous</th><th class="num">Duplicates</th></tr></thead>` +
    `<tbody>${model.geneReport.map(geneSetRow).join('')}</tbody></table></div>` +
    `<p class="table-note">Found: distinct expression rows scored (including those matched through another identifier).</p>` +
    model.geneReport.map(geneSetDetails).join('') +
    `</section>`
  );
}

// ---------------------------------------------------------------- endpoint panels

type Cell = { html: string; v: string; cls?: string; title?: string };

function numCell(text: string, v: number | null, extra = ''): Cell {
  const isNa = text === NA;
  return { html: escapeHtml(text), v: finite(v) ? String(v) : '', cls: `num${isNa ? ' na' : ''}${extra}` };
}

function hrCiText(row: PancanTableRow): string {
  if (row.hr == null) return NA;
  const ci = row.hr_lower != null && row.hr_upper != null ? ` (${formatHr(row.hr_lower)}\u2013${formatHr(row.hr_upper)})` : '';
  return `${formatHr(row.hr)}${ci}`;
}

interface Column {
  key: string;
  label: string;
  title: string;
  type: 'text' | 'num';
  group: 'id' | 'split' | 'continuous';
}

function columns(conf: number): Column[] {
  return [
    { key: 'cancer', label: 'Cancer', title: 'Cancer type', type: 'text', group: 'id' },
    { key: 'n', label: 'n', title: 'Patients analysed', type: 'num', group: 'id' },
    { key: 'events', label: 'Events', title: 'Events', type: 'num', group: 'id' },
    { key: 'hr', label: `HR (${percent(conf)} CI)`, title: 'Cox hazard ratio, high vs low score group', type: 'num', group: 'split' },
    { key: 'p', label: 'p (Cox)', title: 'Wald p-value of the group Cox model', type: 'num', group: 'split' },
    { key: 'logrank_p', label: 'Log-rank p', title: 'Log-rank test p-value', type: 'num', group: 'split' },
    { key: 'fdr', label: 'FDR', title: 'Benjamini–Hochberg FDR over the log-rank p-values', type: 'num', group: 'split' },
    { key: 'cutpoint', label: 'Cutpoint', title: 'Score value splitting the groups (high: greater than the cutpoint)', type: 'num', group: 'split' },
    { key: 'hr_continuous', label: 'HR', title: 'Cox hazard ratio per unit of score', type: 'num', group: 'continuous' },
    { key: 'p_continuous', label: 'p', title: 'Wald p-value of the continuous Cox model', type: 'num', group: 'continuous' },
    { key: 'fdr_continuous', label: 'FDR', title: 'Benjamini–Hochberg FDR over the continuous p-values', type: 'num', group: 'continuous' },
  ];
}

function rowCells(row: PancanTableRow, ctx: Context, anchor: string | null): Cell[] {
  const sig = isSignificant(row, ctx.fdr);
  const contSig = finite(row.fdr_continuous) && row.fdr_continuous < ctx.fdr;
  const hrDir = finite(row.hr) && sig ? (row.hr > 1 ? ' hr-up' : row.hr < 1 ? ' hr-down' : '') : '';
  const name = anchor ? `<a href="#${anchor}">${escapeHtml(row.cancer)}</a>` : escapeHtml(row.cancer);
  const cut = numCell(formatSignificant(row.cutpoint), row.cutpoint);
  if (finite(row.cutpoint)) cut.title = String(row.cutpoint);
  return [
    { html: `<strong>${name}</strong>`, v: row.cancer },
    numCell(formatCount(row.n), row.n),
    numCell(formatCount(row.events), row.events),
    { ...numCell(hrCiText(row), row.hr, hrDir), cls: `num sep${row.hr == null ? ' na' : ''}${hrDir}` },
    numCell(formatP(row.p), row.p),
    numCell(formatP(row.logrank_p), row.logrank_p),
    numCell(formatP(row.fdr), row.fdr, sig ? ' sigval' : ''),
    cut,
    { ...numCell(formatHr(row.hr_continuous), row.hr_continuous), cls: `num sep${row.hr_continuous == null ? ' na' : ''}` },
    numCell(formatP(row.p_continuous), row.p_continuous),
    numCell(formatP(row.fdr_continuous), row.fdr_continuous, contSig ? ' sigval' : ''),
  ];
}

function pancanTable(ep: EndpointSection, ctx: Context, anchors: Map<string, string>): string {
  if (!ep.table.length) return `<p class="muted">No cancer type could be analysed.</p>`;
  const cols = columns(ctx.conf);
  const groupRow =
    `<tr class="group"><th colspan="3"></th><th colspan="5" class="sep">Score groups (high vs low)</th>` +
    `<th colspan="3" class="sep">Continuous score</th></tr>`;
  const headRow =
    `<tr>` +
    cols
      .map((c, i) => {
        const cls = [c.type === 'num' ? 'num' : '', c.key === 'hr' || c.key === 'hr_continuous' ? 'sep' : ''].filter(Boolean).join(' ');
        return `<th${cls ? ` class="${cls}"` : ''} data-col="${i}" data-type="${c.type}" title="${escapeHtml(c.title)}"><button type="button">${escapeHtml(c.label)}</button></th>`;
      })
      .join('') +
    `</tr>`;
  const body = ep.table
    .map((row) => {
      const cells = rowCells(row, ctx, anchors.get(row.cancer) ?? null);
      const sig = isSignificant(row, ctx.fdr);
      return (
        `<tr${sig ? ' class="significant"' : ''}>` +
        cells
          .map((c) => `<td${c.cls ? ` class="${c.cls}"` : ''} data-v="${escapeHtml(c.v)}"${c.title ? ` title="${escapeHtml(c.title)}"` : ''}>${c.html}</td>`)
          .join('') +
        `</tr>`
      );
    })
    .join('');
  return (
    `<div class="table-wrap"><table class="data pancan sortable"><thead>${groupRow}${headRow}</thead><tbody>${body}</tbody></table></div>` +
    `<p class="table-note"><span class="swatch"></span>Log-rank FDR &lt; ${ctx.fdr}. HR: Cox hazard ratio of the high versus the low score group ` +
    `(${percent(ctx.conf)} CI), and per unit of score for the continuous model. p and FDR with 3 significant digits; ` +
    `FDR is Benjamini–Hochberg across the cancers analysed.<span class="screen-only"> Click a column heading to sort.</span></p>`
  );
}

function skippedTable(ep: EndpointSection): string {
  if (!ep.skipped.length) return '';
  return (
    `<h4 class="skipped-title">Not analysed (${ep.skipped.length})</h4>` +
    `<div class="table-wrap fit"><table class="data skipped"><thead><tr><th>Cancer</th><th class="num">n</th><th class="num">Events</th><th>Reason</th></tr></thead><tbody>` +
    ep.skipped
      .map((s) => `<tr><td><strong>${escapeHtml(s.cancer)}</strong></td><td class="num">${formatCount(s.n)}</td><td class="num">${formatCount(s.events)}</td><td>${escapeHtml(s.reason)}</td></tr>`)
      .join('') +
    `</tbody></table></div>`
  );
}

function cardStats(row: PancanTableRow | undefined): string {
  if (!row) return '';
  const parts = [
    `n = ${formatCount(row.n)}`,
    `${formatCount(row.events)} events`,
    `HR ${hrCiText(row)}`,
    `log-rank p = ${formatP(row.logrank_p)}`,
    `FDR = ${formatP(row.fdr)}`,
  ];
  if (row.cutpoint != null) parts.push(`cutpoint ${formatSignificant(row.cutpoint)}`);
  return `<div class="card-stats">${parts.map(escapeHtml).join(' · ')}</div>`;
}

function cancerCard(c: CancerSection, row: PancanTableRow | undefined, anchor: string, ctx: Context): string {
  const sig = row !== undefined && isSignificant(row, ctx.fdr);
  return (
    `<article class="card${sig ? ' significant' : ''}" id="${anchor}">` +
    `<div class="card-head"><h4>${escapeHtml(c.cancer)}</h4>${sig ? `<span class="badge">FDR &lt; ${ctx.fdr}</span>` : ''}</div>` +
    cardStats(row) +
    (c.summary ? `<p class="card-summary">${escapeHtml(c.summary)}</p>` : '') +
    c.figures.map((f) => renderFigure(f, ctx.counter, 'cancer-fig')).join('') +
    `</article>`
  );
}

function endpointPanel(ep: EndpointSection, index: number, ctx: Context): string {
  const id = `ep${index + 1}`;
  const anchors = new Map<string, string>();
  ep.cancers.forEach((c, i) => {
    if (!anchors.has(c.cancer)) anchors.set(c.cancer, `${id}-cancer${i + 1}`);
  });
  const rowsByCancer = new Map(ep.table.map((r) => [r.cancer, r] as const));
  const analysed = ep.table.length;
  const sig = significantCount(ep, ctx.fdr);
  const chips = ep.cancers.length
    ? `<nav class="chips" aria-label="Cancer types">` +
      ep.cancers
        .map((c) => {
          const row = rowsByCancer.get(c.cancer);
          const s = row !== undefined && isSignificant(row, ctx.fdr);
          return `<a href="#${anchors.get(c.cancer)}"${s ? ' class="significant"' : ''}>${escapeHtml(c.cancer)}</a>`;
        })
        .join('') +
      `</nav>`
    : '';
  return (
    `<section class="panel" id="${id}" data-endpoint="${escapeHtml(ep.endpoint)}">` +
    `<h3 class="panel-title">${escapeHtml(endpointName(ep))}</h3>` +
    `<p class="muted">${analysed} cancer type${analysed === 1 ? '' : 's'} analysed, ${sig} significant at log-rank FDR &lt; ${ctx.fdr}` +
    `${ep.skipped.length ? `, ${ep.skipped.length} not analysed` : ''}.</p>` +
    pancanTable(ep, ctx, anchors) +
    skippedTable(ep) +
    (ep.figures.length ? `<h3>Pan-cancer figures</h3>${ep.figures.map((f) => renderFigure(f, ctx.counter, 'wide')).join('')}` : '') +
    (ep.cancers.length
      ? `<h3>By cancer type</h3>${chips}<div class="cards">${ep.cancers
          .map((c) => cancerCard(c, rowsByCancer.get(c.cancer), anchors.get(c.cancer) ?? `${id}-cancer`, ctx))
          .join('')}</div>`
      : '') +
    `</section>`
  );
}

/** Tab rules for n radio-button tabs (CSS only: the checked radio shows its panel). */
function tabCss(n: number): string {
  const rules: string[] = [];
  for (let k = 1; k <= n; k++) {
    const r = `.tabs > .tab-radio:nth-of-type(${k})`;
    rules.push(`${r}:checked ~ .tab-panels > .panel:nth-of-type(${k}) { display: block; }`);
    rules.push(
      `${r}:checked ~ .tab-labels > label:nth-of-type(${k}) { color: var(--accent); background: var(--bg); border-color: var(--border); border-bottom: 2px solid var(--bg); }`,
    );
    rules.push(`${r}:focus-visible ~ .tab-labels > label:nth-of-type(${k}) { outline: 2px solid var(--accent); outline-offset: -2px; }`);
  }
  return rules.join('\n');
}

function resultsSection(model: ReportModel, ctx: Context): string {
  const eps = model.endpoints;
  if (!eps.length) return `<section id="results"><h2>Results</h2><p class="muted">No endpoint was analysed.</p></section>`;
  const panels = eps.map((ep, i) => endpointPanel(ep, i, ctx));
  if (eps.length === 1) return `<section id="results"><h2>Results</h2>${panels[0]}</section>`;
  const radios = eps
    .map((ep, i) => `<input class="tab-radio" type="radio" name="endpoint-tab" id="tab-ep${i + 1}" aria-label="${escapeHtml(endpointName(ep))}"${i === 0 ? ' checked' : ''}>`)
    .join('');
  const labels = eps
    .map((ep, i) => `<label for="tab-ep${i + 1}">${escapeHtml(ep.endpoint)}${ep.label ? ` <span class="muted">${escapeHtml(ep.label)}</span>` : ''}</label>`)
    .join('');
  return (
    `<section id="results"><h2>Results</h2>` +
    `<div class="tabs">${radios}<div class="tab-labels">${labels}</div><div class="tab-panels">${panels.join('')}</div></div>` +
    `</section>`
  );
}

// ---------------------------------------------------------------- page

// Table sorting (progressive enhancement; NA always last). Kept free of "</".
const SORT_SCRIPT = `(function () {
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.querySelectorAll('th[data-col]');
    Array.prototype.forEach.call(heads, function (th) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var col = Number(th.getAttribute('data-col'));
        var numeric = th.getAttribute('data-type') === 'num';
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) { var v = row.cells[col].getAttribute('data-v'); return v === null ? '' : v; };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return dir * c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();`;

/** The whole report as one self-contained HTML document. */
export function buildReportHtml(model: ReportModel): string {
  const ctx: Context = { fdr: model.fdrThreshold ?? 0.05, conf: model.confLevel ?? 0.95, counter: new FigureCounter() };
  const multi = model.endpoints.length > 1;
  const scriptHash = createHash('sha256').update(SORT_SCRIPT, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const body =
    header(model) +
    summarySection(model, ctx) +
    parametersSection(model) +
    inputsSection(model) +
    citationsSection(model) +
    genesSection(model) +
    resultsSection(model, ctx) +
    `<footer>Generated by migrascore ${escapeHtml(model.version)} on ${escapeHtml(formatTimestamp(model.generatedAt))}. ` +
    `This file is self-contained: it loads nothing from the network.</footer>`;
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="migrascore ${escapeHtml(model.version)}">\n` +
    `<title>${escapeHtml(model.title)}</title>\n` +
    `<style>${REPORT_CSS}${multi ? tabCss(model.endpoints.length) : ''}</style>\n` +
    `</head>\n<body>\n<div class="page">\n${body}\n</div>\n<script>${SORT_SCRIPT}</script>\n</body>\n</html>\n`
  );
}
