// The HTML report in a real browser (headless Chromium via playwright-core): it loads
// nothing, logs no error, every inline figure renders with marks, SVG references stay
// inside their own figure, the endpoint tabs and table sorting work, and printing
// shows every panel, cancer cards stack one per row. A full-page screenshot per endpoint
// is kept in a temp dir. Also the report `migrascore survival` writes for one cohort.
//
// The model is realistic: simulated cohorts analysed with the real KM / log-rank / Cox
// code, Kaplan–Meier figures from kaplanMeierFigure + renderSvg, and small Vega-Lite
// charts standing in for the pan-cancer figures (a heatmap with a gradient legend, so
// two figures carry vega's same gradient ID).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { kaplanMeierFigure, type KmFigureGroup } from '../../src/plots/kmFigure.js';
import { renderSvg } from '../../src/plots/render.js';
import { mulberry32 } from '../../src/random.js';
import { buildReportHtml } from '../../src/report/html.js';
import type { CancerSection, EndpointSection, PancanTableRow, ReportModel } from '../../src/report/model.js';
import { coxProportionalHazards } from '../../src/survival/cox.js';
import { kaplanMeier } from '../../src/survival/kaplanMeier.js';
import { logRankTest } from '../../src/survival/logRank.js';
import { benjaminiHochberg } from '../../src/stats/multipleTesting.js';
import { CHROMIUM_PATH, CHROMIUM_SKIP_MESSAGE, chromiumAvailable, withChromiumPage, expectSelfContained } from '../helpers/chromium.js';
import { geneSetReport, reportModel } from '../helpers/reportModel.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const available = chromiumAvailable();
if (!available) console.warn(CHROMIUM_SKIP_MESSAGE);

// ---------------------------------------------------------------- a realistic model

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

interface Cohort {
  cancer: string;
  score: number[];
  time: number[];
  event: number[];
}

/** Exponential survival with hazard ∝ exp(beta·score), uniform censoring up to `follow` days. */
function simulate(cancer: string, n: number, beta: number, baseYears: number, seed: number): Cohort {
  const r = mulberry32(seed);
  const score: number[] = [];
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = normal(r);
    const rate = Math.exp(beta * s) / (baseYears * 365.25);
    const t = Math.ceil(-Math.log(1 - r()) / rate);
    const c = Math.ceil(30 + r() * 3650);
    score.push(Number(s.toFixed(4)));
    time.push(Math.min(t, c));
    event.push(t <= c ? 1 : 0);
  }
  return { cancer, score, time, event };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Analysed {
  row: PancanTableRow;
  km: KmFigureGroup[];
  logrank: { chisq: number; df: number; p: number };
}

function analyse(c: Cohort): Analysed {
  const cut = median(c.score);
  const group = c.score.map((s) => (s > cut ? 1 : 0));
  const km: KmFigureGroup[] = ['low', 'high'].map((name, g) => {
    const idx = group.flatMap((x, i) => (x === g ? [i] : []));
    const curve = kaplanMeier(idx.map((i) => c.time[i]), idx.map((i) => c.event[i]));
    return { name, ...curve };
  });
  const lr = logRankTest(c.time, c.event, group, 2);
  const coxGroup = coxProportionalHazards(c.time, c.event, [Float64Array.from(group)], ['group=high']);
  const coxCont = coxProportionalHazards(c.time, c.event, [Float64Array.from(c.score)], ['score']);
  const t = coxGroup.terms[0];
  const u = coxCont.terms[0];
  return {
    row: {
      cancer: c.cancer,
      n: c.time.length,
      events: c.event.reduce((a, b) => a + b, 0),
      hr: t.hr,
      hr_lower: t.hr_lower,
      hr_upper: t.hr_upper,
      p: t.p,
      logrank_p: lr.p,
      p_adjusted: null,
      fdr: null,
      hr_continuous: u.hr,
      p_continuous: u.p,
      fdr_continuous: null,
      cutpoint: cut,
      hr_note: null,
      hr_continuous_note: null,
    },
    km,
    logrank: { chisq: lr.chisq, df: lr.df, p: lr.p },
  };
}

const FONT = 'Helvetica, Arial, sans-serif';

