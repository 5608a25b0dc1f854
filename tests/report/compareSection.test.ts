// The `compare` report (scope "compare"): summary counts and directions, the compare.tsv
// table with its significance marking, paired columns only with --paired, the cancers
// not compared, figures inlined, top gene rows, samples left out, escaping, no URLs.
import { describe, expect, it } from 'vitest';
import type { CompareGeneRow, CompareRow } from '../../src/compare/types.js';
import { renderSvg } from '../../src/plots/render.js';
import { topGeneRows } from '../../src/report/compareTable.js';
import { buildReportHtml } from '../../src/report/html.js';
import type { CompareReportSection } from '../../src/report/model.js';
import { compareFixture, compareReportModel } from '../helpers/compareModel.js';

function vegaLikeSvg(label: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">` +
    `<defs><clipPath id="clip1"><rect x="0" y="0" width="200" height="100"/></clipPath></defs>` +
    `<g class="mark-rect role-mark" clip-path="url(#clip1)"><path d="M0,0h10v10h-10Z"/><text>${label}</text></g></svg>`
  );
}

const ROWS: CompareRow[] = [
  // W above n_case·n_reference/2 = 1000: higher in tumour
  { cancer: 'BRCA', n_case: 100, n_reference: 20, median_case: 0.51234, median_reference: 0.1, diff_median: 0.41234, statistic: 1500, p: 1.234e-50, method: 'normal', fdr: 3.7e-50 },
  // W below 200: lower in tumour
  { cancer: 'KIRC', n_case: 40, n_reference: 10, median_case: -0.2, median_reference: 0.3, diff_median: -0.5, statistic: 50.5, p: 0.001, method: 'exact', fdr: 0.0015 },
  { cancer: '<b>&', n_case: 10, n_reference: 5, median_case: 0.1, median_reference: 0.1, diff_median: 0, statistic: 25, p: 1, method: 'exact', fdr: 1 },
  { cancer: 'LUAD', n_case: 30, n_reference: 3, median_case: 0.2, median_reference: null, diff_median: null, statistic: null, p: null, method: null, fdr: null },
];

const PAIRED: Partial<CompareRow>[] = [
  { n_pairs: 12, statistic_paired: 70, p_paired: 0.002, method_paired: 'exact', fdr_paired: 0.004 },
  { n_pairs: 8, statistic_paired: 3, p_paired: 0.04, method_paired: 'exact', fdr_paired: 0.04 },
  { n_pairs: 4, statistic_paired: 5, p_paired: 1, method_paired: 'exact', fdr_paired: 1 },
  { n_pairs: 0, statistic_paired: null, p_paired: null, method_paired: null, fdr_paired: null },
];

function gene(i: number, over: Partial<CompareGeneRow> = {}): CompareGeneRow {
  return { cancer: i % 2 ? 'BRCA' : 'KIRC', gene: `G${i}`, n_case: 100, n_reference: 20, mean_case: 6 + i / 10, mean_reference: 6, log2fc: i % 3 ? i / 10 : -i / 10, statistic: 1000 + i, p: i * 1e-4, fdr: i * 2e-4, ...over };
}

function section(over: Partial<CompareReportSection> = {}): CompareReportSection {
  return {
    levels: { case: 'tumour', reference: 'normal' },
    grouping: 'TCGA sample type (tumour 01–09, normal 10–19)',
    score: 'migrasome-core score (ssGSEA)',
    rows: ROWS,
    skipped: [{ cancer: 'UVM<x>', n_case: 80, n_reference: 0, reason: 'no normal samples & <none> below --min-samples 3' }],
    paired: false,
    figures: [
      { id: 'compare', title: 'Score by group', svg: vegaLikeSvg('box'), caption: 'Box & points', files: ['compare.svg'] },
      { id: 'compare_genes', title: 'Genes × cancer', svg: vegaLikeSvg('heat') },
    ],
    dropped: [{ label: 'sample type 20 or above', count: 7 }, { label: 'further sample of a patient', count: 3 }, { label: 'not in the clinical table', count: 0 }],
    ...over,
  };
}

function pairedSection(over: Partial<CompareReportSection> = {}): CompareReportSection {
  return section({
    paired: true,
    rows: ROWS.map((r, i) => ({ ...r, ...PAIRED[i] })),
    // BRCA: 12 pairs, 2 zero differences → n' = 10, null mean 27.5: V = 70 higher; KIRC: n' = 8, mean 18: V = 3 lower
    pairs: [
      ...Array.from({ length: 12 }, (_, i) => ({ cancer: 'BRCA', patient: `B${i}`, case: i < 2 ? 1 : 2 + i, reference: 1 })),
      ...Array.from({ length: 8 }, (_, i) => ({ cancer: 'KIRC', patient: `K${i}`, case: 0, reference: 1 + i })),
    ],
    pairedFigures: [{ id: 'paired_BRCA', title: 'BRCA: paired', svg: vegaLikeSvg('pairs') }],
    ...over,
  });
}

