// `pancan --split optimal` on the embedded demo data: a searched cutpoint counts as
// significant only by maxstat's adjusted p (Lau92) — in pancan.tsv (R: maxstat + p.adjust,
// tests/fixtures/pancan/mini-os-optimal), pancan.json, the forest plot, the KM figures,
// the report and stderr — and the hazard ratios R cannot estimate (ACC and UVM have a
// group without OS events there) are kept in the TSV but shown as "not estimable".
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { jsonDifferences, tableDifferences } from '../helpers/compare.js';
import { FIXTURES, readTsv, type Row } from '../helpers/fixtures.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const CASE = join(FIXTURES, 'pancan', 'mini-os-optimal');
const CONTRACT = ['cancer', 'n', 'events', 'hr', 'hr_lower', 'hr_upper', 'p', 'logrank_p', 'p_adjusted', 'fdr',
  'hr_continuous', 'p_continuous', 'fdr_continuous', 'cutpoint'];
// What R gives for the coefficients that may be infinite, printed as people would read them.
const HUGE = ['3.9e-09', '3.93e-09', '3.934e-09', '265573880', '265573879', '2.66e+08', '2.656e+08'];

let out = '';
let stderr = '';
let rows: Row[] = [];
const file = (name: string) => readFileSync(join(out, name), 'utf8');
const row = (cancer: string) => rows.find((r) => r.cancer === cancer)!;
/** Visible text of an SVG (text and tspan contents). */
const svgText = (svg: string) => [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]*)</g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).join('\n');

beforeAll(() => {
  out = join(tempDir(), 'optimal');
  const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--split', 'optimal', '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  stderr = r.stderr;
  rows = readTsv(join(out, 'pancan.tsv'));
});

