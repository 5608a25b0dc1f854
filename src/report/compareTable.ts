// The tables of a `compare` report: compare.tsv (rank-sum test per cancer, and the
// signed-rank test with --paired), the cancers not compared, and the per-gene rows with
// the smallest FDR. Sortable like the pan-cancer table; significant rows marked the same way.

import type { CompareGeneRow, CompareLevels, CompareRow } from '../compare/types.js';
import { escapeHtml, finite } from './format.js';
import { formatCount, formatP, formatSignificant, NA } from '../format/numbers.js';
import type { CompareReportSection } from './model.js';

export interface Cell {
  html: string;
  /** Raw value for sorting; '' sorts last. */
  v: string;
  cls?: string;
  title?: string;
}

export interface Column {
  label: string;
  title: string;
  type: 'text' | 'num';
  /** Starts a column group (left rule). */
  sep?: boolean;
}

/** Significant at the report's threshold (BH FDR strictly below it). */
export function below(fdr: number | null | undefined, threshold: number): boolean {
  return finite(fdr) && fdr < threshold;
}

/**
 * Direction of the rank-sum test: +1 when the case group ranks higher (R's W above its
 * null mean n_case·n_reference/2), −1 when lower; the medians' difference when W is absent.
 */
export function rankSumDirection(row: CompareRow): number {
  if (finite(row.statistic) && row.n_case > 0 && row.n_reference > 0) return Math.sign(row.statistic - (row.n_case * row.n_reference) / 2);
  return finite(row.diff_median) ? Math.sign(row.diff_median) : 0;
}

/** R's W or V as R prints it: whole and half ranks in full, anything else with 7 digits. */
export function statisticText(x: number | null | undefined): string {
  if (!finite(x)) return NA;
  return Number.isInteger(x * 2) ? String(x) : formatSignificant(x, 7);
}

export function numCell(text: string, v: number | null | undefined, extra = ''): Cell {
  return { html: escapeHtml(text), v: finite(v) ? String(v) : '', cls: `num${text === NA ? ' na' : ''}${extra}` };
}

function textCell(text: string | null | undefined): Cell {
  return text ? { html: escapeHtml(text), v: text } : { html: NA, v: '', cls: 'na' };
}

/** A table the page script sorts (class "sortable", th[data-col] with a button, td[data-v]). */
export function sortableTable(cls: string, cols: Column[], rows: { cells: Cell[]; significant: boolean }[], groupRow = ''): string {
  const head =
    `<tr>` +
    cols
      .map((c, i) => {
        const k = [c.type === 'num' ? 'num' : '', c.sep ? 'sep' : ''].filter(Boolean).join(' ');
        return `<th${k ? ` class="${k}"` : ''} data-col="${i}" data-type="${c.type}" title="${escapeHtml(c.title)}"><button type="button">${escapeHtml(c.label)}</button></th>`;
      })
      .join('') +
    `</tr>`;
  const body = rows
    .map(({ cells, significant }) =>
      `<tr${significant ? ' class="significant"' : ''}>` +
      cells
        .map((c, i) => {
          const k = [c.cls ?? '', cols[i].sep ? 'sep' : ''].filter(Boolean).join(' ');
          return `<td${k ? ` class="${k}"` : ''} data-v="${escapeHtml(c.v)}"${c.title ? ` title="${escapeHtml(c.title)}"` : ''}>${c.html}</td>`;
        })
        .join('') +
      `</tr>`)
    .join('');
  return `<div class="table-wrap"><table class="data ${cls} sortable"><thead>${groupRow}${head}</thead><tbody>${body}</tbody></table></div>`;
}

/** The difference cell, coloured and titled with the direction when the test is significant. */
function diffCell(text: string, v: number | null, dir: number, sig: boolean, levels: CompareLevels): Cell {
  const cell = numCell(text, v);
  if (sig && dir !== 0) {
    cell.cls += dir > 0 ? ' up' : ' down';
    cell.title = `${dir > 0 ? 'higher' : 'lower'} in ${levels.case} than in ${levels.reference}`;
  }
  return cell;
}

