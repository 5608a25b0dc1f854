// One cohort's results in full (`survival`'s report): summary card, the groups with
// their medians, the group test, the cutpoint, every Cox model, and the figures one per
// row. The same tables serve a cancer's details in the pan-cancer report.

import type { Context } from './context.js';
import { escapeHtml } from './format.js';
import { formatConfLevel, formatCount, formatHr, formatP, formatSignificant, NA } from '../format/numbers.js';
import { renderFigure } from './inlineSvg.js';
import { rocTable } from './rocTable.js';
import type { CancerSection, CohortModel, CohortResults, ReportModel } from './model.js';

/** The one cohort of a "cohort" report. */
export function theCohort(model: ReportModel): { cancer: CancerSection; results: CohortResults } | null {
  const c = model.endpoints[0]?.cancers[0];
  return c?.results ? { cancer: c, results: c.results } : null;
}

function time(x: number | null | undefined): string {
  return x == null ? NA : formatSignificant(x, 4);
}

function twoGroupTerm(r: CohortResults): CohortModel['terms'][number] | undefined {
  const m = r.models[0];
  return m && m.terms.length === 1 ? m.terms[0] : undefined;
}

export function hrText(t: { hr: number; lower: number; upper: number; infinite?: boolean; aliased?: boolean; note?: string }): string {
  if (t.aliased) return 'not estimable (aliased)';
  if (t.note) return `not estimable (${t.note})`;
  if (t.infinite) return 'not estimable (coefficient may be infinite)';
  return `${formatHr(t.hr)} (${formatHr(t.lower)}\u2013${formatHr(t.upper)})`;
}

export function cohortSummarySection(model: ReportModel, ctx: Context): string {
  const cohort = theCohort(model);
  const messages = model.messages.length
    ? `<ul class="messages">${model.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`
    : `<ul class="messages"><li class="none">No warnings.</li></ul>`;
  if (!cohort) return `<section id="summary"><h2>Summary</h2><p class="muted">No result.</p>${messages}</section>`;
  const r = cohort.results;
  const stat = (num: string, lbl: string) => `<div class="stat"><span class="num">${escapeHtml(num)}</span><span class="lbl">${escapeHtml(lbl)}</span></div>`;
  const term = twoGroupTerm(r);
  const ep = model.endpoints[0];
  // A searched cut's naive test p is not a significance: its adjusted p is the headline.
  const searched = r.cutpoint?.method === 'optimal' && r.cutpoint.p_adjusted !== null;
  const headline = searched
    ? stat(formatP(r.cutpoint!.p_adjusted), `p adjusted for the cutpoint search (${r.cutpoint!.p_method})`)
    : stat(formatP(r.logrank.p), `${r.testLabel} p`);
  return (
    `<section id="summary"><h2>Summary</h2>` +
    `<div class="summary-grid"><div class="summary-card" data-endpoint="${escapeHtml(ep.endpoint)}">` +
    `<h3>${escapeHtml(ep.endpoint)}${ep.label ? ` <span class="muted">${escapeHtml(ep.label)}</span>` : ''}</h3>` +
    `<div class="stats">` +
    stat(formatCount(r.n), 'patients') +
    stat(formatCount(r.events), 'events') +
    stat(String(r.groups.length), 'groups') +
    headline +
    `</div>` +
    `<p>${escapeHtml(cohort.cancer.summary)}` +
    (term ? ` HR ${escapeHtml(term.term.replace(/^group=/, ''))} vs ${escapeHtml(r.groups[0].group)}: ${escapeHtml(hrText(term))}${term.note || term.infinite || term.aliased ? '' : ` (${formatConfLevel(ctx.conf)} CI)`}.` : '') +
    `</p></div></div>` +
    messages +
    `</section>`
  );
}