/** The rows of a table (by class) as lists of cell texts. */
function tableRows(html: string, cls: string): { tr: string; cells: string[] }[] {
  const table = html.match(new RegExp(`<table class="data ${cls} sortable">[\\s\\S]*?</table>`))![0];
  return table.match(/<tbody>([\s\S]*?)<\/tbody>/)![1].split('</tr>').filter((r) => r.includes('<td')).map((tr) => ({
    tr,
    cells: [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')),
  }));
}

function headings(html: string, cls: string): string[] {
  const table = html.match(new RegExp(`<table class="data ${cls} sortable">[\\s\\S]*?</table>`))![0];
  return [...table.matchAll(/<button type="button">([^<]*)<\/button>/g)].map((m) => m[1]);
}

describe('the compare report', () => {
  const html = buildReportHtml(compareReportModel(section()));

  it('has the shared sections with no endpoint, and names the groups in the header', () => {
    for (const id of ['summary', 'parameters', 'inputs', 'references', 'genes', 'results', 'files']) expect(html, id).toContain(`id="${id}"`);
    expect(html).toContain('<span>tumour vs normal</span></div>');
    expect(html).not.toContain('no endpoint');
    expect(html).not.toContain('No endpoint was analysed');
    expect(html).not.toContain('table class="data pancan');
    expect(html).toContain('<li class="none">No warnings.</li>');
  });

  it('summarises the cancers compared, the significant ones by direction, and those not compared', () => {
    const card = html.match(/<div class="summary-card" data-test="rank-sum">[\s\S]*?<\/p><\/div>/)![0];
    const stats = [...card.matchAll(/<span class="num">([^<]*)<\/span><span class="lbl">([^<]*)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(stats).toEqual(['4 cancer types compared', '2 significant, FDR &lt; 0.05', '1 higher in tumour', '1 lower in tumour', '1 not compared']);
    expect(card).toContain('180 tumour and 38 normal samples in the cancer types compared. Higher in tumour: BRCA. Lower in tumour: KIRC. Not compared: UVM&lt;x&gt; (see Results).');
    expect(html).not.toContain('data-test="paired"');
    // a stricter threshold: only BRCA
    const strict = buildReportHtml(compareReportModel(section(), { fdrThreshold: 1e-10 }));
    expect(strict).toContain('<span class="num">1</span><span class="lbl">significant, FDR &lt; 1e-10</span>');
    expect(tableRows(strict, 'compare').filter((r) => r.tr.startsWith('<tr class="significant">')).map((r) => r.cells[0])).toEqual(['BRCA']);
  });

  it('shows compare.tsv as a sortable table, significant rows marked, NA as NA', () => {
    expect(headings(html, 'compare')).toEqual(['Cancer', 'tumour', 'normal', 'tumour', 'normal', 'Difference', 'W', 'p', 'Method', 'FDR']);
    const rows = tableRows(html, 'compare');
    expect(rows.map((r) => r.cells)).toEqual([
      ['BRCA', '100', '20', '0.5123', '0.1', '0.4123', '1500', '1.23e-50', 'normal', '3.7e-50'],
      ['KIRC', '40', '10', '-0.2', '0.3', '-0.5', '50.5', '0.001', 'exact', '0.0015'],
      ['&lt;b&gt;&amp;', '10', '5', '0.1', '0.1', '0', '25', '1', 'exact', '1'],
      ['LUAD', '30', '3', '0.2', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA'],
    ]);
    expect(rows.map((r) => r.tr.startsWith('<tr class="significant">'))).toEqual([true, true, false, false]);
    expect(rows[0].tr).toContain('<td class="num up" data-v="0.41234" title="higher in tumour than in normal">0.4123</td>');
    expect(rows[1].tr).toContain('<td class="num down" data-v="-0.5" title="lower in tumour than in normal">-0.5</td>');
    expect(rows[0].tr).toContain('<td class="num sigval" data-v="3.7e-50">3.7e-50</td>');
    expect(rows[2].tr).not.toMatch(/sigval| up| down/);
    // raw values for sorting, NA empty (sorted last)
    expect(rows[0].tr).toContain('data-v="1.234e-50"');
    expect(rows[3].tr).toContain('<td class="num na" data-v="">NA</td>');
    expect(rows[3].tr).toContain('<td class="na" data-v="">NA</td>');
    expect(html).toContain('<th colspan="4" class="sep">Rank-sum test</th>');
  });

  it('has no paired columns without --paired, and adds them with it', () => {
    expect(html).not.toContain('Signed-rank');
    expect(html).not.toContain('Paired samples');
    const paired = buildReportHtml(compareReportModel(pairedSection()));
    expect(headings(paired, 'compare').slice(10)).toEqual(['Pairs', 'V', 'p', 'Method', 'FDR']);
    expect(paired).toContain('<th colspan="5" class="sep">Signed-rank test (paired)</th>');
    const rows = tableRows(paired, 'compare');
    expect(rows[0].cells.slice(10)).toEqual(['12', '70', '0.002', 'exact', '0.004']);
    expect(rows[3].cells.slice(10)).toEqual(['0', 'NA', 'NA', 'NA', 'NA']);
    expect(rows[1].tr).toContain('<td class="num sigval" data-v="0.04">0.04</td>'); // paired FDR below 0.05
    expect(rows[0].tr).toContain('<td class="num sep" data-v="12">12</td>'); // a new column group
    // the paired card: tested, pairs, significant, directions from V and the non-zero pairs
    const card = paired.match(/<div class="summary-card" data-test="paired">[\s\S]*?<\/p><\/div>/)![0];
    const stats = [...card.matchAll(/<span class="num">([^<]*)<\/span><span class="lbl">([^<]*)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(stats).toEqual(['3 cancer types tested', '24 pairs', '2 significant, FDR &lt; 0.05', '1 / 1 higher / lower in tumour']);
    expect(card).toContain('Higher in tumour: BRCA. Lower in tumour: KIRC.');
    // without the pairs: the count only
    const noPairs = buildReportHtml(compareReportModel(pairedSection({ pairs: undefined })));
    expect(noPairs).toContain('<p>Significant: BRCA, KIRC.</p>');
    expect(noPairs).not.toContain('higher / lower');
    // the paired figures, after the others
    expect(paired).toContain('<h3>Paired samples</h3><div class="paired-figures"><figure class="paired-fig" data-figure="paired_BRCA">');
  });

  it('lists the cancers not compared with their reasons, escaped', () => {
    expect(html).toContain('<h4 class="skipped-title">Not compared (1)</h4>');
    expect(html).toContain('<tr><td><strong>UVM&lt;x&gt;</strong></td><td class="num">80</td><td class="num">0</td><td>no normal samples &amp; &lt;none&gt; below --min-samples 3</td></tr>');
    const none = buildReportHtml(compareReportModel(section({ skipped: [] })));
    expect(none).not.toContain('Not compared');
    expect(none).toContain('<span class="num">0</span><span class="lbl">not compared</span>');
  });

  it('escapes a cancer named <b>&', () => {
    expect(html).not.toContain('<b>');
    expect(html).toContain('<td data-v="&lt;b&gt;&amp;"><strong>&lt;b&gt;&amp;</strong></td>');
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    for (const t of tags) expect(t, t).toMatch(/^(html|head|meta|title|style|body|div|header|h[1-4]|span|time|pre|nav|a|section|p|ul|li|dl|dt|dd|table|thead|tbody|tr|th|td|code|ol|details|summary|strong|label|figure|figcaption|article|footer|button|script|svg|defs|clippath|rect|lineargradient|stop|g|path|use|text)$/);
  });

  it('inlines the figures with captions, file links and their own ids', () => {
    expect(html).toContain('<h3>Figures</h3><figure class="wide" data-figure="compare"><span class="fig-title">Score by group</span><svg');
    expect(html).toContain('<figcaption>Box &amp; points</figcaption><div class="fig-files">Files: <a href="compare.svg" class="file">compare.svg</a></div>');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(2);
    expect(svgs[0]).toContain('<clipPath id="fig1-clip1">');
    expect(svgs[1]).toContain('clip-path="url(#fig2-clip1)"');
  });

  it('renders real renderSvg output inline', async () => {
    const svg = await renderSvg({ data: { values: [{ g: 'tumour', v: 1 }, { g: 'normal', v: 2 }] }, mark: 'boxplot', encoding: { x: { field: 'g', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } } });
    const page = buildReportHtml(compareReportModel(section({ figures: [{ id: 'compare', title: 'Box', svg }] })));
    expect(page).not.toContain('<div class="fig-missing">');
    expect(page).toMatch(/<figure class="wide" data-figure="compare"><span class="fig-title">Box<\/span><svg[^>]*class="marks"/);
  });

  it('loads nothing from the network', () => {
    const paired = buildReportHtml(compareReportModel(pairedSection({ genes: [gene(1)] })));
    for (const page of [html, paired]) {
      expect(page).not.toMatch(/\ssrc\s*=|<link\b|@import|@font-face/i);
      expect(page).not.toMatch(/<(?:iframe|object|embed|img|video|audio|base)\b/i);
      for (const m of page.matchAll(/\s(?:xlink:)?href\s*=\s*"([^"]*)"/g)) expect(m[1], m[1]).toMatch(/^(?:#[-\w]+|https:\/\/doi\.org\/10\.[^\s"<>]+|[\w.%-]+)$/);
      for (const m of page.matchAll(/https?:\/\/[^\s"'<>)]+/g)) expect(m[0], m[0]).toMatch(/^(?:https:\/\/doi\.org\/10\.|http:\/\/www\.w3\.org\/2000\/svg$)/);
      expect(page).toContain("default-src &#39;none&#39;");
      expect(page.match(/<script/g)).toHaveLength(1);
    }
  });

  it('shows the gene rows with the smallest FDR first, at most topGenes, NA last', () => {
    const genes = [gene(5), gene(1, { fdr: null, p: null }), ...Array.from({ length: 23 }, (_, i) => gene(i + 2)).filter((g) => g.gene !== 'G5'), gene(30, { fdr: 0.9 })];
    const page = buildReportHtml(compareReportModel(section({ genes })));
    const rows = tableRows(page, 'compare-genes');
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.cells[1]).slice(0, 5)).toEqual(['G2', 'G3', 'G4', 'G5', 'G6']);
    expect(headings(page, 'compare-genes')).toEqual(['Cancer', 'Gene', 'n tumour', 'n normal', 'Mean tumour', 'Mean normal', 'log2 FC', 'W', 'p', 'FDR']);
    expect(rows[0].cells).toEqual(['KIRC', 'G2', '100', '20', '6.2', '6', '0.2', '1002', '2e-04', '4e-04']);
    expect(rows[1].tr).toContain('class="num down"');
    expect(rows.every((r) => r.tr.startsWith('<tr class="significant">'))).toBe(true);
    expect(page).toContain(`23 of ${genes.length} gene × cancer rows significant at FDR &lt; 0.05 (higher in tumour: 15, lower: 8); the 20 with the smallest FDR:`);
    expect(topGeneRows(genes, 100).slice(-2).map((g) => g.gene)).toEqual(['G30', 'G1']);
    const few = buildReportHtml(compareReportModel(section({ genes: genes.slice(0, 3), topGenes: 2 })));
    expect(tableRows(few, 'compare-genes').map((r) => r.cells[1])).toEqual(['G2', 'G5']);
    expect(html).not.toContain('compare-genes');
    expect(buildReportHtml(compareReportModel(section({ genes: [] })))).toContain('No gene was compared.');
  });

  it('shows the grouping and the samples left out, without the zero counts', () => {
    expect(html).toContain('Case <strong>tumour</strong> against reference <strong>normal</strong>, groups from TCGA sample type (tumour 01–09, normal 10–19).');
    const dropped = html.match(/<table class="data compare-dropped">[\s\S]*?<\/table>/)![0];
    expect(dropped).toContain('<tr><td>sample type 20 or above</td><td class="num">7</td></tr><tr><td>further sample of a patient</td><td class="num">3</td></tr>');
    expect(dropped).toContain('<td class="num"><strong>10</strong></td>');
    expect(dropped).not.toContain('not in the clinical table');
    expect(buildReportHtml(compareReportModel(section({ dropped: [{ label: 'x', count: 0 }] })))).toContain('No sample was left out.');
    expect(buildReportHtml(compareReportModel(section({ dropped: undefined })))).not.toContain('left out');
  });

  it('shows one comparison of every sample (cancer "all") as its numbers', () => {
    const page = buildReportHtml(compareReportModel(section({ rows: [{ ...ROWS[0], cancer: 'all' }], skipped: [] })));
    const stats = [...page.matchAll(/<span class="num">([^<]*)<\/span><span class="lbl">([^<]*)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(stats).toEqual(['100 samples of tumour', '20 samples of normal', '0.4123 difference of medians', '1.23e-50 p (normal)']);
    expect(page).toContain('Median tumour 0.5123, normal 0.1: higher in tumour (p &lt; 0.05).');
    expect(page).toContain('<h3>Test</h3>');
    expect(page).not.toContain('cancer types compared');
  });

  it('copes with nothing compared, and with the simulated fixture', () => {
    const empty = buildReportHtml(compareReportModel(section({ rows: [], figures: [] }), { geneReport: [], files: [] }));
    expect(empty).toContain('No cancer type could be compared.');
    expect(empty).toContain('<span class="num">0</span><span class="lbl">cancer types compared</span>');
    expect(empty).not.toContain('id="genes"');
    const f = compareFixture(true);
    const page = buildReportHtml(compareReportModel(f.section));
    expect(tableRows(page, 'compare')).toHaveLength(5);
    expect(tableRows(page, 'compare-genes')).toHaveLength(20);
  });

  it('is deterministic', () => {
    expect(buildReportHtml(compareReportModel(section()))).toBe(html);
  });
});