export function compareTable(c: CompareReportSection, fdr: number): string {
  if (!c.rows.length) return `<p class="muted">No cancer type could be compared.</p>`;
  const { case: a, reference: b } = c.levels;
  // Short headings under group headings (Samples, Median score, …): 15 columns fit the page.
  const cols: Column[] = [
    { label: 'Cancer', title: 'Cancer type (all: one comparison of every sample)', type: 'text' },
    { label: a, title: `Samples of ${a}`, type: 'num', sep: true },
    { label: b, title: `Samples of ${b}`, type: 'num' },
    { label: a, title: `Median score of ${a}`, type: 'num', sep: true },
    { label: b, title: `Median score of ${b}`, type: 'num' },
    { label: 'Difference', title: `Median ${a} − median ${b}`, type: 'num' },
    { label: 'W', title: `R's W of wilcox.test(${a}, ${b})`, type: 'num', sep: true },
    { label: 'p', title: 'Two-sided Wilcoxon rank-sum p-value', type: 'num' },
    { label: 'Method', title: 'exact: exact distribution (both groups below 50, no ties); normal: normal approximation with tie and continuity correction', type: 'text' },
    { label: 'FDR', title: 'Benjamini–Hochberg FDR over the cancers compared', type: 'num' },
  ];
  if (c.paired) {
    cols.push(
      { label: 'Pairs', title: `Patients with both a ${a} and a ${b} sample (zero differences included)`, type: 'num', sep: true },
      { label: 'V', title: `R's V of wilcox.test(${a}, ${b}, paired = TRUE)`, type: 'num' },
      { label: 'p', title: 'Two-sided Wilcoxon signed-rank p-value', type: 'num' },
      { label: 'Method', title: 'exact: below 50 non-zero pairs, no ties or zero differences; normal: normal approximation with corrections', type: 'text' },
      { label: 'FDR', title: 'Benjamini–Hochberg FDR of the paired p-values over the cancers', type: 'num' },
    );
  }
  const rows = c.rows.map((r) => {
    const sig = below(r.fdr, fdr);
    const cells: Cell[] = [
      { html: `<strong>${escapeHtml(r.cancer)}</strong>`, v: r.cancer },
      numCell(formatCount(r.n_case), r.n_case),
      numCell(formatCount(r.n_reference), r.n_reference),
      numCell(formatSignificant(r.median_case), r.median_case),
      numCell(formatSignificant(r.median_reference), r.median_reference),
      diffCell(formatSignificant(r.diff_median), r.diff_median, rankSumDirection(r), sig, c.levels),
      numCell(statisticText(r.statistic), r.statistic),
      numCell(formatP(r.p), r.p),
      textCell(r.method),
      numCell(formatP(r.fdr), r.fdr, sig ? ' sigval' : ''),
    ];
    if (c.paired) {
      cells.push(
        numCell(r.n_pairs === undefined ? NA : formatCount(r.n_pairs), r.n_pairs),
        numCell(statisticText(r.statistic_paired), r.statistic_paired),
        numCell(formatP(r.p_paired), r.p_paired),
        textCell(r.method_paired),
        numCell(formatP(r.fdr_paired), r.fdr_paired, below(r.fdr_paired, fdr) ? ' sigval' : ''),
      );
    }
    return { cells, significant: sig };
  });
  const groupRow =
    `<tr class="group"><th></th><th colspan="2" class="sep">Samples</th><th colspan="3" class="sep" title="${escapeHtml(c.score)}">Median score</th>` +
    `<th colspan="4" class="sep">Rank-sum test</th>${c.paired ? `<th colspan="5" class="sep">Signed-rank test (paired)</th>` : ''}</tr>`;
  return (
    sortableTable('compare', cols, rows, groupRow) +
    `<p class="table-note"><span class="swatch"></span>FDR &lt; ${fdr} (rank-sum test). ` +
    `Two-sided Wilcoxon rank-sum test of ${escapeHtml(a)} against ${escapeHtml(b)} as R's <code>wilcox.test(${escapeHtml(a)}, ${escapeHtml(b)})</code>: ` +
    `W is the ${escapeHtml(a)} rank sum minus its minimum; exact p when both groups have fewer than 50 values and no ties, ` +
    `else the normal approximation with tie and continuity correction. FDR: Benjamini–Hochberg across the cancers compared. ` +
    `Coloured difference: significant, <span class="up">higher</span> or <span class="down">lower</span> in ${escapeHtml(a)} (W above or below its null mean).` +
    (c.paired
      ? ` Paired: <code>wilcox.test(${escapeHtml(a)}, ${escapeHtml(b)}, paired = TRUE)</code> over the patients with both samples; ` +
        `V is the sum of the ranks of the positive differences (${escapeHtml(a)} − ${escapeHtml(b)}); ` +
        `Pairs counts zero differences too, which R drops inside the test; FDR over the paired p-values.`
      : '') +
    ` p and FDR with 3 significant digits.<span class="screen-only"> Click a column heading to sort.</span></p>`
  );
}

