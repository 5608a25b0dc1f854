// The tables of an endpoint panel: the sortable pan-cancer table (score groups and
// continuous score, significant rows marked) and the cancer types not analysed.

import { isSignificant, type Context } from './context.js';
import { escapeHtml, finite } from './format.js';
import { formatAuc, formatConfLevel as percent, formatCount, formatHr, formatP, formatSignificant, NA } from '../format/numbers.js';
import type { EndpointSection, PancanTableRow } from './model.js';

type Cell = { html: string; v: string; cls?: string; title?: string };

function numCell(text: string, v: number | null, extra = ''): Cell {
  const isNa = text === NA;
  return { html: escapeHtml(text), v: finite(v) ? String(v) : '', cls: `num${isNa ? ' na' : ''}${extra}` };
}

export function hrCiText(row: PancanTableRow): string {
  if (row.hr_note) return NOT_ESTIMABLE;
  if (row.hr == null) return NA;
  const ci = row.hr_lower != null && row.hr_upper != null ? ` (${formatHr(row.hr_lower)}\u2013${formatHr(row.hr_upper)})` : '';
  return `${formatHr(row.hr)}${ci}`;
}

export const NOT_ESTIMABLE = 'not estimable';

/** "not estimable" and its reason, in place of a number R could not estimate. */
function notEstimableCell(note: string, extra = ''): Cell {
  return { html: `${NOT_ESTIMABLE}<div class="small muted">${escapeHtml(note)}</div>`, v: '', cls: `num na${extra}`, title: `not estimable: ${note}` };
}

/** 3+ groups: the top group's term (e.g. "high vs low") of the group Cox model, labelled, in place of the NA single HR. */
function topTermCell(t: NonNullable<PancanTableRow['hr_top']>): Cell {
  if (t.note) return notEstimableCell(`${t.label}: ${t.note}`);
  const ci = t.lower != null && t.upper != null ? ` (${formatHr(t.lower)}\u2013${formatHr(t.upper)})` : '';
  return {
    html: `${escapeHtml(`${formatHr(t.hr)}${ci}`)}<div class="small muted">${escapeHtml(t.label)}</div>`, v: finite(t.hr) ? String(t.hr) : '', cls: 'num',
    title: `${t.groups} score groups: the ${t.label} term of the Cox model of all groups (pancan.tsv hr is NA: no single group HR)`,
  };
}

/** A Wald p of a coefficient that may be infinite is not a test result either. */
function waldPCell(p: number | null, note: string | null): Cell {
  return note ? { html: '\u2014', v: '', cls: 'num na', title: `no valid Wald test: the HR is not estimable (${note})` } : numCell(formatP(p), p);
}

interface Column {
  key: string;
  label: string;
  title: string;
  type: 'text' | 'num';
  group: 'id' | 'split' | 'continuous' | 'auc';
}

const NAIVE = 'not adjusted for the cutpoint search';

/** With --roc-times: one column per time, the AUC of the continuous score (pancan.tsv's auc_<T>). */
function aucColumns(times: string[] | undefined): Column[] {
  return (times ?? []).map((t, k) => ({
    key: `auc_${k}`, label: t, title: `Time-dependent AUC of the continuous score at ${t} (pancan.tsv auc_<T>; cumulative/dynamic, IPCW)`, type: 'num' as const, group: 'auc' as const,
  }));
}

