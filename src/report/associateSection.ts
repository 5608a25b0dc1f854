// The summary and results of a `migrascore associate` report (scope "associate"): how many
// cancer × variable tests were run and which are significant (rho's sign for numeric
// variables), the variables and what they mean, associate.tsv as a sortable table, the
// heatmap, box and scatter figures, the pairwise tests, what was not tested, and with
// --genes the top co-expressed genes per cancer.

import type { AssociateRow } from '../associate/types.js';
import type { Context } from './context.js';
import { escapeHtml } from './format.js';
import { formatCount, formatP, formatSignificant } from '../format/numbers.js';
import { renderFigure } from './inlineSvg.js';
import type { AssociateReportSection, ReportModel } from './model.js';
import { messagesList } from './sections.js';
import { below } from './compareTable.js';
import { associateSkippedTable, associateTable, pairsTable, rhoDirection, topGenesSection, variablesTable } from './associateTable.js';

/** Extra rules of the associate report (the shared stylesheet stays as it is). */
export const ASSOCIATE_CSS = `
.stats.five { grid-template-columns: repeat(5, minmax(0, 1fr)); }
table.data td.up, .table-note .up, .assoc-list .up { color: #b2182b; font-weight: 600; }
table.data td.down, .table-note .down, .assoc-list .down { color: #2166ac; font-weight: 600; }
table.data.associate th, table.data.associate td { padding-left: 8px; padding-right: 8px; }
table.data.associate-genes td, table.data.associate-genes th { padding: 2px 6px; }
.genes-cards { grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); }
.assoc-list { margin: 6px 0 0; padding-left: 20px; }
@media (max-width: 640px) { .stats.five { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;

const stat = (num: string, lbl: string, cls = '') =>
  `<div class="stat${cls}"><span class="num">${escapeHtml(num)}</span><span class="lbl">${escapeHtml(lbl)}</span></div>`;

/** "Leukocyte fraction" for a variable of the run (its label, else its name). */
function labelOf(a: AssociateReportSection, name: string): string {
  return a.variables.find((v) => v.name === name)?.label ?? name;
}

/** One significant test in a few words: "BRCA · Leukocyte fraction: rho 0.452, FDR 1.2e-05". */
function finding(a: AssociateReportSection, r: AssociateRow, single: boolean): string {
  const where = `${single ? '' : `${escapeHtml(r.cancer)} · `}${escapeHtml(labelOf(a, r.variable))}`;
  const dir = rhoDirection(r);
  const effect = r.estimate !== null
    ? `<span class="${dir > 0 ? 'up' : dir < 0 ? 'down' : ''}">rho ${escapeHtml(formatSignificant(r.estimate, 3))}</span>`
    : r.method === 'kruskal' ? 'Kruskal–Wallis' : 'Wilcoxon';
  return `<li>${where}: ${effect}, FDR ${escapeHtml(formatP(r.fdr))}</li>`;
}

const SHOWN = 10;

export function associateSummarySection(model: ReportModel, ctx: Context): string {
  const a = model.associate;
  if (!a) return `<section id="summary"><h2>Summary</h2><p class="muted">No result.</p>${messagesList(model)}</section>`;
  const single = a.cohorts.length === 1 && a.cohorts[0].cancer === 'all';
  const sig = a.rows.filter((r) => below(r.fdr, ctx.fdr)).sort((x, y) => (x.p ?? 1) - (y.p ?? 1));
  const pos = sig.filter((r) => rhoDirection(r) > 0).length;
  const neg = sig.filter((r) => rhoDirection(r) < 0).length;
  const untested = a.skipped.filter((s) => s.level === null).length;
  const samples = a.cohorts.reduce((s, c) => s + c.n, 0);
  const card =
    `<div class="summary-card" data-test="associate"><h3>${escapeHtml(a.score)} <span class="muted">against ${a.variables.length} variable${a.variables.length === 1 ? '' : 's'}</span></h3>` +
    `<div class="stats five">` +
    stat(String(a.cohorts.length), single ? 'cohort (all samples)' : 'cancer types') +
    stat(String(a.rows.length), 'tests') +
    stat(String(sig.length), `significant, FDR < ${ctx.fdr}`, ' sig') +
    stat(`${pos} / ${neg}`, 'positive / negative rho among them') +
    stat(String(untested), 'cancer × variable not tested') +
    `</div><p>${formatCount(samples)} samples${single ? '' : ` in ${a.cohorts.length} cancer types`}.` +
    (sig.length
      ? ` Significant, smallest p first${sig.length > SHOWN ? ` (${SHOWN} of ${sig.length})` : ''}:</p><ul class="assoc-list">${sig.slice(0, SHOWN).map((r) => finding(a, r, single)).join('')}</ul>`
      : ` No association is significant at FDR &lt; ${ctx.fdr}.</p>`) +
    `</div>`;
  const genes = a.genes
    ? `<div class="summary-card" data-test="genes"><h3>Co-expressed genes <span class="muted">Spearman with every gene, per cancer</span></h3>` +
      `<p>${a.genes.map((t) => `${escapeHtml(t.cancer)}: ${formatCount(t.significant)} of ${formatCount(t.tested)} genes at FDR &lt; ${ctx.fdr}` +
        (t.positive[0] ? `; top ${escapeHtml(t.positive[0].gene)} (rho ${escapeHtml(formatSignificant(t.positive[0].rho, 3))})` : '')).join('. ')}.</p></div>`
    : '';
  return (
    `<section id="summary"><h2>Summary</h2>` +
    `<div class="summary-grid">${card}${genes}</div>` +
    `<p class="table-note">${escapeHtml(a.score)}${single ? ', all samples as one cohort' : ', computed and tested within each cancer type'}. ` +
    `Numeric variables: Spearman's rho (cor.test); categorical: Wilcoxon rank-sum (two levels) or Kruskal–Wallis (more). ` +
    `Significant: Benjamini–Hochberg FDR &lt; ${ctx.fdr} over all tests of the run.</p>` +
    messagesList(model) +
    `</section>`
  );
}