/** Stand-in forest plot: HR point and CI rule per cancer, log x axis. */
function forestSpec(rows: PancanTableRow[], endpoint: string): object {
  return {
    width: 520,
    height: { step: 26 },
    padding: 12,
    background: 'white',
    config: { font: FONT, view: { stroke: null } },
    title: { text: `Hazard ratio by cancer (${endpoint})`, anchor: 'start' },
    data: { values: rows.map((r) => ({ cancer: r.cancer, hr: r.hr, lo: r.hr_lower, hi: r.hr_upper, sig: (r.fdr ?? 1) < 0.05 ? 'FDR < 0.05' : 'n.s.' })) },
    encoding: { y: { field: 'cancer', type: 'nominal', title: null, sort: null } },
    layer: [
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, data: { values: [{ one: 1 }] }, encoding: { x: { field: 'one', type: 'quantitative' }, y: null } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'lo', type: 'quantitative', scale: { type: 'log' }, title: 'Hazard ratio (high vs low)' }, x2: { field: 'hi' }, color: { field: 'sig', type: 'nominal', title: null } } },
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { x: { field: 'hr', type: 'quantitative' }, color: { field: 'sig', type: 'nominal' } } },
    ],
  };
}

/** Stand-in gene × cancer heatmap with a gradient legend (vega's gradient IDs restart at 0 in every SVG). */
function heatmapSpec(cancers: string[], seed: number): object {
  const r = mulberry32(seed);
  const genes = ['TSPAN4', 'TSPAN7', 'ITGB1', 'NDST1', 'CPQ', 'PIGK', 'EOGT', 'ITGA5'];
  const values = genes.flatMap((gene) => cancers.map((cancer) => ({ gene, cancer, log2hr: Number((normal(r) * 0.4).toFixed(3)) })));
  return {
    width: { step: 34 },
    height: { step: 22 },
    padding: 12,
    background: 'white',
    config: { font: FONT, view: { stroke: null } },
    title: { text: 'Per-gene Cox, log2 HR per SD', anchor: 'start' },
    data: { values },
    mark: 'rect',
    encoding: {
      x: { field: 'cancer', type: 'nominal', title: null, axis: { labelAngle: 0 } },
      y: { field: 'gene', type: 'nominal', title: null },
      color: { field: 'log2hr', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domain: [-1, 1] }, title: 'log2 HR' },
    },
  };
}

/** Stand-in score distribution: a bar chart of mean score per cancer. */
function distributionSpec(cohorts: Cohort[]): object {
  return {
    width: 420,
    height: 180,
    padding: 12,
    background: 'white',
    config: { font: FONT, view: { stroke: null } },
    data: { values: cohorts.map((c) => ({ cancer: c.cancer, mean: c.score.reduce((a, b) => a + b, 0) / c.score.length })) },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: { x: { field: 'cancer', type: 'nominal', axis: { labelAngle: 0 }, title: null }, y: { field: 'mean', type: 'quantitative', title: 'Mean score' } },
  };
}

/** Stand-in cutpoint figure: the standardized statistic over candidate cutpoints. */
function cutpointSpec(c: Cohort, cut: number): object {
  const sorted = [...c.score].sort((a, b) => a - b);
  const lo = Math.floor(sorted.length * 0.1);
  const hi = Math.ceil(sorted.length * 0.9);
  const values = sorted.slice(lo, hi).filter((_, i) => i % 3 === 0).map((s) => ({ s, stat: Math.abs(Math.sin(s * 2)) * 2 + 0.5 }));
  return {
    width: 460,
    height: 160,
    padding: 12,
    background: 'white',
    config: { font: FONT, view: { stroke: null } },
    layer: [
      { data: { values }, mark: { type: 'line', interpolate: 'step-after', color: '#555' }, encoding: { x: { field: 's', type: 'quantitative', title: 'Score cutpoint' }, y: { field: 'stat', type: 'quantitative', title: 'Standardized log-rank statistic' } } },
      { data: { values: [{ cut }] }, mark: { type: 'rule', color: '#d55e00', strokeWidth: 2 }, encoding: { x: { field: 'cut', type: 'quantitative' } } },
    ],
  };
}

