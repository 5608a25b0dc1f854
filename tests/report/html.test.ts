import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/plots/render.js';
import {
  buildReportHtml,
  escapeHtml,
  formatBytes,
  formatCount,
  formatHr,
  formatP,
  formatSignificant,
  formatTimestamp,
  scopeSvgIds,
} from '../../src/report/html.js';
import type { CohortResults, EndpointSection, PancanTableRow, ReportModel } from '../../src/report/model.js';
import { geneSetReport, reportModel } from '../helpers/reportModel.js';

// A hand-written SVG shaped like vega's output: a clip path and a gradient, referenced
// by url(#…), plus an href="#…" use — what collides when several are inlined.
function vegaLikeSvg(label: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="200" height="100" viewBox="0 0 200 100">` +
    `<defs><clipPath id="clip1"><rect x="0" y="0" width="200" height="100"/></clipPath>` +
    `<linearGradient id="gradient_0" x1="0" x2="1"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#00f"/></linearGradient></defs>` +
    `<g class="mark-rect role-mark" clip-path="url(#clip1)"><path d="M0,0h10v10h-10Z" fill="url(#gradient_0)"/>` +
    `<use href="#clip1"/><text>${label} id="clip1" url(#clip1)</text></g></svg>`
  );
}

function row(over: Partial<PancanTableRow> & { cancer: string }): PancanTableRow {
  return {
    n: 100,
    events: 40,
    hr: 1.5,
    hr_lower: 1.1,
    hr_upper: 2.05,
    p: 0.01,
    logrank_p: 0.012,
    p_adjusted: null,
    fdr: 0.03,
    hr_continuous: 1.234,
    p_continuous: 0.2,
    fdr_continuous: 0.4,
    cutpoint: 0.123456,
    hr_note: null,
    hr_continuous_note: null,
    ...over,
  };
}

function endpoint(name: string, label: string, svg: (s: string) => string = vegaLikeSvg): EndpointSection {
  return {
    endpoint: name,
    label,
    table: [
      row({ cancer: 'BRCA', hr: 2.634, hr_lower: 2.1694, hr_upper: 3.1955, p: 1.13e-22, logrank_p: 0.032649, fdr: 0.0012345 }),
      row({ cancer: 'A<B & C', hr: 0.5, hr_lower: 0.3, hr_upper: 0.9, fdr: 0.04 }),
      row({ cancer: 'KIRC', hr: null, hr_lower: null, hr_upper: null, p: null, logrank_p: 0.5, fdr: 0.6, cutpoint: null, hr_continuous: null, p_continuous: null, fdr_continuous: null }),
    ],
    skipped: [{ cancer: 'CHOL<1>', n: 12, events: 3, reason: 'fewer than 20 patients & no <luck>' }],
    figures: [
      { id: 'forest', title: 'Forest plot', svg: svg('forest'), caption: 'HR & 95% CI' },
      { id: 'heatmap', title: 'Genes × cancer', svg: svg('heatmap') },
    ],
    cancers: [
      { cancer: 'BRCA', summary: 'Median split at 0.12.', figures: [{ id: 'km', title: 'Kaplan–Meier', svg: svg('km BRCA') }] },
      { cancer: 'A<B & C', summary: 'Odd <name> & co.', figures: [{ id: 'km', title: 'Kaplan–Meier', svg: svg('km odd') }, { id: 'cutpoint', title: 'Cutpoint', svg: svg('cut odd') }] },
    ],
  };
}

