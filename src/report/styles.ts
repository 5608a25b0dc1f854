// The report's stylesheet, inlined into the HTML (no web fonts, no external files):
// system fonts, a single accent colour, printable (tabs expand, cards don't split).

export const REPORT_CSS = `
:root {
  --text: #1c2530;
  --muted: #5d6877;
  --faint: #8a94a3;
  --border: #dde2e8;
  --rule: #eceff3;
  --bg: #ffffff;
  --panel: #f6f8fa;
  --accent: #1f5aa6;
  --accent-soft: #e8f0fb;
  --sig: #fff1c7;
  --sig-strong: #b7791f;
  --warn-bg: #fff8e6;
  --warn-border: #f0c36d;
  --good: #2f855a;
  --bad: #c53030;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
}
.page { max-width: 1240px; margin: 0 auto; padding: 28px 28px 64px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 0.86em; }
h1, h2, h3, h4 { line-height: 1.25; margin: 0; }
h1 { font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
h2 { font-size: 20px; font-weight: 650; margin: 40px 0 14px; padding-top: 18px; border-top: 1px solid var(--border); }
.report-header + section > h2 { border-top: 0; margin-top: 22px; padding-top: 0; }
h3 { font-size: 16px; font-weight: 650; margin: 26px 0 10px; }
h4 { font-size: 15px; font-weight: 650; }
p { margin: 0 0 10px; }
.muted { color: var(--muted); }
.small { font-size: 13px; }

/* header */
.report-header { padding-bottom: 18px; border-bottom: 3px solid var(--accent); }
.report-header .meta { margin-top: 6px; color: var(--muted); font-size: 14px; }
.report-header .meta span + span::before { content: "·"; margin: 0 8px; color: var(--faint); }
.command {
  margin: 14px 0 0; padding: 10px 12px; background: var(--panel); border: 1px solid var(--border);
  border-radius: 6px; font-family: var(--mono); font-size: 12.5px; line-height: 1.5;
  white-space: pre-wrap; word-break: break-all;
}
.command::before { content: "$ "; color: var(--faint); }
nav.toc { margin-top: 12px; font-size: 14px; display: flex; flex-wrap: wrap; gap: 4px 18px; }

/* summary */
.summary-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; }
.summary-card { border: 1px solid var(--border); border-radius: 8px; padding: 14px 16px; background: var(--bg); }
.summary-card h3 { margin: 0 0 10px; font-size: 15px; }
.summary-card h3 .muted { font-weight: 400; }
.stats { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px 14px; margin-bottom: 10px; }
.stat { display: flex; flex-direction: column; min-width: 0; }
.stat .num { font-size: 26px; font-weight: 650; line-height: 1.1; font-variant-numeric: tabular-nums; }
.stat .lbl { font-size: 12px; line-height: 1.3; color: var(--muted); }
.stat.sig .num { color: var(--sig-strong); }
.summary-card p { margin: 0; font-size: 13.5px; color: var(--muted); }
.messages { list-style: none; padding: 0; margin: 14px 0 0; }
.messages li {
  background: var(--warn-bg); border-left: 4px solid var(--warn-border); padding: 7px 12px;
  margin-bottom: 6px; border-radius: 0 4px 4px 0; font-size: 14px;
}
.messages li.none { background: var(--panel); border-left-color: var(--border); color: var(--muted); }

/* parameters, inputs, references */
.params { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 0 32px; margin: 0; }
.params div { display: flex; gap: 12px; padding: 6px 0; border-bottom: 1px solid var(--rule); font-size: 14px; }
.params dt { color: var(--muted); flex: 0 0 190px; }
.params dd { margin: 0; font-weight: 550; overflow-wrap: anywhere; }
.sha { font-family: var(--mono); font-size: 11.5px; color: var(--muted); overflow-wrap: anywhere; margin-top: 2px; }
.sha::before { content: "sha256 "; color: var(--faint); }
table.data.inputs td:first-child { white-space: nowrap; }
table.data.skipped { width: auto; min-width: 640px; }
.table-wrap.fit { display: inline-block; max-width: 100%; vertical-align: top; }
.refs { margin: 0; padding-left: 22px; font-size: 14px; }
.refs li { margin-bottom: 4px; }
.refs a.doi { white-space: nowrap; }

/* tables */
.table-wrap { overflow-x: auto; margin: 0 0 8px; border: 1px solid var(--border); border-radius: 6px; }
table.data { border-collapse: collapse; width: 100%; font-size: 13.5px; font-variant-numeric: tabular-nums; }
table.data th, table.data td { padding: 5px 10px; text-align: left; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.data thead th { background: var(--panel); font-weight: 600; font-size: 12.5px; color: #3a4552; border-bottom: 1px solid var(--border); white-space: nowrap; vertical-align: bottom; }
table.data thead tr.group th { text-align: center; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--border); padding-bottom: 2px; }
table.data th.num, table.data td.num { text-align: right; white-space: nowrap; }
table.data tbody tr:last-child td { border-bottom: 0; }
table.data tbody tr:hover td { background: #f3f6fa; }
table.data td.na { color: var(--faint); }
table.data .sep { border-left: 1px solid var(--border); }
table.data tr.significant td { background: var(--sig); }
table.data tr.significant:hover td { background: #ffe9a8; }
table.data td.sigval { font-weight: 650; }
table.data th button {
  all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 3px;
}
table.data th button::after { content: "\\2195"; font-size: 10px; color: var(--faint); }
table.data th[aria-sort="ascending"] button::after { content: "\\25B2"; color: var(--accent); }
table.data th[aria-sort="descending"] button::after { content: "\\25BC"; color: var(--accent); }
table.data th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.table-note { font-size: 12.5px; color: var(--muted); margin: 4px 0 0; }
.skipped-title { margin: 22px 0 8px; }
.swatch { display: inline-block; width: 11px; height: 11px; background: var(--sig); border: 1px solid #e8cf7d; vertical-align: -1px; margin-right: 4px; }
.coverage { display: inline-block; width: 70px; height: 7px; background: var(--rule); border-radius: 4px; overflow: hidden; vertical-align: middle; margin-right: 6px; }
.coverage > span { display: block; height: 100%; background: var(--good); }
.genes-detail { font-size: 13px; margin: 6px 0 0; }
.genes-detail summary { cursor: pointer; color: var(--accent); }
.genes-detail ul { margin: 6px 0; padding-left: 20px; }
.gene-list { font-family: var(--mono); font-size: 12px; }

/* endpoint tabs (CSS only: radio buttons; per-tab rules are generated) */
.tab-radio { position: absolute; opacity: 0; pointer-events: none; }
.tab-labels { display: flex; gap: 4px; border-bottom: 2px solid var(--border); margin-bottom: 18px; }
.tab-labels label {
  cursor: pointer; padding: 8px 18px; border: 1px solid transparent; border-bottom: 0;
  border-radius: 6px 6px 0 0; color: var(--muted); font-weight: 600; margin-bottom: -2px;
}
.tab-labels label:hover { color: var(--text); background: var(--panel); }
.tab-labels label .muted { font-weight: 400; }
.tabs .panel { display: none; }
.tabs .panel-title { display: none; }

/* figures */
figure { margin: 18px 0; }
figure.wide { text-align: center; }
figure .fig-title { display: block; text-align: left; font-weight: 600; font-size: 14.5px; margin-bottom: 6px; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figure figcaption { text-align: left; font-size: 13px; color: var(--muted); margin-top: 6px; }
figure .fig-files { text-align: left; font-size: 12.5px; color: var(--muted); margin-top: 4px; }
a.file { font-family: var(--mono); font-size: 12px; margin-right: 10px; white-space: nowrap; }
td.file-list { line-height: 1.9; }
details.note { margin: 8px 0 0; padding: 6px 12px; background: var(--panel); border-left: 4px solid var(--border); border-radius: 0 4px 4px 0; font-size: 14px; }
details.note summary { cursor: pointer; color: var(--muted); }
details.note p { margin: 6px 0 2px; }
table.data.groups, table.data.models { width: auto; min-width: 560px; }
.fig-missing { padding: 24px; border: 1px dashed var(--border); color: var(--muted); text-align: center; font-size: 13px; }

/* per-cancer cards */
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 14px; }
.chips a { font-size: 12.5px; padding: 2px 9px; border: 1px solid var(--border); border-radius: 999px; color: var(--text); background: var(--bg); }
.chips a.significant { background: var(--sig); border-color: #e8cf7d; }
.chips a:hover { border-color: var(--accent); text-decoration: none; }
/* one card per row: a Kaplan–Meier figure at its own size is readable (figures side by side when they fit) */
.cards { display: grid; grid-template-columns: 1fr; gap: 16px; align-items: start; }
.card-figures { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-start; }
.card-figures > figure { flex: 0 1 auto; max-width: 100%; }
.cohort-details { font-size: 13.5px; margin: 4px 0 8px; }
.cohort-details summary { cursor: pointer; color: var(--accent); margin-bottom: 6px; }
.card { border: 1px solid var(--border); border-radius: 8px; padding: 12px 12px 4px; background: var(--bg); min-width: 0; }
.card.significant { border-left: 4px solid var(--sig-strong); }
.card-head { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.badge { font-size: 11.5px; font-weight: 600; padding: 1px 8px; border-radius: 999px; background: var(--sig); color: #7a4d00; }
.card .card-stats { font-size: 12.5px; color: var(--muted); margin: 4px 0 6px; font-variant-numeric: tabular-nums; }
.card .card-summary { font-size: 13.5px; margin: 0 0 4px; }
.card figure { margin: 10px 0; }
.card figure .fig-title { font-size: 13px; color: var(--muted); font-weight: 600; }
.hr-up { color: var(--bad); }
.hr-down { color: var(--good); }

footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--border); font-size: 12.5px; color: var(--muted); }

@media (max-width: 640px) {
  .page { padding: 16px; }
  .cards { grid-template-columns: 1fr; }
}

@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav.toc, .tab-labels, .chips, .screen-only { display: none; }
  table.data th button::after { display: none; }
  .tabs .panel { display: block !important; }
  .tabs .panel-title { display: block; font-size: 18px; }
  .tabs .panel + .panel { break-before: page; }
  h2 { break-after: avoid; }
  figure, .card, .summary-card, tr { break-inside: avoid; }
  .cards { display: block; }
  .card { margin-bottom: 10px; }
  .table-wrap { overflow: visible; border: 0; }
  table.data thead th { background: none; }
  a { color: inherit; }
  .genes-detail summary { color: inherit; }
  table.data tr.significant td, .chips a.significant, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
