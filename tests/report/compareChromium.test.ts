// The `compare` report in a real browser (headless Chromium via playwright-core): it
// loads nothing, logs no error, every inline figure renders with marks and its own IDs,
// the compare table and the gene table sort (NA last), the page prints. Screenshots of
// the unpaired and paired reports are kept in a temp dir (paths logged).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../src/report/html.js';
import { CHROMIUM_PATH, CHROMIUM_SKIP_MESSAGE, chromiumAvailable, withChromiumPage, inspectFigures, expectSelfContained } from '../helpers/chromium.js';
import { tempDir } from '../helpers/cli.js';
import { compareFixtureWithFigures, compareReportModel } from '../helpers/compareModel.js';

const available = chromiumAvailable();
if (!available) console.warn(CHROMIUM_SKIP_MESSAGE);

describe.skipIf(!available)(`the compare report in headless Chromium (${CHROMIUM_PATH})`, () => {
  const files: Record<'unpaired' | 'paired', string> = { unpaired: '', paired: '' };
  let outDir = '';

  beforeAll(async () => {
    outDir = tempDir('migrascore-compare-report-');
    for (const paired of [false, true]) {
      const f = await compareFixtureWithFigures(paired);
      // one NA p-value, to check that it sorts last both ways
      f.section.rows[2] = { ...f.section.rows[2], p: null, fdr: null, statistic: null, method: null };
      const file = join(outDir, paired ? 'paired.html' : 'index.html');
      writeFileSync(file, buildReportHtml(compareReportModel(f.section)));
      files[paired ? 'paired' : 'unpaired'] = file;
    }
  }, 120_000);

  for (const kind of ['unpaired', 'paired'] as const) {
    it(`${kind}: loads nothing, logs no error, renders the figures, sorts the tables, prints`, async () => {
      await withChromiumPage(async (page, log) => {
        await page.goto(pathToFileURL(files[kind]).href, { waitUntil: 'load' });
        const figures = await inspectFigures(page);
        expect(figures.map((f) => f.id)).toEqual(kind === 'paired' ? ['compare', 'compare_genes', 'paired_BRCA', 'paired_KIRC'] : ['compare', 'compare_genes']);
        for (const f of figures) {
          expect(f.w, `${f.id} width`).toBeGreaterThan(150);
          expect(f.h, `${f.id} height`).toBeGreaterThan(100);
          expect(f.marks, `${f.id} marks`).toBeGreaterThan(20);
          expect(f.foreign, `${f.id} references`).toEqual([]);
        }

        // the compare table: 5 cancers, the paired columns only with --paired, sorting by p (column 7) with NA last
        const table = page.locator('table.compare');
        expect(await table.locator('tbody tr').count()).toBe(5);
        expect(await table.locator('thead tr:not(.group) th').count()).toBe(kind === 'paired' ? 15 : 10);
        const column = (col: number) => table.locator('tbody tr').evaluateAll((rows, c) => rows.map((r) => (r as HTMLTableRowElement).cells[c].dataset.v ?? ''), col);
        await table.locator('th[data-col="7"] button').click();
        const asc = await column(7);
        expect(asc.at(-1)).toBe('');
        const ascNum = asc.slice(0, -1).map(Number);
        expect(ascNum).toEqual([...ascNum].sort((a, b) => a - b));
        expect(await table.locator('th[data-col="7"]').getAttribute('aria-sort')).toBe('ascending');
        await table.locator('th[data-col="7"] button').click();
        const desc = await column(7);
        expect(desc.at(-1)).toBe('');
        expect(desc.slice(0, -1).map(Number)).toEqual([...ascNum].reverse());
        // by cancer name (text)
        await table.locator('th[data-col="0"] button').click();
        const names = await column(0);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
        expect(names).toContain('<b>&');
        // the highlighted rows are the significant ones, whatever the order
        const marked = await table.locator('tbody tr.significant').evaluateAll((rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[9].dataset.v)));
        expect(marked.length).toBeGreaterThan(0);
        for (const f of marked) expect(f).toBeLessThan(0.05);

        // the gene table sorts too (log2 FC, column 6)
        const genes = page.locator('table.compare-genes');
        expect(await genes.locator('tbody tr').count()).toBe(20);
        await genes.locator('th[data-col="6"] button').click();
        const fc = await genes.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[6].dataset.v)));
        expect(fc).toEqual([...fc].sort((a, b) => a - b));

        await page.locator('#summary').scrollIntoViewIfNeeded();
        const shot = join(outDir, `${kind}.png`);
        await page.screenshot({ path: shot, fullPage: true });

        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('nav.toc').isVisible()).toBe(false);
        expect(await page.locator('table.compare').isVisible()).toBe(true);
        await page.emulateMedia({ media: 'screen' });

        expectSelfContained(log);
        console.log(`compare report (${kind}): ${files[kind]}\nscreenshot: ${shot}`);
      });
    }, 120_000);
  }
});