function model(over: Partial<ReportModel> = {}): ReportModel {
  return reportModel({
    title: 'migrascore pan-cancer report <test>',
    command: "migrascore pancan --expr 'x<y&z.tsv' --endpoint OS --endpoint PFI --out out",
    parameters: [
      { name: 'Score method', value: 'ssgsea' },
      { name: 'Split', value: 'median <default>' },
    ],
    inputs: [
      { role: 'expression matrix', path: '/data/x<y&z.tsv', sha256: 'ab'.repeat(32), bytes: 1_572_864, note: 'RSEM & log2' },
      { role: 'clinical table', path: 'tcga-cdr (built in)', sha256: 'cd'.repeat(32), bytes: 512 },
    ],
    citations: [
      { text: 'Liu J, et al. TCGA-CDR. Cell. 2018;173(2):400–416.', doi: '10.1016/j.cell.2018.02.052' },
      { text: 'Hänzelmann S, et al. GSVA. BMC Bioinformatics. 2013;14:7.', doi: 'https://doi.org/10.1186/1471-2105-14-7' },
      { text: 'Therneau TM. survival 3.5 <R package>.' },
    ],
    geneReport: [
      geneSetReport('migrasome-core', 'built-in', [
        { gene: 'TSPAN4', status: 'found', row: 'TSPAN4' },
        { gene: 'ITGB1', status: 'found', row: 'ITGB1' },
        { gene: 'CPQ', status: 'via-id', row: 'PGCP|10404', how: 'CPQ → PGCP|10404 via Entrez 10404' },
        { gene: 'ABC1', status: 'ambiguous', how: 'alias of several genes', candidates: ['ABCA1', 'ABCB1'] },
        { gene: 'EOGT', status: 'missing' },
      ]),
    ],
    join: {
      samples: 100, clinical_rows: 90, matched: 80, matched_exact: 0, matched_by_patient: 80,
      dropped: { excluded_sample_type: 10, duplicate_samples: 5, unmatched_samples: 5, unmatched_clinical_rows: 10 },
      sample_types: ['01', '03'],
    },
    messages: ['log2(x+1) applied <auto>', 'EOGT & 0 others missing'],
    endpoints: [endpoint('OS', 'Overall survival'), endpoint('PFI', 'Progression-free interval')],
    ...over,
  });
}

/** The <svg>…</svg> chunks of a page. */
function svgChunks(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

/** Every url(#…) / href="#…" reference in the tags of a string. */
function refs(s: string): string[] {
  return (s.match(/<[^>]*>/g) ?? []).flatMap((tag) => [...tag.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]));
}

/** Every id="…" value in a string (attributes inside tags only). */
function ids(s: string): string[] {
  return [...s.matchAll(/<[^>]*\sid="([^"]*)"/g)].map((m) => m[1]);
}

describe('formatting', () => {
  it('formats hazard ratios with 2 decimals and p-values with 3 significant digits', () => {
    expect(formatHr(2.634)).toBe('2.63');
    expect(formatHr(1)).toBe('1.00');
    expect(formatHr(null)).toBe('NA');
    expect(formatP(0.032649)).toBe('0.0326');
    expect(formatP(0.12345)).toBe('0.123');
    expect(formatP(1.13e-22)).toBe('1.13e-22');
    expect(formatP(0)).toBe('< 1e-300');
    expect(formatP(null)).toBe('NA');
    expect(formatP(NaN)).toBe('NA');
  });

  it('formats counts, sizes, cutpoints and timestamps', () => {
    expect(formatCount(11069)).toBe('11,069');
    expect(formatCount(12)).toBe('12');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_572_864)).toBe('1.5 MiB');
    expect(formatBytes(1_882_463_211)).toBe('1.8 GiB');
    expect(formatSignificant(0.123456)).toBe('0.1235');
    expect(formatSignificant(-0.049)).toBe('-0.049');
    expect(formatSignificant(1234.56)).toBe('1235');
    expect(formatSignificant(2e-6)).toBe('2e-06');
    expect(formatSignificant(null)).toBe('NA');
    expect(formatTimestamp('2025-03-14T09:26:53.000Z')).toBe('2025-03-14 09:26 UTC');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });

  it('escapes text for HTML', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });
});

