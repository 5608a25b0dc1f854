// The sections before the results: page header with contents, summary cards and
// messages, parameters, inputs (files, SHA-256, sample matching) and references.

import type { JoinReport } from '../tcga/join.js';
import { isSignificant, significantCount, type Context } from './context.js';
import { escapeHtml, finite, formatTimestamp } from './format.js';
import { formatBytes, formatCount } from '../format/numbers.js';
import type { ReportInput, ReportModel } from './model.js';
import { fileLink } from './inlineSvg.js';

/** Whether the report has a gene-matching section (a cohort or compare report only when scores were computed). */
export function hasGenes(model: ReportModel): boolean {
  return (model.scope !== 'cohort' && model.scope !== 'compare' && model.scope !== 'associate') || model.geneReport.length > 0;
}

/** What the run analysed, for the header: its endpoints, or the two groups compared. */
function analysed(model: ReportModel): string {
  if (model.compare) return `${model.compare.levels.case} vs ${model.compare.levels.reference}`;
  if (model.associate) return `${model.associate.variables.length} variable${model.associate.variables.length === 1 ? '' : 's'} × ${model.associate.cohorts.length} cohort${model.associate.cohorts.length === 1 ? '' : 's'}`;
  return model.endpoints.map((e) => e.endpoint).join(', ') || 'no endpoint';
}

export function header(model: ReportModel): string {
  const toc = [
    ['summary', 'Summary'],
    ['parameters', 'Parameters'],
    ['inputs', 'Inputs'],
    ['references', 'References'],
    ...(hasGenes(model) ? [['genes', 'Gene matching']] : []),
    ['results', 'Results'],
    ...(model.files?.length ? [['files', 'Files']] : []),
  ];
  return (
    `<header class="report-header">` +
    `<h1>${escapeHtml(model.title)}</h1>` +
    `<div class="meta"><span>migrascore ${escapeHtml(model.version)}</span>` +
    `<span>generated <time datetime="${escapeHtml(model.generatedAt)}">${escapeHtml(formatTimestamp(model.generatedAt))}</time></span>` +
    `<span>${escapeHtml(analysed(model))}</span></div>` +
    `<pre class="command">${escapeHtml(model.command)}</pre>` +
    `<nav class="toc" aria-label="Contents">${toc.map(([id, t]) => `<a href="#${id}">${t}</a>`).join('')}</nav>` +
    `</header>`
  );
}

export function summarySection(model: ReportModel, ctx: Context): string {
  const cards = model.endpoints.map((ep) => {
    const analysed = ep.table.length;
    const sig = significantCount(ep, ctx.fdr);
    const sigRows = ep.table.filter((r) => isSignificant(r, ctx.fdr));
    // a hazard ratio R could not estimate has no direction to count
    const readable = sigRows.filter((r) => finite(r.hr) && !r.hr_note);
    const up = readable.filter((r) => r.hr! > 1).length;
    const down = readable.filter((r) => r.hr! < 1).length;
    const notEstimable = sigRows.length - readable.length;
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
          (up + down + notEstimable > 0
            ? ` (HR &gt; 1, high score worse: ${up}; HR &lt; 1: ${down}${notEstimable ? `; HR not estimable: ${notEstimable}` : ''}).`
            : '.')
        : ' No cancer type significant by score group.') +
      `</p></div>`
    );
  });
  const messages = messagesList(model);
  return (
    `<section id="summary"><h2>Summary</h2>` +
    (cards.length ? `<div class="summary-grid">${cards.join('')}</div>` : `<p class="muted">No endpoint was analysed.</p>`) +
    (cards.length
      ? `<p class="table-note">Significant: Benjamini–Hochberg FDR &lt; ${ctx.fdr} across the cancer types analysed, ` +
        `for the ${model.endpoints.some((e) => e.cutSearched) ? 'maxstat test of the optimal (data-driven) cutpoint, p adjusted for the search (Lau92),' : 'log-rank test of the score groups'} ` +
        `or the Wald test of the continuous score (Cox).</p>`
      : '') +
    messages +
    `</section>`
  );
}

export function parametersSection(model: ReportModel): string {
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

export function inputsSection(model: ReportModel): string {
  const table = model.inputs.length
    ? `<div class="table-wrap"><table class="data inputs"><thead><tr><th>Role</th><th>File and SHA-256</th><th class="num">Size</th></tr></thead>` +
      `<tbody>${model.inputs.map(inputRow).join('')}</tbody></table></div>`
    : `<p class="muted">None recorded.</p>`;
  return `<section id="inputs"><h2>Inputs</h2>${table}${model.join ? joinSummary(model.join) : ''}</section>`;
}

export function citationsSection(model: ReportModel): string {
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

/** The run's warnings (boxes) and notes (collapsed). */
export function messagesList(model: ReportModel): string {
  const notes = (model.notes ?? []).map((n) => `<details class="note"><summary>${escapeHtml(n.summary)}</summary><p>${escapeHtml(n.detail)}</p></details>`).join('');
  const warnings = model.messages.length > 0
    ? `<ul class="messages">${model.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`
    : `<ul class="messages"><li class="none">No warnings.</li></ul>`;
  return warnings + notes;
}

/** Every output file, linked relative to the report, one row per folder. */
export function filesSection(model: ReportModel): string {
  if (!model.files?.length) return '';
  const byFolder = new Map<string, string[]>();
  for (const f of model.files) {
    const dir = f.slice(0, f.lastIndexOf('/') + 1);
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), f]);
  }
  const rows = [...byFolder].map(([dir, files]) =>
    `<tr><td><code>${dir ? escapeHtml(dir) : './'}</code></td><td class="file-list">${files.map((f) => fileLink(f)).join(' ')}</td></tr>`);
  return (
    `<section id="files"><h2>Files</h2>` +
    `<div class="table-wrap"><table class="data files"><thead><tr><th>Folder</th><th>Files (links relative to this report)</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    `</section>`
  );
}
