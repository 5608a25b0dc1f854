// The tables of an `associate` report: associate.tsv (one test per cancer × variable),
// the variables with their labels and meanings, the untested variables and dropped
// levels, the pairwise tests, and the top co-expressed genes per cancer (--genes).
// Sortable like the compare tables; significant rows marked the same way.

import type { AssociateGene, AssociateMethod, AssociateRow, AssociateSkipped } from '../associate/types.js';
import { escapeHtml, finite } from './format.js';
import { formatCount, formatP, formatSignificant, NA } from '../format/numbers.js';
import type { AssociateReportSection, AssociateTopGenes, AssociateVariableInfo } from './model.js';
import { below, numCell, sortableTable, statisticText, type Cell, type Column } from './compareTable.js';

/** associate.tsv's method, in a few words for the table. */
export const METHOD_SHORT: Record<AssociateMethod, string> = {
  'spearman-exact': 'Spearman, exact',
  'spearman-asymptotic': 'Spearman, t approx.',
  'wilcoxon-exact': 'Wilcoxon, exact',
  'wilcoxon-normal': 'Wilcoxon, normal',
  kruskal: 'Kruskal–Wallis',
};

/** associate.tsv's method, in words (R's function and branch). */
export const METHOD_TEXT: Record<AssociateMethod, string> = {
  'spearman-exact': 'Spearman, exact p (cor.test, AS 89)',
  'spearman-asymptotic': 'Spearman, t approximation (cor.test; ties or n > 1290)',
  'wilcoxon-exact': 'Wilcoxon rank-sum, exact (wilcox.test)',
  'wilcoxon-normal': 'Wilcoxon rank-sum, normal approximation (wilcox.test)',
  kruskal: 'Kruskal–Wallis (kruskal.test)',
};

/** What R's statistic is called for this method. */
export function statisticName(method: AssociateMethod): string {
  return method.startsWith('spearman') ? 'S' : method === 'kruskal' ? 'χ²' : 'W';
}

export function variableName(v: AssociateVariableInfo | undefined, name: string): string {
  return v && v.label !== name ? `${escapeHtml(v.label)} <code class="small muted">${escapeHtml(name)}</code>` : `<code>${escapeHtml(name)}</code>`;
}

function textCell(html: string, v: string): Cell {
  return { html, v };
}

/** The direction of a significant numeric row: +1 positive rho, −1 negative. */
export function rhoDirection(row: AssociateRow): number {
  return finite(row.estimate) ? Math.sign(row.estimate) : 0;
}

export function associateTable(a: AssociateReportSection, fdr: number): string {
  if (!a.rows.length) return `<p class="muted">No variable could be tested (see the table of untested variables below).</p>`;
  const vars = new Map(a.variables.map((v) => [v.name, v]));
  const cols: Column[] = [
    { label: 'Cancer', title: 'Cancer type (all: every sample as one cohort)', type: 'text' },
    { label: 'Variable', title: 'The --with column (with its label for a built-in table)', type: 'text' },
    { label: 'Type', title: 'numeric: every value a number (Spearman); categorical: levels (Wilcoxon for two, Kruskal–Wallis for more)', type: 'text' },
    { label: 'n', title: 'Samples tested (with a value; dropped levels left out)', type: 'num' },
    { label: 'rho', title: "Spearman's rho of the score with the variable (numeric variables)", type: 'num', sep: true },
    { label: 'Statistic', title: "R's statistic: S (Spearman), W (Wilcoxon, x = the first level in sorted order) or the Kruskal–Wallis chi-square", type: 'num' },
    { label: 'df', title: 'Kruskal–Wallis degrees of freedom', type: 'num' },
    { label: 'p', title: 'Two-sided p-value', type: 'num' },
    { label: 'FDR', title: 'Benjamini–Hochberg over all tests of the run', type: 'num' },
    { label: 'Method', title: 'The R test and its branch (exact or approximate)', type: 'text', sep: true },
  ];
  const rows = a.rows.map((r) => {
    const sig = below(r.fdr, fdr);
    const dir = sig ? rhoDirection(r) : 0;
    const rho = numCell(formatSignificant(r.estimate, 3), r.estimate, dir > 0 ? ' up' : dir < 0 ? ' down' : '');
    const stat = numCell(statisticText(r.statistic), r.statistic);
    if (finite(r.statistic)) stat.title = `${statisticName(r.method)} = ${r.statistic}`;
    const levels = r.levels?.length ? `<div class="small muted">${r.levels.map(escapeHtml).join(', ')}</div>` : '';
    const cells: Cell[] = [
      textCell(`<strong>${escapeHtml(r.cancer)}</strong>`, r.cancer),
      textCell(variableName(vars.get(r.variable), r.variable) + levels, r.variable),
      textCell(escapeHtml(r.type), r.type),
      numCell(formatCount(r.n), r.n),
      rho,
      { ...stat, html: finite(r.statistic) ? `<span class="muted">${statisticName(r.method)}</span> ${stat.html}` : stat.html },
      numCell(r.df === null ? NA : String(r.df), r.df),
      numCell(formatP(r.p), r.p),
      numCell(formatP(r.fdr), r.fdr, sig ? ' sigval' : ''),
      { html: escapeHtml(METHOD_SHORT[r.method]), v: r.method, title: `${METHOD_TEXT[r.method]}; associate.tsv: ${r.method}` },
    ];
    return { cells, significant: sig };
  });
  return (
    sortableTable('associate', cols, rows) +
    `<p class="table-note"><span class="swatch"></span>FDR &lt; ${fdr} (Benjamini–Hochberg over all ${a.rows.length} tests); rho in red when positive, blue when negative. ` +
    `Categorical variables list the levels tested under their name. Every row is in associate.tsv.<span class="screen-only"> Click a column heading to sort.</span></p>`
  );
}