describe('scopeSvgIds', () => {
  it('prefixes ids and their url(#…) / href="#…" references, not text', () => {
    const out = scopeSvgIds(vegaLikeSvg('t'), 'fig7-');
    expect(ids(out).sort()).toEqual(['fig7-clip1', 'fig7-gradient_0']);
    expect(out).toContain('clip-path="url(#fig7-clip1)"');
    expect(out).toContain('fill="url(#fig7-gradient_0)"');
    expect(out).toContain('<use href="#fig7-clip1"/>');
    expect(out).toContain('<text>t id="clip1" url(#clip1)</text>'); // text content untouched
    expect(out.replace(/<text>.*?<\/text>/g, '')).not.toMatch(/url\(#(?!fig7-)|href="#(?!fig7-)/);
  });

  it('leaves references to ids the SVG does not declare, and drops external links and loads', () => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg"><image xlink:href="https://example.org/x.png" width="5" height="5"/>` +
      `<image href='http://example.org/y.png'/><a href="https://example.org"><path d="M0,0" fill="url(#elsewhere)"/></a>` +
      `<image href="data:image/png;base64,AAAA"/></svg>`;
    const out = scopeSvgIds(svg, 'fig1-');
    expect(out).not.toContain('example.org');
    expect(out).toContain('fill="url(#elsewhere)"');
    expect(out).toContain('href="data:image/png;base64,AAAA"');
    expect(out).toContain('xmlns="http://www.w3.org/2000/svg"'); // a namespace name, not a load
  });
});

describe('buildReportHtml', () => {
  const html = buildReportHtml(model());

  it('is one HTML document with every section', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    for (const id of ['summary', 'parameters', 'inputs', 'references', 'genes', 'results', 'ep1', 'ep2']) {
      expect(html, id).toContain(`id="${id}"`);
    }
    // in the briefed order
    const order = ['id="summary"', 'id="parameters"', 'id="inputs"', 'id="references"', 'id="genes"', 'id="results"'].map((s) => html.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('<title>migrascore pan-cancer report &lt;test&gt;</title>');
    expect(html).toContain('migrascore 0.1.0');
    expect(html).toContain('2025-03-14 09:26 UTC');
    expect(html).toContain('<pre class="command">migrascore pancan --expr &#39;x&lt;y&amp;z.tsv&#39; --endpoint OS');
    // summary: analysed and significant per endpoint
    expect(html).toMatch(/<div class="summary-card" data-endpoint="OS">.*?<span class="num">3<\/span><span class="lbl">cancer types analysed<\/span>.*?<span class="num">2<\/span><span class="lbl">significant, score groups<\/span>/s);
    expect(html).toContain('Significant by score group: BRCA, A&lt;B &amp; C (HR &gt; 1, high score worse: 1; HR &lt; 1: 1).');
    // parameters, inputs with checksums and sizes, sample matching
    expect(html).toContain('<dt>Split</dt><dd>median &lt;default&gt;</dd>');
    expect(html).toContain(`<div class="sha">${'ab'.repeat(32)}</div>`);
    expect(html).toContain('1.5 MiB');
    expect(html).toContain('<dt>Matched</dt><dd>80 (0 by identical ID, 80 by TCGA patient barcode)</dd>');
    // citations with DOI links
    expect(html).toContain('<a href="https://doi.org/10.1016/j.cell.2018.02.052" rel="noreferrer" class="doi">doi:10.1016/j.cell.2018.02.052</a>');
    expect(html).toContain('<a href="https://doi.org/10.1186/1471-2105-14-7" rel="noreferrer" class="doi">doi:10.1186/1471-2105-14-7</a>');
    expect(html).toContain('Therneau TM. survival 3.5 &lt;R package&gt;.');
    // gene matching: found / via another ID / missing / ambiguous
    expect(html).toMatch(/<td><strong>migrasome-core<\/strong><\/td><td>built-in<\/td><td class="num">5<\/td><td class="num">.*?3<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0<\/td>/);
    expect(html).toContain('<li>CPQ → PGCP|10404 via Entrez 10404</li>');
    expect(html).toContain('Missing (1): <span class="gene-list">EOGT</span>');
    expect(html).toContain('ABC1</span>: ambiguous, left out (alias of several genes): ABCA1, ABCB1');
    // messages
    expect(html).toContain('<li>log2(x+1) applied &lt;auto&gt;</li>');
    // per endpoint: table, skipped with reason, figures, per-cancer cards
    expect(html.match(/<table class="data pancan sortable">/g)).toHaveLength(2);
    expect(html).toContain('fewer than 20 patients &amp; no &lt;luck&gt;');
    expect(html.match(/<figure class="wide" data-figure="forest">/g)).toHaveLength(2);
    expect(html.match(/<figure class="wide" data-figure="heatmap">/g)).toHaveLength(2);
    expect(html.match(/<article class="card/g)).toHaveLength(4);
    expect(html).toContain('<figcaption>HR &amp; 95% CI</figcaption>');
    expect(html).toContain('<p class="card-summary">Odd &lt;name&gt; &amp; co.</p>');
  });

  it('escapes every text of the model', () => {
    expect(html).not.toContain('A<B');
    expect(html).not.toContain('x<y');
    expect(html).not.toContain('<test>');
    expect(html).not.toContain('<luck>');
    expect(html).not.toContain('<name>');
    expect(html).not.toContain('CHOL<1>');
    expect(html).toContain('<strong><a href="#ep1-cancer2">A&lt;B &amp; C</a></strong>');
    expect(html).toContain('<h4>A&lt;B &amp; C</h4>');
    expect(html).toContain('<code>/data/x&lt;y&amp;z.tsv</code>');
    expect(html).toContain('<strong>CHOL&lt;1&gt;</strong>');
    // the only element tags are ours: no stray <B, <y …
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    for (const t of tags) expect(t, t).toMatch(/^(html|head|meta|title|style|body|div|header|h[1-4]|span|time|pre|nav|a|section|p|ul|li|dl|dt|dd|table|thead|tbody|tr|th|td|code|ol|details|summary|strong|input|label|figure|figcaption|article|footer|button|script|svg|defs|clippath|rect|lineargradient|stop|g|path|use|text)$/);
  });

  it('loads nothing from the network: no src, no stylesheet or font links, only DOI anchors', () => {
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<(?:iframe|object|embed|img|video|audio|base)\b/i);
    const hrefs = [...html.matchAll(/\s(?:xlink:)?href\s*=\s*"([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h, h).toMatch(/^(?:#[-\w]+|https:\/\/doi\.org\/10\.[^\s"<>]+)$/);
    // every absolute URL is a DOI link or an XML namespace name
    for (const m of html.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
      expect(m[0], m[0]).toMatch(/^(?:https:\/\/doi\.org\/10\.|http:\/\/www\.w3\.org\/(?:2000\/svg|1999\/xlink)$)/);
    }
    // a Content-Security-Policy forbids every fetch and allows only our own script
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1].replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });

  it('gives the inlined SVGs distinct ids, each reference resolving inside its own SVG', () => {
    const svgs = svgChunks(html);
    expect(svgs).toHaveLength(2 * 5); // per endpoint: forest, heatmap, 3 cancer figures
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    for (const svg of svgs) {
      const own = new Set(ids(svg));
      expect(own.size).toBe(2);
      const used = refs(svg);
      expect(used.length).toBe(3);
      for (const r of used) expect(own.has(r), r).toBe(true);
    }
  });

  it('gives real renderSvg output (gradient legends) distinct ids', async () => {
    const heatmap = await renderSvg({
      data: { values: [{ a: 'x', b: 'y', v: 1 }, { a: 'x', b: 'z', v: 3 }] },
      mark: 'rect',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'nominal' }, color: { field: 'v', type: 'quantitative' } },
    });
    expect(ids(heatmap).length).toBeGreaterThan(0);
    const ep = (name: string): EndpointSection => ({ ...endpoint(name, name), figures: [{ id: 'heatmap', title: 'Heatmap', svg: heatmap }], cancers: [] });
    const page = buildReportHtml(model({ endpoints: [ep('OS'), ep('PFI')] }));
    const svgs = svgChunks(page);
    expect(svgs).toHaveLength(2);
    const all = svgs.flatMap(ids);
    expect(all.length).toBe(2 * ids(heatmap).length);
    expect(new Set([...all, ...ids(page)]).size).toBe(ids(page).length); // page ids include the SVGs'
    expect(new Set(all).size).toBe(all.length);
    for (const svg of svgs) {
      const own = new Set(ids(svg));
      expect(refs(svg).length).toBeGreaterThan(0);
      for (const r of refs(svg)) expect(own.has(r), r).toBe(true);
    }
  });

  it('formats the pan-cancer table and highlights significant rows', () => {
    const ep1 = html.slice(html.indexOf('id="ep1"'), html.indexOf('id="ep2"'));
    const rows = ep1.match(/<tbody>(<tr[\s\S]*?)<\/tbody>/)![1].split('</tr>').filter((r) => r.includes('<td'));
    expect(rows).toHaveLength(3);
    const cells = (r: string) => [...r.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(cells(rows[0])).toEqual(['BRCA', '100', '40', '2.63 (2.17–3.20)', '1.13e-22', '0.0326', '0.00123', '0.1235', '1.23', '0.2', '0.4']);
    expect(cells(rows[2])).toEqual(['KIRC', '100', '40', 'NA', 'NA', '0.5', '0.6', 'NA', 'NA', 'NA', 'NA']);
    expect(rows[0]).toMatch(/^<tr class="significant">/);
    expect(rows[1]).toMatch(/^<tr class="significant">/);
    expect(rows[2]).toMatch(/^<tr>/);
    // raw values for sorting; NA sorts as empty
    expect(rows[0]).toContain('data-v="1.13e-22"');
    expect(rows[2]).toContain('<td class="num sep na" data-v="">NA</td>');
    expect(ep1).toContain('HR (95% CI)');
    // a custom threshold and confidence level
    const strict = buildReportHtml(model({ fdrThreshold: 0.01, confLevel: 0.9 }));
    const strictEp1 = strict.slice(strict.indexOf('id="ep1"'), strict.indexOf('id="ep2"'));
    expect(strictEp1.match(/<tr class="significant">/g)).toHaveLength(1);
    expect(strictEp1).toContain('HR (90% CI)');
  });

  it('shows endpoints as CSS-only tabs, and a single endpoint without them', () => {
    expect(html.match(/<input class="tab-radio" type="radio" name="endpoint-tab"/g)).toHaveLength(2);
    expect(html).toContain('id="tab-ep1" aria-label="OS — Overall survival" checked>');
    expect(html).toContain('.tabs > .tab-radio:nth-of-type(2):checked ~ .tab-panels > .panel:nth-of-type(2) { display: block; }');
    const single = buildReportHtml(model({ endpoints: [endpoint('OS', 'Overall survival')] }));
    expect(single).not.toContain('tab-radio" type="radio"');
    expect(single).toContain('<section class="panel" id="ep1" data-endpoint="OS">');
  });

  it('copes with empty parts and missing figures', () => {
    const empty = buildReportHtml(
      model({
        parameters: [], inputs: [], citations: [], geneReport: [], messages: [], join: undefined,
        endpoints: [{ endpoint: 'OS', table: [], skipped: [], figures: [{ id: 'forest', title: 'Forest', svg: '' }], cancers: [] }],
      }),
    );
    expect(empty).toContain('No warnings.');
    expect(empty).toContain('No cancer type could be analysed.');
    expect(empty).toContain('<div class="fig-missing">Figure not available</div>');
    expect(empty).not.toContain('<svg');
  });

  it('is deterministic', () => {
    expect(buildReportHtml(model())).toBe(html);
  });
});

