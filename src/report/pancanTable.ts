// The tables of an endpoint panel: the sortable pan-cancer table (score groups and
// continuous score, significant rows marked) and the cancer types not analysed.

import { isSignificant, type Context } from './context.js';
import { escapeHtml, finite } from './format.js';
import { formatConfLevel as percent, formatCount, formatHr, formatP, formatSignificant, NA } from '../format/numbers.js';
import type { EndpointSection, PancanTableRow } from './model.js';

type Cell = { html: string; v: string; cls?: string; title?: string };

function numCell(text: string, v: number | null, extra = ''): Cell {
  const isNa = text === NA;
  return { html: escapeHtml(text), v: finite(v) ? String(v) : '', cls: `num${isNa ? ' na' : ''}${extra}` };
}

export function hrCiText(row: PancanTableRow): string {
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

export function pancanTable(ep: EndpointSection, ctx: Context, anchors: Map<string, string>): string {
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

export function skippedTable(ep: EndpointSection): string {
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
