// The results section: one panel per endpoint (CSS-only tabs when there are several),
// each with its tables, pan-cancer figures and one card per cancer type.

import { endpointName, isSignificant, significantCount, type Context } from './context.js';
import { escapeHtml } from './format.js';
import { formatCount, formatP, formatSignificant, pEquals } from '../format/numbers.js';
import { fileLink, renderFigure } from './inlineSvg.js';
import { cohortTables } from './cohort.js';
import type { CancerSection, EndpointSection, PancanTableRow, ReportModel } from './model.js';
import { fdrName, hrCiText, pancanTable, skippedTable } from './pancanTable.js';
import { adjustedTable } from './adjustedTable.js';

function cardStats(row: PancanTableRow | undefined, searched: boolean): string {
  if (!row) return '';
  const parts = [
    `n = ${formatCount(row.n)}`,
    `${formatCount(row.events)} events`,
    row.hr_note ? `HR not estimable (${row.hr_note})` : `HR ${hrCiText(row)}`,
    ...(searched
      ? [pEquals(row.p_adjusted, 'adjusted p (Lau92)'), pEquals(row.fdr, 'FDR'), `${pEquals(row.logrank_p, 'log-rank p')} (not adjusted for the cutpoint search)`]
      : [pEquals(row.logrank_p, 'log-rank p'), pEquals(row.fdr, 'FDR')]),
  ];
  if (row.cutpoint != null) parts.push(`cutpoint ${formatSignificant(row.cutpoint)}`);
  return `<div class="card-stats">${parts.map(escapeHtml).join(' · ')}</div>`;
}

function cancerCard(c: CancerSection, row: PancanTableRow | undefined, anchor: string, ctx: Context, searched: boolean): string {
  const sig = row !== undefined && isSignificant(row, ctx.fdr);
  return (
    `<article class="card${sig ? ' significant' : ''}" id="${anchor}">` +
    `<div class="card-head"><h4>${escapeHtml(c.cancer)}</h4>${sig ? `<span class="badge">FDR &lt; ${ctx.fdr}</span>` : ''}</div>` +
    cardStats(row, searched) +
    (c.summary ? `<p class="card-summary">${escapeHtml(c.summary)}</p>` : '') +
    `<div class="card-figures">${c.figures.map((f) => renderFigure(f, ctx.counter, 'cancer-fig')).join('')}</div>` +
    (c.results ? `<details class="cohort-details"><summary>Groups, tests and Cox models${c.results.timeRoc ? '; time-dependent ROC' : ''}</summary>${cohortTables(c.results, ctx)}</details>` : '') +
    (c.files?.length ? `<div class="fig-files">All files of ${escapeHtml(c.cancer)}: ${c.files.map((f) => fileLink(f)).join(' ')}</div>` : '') +
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
    `<p class="muted">${analysed} cancer type${analysed === 1 ? '' : 's'} analysed, ${sig} significant at ${escapeHtml(fdrName(ep.cutSearched === true))} &lt; ${ctx.fdr}` +
    `${ep.skipped.length ? `, ${ep.skipped.length} not analysed` : ''}.</p>` +
    pancanTable(ep, ctx, anchors) +
    adjustedTable(ep, ctx) +
    skippedTable(ep) +
    (ep.figures.length ? `<h3>Pan-cancer figures</h3>${ep.figures.map((f) => renderFigure(f, ctx.counter, 'wide')).join('')}` : '') +
    (ep.cancers.length
      ? `<h3>By cancer type</h3>${chips}<div class="cards">${ep.cancers
          .map((c) => cancerCard(c, rowsByCancer.get(c.cancer), anchors.get(c.cancer) ?? `${id}-cancer`, ctx, ep.cutSearched === true))
          .join('')}</div>`
      : '') +
    `</section>`
  );
}

/** Tab rules for n radio-button tabs (CSS only: the checked radio shows its panel). */
export function tabCss(n: number): string {
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

export function resultsSection(model: ReportModel, ctx: Context): string {
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
