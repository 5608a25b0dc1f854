// The summary and results of a `migrascore compare` report (scope "compare"): how many
// cancers were compared and how many differ (higher or lower in the case group), the
// groups and the samples left out, compare.tsv as a sortable table, the cancers not
// compared, the figures, and the per-gene rows with the smallest FDR.

import type { ComparePair, CompareRow } from '../compare/types.js';
import type { Context } from './context.js';
import { escapeHtml, finite } from './format.js';
import { formatCount, formatP, formatSignificant } from '../format/numbers.js';
import { renderFigure } from './inlineSvg.js';
import type { CompareReportSection, ReportModel } from './model.js';
import { messagesList } from './sections.js';
import { below, compareSkippedTable, compareTable, geneTable, rankSumDirection } from './compareTable.js';

/** Extra rules of the compare report (the shared stylesheet stays as it is). */
export const COMPARE_CSS = `
.stats.five { grid-template-columns: repeat(5, minmax(0, 1fr)); }
table.data td.up, .table-note .up { color: #b2182b; font-weight: 600; }
table.data td.down, .table-note .down { color: #2166ac; font-weight: 600; }
.compare-groups { font-size: 14.5px; }
.compare-groups strong { font-weight: 650; }
table.data.compare-dropped { width: auto; min-width: 420px; }
table.data.compare th, table.data.compare td { padding-left: 8px; padding-right: 8px; }
.summary-grid + .table-note { margin-top: 8px; }
.paired-figures { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-start; }
.paired-figures > figure { flex: 0 1 auto; max-width: 100%; }
@media (max-width: 640px) { .stats.five { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;

const stat = (num: string, lbl: string, cls = '') =>
  `<div class="stat${cls}"><span class="num">${escapeHtml(num)}</span><span class="lbl">${escapeHtml(lbl)}</span></div>`;

/**
 * Direction of a paired test from its pairs: +1 when V (sum of the ranks of the positive
 * case − reference differences) is above its null mean n'(n'+1)/4 over the n' non-zero pairs.
 */
export function pairedDirection(row: CompareRow, pairs: ComparePair[]): number {
  if (!finite(row.statistic_paired)) return 0;
  const n = pairs.filter((p) => p.cancer === row.cancer && p.case - p.reference !== 0).length;
  return n > 0 ? Math.sign(row.statistic_paired - (n * (n + 1)) / 4) : 0;
}

function names(rows: CompareRow[]): string {
  return rows.map((r) => escapeHtml(r.cancer)).join(', ');
}

/** The sentence naming the significant cancers by direction. */
function directionSentence(sig: CompareRow[], dir: (r: CompareRow) => number, a: string, what: string): string {
  if (!sig.length) return ` No cancer type differs significantly${what}.`;
  const up = sig.filter((r) => dir(r) > 0);
  const down = sig.filter((r) => dir(r) < 0);
  const none = sig.filter((r) => dir(r) === 0);
  return (
    (up.length ? ` Higher in ${escapeHtml(a)}${what}: ${names(up)}.` : '') +
    (down.length ? ` Lower in ${escapeHtml(a)}${what}: ${names(down)}.` : '') +
    (none.length ? ` Significant${what}, direction unknown: ${names(none)}.` : '')
  );
}

function pairedCard(c: CompareReportSection, ctx: Context): string {
  const a = c.levels.case;
  const tested = c.rows.filter((r) => finite(r.p_paired));
  const sig = tested.filter((r) => below(r.fdr_paired, ctx.fdr));
  const pairs = c.rows.reduce((s, r) => s + (r.n_pairs ?? 0), 0);
  const dir = c.pairs ? (r: CompareRow) => pairedDirection(r, c.pairs!) : null;
  return (
    `<div class="summary-card" data-test="paired"><h3>Paired <span class="muted">Wilcoxon signed-rank, patients with both samples</span></h3>` +
    `<div class="stats">` +
    stat(String(tested.length), 'cancer types tested') +
    stat(formatCount(pairs), 'pairs') +
    stat(String(sig.length), `significant, FDR < ${ctx.fdr}`, ' sig') +
    (dir ? stat(`${sig.filter((r) => dir(r) > 0).length} / ${sig.filter((r) => dir(r) < 0).length}`, `higher / lower in ${a}`) : '') +
    `</div><p>` +
    (dir ? directionSentence(sig, dir, a, '').trim() : sig.length ? `Significant: ${names(sig)}.` : 'No cancer type differs significantly.') +
    `</p></div>`
  );
}

/** One comparison of every sample (no cancer column): the numbers themselves. */
function singleCard(c: CompareReportSection, r: CompareRow, ctx: Context): string {
  const { case: a, reference: b } = c.levels;
  const dir = rankSumDirection(r);
  const sig = below(r.fdr, ctx.fdr);
  return (
    `<div class="summary-card" data-test="rank-sum"><h3>${escapeHtml(a)} vs ${escapeHtml(b)} <span class="muted">Wilcoxon rank-sum</span></h3>` +
    `<div class="stats">` +
    stat(formatCount(r.n_case), `samples of ${a}`) +
    stat(formatCount(r.n_reference), `samples of ${b}`) +
    stat(formatSignificant(r.diff_median), 'difference of medians') +
    stat(formatP(r.p), `p (${r.method ?? 'NA'})`, sig ? ' sig' : '') +
    `</div><p>Median ${escapeHtml(a)} ${escapeHtml(formatSignificant(r.median_case))}, ${escapeHtml(b)} ${escapeHtml(formatSignificant(r.median_reference))}` +
    (sig && dir !== 0 ? `: ${dir > 0 ? 'higher' : 'lower'} in ${escapeHtml(a)} (p &lt; ${ctx.fdr}).` : '.') +
    `</p></div>`
  );
}

export function compareSummarySection(model: ReportModel, ctx: Context): string {
  const c = model.compare;
  if (!c) return `<section id="summary"><h2>Summary</h2><p class="muted">No result.</p>${messagesList(model)}</section>`;
  const { case: a, reference: b } = c.levels;
  const single = c.rows.length === 1 && c.rows[0].cancer === 'all';
  let cards: string;
  if (single) {
    cards = singleCard(c, c.rows[0], ctx);
  } else {
    const sig = c.rows.filter((r) => below(r.fdr, ctx.fdr));
    const up = sig.filter((r) => rankSumDirection(r) > 0).length;
    const down = sig.filter((r) => rankSumDirection(r) < 0).length;
    const nCase = c.rows.reduce((s, r) => s + r.n_case, 0);
    const nRef = c.rows.reduce((s, r) => s + r.n_reference, 0);
    cards =
      `<div class="summary-card" data-test="rank-sum"><h3>${escapeHtml(a)} vs ${escapeHtml(b)} <span class="muted">Wilcoxon rank-sum, per cancer type</span></h3>` +
      `<div class="stats five">` +
      stat(String(c.rows.length), 'cancer types compared') +
      stat(String(sig.length), `significant, FDR < ${ctx.fdr}`, ' sig') +
      stat(String(up), `higher in ${a}`) +
      stat(String(down), `lower in ${a}`) +
      stat(String(c.skipped.length), 'not compared') +
      `</div><p>${formatCount(nCase)} ${escapeHtml(a)} and ${formatCount(nRef)} ${escapeHtml(b)} samples in the cancer types compared.` +
      directionSentence(sig, rankSumDirection, a, '') +
      (c.skipped.length ? ` Not compared: ${c.skipped.map((x) => escapeHtml(x.cancer)).join(', ')} (see Results).` : '') +
      `</p></div>`;
  }
  if (c.paired) cards += pairedCard(c, ctx);
  return (
    `<section id="summary"><h2>Summary</h2>` +
    `<div class="summary-grid">${cards}</div>` +
    `<p class="table-note">${escapeHtml(c.score)} of ${escapeHtml(a)} against ${escapeHtml(b)}` +
    (single ? '. ' : `, in each cancer type. Significant: Benjamini–Hochberg FDR &lt; ${ctx.fdr} across the cancer types compared. `) +
    `Higher or lower: the rank-sum statistic W above or below its null mean (${escapeHtml(a)} ranks higher or lower).</p>` +
    messagesList(model) +
    `</section>`
  );
}

function groupsBlock(c: CompareReportSection, single: boolean): string {
  const { case: a, reference: b } = c.levels;
  const dropped = (c.dropped ?? []).filter((d) => d.count > 0);
  const total = dropped.reduce((s, d) => s + d.count, 0);
  return (
    `<h3>Groups</h3>` +
    `<p class="compare-groups">Case <strong>${escapeHtml(a)}</strong> against reference <strong>${escapeHtml(b)}</strong>, ` +
    `groups from ${escapeHtml(c.grouping)}. Compared: ${escapeHtml(c.score)}, computed ${single ? '' : 'within each cancer type '}on the samples of both groups together ` +
    `(rank-based scores depend on which samples are present); one sample per patient per group.</p>` +
    (c.dropped
      ? dropped.length
        ? `<div class="table-wrap fit"><table class="data compare-dropped"><thead><tr><th>Samples left out</th><th class="num">n</th></tr></thead><tbody>` +
          dropped.map((d) => `<tr><td>${escapeHtml(d.label)}</td><td class="num">${formatCount(d.count)}</td></tr>`).join('') +
          `<tr><td><strong>Total</strong></td><td class="num"><strong>${formatCount(total)}</strong></td></tr></tbody></table></div>` +
          `<p class="table-note">Left out before scoring: they have no row in scores.tsv (counts also in compare.json).</p>`
        : `<p class="muted">No sample was left out.</p>`
      : '')
  );
}

export function compareResultsSection(model: ReportModel, ctx: Context): string {
  const c = model.compare;
  if (!c) return `<section id="results"><h2>Results</h2><p class="muted">No result.</p></section>`;
  const single = c.rows.length === 1 && c.rows[0].cancer === 'all';
  return (
    `<section id="results"><h2>Results</h2><section class="panel" id="compare">` +
    groupsBlock(c, single) +
    `<h3>${single ? 'Test' : 'By cancer type'}</h3>` +
    compareTable(c, ctx.fdr) +
    compareSkippedTable(c) +
    (c.figures.length ? `<h3>Figures</h3>${c.figures.map((f) => renderFigure(f, ctx.counter, 'wide')).join('')}` : '') +
    (c.pairedFigures?.length
      ? `<h3>Paired samples</h3><div class="paired-figures">${c.pairedFigures.map((f) => renderFigure(f, ctx.counter, 'paired-fig')).join('')}</div>`
      : '') +
    (c.genes ? `<h3 id="compare-genes">Genes of the set</h3>${geneTable(c, ctx.fdr)}` : '') +
    `</section></section>`
  );
}
