// The `associate` report in a real browser (headless Chromium via playwright-core), as the
// CLI writes it for the bundled cancers against the built-in tcga-tme with --genes: it
// loads nothing, logs no error, the heatmap, box and scatter figures render with their own
// IDs, the tests table sorts (NA last), the gene cards show, the page prints. Skips
// cleanly where Chromium is absent. The screenshot is kept in a temp dir (path logged).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, CHROMIUM_SKIP_MESSAGE, chromiumAvailable, withChromiumPage, inspectFigures, expectSelfContained } from '../helpers/chromium.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const available = chromiumAvailable();
if (!available) console.warn(CHROMIUM_SKIP_MESSAGE);

describe.skipIf(!available)(`the associate report in headless Chromium (${CHROMIUM_PATH})`, () => {
  let out = '';
  beforeAll(() => {
    out = join(tempDir('migrascore-associate-report-'), 'out');
    const r = runCli(['associate', '--expr', join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz'), '--with', 'tcga-tme',
      '--vars', 'leukocyte_fraction,stromal_fraction,msi_mantis_score,immune_subtype', '--genes', '--scatter', 'msi_mantis_score', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it('loads nothing, logs no error, renders the figures, sorts the tests table, prints', async () => {
    await withChromiumPage(async (page, log) => {
      await page.goto(pathToFileURL(join(out, 'index.html')).href, { waitUntil: 'load' });
      const figures = await inspectFigures(page);
      expect(figures.map((f) => f.id)).toEqual(['associate_heatmap', 'immune_subtype', 'msi_mantis_score']);
      for (const f of figures) {
        expect(f.w, `${f.id} width`).toBeGreaterThan(150);
        expect(f.h, `${f.id} height`).toBeGreaterThan(100);
        expect(f.marks, `${f.id} marks`).toBeGreaterThan(20);
        expect(f.foreign, `${f.id} references`).toEqual([]);
      }

      // the tests table sorts by p (column 7): NA last both ways (categorical rho is NA: column 4)
      const table = page.locator('table.associate');
      const n = await table.locator('tbody tr').count();
      expect(n).toBeGreaterThan(10);
      const column = (col: number) => table.locator('tbody tr').evaluateAll((rows, c) => rows.map((r) => (r as HTMLTableRowElement).cells[c].dataset.v ?? ''), col);
      await table.locator('th[data-col="7"] button').click();
      const p = (await column(7)).map(Number);
      expect(p).toEqual([...p].sort((a, b) => a - b));
      await table.locator('th[data-col="4"] button').click();
      await table.locator('th[data-col="4"] button').click();
      const rho = await column(4);
      const firstNa = rho.indexOf('');
      expect(firstNa).toBeGreaterThan(0);
      expect(rho.slice(firstNa).every((v) => v === '')).toBe(true);
      expect(rho.slice(0, firstNa).map(Number)).toEqual(rho.slice(0, firstNa).map(Number).sort((a, b) => b - a));
      const marked = await table.locator('tbody tr.significant').evaluateAll((rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[8].dataset.v)));
      expect(marked.length).toBeGreaterThan(0);
      for (const f of marked) expect(f).toBeLessThan(0.05);

      // one gene card per cancer, ten rows each
      expect(await page.locator('article.genes-card').count()).toBe(4);
      expect(await page.locator('article.genes-card').first().locator('tbody tr').count()).toBe(10);

      const shot = join(out, 'associate.png');
      await page.screenshot({ path: shot, fullPage: true });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      expect(await table.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      expectSelfContained(log);
      console.log(`associate report: ${join(out, 'index.html')}\nscreenshot: ${shot}`);
    });
  }, 120_000);
});