describe('a searched cutpoint and hazard ratios R cannot estimate', () => {
  const searchedEp: EndpointSection = {
    ...endpoint('OS', 'Overall survival'),
    cutSearched: true,
    table: [
      // significant by the adjusted p, HR not estimable: counted, but with no direction
      row({ cancer: 'UVM', hr: 265573879.82241872, hr_lower: 0, hr_upper: Infinity, p: 0.998, logrank_p: 0.0002, p_adjusted: 0.004, fdr: 0.008, hr_note: 'no events in group low' }),
      row({ cancer: 'KIRC', hr: 2.5, hr_lower: 1.5, hr_upper: 4.2, p: 0.001, logrank_p: 0.0005, p_adjusted: 0.01, fdr: 0.01 }),
      // naive log-rank p 0.00913, adjusted 0.138: not significant
      row({ cancer: 'ACC', hr: 0.5, hr_lower: 0.3, hr_upper: 0.9, p: 0.01, logrank_p: 0.00913, p_adjusted: 0.138, fdr: 0.138 }),
    ],
    cancers: [
      { cancer: 'UVM', summary: '', figures: [] },
      { cancer: 'ACC', summary: '', figures: [] },
    ],
  };
  const html = buildReportHtml(model({ endpoints: [searchedEp] }));
  const cells = (r: string) => [...r.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/<div[^>]*>[\s\S]*?<\/div>/g, '').replace(/<[^>]+>/g, ''));
  const rows = html.slice(html.indexOf('class="data pancan')).match(/<tbody>(<tr[\s\S]*?)<\/tbody>/)![1].split('</tr>').filter((r) => r.includes('<td'));

  it('puts the adjusted p and its FDR first, the naive p-values labelled as not adjusted', () => {
    expect(html).toContain('<button type="button">Adjusted p (Lau92)</button>');
    expect(html).toContain('<button type="button">Log-rank p (not adjusted for the cutpoint search)</button>');
    expect(html).toContain('<button type="button">Cox p (not adjusted for the cutpoint search)</button>');
    expect(html).toContain('Score groups (high vs low, optimal (data-driven) cutpoint)');
    expect(cells(rows[2])).toEqual(['ACC', '100', '40', '0.50 (0.30–0.90)', '0.138', '0.138', '0.00913', '0.01', '0.1235', '1.23', '0.2', '0.4']);
    expect(rows[2]).toMatch(/^<tr>/);
    expect(html).toContain('2 significant at FDR of the adjusted p (Lau92) &lt; 0.05');
    expect(html).toContain('adjusted p (Lau92) = 0.138 · FDR = 0.138 · log-rank p = 0.00913 (not adjusted for the cutpoint search)');
  });

  it('shows "not estimable" with the reason, no Wald p, and never counts a direction for it', () => {
    expect(cells(rows[0]).slice(0, 8)).toEqual(['UVM', '100', '40', 'not estimable', '0.004', '0.008', '2e-04', '\u2014']);
    expect(rows[0]).toContain('not estimable<div class="small muted">no events in group low</div>');
    expect(rows[0]).toMatch(/^<tr class="significant">/);
    expect(rows[0]).not.toMatch(/hr-up|hr-down/);
    expect(html.replace(/<svg[\s\S]*?<\/svg>/g, '')).not.toMatch(/265573880|2\.66e\+08|0\.998/);
    expect(html).toContain('HR not estimable (no events in group low)');
    // summary card: 2 significant, one with HR > 1, one whose HR has no direction
    expect(html).toContain('Significant by score group: UVM, KIRC (HR &gt; 1, high score worse: 1; HR &lt; 1: 0; HR not estimable: 1).');
    expect(html).toContain('for the maxstat test of the optimal (data-driven) cutpoint, p adjusted for the search (Lau92),');
  });
});