function groupsTable(r: CohortResults, ctx: Context): string {
  const rmst = r.groups.some((g) => g.rmst !== undefined);
  const head = `<tr><th>Group</th><th class="num">n</th><th class="num">Events</th><th class="num">Median (${escapeHtml(r.timeUnit)})</th>` +
    `<th class="num">${formatConfLevel(ctx.conf)} CI</th>${rmst ? `<th class="num">RMST (${escapeHtml(r.timeUnit)})</th><th class="num">SE</th>` : ''}</tr>`;
  const body = r.groups.map((g) =>
    `<tr><td><strong>${escapeHtml(g.group)}</strong></td><td class="num">${formatCount(g.n)}</td><td class="num">${formatCount(g.events)}</td>` +
    `<td class="num">${g.median === null ? 'not reached' : time(g.median)}</td>` +
    `<td class="num">${time(g.median_lower)}\u2013${time(g.median_upper)}</td>` +
    (rmst ? `<td class="num">${time(g.rmst)}</td><td class="num">${time(g.rmst_se)}</td>` : '') +
    `</tr>`).join('');
  return `<div class="table-wrap fit"><table class="data groups"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

function modelsTable(r: CohortResults, ctx: Context): string {
  const rows = r.models.flatMap((m) => m.terms.map((t, i) =>
    `<tr>${i === 0 ? `<td rowspan="${m.terms.length}"><strong>${escapeHtml(m.label)}</strong><div class="small muted"><code>${escapeHtml(m.formula)}</code>, n = ${formatCount(m.n)}, ${formatCount(m.events)} events, ` +
      `${m.concordanceUno !== undefined ? `Harrell's C = ${formatSignificant(m.concordance, 3)}, Uno's C = ${formatSignificant(m.concordanceUno, 3)}` : `C = ${formatSignificant(m.concordance, 3)}`}${m.phGlobalP !== null ? `, PH test p = ${escapeHtml(formatP(m.phGlobalP))}` : ''}</div></td>` : ''}` +
    `<td>${escapeHtml(t.term)}</td><td class="num">${escapeHtml(hrText(t))}</td><td class="num">${escapeHtml(t.infinite || t.aliased || t.note ? NA : formatP(t.p))}</td></tr>`));
  return (
    `<div class="table-wrap fit"><table class="data models"><thead><tr><th>Cox model</th><th>Term</th><th class="num">HR (${formatConfLevel(ctx.conf)} CI)</th><th class="num">p (Wald)</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

function cutpointText(r: CohortResults): string {
  const c = r.cutpoint;
  if (!c) return '';
  const value = Array.isArray(c.value) ? c.value.map((v) => formatSignificant(v)).join(', ') : formatSignificant(c.value);
  const searched = c.method === 'optimal'
    ? ` Maximally selected log-rank statistic ${formatSignificant(c.statistic, 4)} (minprop ${c.minprop}); ` +
      `p adjusted for the cutpoint search (${c.p_method}) = ${formatP(c.p_adjusted)}.`
    : '';
  return `<p>Split of ${escapeHtml(r.grouping)}: ${escapeHtml(c.method)} at ${escapeHtml(value)} (high: greater than the cutpoint).${escapeHtml(searched)}</p>`;
}

/** The groups, tests and models of one cohort (tables only); with `roc`, the AUC(t) table under its own heading. */
export function cohortTables(r: CohortResults, ctx: Context, roc = true): string {
  return (
    groupsTable(r, ctx) +
    `<p>${escapeHtml(r.testLabel)} test: chi-square ${formatSignificant(r.logrank.chisq, 4)} on ${r.logrank.df} df, p = ${escapeHtml(formatP(r.logrank.p))}` +
    `${r.cutpoint?.method === 'optimal' ? ' (not adjusted for the cutpoint search)' : ''}.</p>` +
    cutpointText(r) +
    modelsTable(r, ctx) +
    (r.warnings.length ? `<ul class="messages">${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '') +
    (roc && r.timeRoc ? `<h4 class="roc-title">Time-dependent ROC</h4>${rocTable(r.timeRoc)}` : '')
  );
}

/** The figures of --roc-times (rocOutputs.ts names them so). */
export const ROC_FIGURES: readonly string[] = ['roc', 'auc'];

export function cohortResultsSection(model: ReportModel, ctx: Context): string {
  const cohort = theCohort(model);
  if (!cohort) return `<section id="results"><h2>Results</h2><p class="muted">No result.</p></section>`;
  const roc = cohort.results.timeRoc;
  const figures = cohort.cancer.figures.filter((f) => !roc || !ROC_FIGURES.includes(f.id));
  const rocFigures = roc ? cohort.cancer.figures.filter((f) => ROC_FIGURES.includes(f.id)) : [];
  return (
    `<section id="results"><h2>Results</h2>` +
    `<section class="panel" id="ep1" data-endpoint="${escapeHtml(model.endpoints[0].endpoint)}">` +
    cohortTables(cohort.results, ctx, false) +
    (roc
      ? `<h3 id="roc">Time-dependent ROC</h3>${rocTable(roc)}${rocFigures.map((f) => renderFigure(f, ctx.counter, 'wide')).join('')}`
      : '') +
    `<h3>Figures</h3>` +
    figures.map((f) => renderFigure(f, ctx.counter, 'wide')).join('') +
    `</section></section>`
  );
}