/** The variables: column, label, type, documented meaning and unit. */
export function variablesTable(a: AssociateReportSection): string {
  const documented = a.variables.some((v) => v.meaning);
  const head = `<tr><th>Column</th><th>Label</th><th>Type</th>${documented ? '<th>Meaning</th><th>Unit or scale</th>' : ''}</tr>`;
  const body = a.variables.map((v) =>
    `<tr><td><code>${escapeHtml(v.name)}</code></td><td>${escapeHtml(v.label)}</td><td>${escapeHtml(v.type)}</td>` +
    (documented ? `<td>${v.meaning ? escapeHtml(v.meaning) : NA}</td><td>${v.scale ? escapeHtml(v.scale) : NA}</td>` : '') +
    `</tr>`).join('');
  return `<div class="table-wrap"><table class="data associate-variables"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

/** Why a variable was not tested, or a level dropped, in words. */
export function skipReasonText(s: AssociateSkipped, a: Pick<AssociateReportSection, 'minLevel' | 'minSamples'>): string {
  switch (s.reason) {
    case 'all-missing': return 'no sample has a value';
    case 'constant': return 'one value (or one level) in every sample: nothing to test';
    case 'fewer than 2 levels': return `fewer than 2 levels with at least --min-level ${a.minLevel} samples`;
    case 'min-level': return `level dropped: ${s.n} sample${s.n === 1 ? '' : 's'}, fewer than --min-level ${a.minLevel}`;
    case 'min-samples': return `${s.n} sample${s.n === 1 ? '' : 's'} with a value, fewer than --min-samples ${a.minSamples}`;
    default: return s.reason;
  }
}

export function associateSkippedTable(a: AssociateReportSection): string {
  if (!a.skipped.length) return `<p class="muted">Every variable was tested in every cancer type, and no level was dropped.</p>`;
  const vars = new Map(a.variables.map((v) => [v.name, v]));
  const body = a.skipped.map((s) =>
    `<tr><td><strong>${escapeHtml(s.cancer)}</strong></td><td>${variableName(vars.get(s.variable), s.variable)}</td>` +
    `<td>${s.level === null ? '<span class="muted">(variable not tested)</span>' : escapeHtml(s.level)}</td><td class="num">${formatCount(s.n)}</td>` +
    `<td>${escapeHtml(skipReasonText(s, a))} <code class="small muted">${escapeHtml(s.reason)}</code></td></tr>`).join('');
  return (
    `<div class="table-wrap"><table class="data associate-skipped"><thead><tr><th>Cancer</th><th>Variable</th><th>Level</th><th class="num">n</th><th>Reason</th></tr></thead>` +
    `<tbody>${body}</tbody></table></div>` +
    `<p class="table-note">As in associate_skipped.tsv: n is the samples with a value (a variable) or of the level (a dropped level).</p>`
  );
}

export function pairsTable(a: AssociateReportSection, fdr: number): string {
  if (!a.pairs.length) return `<p class="muted">No variable with more than two levels was tested: no pairwise tests.</p>`;
  const vars = new Map(a.variables.map((v) => [v.name, v]));
  const cols: Column[] = [
    { label: 'Cancer', title: 'Cancer type', type: 'text' },
    { label: 'Variable', title: 'The categorical variable', type: 'text' },
    { label: 'Level 1', title: "The row of R's p-value matrix (the later level)", type: 'text' },
    { label: 'Level 2', title: "The column of R's p-value matrix (the earlier level)", type: 'text' },
    { label: 'Adjusted p', title: 'pairwise.wilcox.test(p.adjust.method = "BH"): BH within the variable and cancer', type: 'num' },
  ];
  const rows = a.pairs.map((p) => ({
    cells: [
      textCell(`<strong>${escapeHtml(p.cancer)}</strong>`, p.cancer),
      textCell(variableName(vars.get(p.variable), p.variable), p.variable),
      textCell(escapeHtml(p.level1), p.level1),
      textCell(escapeHtml(p.level2), p.level2),
      numCell(formatP(p.p_adjusted), p.p_adjusted, below(p.p_adjusted, fdr) ? ' sigval' : ''),
    ],
    significant: below(p.p_adjusted, fdr),
  }));
  return (
    sortableTable('associate-pairs', cols, rows) +
    `<p class="table-note"><span class="swatch"></span>Adjusted p &lt; ${fdr}. R's pairwise.wilcox.test of the score between two levels, ` +
    `Benjamini–Hochberg within each variable and cancer (not over the run). Every row is in associate_pairs.tsv.</p>`
  );
}