async function endpointSection(endpoint: string, label: string, seed: number): Promise<EndpointSection> {
  const plan: [string, number, number, number][] = [
    ['BRCA', 420, 0.05, 12],
    ['KIRC', 260, 0.55, 6],
    ['LGG', 230, 0.8, 7],
    ['SKCM', 180, 0.15, 5],
  ];
  const cohorts = plan.map(([cancer, n, beta, years], i) => simulate(cancer, n, endpoint === 'OS' ? beta : beta * 0.7, years, seed + i));
  const analysed = cohorts.map(analyse);
  const fdr = benjaminiHochberg(analysed.map((a) => a.row.logrank_p ?? NaN));
  const fdrCont = benjaminiHochberg(analysed.map((a) => a.row.p_continuous ?? NaN));
  analysed.forEach((a, i) => {
    a.row.fdr = fdr[i];
    a.row.fdr_continuous = fdrCont[i];
  });
  const table = analysed.map((a) => a.row);
  const cancers: CancerSection[] = [];
  for (const [i, a] of analysed.entries()) {
    const spec = kaplanMeierFigure({
      groups: a.km,
      timeUnit: 'years',
      groupingLabel: 'migrasome score (median split)',
      logrank: a.logrank,
      hazardRatio: [{ label: 'high vs low', hr: a.row.hr!, lower: a.row.hr_lower!, upper: a.row.hr_upper!, p: a.row.p! }],
      title: `${a.row.cancer}: ${label.toLowerCase()}`,
      confLevel: 0.95,
    });
    const figures = [{ id: 'km', title: 'Kaplan–Meier', svg: await renderSvg(spec) }];
    if (i === 1) figures.push({ id: 'cutpoint', title: 'Cutpoint', svg: await renderSvg(cutpointSpec(cohorts[i], a.row.cutpoint!)) });
    cancers.push({ cancer: a.row.cancer, summary: `Median split of the score at ${a.row.cutpoint!.toFixed(3)}.`, figures });
  }
  const names = table.map((r) => r.cancer);
  return {
    endpoint,
    label,
    table,
    skipped: [
      { cancer: 'CHOL', n: 12, events: 4, reason: 'fewer than 20 patients (--min-samples 20)' },
      { cancer: 'PCPG', n: 160, events: 0, reason: 'no events' },
    ],
    figures: [
      { id: 'forest', title: 'Forest plot', svg: await renderSvg(forestSpec(table, endpoint)), caption: 'Cox hazard ratio of the high versus low score group with 95% CI.' },
      { id: 'heatmap', title: 'Genes × cancer', svg: await renderSvg(heatmapSpec(names, seed)), caption: 'log2 hazard ratio per SD of expression.' },
      { id: 'distribution', title: 'Score distribution', svg: await renderSvg(distributionSpec(cohorts)) },
    ],
    cancers,
    significantCount: table.filter((r) => r.fdr !== null && r.fdr < 0.05).length,
  };
}