describe('pancan --split optimal: significance from the adjusted p', () => {
  it('writes p_adjusted, and fdr is R p.adjust("BH") over it (maxstat Lau92 per cancer)', () => {
    expect(Object.keys(rows[0]).slice(0, CONTRACT.length)).toEqual(CONTRACT);
    expect(tableDifferences(readTsv(join(CASE, 'expected_pancan.tsv')), rows, ['cancer'], 'pancan.tsv')).toEqual([]);
    for (const c of ['ACC', 'DLBC', 'UCS', 'UVM']) {
      const summary = JSON.parse(file(`${c}/summary.json`));
      expect(Number(row(c).p_adjusted)).toBe(summary.cutpoint.p_adjusted);
      expect(jsonDifferences(JSON.parse(readFileSync(join(CASE, 'expected', c, 'expected.json'), 'utf8')), summary, c)).toEqual([]);
    }
    // the numbers of the issue: ACC log-rank 0.00913 at the chosen cut, adjusted 0.138
    expect(Number(row('ACC').logrank_p)).toBeCloseTo(0.00913, 5);
    expect(Number(row('ACC').p_adjusted)).toBeCloseTo(0.1378, 4);
    // DLBC's Lau92 p is 1 (b < 1); BH caps at 1 as p.adjust does
    expect(Number(row('DLBC').fdr)).toBe(1);
  });

  it('calls no cancer significant whose adjusted p says otherwise: pancan.json, stderr, report', () => {
    for (const r of rows) {
      if (Number(r.fdr) < 0.05) expect(Number(r.p_adjusted)).toBeLessThan(0.05);
      expect(Number(r.fdr)).toBeGreaterThanOrEqual(Number(r.p_adjusted) - 1e-15);
    }
    // ACC and UVM were "significant" by their naive log-rank p (FDR 0.037, 0.043)
    expect(Number(row('ACC').fdr)).toBeGreaterThan(0.05);
    expect(Number(row('UVM').fdr)).toBeGreaterThan(0.05);
    expect(JSON.parse(file('pancan.json')).endpoints[0].significant_fdr_0_05).toBe(0);
    expect(stderr).toMatch(/OS: 4 cancers analysed, 0 significant at FDR < 0\.05 \(over the Lau92 p adjusted for the cutpoint search\)/);
    expect(stderr).toMatch(/ACC +n= +79 .*adjusted p \(Lau92\) = 0\.138 \(log-rank p = 0\.00913, not adjusted for the cutpoint search\) +FDR = 0\.276/);
    expect(stderr).toMatch(/pancan OS 1\/4 ACC: n=79, events=28, adjusted p \(Lau92\) = 0\.138 \(log-rank p = 0\.00913, not adjusted/);
    const html = file('index.html');
    expect(html).toMatch(/<h1>migrascore pan-cancer report — optimal \(data-driven\) cutpoint; p adjusted for the search \(Lau92\)<\/h1>/);
    expect(html).not.toContain('<tr class="significant">');
    expect(html).toMatch(/<span class="num">0<\/span><span class="lbl">significant, score groups/);
    expect(html).toContain('0 significant at FDR of the adjusted p (Lau92) &lt; 0.05');
    expect(html).toContain('Adjusted p (Lau92)');
    expect(html).toContain('Log-rank p (not adjusted for the cutpoint search)');
    expect(html).toContain('adjusted p (Lau92) = 0.138 · FDR = 0.276 · log-rank p = 0.00913 (not adjusted for the cutpoint search)');
  });

  it('shows the adjusted p in the forest plot, with p and FDR from that one test, named in its footnote', () => {
    const t = svgText(file('forest.svg'));
    expect(t).toMatch(/optimal cutpoint \(maxstat, data-driven\) within each cancer; p adjusted for the search \(Lau92\)/);
    expect(t).toMatch(/p: maxstat log-rank test of the optimal cutpoint, adjusted for the search \(Lau92\);/);
    expect(t).toContain('FDR: Benjamini\u2013Hochberg over cancers.');
    for (const v of ['0.138', '0.0694', '0.959', '0.276']) expect(t).toContain(v);
    // neither the naive log-rank p nor the Cox Wald p of the chosen cut
    for (const v of ['0.00913', '0.0216', '0.997', '0.998', '0.4', '0.253']) expect(t.split('\n')).not.toContain(v);
  });

  it('heads each KM figure with the adjusted p, the naive log-rank p labelled as such', () => {
    const t = svgText(file('ACC/km.svg'));
    expect(t).toContain('maxstat adjusted p (Lau92) = 0.138');
    expect(t).toContain('Log-rank p = 0.00913, not adjusted for the cutpoint search');
    const lines = t.split('\n');
    expect(lines.indexOf('maxstat adjusted p (Lau92) = 0.138')).toBeLessThan(lines.indexOf('Log-rank p = 0.00913, not adjusted for the cutpoint search'));
    // a searched cut's HR line carries no (naive) Wald p
    expect(svgText(file('UCS/km.svg'))).toMatch(/HR \(high vs low\) = 0\.59 \(95% CI 0\.24–1\.45\)\n/);
  });
});

describe('pancan --split optimal: hazard ratios R cannot estimate', () => {
  it('keeps R\'s values in pancan.tsv, flagged after the contract columns', () => {
    expect(Object.keys(rows[0]).slice(CONTRACT.length)).toEqual(['hr_estimable', 'note']);
    expect(Number(row('ACC').hr)).toBeCloseTo(3.934435e-9, 14);
    expect(row('ACC').hr_upper).toBe('Inf');
    expect(Number(row('UVM').hr)).toBeCloseTo(265573879.8, 0);
    expect(row('ACC')).toMatchObject({ hr_estimable: 'FALSE', note: 'HR not estimable: no events in group high' });
    expect(row('UVM')).toMatchObject({ hr_estimable: 'FALSE', note: 'HR not estimable: no events in group low' });
    expect(row('UCS')).toMatchObject({ hr_estimable: 'TRUE', note: 'NA' });
    const summary = JSON.parse(file('ACC/summary.json'));
    expect(summary.cox.terms[0]).toMatchObject({ term: 'group=high', infinite: true, hr_upper: null });
  });

  it('shows "not estimable" and the reason, never the number, in figures, report and stderr', () => {
    const forest = svgText(file('forest.svg'));
    expect(forest).toContain('no events in group high');
    expect(forest).toContain('no events in group low');
    expect(forest.match(/not estimable/g)).toHaveLength(2);
    expect(svgText(file('ACC/km.svg'))).toContain('HR (high vs low): not estimable (no events in group high)');
    expect(svgText(file('UVM/km.svg'))).toContain('HR (high vs low): not estimable (no events in group low)');
    const html = file('index.html');
    expect(html).toContain('not estimable<div class="small muted">no events in group high</div>');
    expect(html).toContain('HR not estimable (no events in group low)');
    expect(stderr).toMatch(/UVM +n= +80 +HR not estimable \(no events in group low\)/);
    const visible = [forest, svgText(file('ACC/km.svg')), svgText(file('UVM/km.svg')), html.replace(/<svg[\s\S]*?<\/svg>/g, ''), stderr].join('\n');
    for (const h of HUGE) expect(visible).not.toContain(h);
    expect(visible).not.toMatch(/\b0\.00 \(0\.00/);
    // no direction is drawn for them: no HR marker in the forest plot
    const spec = JSON.parse(file('forest.vl.json'));
    const squares = spec.layer.find((l: { mark: { shape?: string }; data: { values: { cancer?: string }[] } }) => l.mark.shape === 'square' && l.data.values.some((v) => v.cancer));
    expect(squares.data.values.map((v: { cancer: string }) => v.cancer).sort()).toEqual(['DLBC', 'UCS']);
  });
});

describe('survival --split optimal on one cancer of the demo data', () => {
  it('heads its stderr with the adjusted p; the log-rank p is marked as not adjusted; the HR reads not estimable', () => {
    const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n');
    const typeCol = cdr[0].split('\t').indexOf('type');
    const dir = tempDir();
    writeFileSync(join(dir, 'acc.tsv'), [cdr[0], ...cdr.slice(1).filter((l) => l.split('\t')[typeCol] === 'ACC')].join('\n') + '\n');
    const r = runCli(['survival', '--clinical', join(dir, 'acc.tsv'), '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--expr', EXPR, '--split', 'optimal', '--out', join(dir, 'out')]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const head = lines.findIndex((l) => l.includes('optimal (data-driven) cutpoint 2.115: maxstat p = 0.138 adjusted for the search (Lau92)'));
    const logrank = lines.findIndex((l) => /log-rank chisq=.* p = 0\.00913, not adjusted for the cutpoint search$/.test(l));
    expect(head).toBeGreaterThan(0);
    expect(logrank).toBeGreaterThan(head);
    expect(r.stderr).toContain('Cox group=high: HR not estimable (no events in group high; R: coefficient may be infinite)');
    for (const h of HUGE) expect(r.stderr).not.toContain(h);
  });
});