function columns(conf: number, searched: boolean): Column[] {
  const split: Column[] = searched
    ? [
      { key: 'hr', label: `HR (${percent(conf)} CI)`, title: 'Cox hazard ratio, high vs low score group (the cut was chosen to separate the groups: expect it away from 1)', type: 'num', group: 'split' },
      { key: 'p_adjusted', label: 'Adjusted p (Lau92)', title: 'maxstat p-value of the optimal cutpoint, adjusted for the search over cutpoints (Lausen & Schumacher 1992)', type: 'num', group: 'split' },
      { key: 'fdr', label: 'FDR', title: 'Benjamini–Hochberg FDR over the adjusted p-values', type: 'num', group: 'split' },
      { key: 'logrank_p', label: `Log-rank p (${NAIVE})`, title: `Log-rank test p-value at the chosen cutpoint, ${NAIVE}`, type: 'num', group: 'split' },
      { key: 'p', label: `Cox p (${NAIVE})`, title: `Wald p-value of the group Cox model, ${NAIVE}`, type: 'num', group: 'split' },
    ]
    : [
      { key: 'hr', label: `HR (${percent(conf)} CI)`, title: 'Cox hazard ratio, high vs low score group', type: 'num', group: 'split' },
      { key: 'p', label: 'p (Cox)', title: 'Wald p-value of the group Cox model', type: 'num', group: 'split' },
      { key: 'logrank_p', label: 'Log-rank p', title: 'Log-rank test p-value', type: 'num', group: 'split' },
      { key: 'fdr', label: 'FDR', title: 'Benjamini–Hochberg FDR over the log-rank p-values', type: 'num', group: 'split' },
    ];
  return [
    { key: 'cancer', label: 'Cancer', title: 'Cancer type', type: 'text', group: 'id' },
    { key: 'n', label: 'n', title: 'Patients analysed', type: 'num', group: 'id' },
    { key: 'events', label: 'Events', title: 'Events', type: 'num', group: 'id' },
    ...split,
    { key: 'cutpoint', label: 'Cutpoint', title: 'Score value splitting the groups (high: greater than the cutpoint)', type: 'num', group: 'split' },
    { key: 'hr_continuous', label: 'HR', title: 'Cox hazard ratio per unit of score', type: 'num', group: 'continuous' },
    { key: 'p_continuous', label: 'p', title: 'Wald p-value of the continuous Cox model', type: 'num', group: 'continuous' },
    { key: 'fdr_continuous', label: 'FDR', title: 'Benjamini–Hochberg FDR over the continuous p-values', type: 'num', group: 'continuous' },
  ];
}

function rowCells(row: PancanTableRow, cols: Column[], ctx: Context, anchor: string | null): Cell[] {
  const sig = isSignificant(row, ctx.fdr);
  const contSig = finite(row.fdr_continuous) && row.fdr_continuous < ctx.fdr;
  // a direction only for a hazard ratio that is a number to read
  const hrDir = finite(row.hr) && !row.hr_note && sig ? (row.hr > 1 ? ' hr-up' : row.hr < 1 ? ' hr-down' : '') : '';
  const name = anchor ? `<a href="#${anchor}">${escapeHtml(row.cancer)}</a>` : escapeHtml(row.cancer);
  const cut = numCell(formatSignificant(row.cutpoint), row.cutpoint);
  if (finite(row.cutpoint)) cut.title = String(row.cutpoint);
  const sep = (c: Cell): Cell => ({ ...c, cls: (c.cls ?? 'num').replace(/^num/, 'num sep') });
  const cells: Record<string, Cell> = {
    cancer: { html: `<strong>${name}</strong>`, v: row.cancer },
    n: numCell(formatCount(row.n), row.n),
    events: numCell(formatCount(row.events), row.events),
    hr: row.hr_note ? notEstimableCell(row.hr_note) : row.hr_top ? topTermCell(row.hr_top) : numCell(hrCiText(row), row.hr, hrDir),
    p: waldPCell(row.p, row.hr_note),
    logrank_p: numCell(formatP(row.logrank_p), row.logrank_p),
    p_adjusted: numCell(formatP(row.p_adjusted), row.p_adjusted),
    fdr: numCell(formatP(row.fdr), row.fdr, sig ? ' sigval' : ''),
    cutpoint: cut,
    hr_continuous: row.hr_continuous_note ? notEstimableCell(row.hr_continuous_note) : numCell(formatHr(row.hr_continuous), row.hr_continuous),
    p_continuous: waldPCell(row.p_continuous, row.hr_continuous_note),
    fdr_continuous: numCell(formatP(row.fdr_continuous), row.fdr_continuous, contSig ? ' sigval' : ''),
  };
  (row.auc ?? []).forEach((auc, k) => {
    const note = row.auc_notes?.[k] ?? null;
    cells[`auc_${k}`] = note ? { html: NA, v: '', cls: 'num na', title: `AUC not defined: ${note}` } : numCell(formatAuc(auc), auc);
  });
  return cols.map((c) => (c.key === 'hr' || c.key === 'hr_continuous' || c.key === 'auc_0' ? sep(cells[c.key] ?? numCell(NA, null)) : cells[c.key] ?? numCell(NA, null)));
}