export function associateResultsSection(model: ReportModel, ctx: Context): string {
  const a = model.associate;
  if (!a) return `<section id="results"><h2>Results</h2><p class="muted">No result.</p></section>`;
  const single = a.cohorts.length === 1 && a.cohorts[0].cancer === 'all';
  const categorical = a.variables.some((v) => v.type === 'categorical');
  const figures = (title: string, list: AssociateReportSection['figures']) =>
    list.length ? `<h3>${title}</h3>${list.map((f) => renderFigure(f, ctx.counter, 'wide')).join('')}` : '';
  return (
    `<section id="results"><h2>Results</h2><section class="panel" id="associate">` +
    `<h3>Cohorts and variables</h3>` +
    `<p>${escapeHtml(a.score)} ${single ? 'of every sample, as one cohort' : 'computed within each cancer type on its samples'} ` +
    `(${a.cohorts.map((c) => `${escapeHtml(c.cancer)} ${formatCount(c.n)}`).join(', ')}), against the columns of ${escapeHtml(a.table)}. ` +
    `A variable is numeric when every value is a number; levels with fewer than ${a.minLevel} samples are dropped; ` +
    `a test runs with at least ${a.minSamples} values.</p>` +
    variablesTable(a) +
    `<h3>${single ? 'Tests' : 'Tests by cancer type'}</h3>` +
    associateTable(a, ctx.fdr) +
    figures('Correlation heatmap', a.figures) +
    figures('Box plots', a.boxFigures) +
    figures('Scatter plots', a.scatterFigures) +
    (categorical ? `<h3>Pairwise comparisons</h3>${pairsTable(a, ctx.fdr)}` : '') +
    `<h3>Not tested and dropped levels</h3>${associateSkippedTable(a)}` +
    (a.genes ? `<h3 id="associate-genes">Top co-expressed genes</h3>${topGenesSection(a.genes, ctx.fdr)}` : '') +
    `</section></section>`
  );
}
