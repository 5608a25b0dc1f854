// The time-dependent ROC in the reports through the CLI: the survival report's section
// holds summary.json's time_roc (AUC, SE, interval, cases, controls; a null AUC said why
// in words) with the ROC and AUC(t) figures; the pan-cancer table holds pancan.tsv's
// auc_<T>; Harrell's and Uno's C side by side; nothing of it without --roc-times.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAuc, formatSignificant } from '../../src/format/numbers.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';

const PBC = join(FIXTURES, 'roc', 'pbc-bili', 'input.tsv');
const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const cellsOf = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => unescape(m[1].replace(/<[^>]+>/g, '').trim()));

type Entry = { time: number; auc: number | null; se: number | null; lower: number | null; upper: number | null; cases: number; controls: number; note?: string };

function survival(out: string, ...extra: string[]): string {
  const r = runCli(['survival', '--clinical', PBC, '--id', 'id', '--time', 'time', '--event', 'status', '--value', 'marker', ...extra, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(out, 'index.html'), 'utf8');
}

/** The rows of every ROC table of a page. */
function rocTables(html: string): string[][][] {
  return [...html.matchAll(/<table class="data roc">([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1].match(/<tbody>([\s\S]*)<\/tbody>/)![1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => cellsOf(r[1])));
}

describe('survival report with --roc-times', () => {
  it('a section with summary.json time_roc: AUC, SE, interval, cases, controls, and why an AUC is NA; the figures inlined in it', () => {
    const out = join(tempDir(), 'out');
    const html = survival(out, '--roc-times', '10,365,1825,5000');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const entries = summary.time_roc as Entry[];
    expect(entries.map((e) => e.auc === null)).toEqual([true, false, false, true]);
    const tables = rocTables(html);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toEqual(entries.map((e) => [
      `${e.time} days`, formatAuc(e.auc), formatAuc(e.se), e.auc === null ? 'NA' : `${formatAuc(e.lower)}\u2013${formatAuc(e.upper)}`,
      String(e.cases), String(e.controls), e.note ? `AUC not defined: ${e.note}` : '',
    ]));
    expect(entries[3].note).toMatch(/no controls: 5000 days is at or beyond the end of follow-up/);
    // the section holds both figures, ahead of the other figures
    const section = html.match(/<h3 id="roc">Time-dependent ROC<\/h3>([\s\S]*?)<h3>Figures<\/h3>/);
    expect(section).not.toBeNull();
    expect([...section![1].matchAll(/data-figure="([^"]+)"/g)].map((m) => m[1])).toEqual(['roc', 'auc']);
    expect(html.match(/data-figure="roc"/g)).toHaveLength(1);
    expect(html).toContain('<a href="roc.tsv" class="file">');
    // Harrell's and Uno's C of each Cox model, as in summary.json
    for (const cox of [summary.cox, summary.cox_continuous]) {
      expect(unescape(html)).toContain(`Harrell's C = ${formatSignificant(cox.concordance.c, 3)}, Uno's C = ${formatSignificant(cox.concordance_uno.c, 3)}`);
    }
    expect(html).toContain('doi:10.1002/sim.5958');
    expect(html).toContain('<dt>Time-dependent ROC at</dt>');
  });

  it('without --roc-times: no ROC section, table or figure, and no ROC citation', () => {
    const html = survival(join(tempDir(), 'out'));
    expect(html).not.toContain('id="roc"');
    expect(rocTables(html)).toHaveLength(0);
    expect(html).not.toContain('data-figure="roc"');
    expect(html).not.toContain('10.1002/sim.5958');
    // Uno's C is shown (and cited) with Harrell's in every report
    expect(unescape(html)).toMatch(/Harrell's C = [0-9.]+, Uno's C = [0-9.]+/);
    expect(html).toContain('doi:10.1002/sim.4154');
  });
});

describe('pancan report with --roc-times', () => {
  it("the per-cancer table holds pancan.tsv's auc_<T>, an NA with its reason; each cancer's details its ROC table", () => {
    const out = join(tempDir(), 'out');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--roc-times', '365,1095,3650', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const tsv = readTsv(join(out, 'pancan.tsv'));
    const table = html.match(/<table class="data pancan sortable">([\s\S]*?)<\/table>/)![1];
    expect(table).toContain('<th colspan="3" class="sep">Time-dependent AUC</th>');
    for (const t of ['365 days', '1095 days', '3650 days']) expect(table).toContain(`<button type="button">${t}</button>`);
    const rows = [...table.match(/<tbody>([\s\S]*)<\/tbody>/)![1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]));
    expect(rows.map((c) => c[0])).toEqual(tsv.map((t) => t.cancer));
    let missing = 0;
    tsv.forEach((t, i) => {
      const aucs = rows[i].slice(-3);
      expect(aucs).toEqual(['auc_365', 'auc_1095', 'auc_3650'].map((c) => (t[c] === 'NA' ? 'NA' : formatAuc(Number(t[c])))));
      missing += ['auc_365', 'auc_1095', 'auc_3650'].filter((c) => t[c] === 'NA').length;
    });
    // UVM's follow-up ends before 10 years: NA, and why
    expect(missing).toBeGreaterThan(0);
    const uvm = JSON.parse(readFileSync(join(out, 'UVM', 'summary.json'), 'utf8'));
    const late = (uvm.time_roc as Entry[]).find((e) => e.time === 3650)!;
    expect(late.auc).toBeNull();
    expect(unescape(html)).toContain(`UVM at 3650 days: ${late.note}`);
    expect(table).toContain(`title="AUC not defined: ${late.note}"`);
    // each cancer's details: its ROC table (as its summary.json)
    const tables = rocTables(html);
    expect(tables).toHaveLength(4);
    expect(tables[3].map((row) => row[1])).toEqual((uvm.time_roc as Entry[]).map((e) => formatAuc(e.auc)));
  });

  it('without --roc-times: no AUC columns', () => {
    const out = join(tempDir(), 'out');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--cancers', 'UVM,ACC', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('Time-dependent AUC');
    expect(rocTables(html)).toHaveLength(0);
  });
});