async function realisticModel(): Promise<ReportModel> {
  return reportModel({
    title: 'migrascore pan-cancer report',
    command: 'migrascore pancan --expr EBPlusPlusAdjustPANCAN_IlluminaHiSeq_RNASeqV2.geneExp.tsv --clinical tcga-cdr --cancer-col type --endpoint OS --endpoint PFI --geneset migrasome-core --method ssgsea --split median --out pancan-out',
    parameters: [
      { name: 'Gene set', value: 'migrasome-core' },
      { name: 'Score method', value: 'ssgsea' },
      { name: 'Log scale', value: '--log2 auto: log2(x+1) applied (values up to 2.1e+05)' },
      { name: 'Endpoints', value: 'OS (OS.time, OS); PFI (PFI.time, PFI)' },
      { name: 'Split', value: 'median' },
      { name: 'Cox ties', value: 'efron' },
      { name: 'Covariates', value: 'none' },
      { name: 'Minimum patients per cancer', value: '20' },
    ],
    inputs: [
      { role: 'expression matrix', path: 'data/EBPlusPlusAdjustPANCAN_IlluminaHiSeq_RNASeqV2.geneExp.tsv', sha256: '3f0a1c5e9b7d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a', bytes: 1_882_463_211 },
      { role: 'clinical table', path: 'tcga-cdr (built in)', sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', bytes: 2_391_552, note: 'TCGA-CDR, Liu et al. 2018, Table S1' },
    ],
    citations: [
      { text: 'Liu J, et al. An Integrated TCGA Pan-Cancer Clinical Data Resource to Drive High-Quality Survival Outcome Analytics. Cell. 2018;173(2):400–416.', doi: '10.1016/j.cell.2018.02.052' },
      { text: 'Hänzelmann S, Castelo R, Guinney J. GSVA: gene set variation analysis for microarray and RNA-seq data. BMC Bioinformatics. 2013;14:7.', doi: '10.1186/1471-2105-14-7' },
      { text: 'Therneau TM. A Package for Survival Analysis in R (survival 3.5).' },
    ],
    geneReport: [
      geneSetReport('migrasome-core', 'built-in', [
        { gene: 'TSPAN4', status: 'found', row: 'TSPAN4|7106' },
        { gene: 'TSPAN7', status: 'found', row: 'TSPAN7|7102' },
        { gene: 'ITGB1', status: 'found', row: 'ITGB1|3688' },
        { gene: 'NDST1', status: 'found', row: 'NDST1|3340' },
        { gene: 'CPQ', status: 'via-id', row: 'PGCP|10404', how: 'CPQ → PGCP|10404 via Entrez 10404' },
        { gene: 'PIGK', status: 'found', row: 'PIGK|10026' },
        { gene: 'ITGA5', status: 'found', row: 'ITGA5|3678' },
        { gene: 'EOGT', status: 'missing' },
      ]),
    ],
    join: {
      samples: 11069, clinical_rows: 11160, matched: 9712, matched_exact: 0, matched_by_patient: 9712,
      dropped: { excluded_sample_type: 741, duplicate_samples: 616, unmatched_samples: 0, unmatched_clinical_rows: 1448 },
      sample_types: ['01', '03', '09'],
    },
    messages: ['log2(x+1) applied to the expression matrix before scoring (values up to 2.1e+05 look unlogged).', '1 gene of migrasome-core not in the matrix: EOGT.'],
    endpoints: [await endpointSection('OS', 'Overall survival', 11), await endpointSection('PFI', 'Progression-free interval', 23)],
  });
}

// ---------------------------------------------------------------- the browser checks

interface FigureCheck {
  figure: string;
  width: number;
  height: number;
  marks: number;
  foreignRefs: string[];
}

describe.skipIf(!available)(`HTML report in headless Chromium (${CHROMIUM_PATH})`, () => {
  let file = '';
  let outDir = '';
  let figureCount: number[] = [];

  beforeAll(async () => {
    const model = await realisticModel();
    figureCount = model.endpoints.map((e) => e.figures.length + e.cancers.reduce((s, c) => s + c.figures.length, 0));
    outDir = tempDir('migrascore-report-');
    file = join(outDir, 'index.html');
    writeFileSync(file, buildReportHtml(model));
  }, 120_000);

  it('loads nothing, logs no error, renders every figure, switches tabs, sorts, prints', async () => {
    await withChromiumPage(async (page, log) => {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      const tabs = page.locator('.tab-labels label');
      expect(await tabs.count()).toBe(2);
      const screenshots: string[] = [];
      for (let t = 0; t < 2; t++) {
        await tabs.nth(t).click();
        const panel = page.locator('.tab-panels > .panel').nth(t);
        await expect.poll(() => panel.isVisible()).toBe(true);
        expect(await page.locator('.tab-panels > .panel').nth(1 - t).isVisible()).toBe(false);

        // every inline figure of the visible panel has a size and marks, and its
        // url(#…)/href="#…" references resolve inside its own <svg>
        const checks: FigureCheck[] = await panel.evaluate((root) =>
          Array.from(root.querySelectorAll('figure')).map((fig) => {
            const svg = fig.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            const foreignRefs: string[] = [];
            if (svg) {
              for (const el of Array.from(svg.querySelectorAll('*'))) {
                for (const attr of Array.from(el.attributes)) {
                  const refs = [...attr.value.matchAll(/url\(['"]?#([^'")]+)['"]?\)/g)].map((m) => m[1]);
                  if (/href$/.test(attr.name) && attr.value.startsWith('#')) refs.push(attr.value.slice(1));
                  for (const id of refs) {
                    const target = document.getElementById(id);
                    if (!target || target.closest('svg') !== svg) foreignRefs.push(id);
                  }
                }
              }
            }
            return {
              figure: fig.getAttribute('data-figure') ?? '?',
              width: box?.width ?? 0,
              height: box?.height ?? 0,
              marks: svg ? svg.querySelectorAll('[class^="mark-"] path, [class^="mark-"] line, [class^="mark-"] rect, [class^="mark-"] text').length : 0,
              foreignRefs,
            };
          }),
        );
        expect(checks.length).toBe(figureCount[t]);
        for (const c of checks) {
          expect(c.width, `${c.figure} width`).toBeGreaterThan(100);
          expect(c.height, `${c.figure} height`).toBeGreaterThan(50);
          expect(c.marks, `${c.figure} marks`).toBeGreaterThan(5);
          expect(c.foreignRefs, `${c.figure} references`).toEqual([]);
        }
        // the heatmap's gradient legend points at its own, prefixed gradient
        const gradientFill = await panel.locator('figure[data-figure="heatmap"] [fill^="url(#"]').first().getAttribute('fill');
        expect(gradientFill).toMatch(/^url\(#fig\d+-gradient_\d+\)$/);

        const shot = join(outDir, `report-${t + 1}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        screenshots.push(shot);
      }

      // one cancer card per row, each Kaplan–Meier figure at a readable size
      await tabs.nth(0).click();
      const cards = await page.locator('#ep1 article.card').evaluateAll((els) => els.map((e) => {
        const box = e.getBoundingClientRect();
        const km = e.querySelector('figure[data-figure="km"] svg')?.getBoundingClientRect();
        return { x: box.x, y: box.y, kmWidth: km?.width ?? 0 };
      }));
      expect(cards.length).toBe(4);
      expect(new Set(cards.map((c) => c.x)).size).toBe(1);
      for (let i = 1; i < cards.length; i++) expect(cards[i].y).toBeGreaterThan(cards[i - 1].y);
      for (const c of cards) expect(c.kmWidth).toBeGreaterThanOrEqual(600);

      // sorting the OS table by log-rank p (ascending, then descending)
      await tabs.nth(0).click();
      const table = page.locator('#ep1 table.pancan');
      const pColumn = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[5].dataset.v)));
      await table.locator('th[data-col="5"] button').click();
      const asc = await pColumn();
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      await table.locator('th[data-col="5"] button').click();
      const desc = await pColumn();
      expect(desc).toEqual([...asc].reverse());

      // print: both panels shown, no tab bar
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.tab-panels > .panel').nth(1).isVisible()).toBe(true);
      expect(await page.locator('.tab-labels').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      expectSelfContained(log);
      console.log(`report: ${file}\nscreenshots: ${screenshots.join(', ')}`);
    });
  }, 120_000);
});

// ---------------------------------------------------------------- the survival report, from the CLI

describe.skipIf(!available)('the survival report (migrascore survival) in headless Chromium', () => {
  it('renders the one cohort, its figures at full size, every file link resolving to a written file', async () => {
    const out = join(tempDir(), 'survival');
    const expr = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
    const r = runCli(['survival', '--expr', expr, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--cancer', 'UVM', '--split', 'optimal', '--png', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    await withChromiumPage(async (page, log) => {
      await page.goto(pathToFileURL(join(out, 'index.html')).href, { waitUntil: 'load' });
      const figures = await page.evaluate(() => Array.from(document.querySelectorAll('figure')).map((f) => {
        const box = f.querySelector('svg')?.getBoundingClientRect();
        return { id: f.getAttribute('data-figure'), w: box?.width ?? 0, h: box?.height ?? 0, marks: f.querySelectorAll('svg path, svg text').length };
      }));
      expect(figures.map((f) => f.id)).toEqual(['km', 'cutpoint']);
      for (const f of figures) {
        expect(f.w, `${f.id} width`).toBeGreaterThanOrEqual(500);
        expect(f.h, `${f.id} height`).toBeGreaterThan(200);
        expect(f.marks, `${f.id} marks`).toBeGreaterThan(20);
      }
      // the groups and Cox tables of the cohort are shown, not collapsed
      expect(await page.locator('table.groups tbody tr').count()).toBe(2);
      expect(await page.locator('table.models').isVisible()).toBe(true);
      // every link to a file resolves to a file of the output folder, and every file is linked
      const links = await page.locator('a.file').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const targets = new Set(links.map((href) => relative(out, fileURLToPath(href))));
      for (const t of targets) expect(existsSync(join(out, t)), t).toBe(true);
      expect([...targets].sort()).toEqual(readdirSync(out).filter((f) => f !== '.migrascore').sort()); // the marker is not a result
      // following a link opens the file (the SVG of the Kaplan–Meier figure)
      await page.locator('section#files a.file', { hasText: /^km\.svg$/ }).click();
      await expect.poll(() => page.url()).toMatch(/\/km\.svg$/);
      expect(log.pageErrors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      expect(log.externalRequests).toEqual([]);
    });
  }, 120_000);
});
