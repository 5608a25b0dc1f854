// Hazard ratios R cannot estimate, on small synthetic cohorts through the CLI: a median
// split leaving a group without events (`survival`), and a gene whose expression falls
// with follow-up time so that every death is the highest-expressing patient at risk
// (`pancan --per-gene`: R coxph "Ran out of iterations", HR 6.2e54 with CI 0–Inf).
// R's values stay in the tables; people read "not estimable" and the reason.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { readTsv } from '../helpers/fixtures.js';

const svgText = (svg: string) => [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]*)</g)].map((m) => m[1]).join('\n');

describe('a group without events', () => {
  it('survival: stderr and the KM figure say "not estimable (no events in group high)", summary.json keeps R\'s values', () => {
    const dir = tempDir();
    const times = [50, 30, 80, 10, 90, 20, 70, 40, 100, 60, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210];
    const lines = times.map((t, i) => `S${i + 1}\t${t}\t${i < 10 && i % 3 !== 2 ? 1 : 0}\t${i + 1}`);
    writeFileSync(join(dir, 'cohort.tsv'), ['id\ttime\tstatus\tmarker', ...lines].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = runCli(['survival', '--clinical', join(dir, 'cohort.tsv'), '--time', 'time', '--event', 'status', '--value', 'marker', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('high: n=10, events=0');
    expect(r.stderr).toContain('Cox group=high: HR not estimable (no events in group high; R: coefficient may be infinite)');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const term = summary.cox.terms[0];
    expect(term).toMatchObject({ term: 'group=high', infinite: true });
    expect(term.hr).toBeLessThan(1e-6); // R's number, kept
    const km = svgText(readFileSync(join(out, 'km.svg'), 'utf8'));
    expect(km).toContain('HR (high vs low): not estimable (no events in group high)');
    expect(km).toContain('Log-rank p = 3.01e-04');
    // the report: the reason, no number, no Wald p for it
    const html = readFileSync(join(out, 'index.html'), 'utf8').replace(/<svg[\s\S]*?<\/svg>/g, '');
    expect(html).toContain('<td>group=high</td><td class="num">not estimable (no events in group high)</td><td class="num">NA</td>');
    expect(html).toContain('HR high vs low: not estimable (no events in group high).');
    // the tiny HR is nowhere on show
    const shown = km + r.stderr + html;
    expect(shown).not.toMatch(/HR (\(high vs low\) = |)[0-9.]+e-/);
    expect(shown).not.toContain('0.00 (');
  });
});

describe('survival --split optimal', () => {
  it('names the data-driven cut in the report title and heads stderr, card and KM figure with the adjusted p', () => {
    const dir = tempDir();
    const times = [50, 30, 80, 10, 90, 20, 70, 40, 100, 60, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210];
    const lines = times.map((t, i) => `S${i + 1}\t${t}\t${i < 10 && i % 3 !== 2 ? 1 : 0}\t${i + 1}`);
    writeFileSync(join(dir, 'cohort.tsv'), ['id\ttime\tstatus\tmarker', ...lines].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = runCli(['survival', '--clinical', join(dir, 'cohort.tsv'), '--time', 'time', '--event', 'status', '--value', 'marker', '--split', 'optimal', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const p = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).cutpoint.p_adjusted;
    expect(p).toBeGreaterThan(0.01);
    expect(r.stderr).toMatch(/optimal \(data-driven\) cutpoint 10: maxstat p = 0\.0\d+ adjusted for the search \(Lau92\)\n  log-rank chisq=13\.062 on 1 df, p = 3\.01e-04, not adjusted for the cutpoint search/);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<h1>migrascore survival report — optimal (data-driven) cutpoint; p adjusted for the search (Lau92)</h1>');
    expect(html).toContain('p = 3.01e-04 (not adjusted for the cutpoint search)');
    expect(html).toContain('Groups of the optimal (data-driven) cut; Wald p not adjusted for the cutpoint search');
    const km = svgText(readFileSync(join(out, 'km.svg'), 'utf8'));
    expect(km).toMatch(/maxstat adjusted p \(Lau92\) = 0\.0\d+\nLog-rank p = 3\.01e-04, not adjusted for the cutpoint search\nHR \(high vs low\): not estimable \(no events in group high\)/);
  });
});

describe('a per-gene Cox model that does not converge', () => {
  it('pancan --per-gene: the heatmap greys the cell and names the reason; pancan_genes.tsv keeps R\'s numbers with a note', () => {
    const dir = tempDir();
    const n = 24;
    const ids = Array.from({ length: n }, (_v, i) => `P${String(i + 1).padStart(2, '0')}`);
    // times 10..240 in a scrambled order, events on a fixed pattern
    const times = ids.map((_id, i) => 10 * (((i * 7) % n) + 1));
    const events = ids.map((_id, i) => (i % 5 === 1 || i % 3 === 0 ? 1 : 0));
    writeFileSync(join(dir, 'clinical.tsv'), ['id\ttype\tos_days\tos', ...ids.map((id, i) => `${id}\tX\t${times[i]}\t${events[i]}`)].join('\n') + '\n');
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const genes: [string, number[]][] = [['MONO', times.map((t) => 1000 - t)]];
    for (let g = 1; g <= 20; g++) genes.push([`G${g}`, ids.map(() => Math.round((1 + 9 * rand()) * 1000) / 1000)]);
    writeFileSync(join(dir, 'expr.tsv'), [['gene', ...ids].join('\t'), ...genes.map(([g, v]) => [g, ...v].join('\t'))].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = runCli(['pancan', '--expr', join(dir, 'expr.tsv'), '--clinical', join(dir, 'clinical.tsv'), '--id', 'id', '--cancer-col', 'type',
      '--time', 'os_days', '--event', 'os', '--geneset', 'S=MONO,G1,G2,G3', '--log2', 'no', '--per-gene', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const genesTsv = readTsv(join(out, 'pancan_genes.tsv'));
    const mono = genesTsv.find((g) => g.gene === 'MONO')!;
    expect(Number(mono.hr)).toBeGreaterThan(1e20); // R: 6.2e54, "Ran out of iterations and did not converge"
    expect(mono.hr_upper).toBe('Inf');
    expect(mono.note).toBe('HR not estimable: R coxph did not converge; coefficient may be infinite');
    expect(genesTsv.filter((g) => g.gene !== 'MONO').every((g) => g.note === 'NA')).toBe(true);
    const heat = readFileSync(join(out, 'heatmap.svg'), 'utf8');
    expect(svgText(heat)).toContain('Not estimable: MONO in X (R coxph did not converge; coefficient may be infinite)');
    // greyed, not coloured: the colour scale stays at its smallest limit (one huge HR would push it to 8)
    const spec = JSON.parse(readFileSync(join(out, 'heatmap.vl.json'), 'utf8'));
    const coloured = spec.layer.find((l: { encoding?: { color?: { field?: string } } }) => l.encoding?.color?.field === 'log2hr');
    expect(coloured.data.values.map((v: { gene: string }) => v.gene)).not.toContain('MONO');
    expect(svgText(heat)).not.toMatch(/e\+54|6\.23e/);
  });
});