describe('buildReportHtml: one cohort, notes, file links, adjusted HRs', () => {
  const results: CohortResults = {
    n: 120, events: 50, timeUnit: 'months',
    groups: [
      { group: 'low', n: 60, events: 20, median: 40.25, median_lower: 30.1, median_upper: null },
      { group: 'high', n: 60, events: 30, median: null, median_lower: 20, median_upper: null },
    ],
    testLabel: 'Log-rank',
    logrank: { chisq: 4.2, df: 1, p: 0.0404 },
    models: [
      { label: 'Groups of the split', formula: 'Surv ~ group', n: 120, events: 50, terms: [{ term: 'group=high', hr: 1.8, lower: 1.02, upper: 3.2, p: 0.043 }], concordance: 0.58, phGlobalP: 0.5 },
      { label: 'Groups, adjusted for covariates', formula: 'Surv ~ group + age', n: 110, events: 45, terms: [{ term: 'group=high', hr: 265573880, lower: 0, upper: Infinity, p: 0.99, infinite: true }, { term: 'age', hr: 1.02, lower: 1, upper: 1.04, p: 0.02 }], concordance: 0.6, phGlobalP: null },
    ],
    cutpoint: { method: 'optimal', value: 0.5, statistic: 2.9, p_adjusted: 0.21, p_method: 'Lau92', minprop: 0.1 },
    grouping: 'core <score>',
    warnings: [],
  };
  const cohort = (over: Partial<ReportModel> = {}) => model({
    scope: 'cohort',
    title: 'migrascore survival report',
    geneReport: [],
    endpoints: [{ endpoint: 'OS', label: 'Overall survival', table: [], skipped: [], figures: [], cancers: [{
      cancer: 'core <score>', summary: 'Median OS: low 40.2 months, high not reached.', results,
      figures: [{ id: 'km', title: 'Kaplan–Meier', svg: vegaLikeSvg('km'), files: ['km.svg', 'km.png'] }],
    }] }],
    files: ['km.tsv', 'km.svg', 'km.png', 'index.html', 'A B/x#1.tsv'],
    ...over,
  });

  it('shows one cohort in full: the searched cut\'s adjusted p first, groups, models, not-estimable terms as words', () => {
    const html = buildReportHtml(cohort());
    expect(html).toContain('<span class="num">0.21</span><span class="lbl">p adjusted for the cutpoint search (Lau92)</span>');
    expect(html).toContain('p = 0.0404 (not adjusted for the cutpoint search)');
    expect(html).toContain('<th class="num">Median (months)</th>');
    expect(html).toContain('<td><strong>low</strong></td><td class="num">60</td><td class="num">20</td><td class="num">40.25</td><td class="num">30.1–NA</td>');
    expect(html).toContain('<td class="num">not reached</td>');
    expect(html).toContain('not estimable (coefficient may be infinite)');
    expect(html).not.toContain('265573880');
    expect(html).toContain('Split of core &lt;score&gt;: optimal at 0.5');
    // no gene set was scored: no gene-matching section, nor its contents entry
    expect(html).not.toContain('id="genes"');
    expect(html).not.toContain('href="#genes"');
    expect(html).not.toContain('table class="data pancan');
  });

  it('links every output file relative to the report, each path segment encoded', () => {
    const html = buildReportHtml(cohort());
    expect(html).toContain('<div class="fig-files">Files: <a href="km.svg" class="file">km.svg</a> <a href="km.png" class="file">km.png</a></div>');
    expect(html).toContain('<a href="A%20B/x%231.tsv" class="file">x#1.tsv</a>');
    expect(html).toContain('<a href="#files">Files</a>');
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
    for (const h of hrefs) expect(h, h).toMatch(/^(?:#[-\w]+|https:\/\/doi\.org\/10\.[^\s"<>]+|(?:[\w.%-]+\/)*[\w.%-]+)$/);
  });

  it('collapses notes into <details>, apart from the warnings', () => {
    const html = buildReportHtml(model({ messages: [], notes: [{ summary: '31 other cancer types not analysed', detail: 'Chosen with --cancers: <UVM>.' }] }));
    expect(html).toContain('<details class="note"><summary>31 other cancer types not analysed</summary><p>Chosen with --cancers: &lt;UVM&gt;.</p></details>');
    expect(html).toContain('<li class="none">No warnings.</li>');
  });

  it('shows the covariate-adjusted hazard ratios in their own table', () => {
    const ep = endpoint('OS', 'Overall survival');
    ep.adjusted = { covariates: ['age'], rows: [
      { cancer: 'BRCA', n: 90, events: 30, hr: 1.5, lower: 1.1, upper: 2.05, p: 0.01, fdr: 0.02 },
      { cancer: 'KIRC', n: 80, events: 0, hr: null, lower: null, upper: null, p: 0.99, fdr: null, note: 'not estimable (coefficient may be infinite)' },
    ] };
    const html = buildReportHtml(model({ endpoints: [ep] }));
    const table = html.match(/<table class="data adjusted">[\s\S]*?<\/table>/)![0];
    expect(table).toContain('<tr class="significant"><td><strong>BRCA</strong></td><td class="num">90</td><td class="num">30</td><td class="num">1.50 (1.10–2.05)</td><td class="num">0.01</td>');
    expect(table).toContain('<td class="num na">not estimable (coefficient may be infinite)</td><td class="num">NA</td>');
    expect(html).toContain('<code>Surv ~ group + age</code>');
  });
});
