// --roc-times in the report: the time-dependent AUC of a cohort's continuous value, one
// row per time (AUC, SE, interval, cases and controls), an AUC that is not defined said
// in words; and the pan-cancer table's AUC cells (pancan.tsv's auc_<T>).

import { escapeHtml } from './format.js';
import { formatAuc, formatConfLevel, formatCount, NA } from '../format/numbers.js';
import type { ReportTimeRoc } from './model.js';

/** The AUC(t) table of one cohort, with what was computed in a note under it. */
/** The table's own rule, in the page's stylesheet (the shared one stays as it is). */
export const ROC_CSS = 'table.data.roc td.nowrap { white-space: nowrap; }';

export function rocTable(roc: ReportTimeRoc): string {
  const ci = formatConfLevel(roc.confLevel);
  const body = roc.rows.map((r) =>
    `<tr><td class="nowrap"><strong>${escapeHtml(r.label)}</strong></td>` +
    `<td class="num${r.auc === null ? ' na' : ''}">${escapeHtml(formatAuc(r.auc))}</td>` +
    `<td class="num">${escapeHtml(formatAuc(r.se))}</td>` +
    `<td class="num">${r.lower === null || r.upper === null ? NA : `${escapeHtml(formatAuc(r.lower))}\u2013${escapeHtml(formatAuc(r.upper))}`}</td>` +
    `<td class="num">${formatCount(r.cases)}</td><td class="num">${formatCount(r.controls)}</td>` +
    `<td>${r.note ? `AUC not defined: ${escapeHtml(r.note)}` : ''}</td></tr>`).join('');
  return (
    `<div class="table-wrap fit"><table class="data roc"><thead><tr><th>Time</th><th class="num">AUC(t)</th><th class="num">SE</th>` +
    `<th class="num">${ci} CI</th><th class="num">Cases</th><th class="num">Controls</th><th>Note</th></tr></thead><tbody>${body}</tbody></table></div>` +
    `<p class="table-note">Cumulative/dynamic AUC of ${escapeHtml(roc.valueName)} (higher value = higher risk, never flipped) on ${formatCount(roc.n)} patients: ` +
    `cases had the event by t, controls are event-free beyond t; inverse-probability-of-censoring weights from the Kaplan–Meier of the censoring times; ` +
    `SE from the iid representation, ${ci} CI = AUC \u00b1 z\u00b7SE (not clipped); as riskRegression::Score(metrics = "auc", cens.model = "km") and ` +
    `timeROC(weighting = "marginal", iid = TRUE). Cases and controls: patients counted before weighting. Values as in summary.json (time_roc) and roc.tsv.</p>`
  );
}
