// With --covariates: the group's hazard ratio adjusted for the covariates, per cancer
// (the cox_adjusted model on its complete cases).

import type { Context } from './context.js';
import { escapeHtml, finite } from './format.js';
import { formatConfLevel, formatCount, formatHr, formatP } from '../format/numbers.js';
import type { EndpointSection } from './model.js';

export function adjustedTable(ep: EndpointSection, ctx: Context): string {
  const adj = ep.adjusted;
  if (!adj || !adj.rows.length) return '';
  const body = adj.rows.map((r) => {
    const hr = r.hr === null ? escapeHtml(r.note ?? 'not estimable') : `${formatHr(r.hr)} (${formatHr(r.lower)}\u2013${formatHr(r.upper)})`;
    const sig = finite(r.fdr) && r.fdr < ctx.fdr;
    return `<tr${sig ? ' class="significant"' : ''}><td><strong>${escapeHtml(r.cancer)}</strong></td><td class="num">${formatCount(r.n)}</td><td class="num">${formatCount(r.events)}</td>` +
      `<td class="num${r.hr === null ? ' na' : ''}">${hr}</td><td class="num">${escapeHtml(formatP(r.hr === null ? null : r.p))}</td><td class="num${sig ? ' sigval' : ''}">${escapeHtml(formatP(r.fdr))}</td></tr>`;
  }).join('');
  return (
    `<h4 class="skipped-title" id="${escapeHtml(`adjusted-${ep.endpoint}`)}">Adjusted for ${escapeHtml(adj.covariates.join(', '))}</h4>` +
    `<div class="table-wrap fit"><table class="data adjusted"><thead><tr><th>Cancer</th><th class="num">n</th><th class="num">Events</th>` +
    `<th class="num">Adjusted HR (${formatConfLevel(ctx.conf)} CI)</th><th class="num">p (Wald)</th><th class="num">FDR</th></tr></thead><tbody>${body}</tbody></table></div>` +
    `<p class="table-note">Cox model <code>Surv ~ group + ${escapeHtml(adj.covariates.join(' + '))}</code> in each cancer, on the patients with every covariate ` +
    `(n and events of that model); HR of the group term; FDR: Benjamini–Hochberg over its p-values across cancers. ` +
    `Also in pancan.tsv (hr_covariate_adjusted, …) and the figure forest_adjusted.</p>`
  );
}