export function compareSkippedTable(c: CompareReportSection): string {
  if (!c.skipped.length) return '';
  const { case: a, reference: b } = c.levels;
  return (
    `<h4 class="skipped-title">Not compared (${c.skipped.length})</h4>` +
    `<div class="table-wrap fit"><table class="data skipped"><thead><tr><th>Cancer</th><th class="num">n ${escapeHtml(a)}</th>` +
    `<th class="num">n ${escapeHtml(b)}</th><th>Reason</th></tr></thead><tbody>` +
    c.skipped
      .map((s) => `<tr><td><strong>${escapeHtml(s.cancer)}</strong></td><td class="num">${formatCount(s.n_case)}</td><td class="num">${formatCount(s.n_reference)}</td><td>${escapeHtml(s.reason)}</td></tr>`)
      .join('') +
    `</tbody></table></div>`
  );
}

/** The gene rows with the smallest FDR (then p), NA last; ties keep file order. */
export function topGeneRows(genes: CompareGeneRow[], n: number): CompareGeneRow[] {
  const key = (x: number | null) => (finite(x) ? x : Infinity);
  return genes
    .map((g, i) => ({ g, i }))
    .sort((x, y) => key(x.g.fdr) - key(y.g.fdr) || key(x.g.p) - key(y.g.p) || x.i - y.i)
    .slice(0, n)
    .map((x) => x.g);
}

export function geneTable(c: CompareReportSection, fdr: number): string {
  const genes = c.genes ?? [];
  if (!genes.length) return `<p class="muted">No gene was compared.</p>`;
  const n = c.topGenes ?? 20;
  const top = topGeneRows(genes, n);
  const { case: a, reference: b } = c.levels;
  const cols: Column[] = [
    { label: 'Cancer', title: 'Cancer type', type: 'text' },
    { label: 'Gene', title: 'Gene of the set', type: 'text' },
    { label: `n ${a}`, title: `Samples of ${a}`, type: 'num' },
    { label: `n ${b}`, title: `Samples of ${b}`, type: 'num' },
    { label: `Mean ${a}`, title: `Mean log2 expression of ${a}`, type: 'num', sep: true },
    { label: `Mean ${b}`, title: `Mean log2 expression of ${b}`, type: 'num' },
    { label: 'log2 FC', title: `Mean ${a} − mean ${b} (log2 scale)`, type: 'num' },
    { label: 'W', title: `R's W of wilcox.test(${a}, ${b})`, type: 'num', sep: true },
    { label: 'p', title: 'Two-sided Wilcoxon rank-sum p-value', type: 'num' },
    { label: 'FDR', title: 'Benjamini–Hochberg FDR over all gene × cancer rows', type: 'num' },
  ];
  const rows = top.map((g) => {
    const sig = below(g.fdr, fdr);
    const dir = finite(g.log2fc) ? Math.sign(g.log2fc) : 0;
    return {
      significant: sig,
      cells: [
        { html: `<strong>${escapeHtml(g.cancer)}</strong>`, v: g.cancer },
        { html: `<span class="gene-list">${escapeHtml(g.gene)}</span>`, v: g.gene },
        numCell(formatCount(g.n_case), g.n_case),
        numCell(formatCount(g.n_reference), g.n_reference),
        numCell(formatSignificant(g.mean_case), g.mean_case),
        numCell(formatSignificant(g.mean_reference), g.mean_reference),
        diffCell(formatSignificant(g.log2fc, 3), g.log2fc, dir, sig, c.levels),
        numCell(statisticText(g.statistic), g.statistic),
        numCell(formatP(g.p), g.p),
        numCell(formatP(g.fdr), g.fdr, sig ? ' sigval' : ''),
      ],
    };
  });
  const significant = genes.filter((g) => below(g.fdr, fdr));
  const up = significant.filter((g) => finite(g.log2fc) && g.log2fc > 0).length;
  const down = significant.filter((g) => finite(g.log2fc) && g.log2fc < 0).length;
  return (
    `<p class="muted">${formatCount(significant.length)} of ${formatCount(genes.length)} gene × cancer rows significant at FDR &lt; ${fdr}` +
    (significant.length ? ` (higher in ${escapeHtml(a)}: ${formatCount(up)}, lower: ${formatCount(down)})` : '') +
    `; ${top.length < genes.length ? `the ${top.length} with the smallest FDR` : 'all of them, smallest FDR first'}:</p>` +
    sortableTable('compare-genes', cols, rows) +
    `<p class="table-note"><span class="swatch"></span>FDR &lt; ${fdr}. Means and log2 FC (mean ${escapeHtml(a)} − mean ${escapeHtml(b)}) on the log2 scale of the run; ` +
    `Wilcoxon rank-sum test per gene and cancer, unpaired; FDR: Benjamini–Hochberg over all gene × cancer rows. Every row is in compare_genes.tsv.</p>`
  );
}
