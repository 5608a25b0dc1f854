// `migrascore pancan` on the embedded real TCGA data with the built-in TCGA-CDR table:
// R agreement (our GSVA + survival fixture), equality with `survival` run on one
// cancer alone, multi-endpoint layout, skipped cancers, per-gene output, PNGs, and
// the HTML report opened in headless Chromium.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { jsonDifferences, tableDifferences } from '../helpers/compare.js';
import { chromiumAvailable, CHROMIUM_SKIP_MESSAGE, withChromiumPage } from '../helpers/chromium.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const CASE = join(FIXTURES, 'pancan', 'mini-os');
const CANCERS = ['ACC', 'DLBC', 'UCS', 'UVM'];
let out = '';

beforeAll(() => {
  out = join(tempDir(), 'pancan');
  const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--per-gene', '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/OS: 4 cancers analysed, 0 significant at FDR < 0\.05/);
  expect(r.stderr).toMatch(/report: .*index\.html/);
});

describe('pancan on the mini TCGA data', () => {
  it('agrees with R (GSVA 1.46 ssgsea + survival 3.5, scripts/r/pancan-fixture.R)', () => {
    expect(tableDifferences(readTsv(join(CASE, 'expected_pancan.tsv')), readTsv(join(out, 'pancan.tsv')), ['cancer'], 'pancan.tsv')).toEqual([]);
    for (const c of CANCERS) {
      const expected = JSON.parse(readFileSync(join(CASE, 'expected', c, 'expected.json'), 'utf8'));
      const actual = JSON.parse(readFileSync(join(out, c, 'summary.json'), 'utf8'));
      expect(jsonDifferences(expected, actual, c)).toEqual([]);
      expect(tableDifferences(readTsv(join(CASE, 'expected', c, 'km.tsv')), readTsv(join(out, c, 'km.tsv')), ['group', 'time'], `${c} km.tsv`)).toEqual([]);
    }
  });

  it('gives each cancer exactly what `migrascore survival` gives for that cancer alone', () => {
    const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n');
    const typeCol = cdr[0].split('\t').indexOf('type');
    for (const c of ['UVM', 'UCS']) {
      const clinical = join(tempDir(), `${c}.tsv`);
      writeFileSync(clinical, [cdr[0], ...cdr.slice(1).filter((l) => l.split('\t')[typeCol] === c)].join('\n') + '\n');
      const alone = join(tempDir(), c);
      const r = runCli(['survival', '--clinical', clinical, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--expr', EXPR, '--out', alone]);
      expect(r.status, r.stderr).toBe(0);
      const a = JSON.parse(readFileSync(join(alone, 'summary.json'), 'utf8'));
      const b = JSON.parse(readFileSync(join(out, c, 'summary.json'), 'utf8'));
      for (const key of ['n', 'events', 'groups', 'logrank', 'cutpoint', 'cox', 'cox_continuous']) expect(b[key], `${c} ${key}`).toEqual(a[key]);
      expect(readFileSync(join(out, c, 'km.tsv'), 'utf8')).toBe(readFileSync(join(alone, 'km.tsv'), 'utf8'));
    }
  });

  it('writes the pan-cancer files, per-gene Cox and the report', () => {
    for (const f of ['pancan.tsv', 'pancan_skipped.tsv', 'pancan_genes.tsv', 'pancan.json', 'forest.svg', 'forest.vl.json', 'heatmap.svg', 'score_distribution.svg', 'index.html']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const genes = readTsv(join(out, 'pancan_genes.tsv'));
    expect(genes).toHaveLength(11 * 4);
    expect(Object.keys(genes[0])).toEqual(['gene', 'cancer', 'n', 'events', 'hr', 'hr_lower', 'hr_upper', 'p', 'fdr', 'note']);
    expect(genes.every((g) => g.note === 'NA')).toBe(true);
    expect(genes.map((g) => g.gene)).toContain('EOGT');
    for (const g of genes) expect(Number(g.fdr)).toBeGreaterThanOrEqual(Number(g.p));
    // the forest plot's p and FDR are one test, the log-rank test of the groups (not the Cox Wald p)
    const forest = [...readFileSync(join(out, 'forest.svg'), 'utf8').matchAll(/<(?:text|tspan)[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(forest).toContain('0.122'); // UVM log-rank p (Wald p 0.129)
    expect(forest).toContain('0.525'); // ACC log-rank p (Wald p 0.524)
    expect(forest).not.toContain('0.129');
    expect(forest.join(' ')).toContain('p: log-rank test of the score groups; FDR: Benjamini\u2013Hochberg over cancers.');
    for (const r of readTsv(join(out, 'pancan.tsv'))) expect(Number(r.fdr)).toBeGreaterThanOrEqual(Number(r.logrank_p));
    const summary = JSON.parse(readFileSync(join(out, 'pancan.json'), 'utf8'));
    expect(summary.endpoints[0]).toMatchObject({ endpoint: 'OS', cancers_analysed: 4, skipped: [] });
    expect(summary.cancers_without_samples).toHaveLength(29);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('doi:10.1016/j.cell.2018.02.052'.replace('doi:', ''));
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });
});

describe('pancan options', () => {
  it('lays out several endpoints side by side, skips small cancers with a reason, writes PNGs', () => {
    const dir = join(tempDir(), 'two');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS,PFI', '--min-samples', '60', '--split', 'optimal', '--png', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    // optimal cutpoints leave a group without OS events in ACC and UVM: R's warning, no HR on show
    expect(r.stderr).toMatch(/ACC +n= +79 +HR not estimable/);
    expect(r.stderr).toMatch(/Cox warnings .*ACC \(HR not estimable: no events in group high\), UVM \(HR not estimable: no events in group low\)/);
    expect(JSON.parse(readFileSync(join(dir, 'OS', 'ACC', 'summary.json'), 'utf8')).warnings[0]).toMatch(/coefficient may be infinite/);
    expect(readFileSync(join(dir, 'OS', 'forest.svg'), 'utf8')).toContain('not estimable');
    for (const ep of ['OS', 'PFI']) {
      const rows = readTsv(join(dir, ep, 'pancan.tsv'));
      expect(rows.map((x) => x.cancer)).toEqual(['ACC', 'UVM']);
      const skipped = readTsv(join(dir, ep, 'pancan_skipped.tsv'));
      expect(skipped.map((x) => x.cancer)).toEqual(['DLBC', 'UCS']);
      expect(skipped[0].reason).toMatch(/48 patients .*fewer than --min-samples 60/);
      expect(existsSync(join(dir, ep, 'ACC', 'cutpoint.svg'))).toBe(true);
      expect(existsSync(join(dir, ep, 'ACC', 'cutpoint.tsv'))).toBe(true);
      expect(readFileSync(join(dir, ep, 'forest.png')).subarray(1, 4).toString()).toBe('PNG');
      expect(existsSync(join(dir, ep, 'ACC', 'km.png'))).toBe(true);
    }
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/PFI/);
  });

  it('needs a cancer column for a clinical table other than tcga-cdr', () => {
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', join(ROOT, 'examples', 'tcga-lgg-clinical.tsv'), '--endpoint', 'OS', '--out', join(tempDir(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--cancer-col/);
  });
});

describe('the pancan report in headless Chromium', () => {
  const available = chromiumAvailable();
  if (!available) console.warn(CHROMIUM_SKIP_MESSAGE);
  it.skipIf(!available)('opens without console errors, every figure rendered', async () => {
    await withChromiumPage(async (page, log) => {
      await page.goto(pathToFileURL(join(out, 'index.html')).href, { waitUntil: 'load' });
      const figures = await page.evaluate(() => Array.from(document.querySelectorAll('figure')).map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { id: f.getAttribute('data-figure'), w: box?.width ?? 0, h: box?.height ?? 0, marks: svg?.querySelectorAll('path, rect, line, text').length ?? 0 };
      }));
      // forest, score distribution, heatmap + a Kaplan–Meier figure per cancer
      expect(figures.length).toBe(3 + CANCERS.length);
      for (const f of figures) {
        expect(f.w, `${f.id} width`).toBeGreaterThan(100);
        expect(f.h, `${f.id} height`).toBeGreaterThan(50);
        expect(f.marks, `${f.id} marks`).toBeGreaterThan(10);
      }
      const shot = join(tempDir(), 'pancan-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`report screenshot: ${shot}`);
      expect(log.consoleErrors).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      expect(log.failedRequests).toEqual([]);
      expect(log.externalRequests).toEqual([]);
    });
  });
});
