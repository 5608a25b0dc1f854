// `migrascore survival` does what `pancan` does for one cohort: PNG copies (--png), the
// cutpoint figure with --split optimal, and the HTML report with every output file linked.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPValue } from '../../src/format/numbers.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const LGG = join(ROOT, 'examples', 'tcga-lgg-clinical.tsv');

/** Relative hrefs of a report (anything but #anchors and DOI links). */
function fileLinks(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('#') && !h.startsWith('https://doi.org/'));
}

describe('survival --split optimal --png', () => {
  let out = '';
  let stderr = '';
  beforeAll(() => {
    out = join(tempDir(), 'surv');
    const r = runCli(['survival', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--split', 'optimal', '--png', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    stderr = r.stderr;
  }, 120_000);

  it('writes the cutpoint figure and a PNG copy of every figure', () => {
    for (const f of ['km.tsv', 'groups.tsv', 'summary.json', 'cutpoint.tsv', 'km.vl.json', 'km.svg', 'km.png', 'cutpoint.vl.json', 'cutpoint.svg', 'cutpoint.png', 'index.html']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    for (const f of ['km.png', 'cutpoint.png']) expect(readFileSync(join(out, f)).subarray(1, 4).toString(), f).toBe('PNG');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const spec = readFileSync(join(out, 'cutpoint.vl.json'), 'utf8');
    const candidates = readFileSync(join(out, 'cutpoint.tsv'), 'utf8').trim().split('\n').length - 1;
    expect(spec).toContain(`Lau92 adjusted p = ${formatPValue(summary.cutpoint.p_adjusted)}`);
    // the figure plots every candidate of cutpoint.tsv
    expect((spec.match(/"stat":/g) ?? []).length).toBeGreaterThanOrEqual(candidates);
    expect(readFileSync(join(out, 'cutpoint.svg'), 'utf8')).toContain('migrasome-core');
    expect(stderr).toMatch(/report: .*index\.html/);
  });

  it('writes a report with the pancan sections for the one cohort, inputs with SHA-256, every file linked', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    for (const id of ['summary', 'parameters', 'inputs', 'references', 'genes', 'results', 'files']) expect(html, id).toContain(`id="${id}"`);
    const sha = createHash('sha256').update(readFileSync(EXPR)).digest('hex');
    expect(html).toContain(`<div class="sha">${sha}</div>`);
    expect(html).toContain('<title>migrascore survival report — optimal (data-driven) cutpoint; p adjusted for the search (Lau92)</title>');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // the groups table and the searched cut's adjusted p as the headline
    for (const g of summary.groups) expect(html).toMatch(new RegExp(`<td><strong>${g.group}</strong></td><td class="num">${g.n}</td><td class="num">${g.events}</td>`));
    expect(html).toContain(`<span class="num">${formatPValue(summary.cutpoint.p_adjusted)}</span><span class="lbl">p adjusted for the cutpoint search (Lau92)</span>`);
    expect(html).toContain('(not adjusted for the cutpoint search)');
    expect(html).toContain('data-figure="km"');
    expect(html).toContain('data-figure="cutpoint"');
    expect(html).toContain('doi:10.2307/2532740'); // Lau92 cited
    const written = readdirSync(out).filter((f) => f !== '.migrascore').sort(); // the marker is not a result
    const links = fileLinks(html);
    expect([...new Set(links)].sort()).toEqual(written);
  });
});

describe('survival report without scoring', () => {
  it('leaves out gene matching and PNGs, and still links every file', () => {
    const out = join(tempDir(), 'grp');
    const r = runCli(['survival', '--clinical', LGG, '--endpoint', 'OS', '--id', 'bcr_patient_barcode', '--group', 'gender', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const written = readdirSync(out).filter((f) => f !== '.migrascore').sort(); // the marker is not a result
    expect(written).toEqual(['groups.tsv', 'index.html', 'km.svg', 'km.tsv', 'km.vl.json', 'summary.json']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('id="genes"');
    expect(html).not.toContain('GSVA');
    expect([...new Set(fileLinks(html))].sort()).toEqual(written);
    expect(html).toContain('Log-rank</span>'.replace('</span>', ' p</span>'));
  });
});