/** Each AUC that is not defined, with its cancer, time and reason. */
function aucGaps(ep: EndpointSection): string {
  const gaps = ep.table.flatMap((row) => (row.auc_notes ?? []).flatMap((note, k) => (note ? [`${row.cancer} at ${ep.aucTimes?.[k] ?? '?'}: ${note}`] : [])));
  return gaps.length ? ` AUC NA (not defined): ${gaps.map(escapeHtml).join('; ')}.` : '';
}

export function pancanTable(ep: EndpointSection, ctx: Context, anchors: Map<string, string>): string {
  if (!ep.table.length) return `<p class="muted">No cancer type could be analysed.</p>`;
  const searched = ep.cutSearched === true;
  const cols = [...columns(ctx.conf, searched), ...aucColumns(ep.aucTimes)];
  const nAuc = ep.aucTimes?.length ?? 0;
  const nSplit = cols.filter((c) => c.group === 'split').length;
  const groupRow =
    `<tr class="group"><th colspan="3"></th><th colspan="${nSplit}" class="sep">Score groups (high vs low${searched ? ', optimal (data-driven) cutpoint' : ''})</th>` +
    `<th colspan="3" class="sep">Continuous score</th>` +
    (nAuc ? `<th colspan="${nAuc}" class="sep">Time-dependent AUC</th>` : '') +
    `</tr>`;
  const headRow =
    `<tr>` +
    cols
      .map((c, i) => {
        const cls = [c.type === 'num' ? 'num' : '', c.key === 'hr' || c.key === 'hr_continuous' || c.key === 'auc_0' ? 'sep' : ''].filter(Boolean).join(' ');
        return `<th${cls ? ` class="${cls}"` : ''} data-col="${i}" data-type="${c.type}" title="${escapeHtml(c.title)}"><button type="button">${escapeHtml(c.label)}</button></th>`;
      })
      .join('') +
    `</tr>`;
  const body = ep.table
    .map((row) => {
      const cells = rowCells(row, cols, ctx, anchors.get(row.cancer) ?? null);
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
    `<p class="table-note"><span class="swatch"></span>${escapeHtml(fdrName(searched))} &lt; ${ctx.fdr}. HR: Cox hazard ratio of the high versus the low score group ` +
    `(${percent(ctx.conf)} CI), and per unit of score for the continuous model. p and FDR with 3 significant digits; ` +
    `FDR is Benjamini–Hochberg across the cancers analysed` +
    (searched
      ? `, over maxstat's p-value of the optimal cutpoint adjusted for the search (Lau92). The cutpoint was chosen from the data ` +
        `to separate the groups: the log-rank and Cox p-values at it are ${NAIVE} and are not evidence of an association.`
      : ', over the log-rank p-values.') +
    ` A hazard ratio R cannot estimate (coefficient may be infinite, e.g. a group without events) reads "${NOT_ESTIMABLE}" with the reason.` +
    (nAuc
      ? ` Time-dependent AUC: cumulative/dynamic AUC(t) of the continuous score (cases: event by t; controls: event-free beyond t; IPCW), ` +
        `as riskRegression::Score; its SE and interval are in each cancer's details and summary.json.${aucGaps(ep)}`
      : '') +
    `<span class="screen-only"> Click a column heading to sort.</span></p>`
  );
}

/** What the significance of the score groups is counted on. */
export function fdrName(searched: boolean): string {
  return searched ? 'FDR of the adjusted p (Lau92)' : 'Log-rank FDR';
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