function geneRows(genes: AssociateGene[], k: number): (AssociateGene | undefined)[] {
  return Array.from({ length: k }, (_, i) => genes[i]);
}

function geneCells(g: AssociateGene | undefined, fdr: number, cls: 'up' | 'down'): string {
  if (!g) return `<td class="sep"></td><td></td><td></td>`;
  const sig = below(g.fdr, fdr);
  return (
    `<td class="sep"><code>${escapeHtml(g.gene)}</code></td>` +
    `<td class="num ${cls}" data-v="${g.rho ?? ''}">${escapeHtml(formatSignificant(g.rho, 3))}</td>` +
    `<td class="num${sig ? ' sigval' : ''}" title="p = ${escapeHtml(formatP(g.p))}">${escapeHtml(formatP(g.fdr))}</td>`
  );
}

/** One cancer's top positively and negatively correlated genes, side by side. */
function topGenesCard(t: AssociateTopGenes, fdr: number): string {
  const k = Math.max(t.positive.length, t.negative.length);
  const pos = geneRows(t.positive, k);
  const neg = geneRows(t.negative, k);
  const body = pos.map((g, i) => `<tr><td class="num muted">${i + 1}</td>${geneCells(g, fdr, 'up')}${geneCells(neg[i], fdr, 'down')}</tr>`).join('');
  return (
    `<article class="card genes-card" data-cancer="${escapeHtml(t.cancer)}">` +
    `<div class="card-head"><h4>${escapeHtml(t.cancer)}</h4></div>` +
    `<div class="card-stats">${formatCount(t.n)} samples · ${formatCount(t.tested)} genes correlated · ${formatCount(t.significant)} at FDR &lt; ${fdr}</div>` +
    (k === 0
      ? `<p class="muted">No gene varies in this cancer.</p>`
      : `<div class="table-wrap"><table class="data associate-genes"><thead>` +
        `<tr class="group"><th></th><th colspan="3" class="sep">Positive (highest rho)</th><th colspan="3" class="sep">Negative (lowest rho)</th></tr>` +
        `<tr><th class="num">#</th><th class="sep">Gene</th><th class="num">rho</th><th class="num">FDR</th><th class="sep">Gene</th><th class="num">rho</th><th class="num">FDR</th></tr>` +
        `</thead><tbody>${body}</tbody></table></div>`) +
    `</article>`
  );
}

export function topGenesSection(genes: AssociateTopGenes[], fdr: number): string {
  const k = Math.max(0, ...genes.map((g) => Math.max(g.positive.length, g.negative.length)));
  return (
    `<p>Spearman correlation of the score with every gene of the matrix within each cancer type; the ${k} genes with the highest ` +
    `and the ${k} with the lowest rho (only genes with rho above 0, or below 0, are listed).</p>` +
    `<div class="cards genes-cards">${genes.map((t) => topGenesCard(t, fdr)).join('')}</div>` +
    `<p class="table-note">FDR: Benjamini–Hochberg over the genes of the cancer type (constant genes not tested); p in the tooltip. ` +
    (genes.some((t) => [...t.positive, ...t.negative].some((g) => g.p === 0))
      ? `An FDR shown as &lt; 1e-300 is 0: R's exact Spearman p (AS 89, up to 1290 samples without ties) is clamped at 0 for so strong a correlation; it means very small. `
      : '') +
    `Gene: the matrix's row ID as written. Every gene is in associate_genes.tsv.gz.</p>`
  );
}
