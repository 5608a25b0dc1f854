// The `associate` report (index.html) through the CLI: its table holds the numbers of the
// run's own associate.tsv, the skipped rows and pairs of its TSVs, the top co-expressed
// genes of associate_genes.tsv.gz (--genes only), the inputs with their SHA-256, the
// figures inlined with the built-in table's labels and units (a user's file keeps its
// column names), and the citations of exactly the built-in columns used.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatP, formatSignificant } from '../../src/format/numbers.js';
import { TCGA_TME } from '../../src/tcga/tmeTable.js';
import { TOP_GENES } from '../../src/pipeline/associateReport.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { readTsv, type Row } from '../helpers/fixtures.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const VARS = ['leukocyte_fraction', 'tmb_nonsilent_per_mb', 'immune_subtype'];

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The table of class `cls`: each body row as its cells' { text, v }. */
function tableRows(html: string, cls: string): { text: string; v: string | null }[][] {
  const table = html.match(new RegExp(`<table class="data ${cls}[ "][\\s\\S]*?</table>`));
  expect(table, `table ${cls}`).not.toBeNull();
  const body = table![0].match(/<tbody>([\s\S]*)<\/tbody>/)![1];
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((td) => ({
      text: unescape(td[2].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()),
      v: td[1].match(/data-v="([^"]*)"/)?.[1] ?? null,
    })));
}

function run(args: string[]) {
  const out = join(tempDir(), 'out');
  const r = runCli(['associate', ...args, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  return { out, html: readFileSync(join(out, 'index.html'), 'utf8') };
}

describe('associate report: built-in tcga-tme with --genes on the bundled cancers', () => {
  let out = '';
  let html = '';
  beforeAll(() => {
    ({ out, html } = run(['--expr', EXPR, '--with', 'tcga-tme', '--vars', VARS.join(','), '--genes', '--scatter', 'tmb_nonsilent_per_mb']));
  }, 120_000);

  it('the tests table holds every row of associate.tsv with its rho, p, FDR and method', () => {
    const tsv = readTsv(join(out, 'associate.tsv'));
    const rows = tableRows(html, 'associate');
    expect(tsv.length).toBeGreaterThan(8);
    expect(rows).toHaveLength(tsv.length);
    tsv.forEach((t, i) => {
      const [cancer, variable, type, n, rho, , df, p, fdr, method] = rows[i];
      expect([cancer.v, variable.v, type.v, n.v, method.v]).toEqual([t.cancer, t.variable, t.type, t.n, t.method]);
      for (const [cell, value, text] of [[rho, t.estimate, formatSignificant(Number(t.estimate), 3)], [p, t.p, formatP(Number(t.p))], [fdr, t.fdr, formatP(Number(t.fdr))]] as const) {
        if (value === 'NA') { expect(cell.v).toBe(''); expect(cell.text).toBe('NA'); continue; }
        expect(Number(cell.v)).toBeCloseTo(Number(value), 12);
        expect(cell.text).toBe(text);
      }
      expect(df.text).toBe(t.df);
    });
    // significant rows are marked, and only they
    const marked = [...html.match(/<table class="data associate sortable">[\s\S]*?<\/table>/)![0].matchAll(/<tr( class="significant")?><td/g)].map((m) => Boolean(m[1]));
    expect(marked).toEqual(tsv.map((t) => t.fdr !== 'NA' && Number(t.fdr) < 0.05));
    // the summary counts them
    const sig = tsv.filter((t) => t.fdr !== 'NA' && Number(t.fdr) < 0.05).length;
    expect(html).toMatch(new RegExp(`<span class="num">${sig}</span><span class="lbl">significant, FDR &lt; 0.05</span>`));
  });

  it('skipped variables and dropped levels as in associate_skipped.tsv, with the reason in words', () => {
    const skipped = readTsv(join(out, 'associate_skipped.tsv'));
    expect(skipped.some((s) => s.reason === 'min-level')).toBe(true);
    const rows = tableRows(html, 'associate-skipped');
    expect(rows.map((r) => [r[0].text, r[2].text, r[3].text])).toEqual(skipped.map((s) => [s.cancer, s.level === 'NA' ? '(variable not tested)' : s.level, s.n]));
    for (const [i, s] of skipped.entries()) {
      expect(rows[i][4].text).toContain(s.reason);
      if (s.reason === 'min-level') expect(rows[i][4].text).toContain(`level dropped: ${s.n} sample${s.n === '1' ? '' : 's'}, fewer than --min-level 5`);
      if (s.reason === 'all-missing') expect(rows[i][4].text).toContain('no sample has a value');
    }
  });

  it('the top co-expressed genes per cancer, positive and negative, from associate_genes.tsv.gz', () => {
    const genes = readTsv(join(out, 'associate_genes.tsv.gz')).filter((g) => g.rho !== 'NA');
    const cancers = [...new Set(genes.map((g) => g.cancer))];
    expect(cancers).toEqual(['ACC', 'DLBC', 'UCS', 'UVM']);
    for (const cancer of cancers) {
      const mine = genes.filter((g) => g.cancer === cancer);
      const byRho = (sign: number) => mine.filter((g) => sign * Number(g.rho) > 0).sort((a, b) => sign * (Number(b.rho) - Number(a.rho))).slice(0, TOP_GENES);
      const card = html.match(new RegExp(`<article class="card genes-card" data-cancer="${cancer}">[\\s\\S]*?</article>`))![0];
      const rows = tableRows(card, 'associate-genes');
      expect(rows).toHaveLength(TOP_GENES);
      const expectGene = (cells: { text: string }[], g: Row) => {
        expect(cells[0].text).toBe(g.gene);
        expect(cells[1].text).toBe(formatSignificant(Number(g.rho), 3));
        expect(cells[2].text).toBe(formatP(Number(g.fdr)));
      };
      byRho(1).forEach((g, i) => expectGene(rows[i].slice(1, 4), g));
      byRho(-1).forEach((g, i) => expectGene(rows[i].slice(4, 7), g));
      const significant = mine.filter((g) => Number(g.fdr) < 0.05).length;
      expect(card).toContain(`${mine.length.toLocaleString('en-US')} genes correlated · ${significant.toLocaleString('en-US')} at FDR &lt; 0.05`);
    }
  });

  it('cites the sources of exactly the tcga-tme columns used, and the tests that ran', () => {
    const refs = unescape(html.match(/<section id="references">[\s\S]*?<\/section>/)![0]);
    const used = [...VARS, 'cancer_type'];
    for (const c of TCGA_TME.citations) {
      const cites = TCGA_TME.columns.filter((col) => used.includes(col.name) && col.cite.includes(c.key)).map((col) => col.name);
      if (cites.length) {
        expect(refs, c.short).toContain(c.text);
        expect(refs, c.short).toContain(`Cited for tcga-tme column${cites.length > 1 ? 's' : ''} ${cites.join(', ')}`);
        expect(refs).toContain(`doi:${c.doi}`);
      } else {
        expect(refs, c.short).not.toContain(c.doi);
      }
    }
    // e.g. MANTIS, TIMER and CIBERSORT columns were not used
    expect(refs).not.toContain('Bonneville');
    expect(refs).not.toContain('TIMER');
    expect(refs).not.toContain('Newman');
    expect(refs).toContain('Thorsson');
    expect(refs).toContain('Ellrott');
    // methods: Spearman (AS 89 only when an exact p was computed), Wilcoxon (two subtypes left), BH
    const methods = new Set(readTsv(join(out, 'associate.tsv')).map((t) => t.method));
    expect(refs.includes('Algorithm AS 89')).toBe(methods.has('spearman-exact'));
    expect(refs.includes('Kruskal WH')).toBe(methods.has('kruskal'));
    expect(refs.includes('Wilcoxon F')).toBe(methods.has('wilcoxon-exact') || methods.has('wilcoxon-normal'));
    expect(refs).toContain('Spearman C.');
    expect(refs).toContain('Benjamini Y');
    expect(refs).toContain('cor.test');
  });

  it('inputs with their SHA-256, the parameters, and the figures inlined with labels and units', () => {
    expect(html).toContain(sha256(TCGA_TME.path));
    expect(html).toContain(sha256(EXPR));
    expect(html).toContain('covariate table (built-in tcga-tme)');
    expect(html).toMatch(/<dt>Variables<\/dt><dd>leukocyte_fraction \(numeric\), tmb_nonsilent_per_mb \(numeric\), immune_subtype \(categorical\)<\/dd>/);
    const figures = [...html.matchAll(/<figure class="[^"]*" data-figure="([^"]+)">/g)].map((m) => m[1]);
    expect(figures).toEqual(['associate_heatmap', 'immune_subtype', 'tmb_nonsilent_per_mb']);
    // the inlined figures are the written ones; axes name the variables by label and unit
    const heatmap = readFileSync(join(out, 'associate_heatmap.svg'), 'utf8');
    expect(heatmap).toContain('Leukocyte fraction');
    expect(heatmap).toContain('Non-silent TMB');
    expect(heatmap).not.toMatch(/>tmb_nonsilent_per_mb</);
    expect(readFileSync(join(out, 'scatter', 'tmb_nonsilent_per_mb.svg'), 'utf8')).toContain('Non-silent TMB (mutations / Mb)');
    expect(readFileSync(join(out, 'box', 'immune_subtype.svg'), 'utf8')).toContain('Immune subtype');
    expect(html.match(/<svg[\s>]/g)?.length).toBe(3);
    // self-contained: no URL but DOI links and relative file links
    const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
    for (const u of urls) expect(u.startsWith('https://doi.org/') || u.startsWith('#') || !/^[a-z]+:/i.test(u), u).toBe(true);
    expect(html).toContain('<a href="associate_genes.tsv.gz" class="file">');
  });
});

describe('associate report: a user file, precomputed scores, no --genes', () => {
  it('column names as written, no table citations, no gene sections; the pairs of a Kruskal–Wallis test', () => {
    const dir = tempDir();
    const ids = Array.from({ length: 40 }, (_, k) => `TCGA-AA-${String(k + 1).padStart(4, '0')}`);
    const withFile = join(dir, 'covariates.tsv');
    writeFileSync(withFile, ['patient\tki67_index\tgrade', ...ids.map((id, k) => `${id}\t${(k * 17) % 41}\tG${(k % 3) + 1}`)].join('\n') + '\n');
    const scores = join(dir, 'scores.tsv');
    writeFileSync(scores, ['sample\tmy-score', ...ids.map((id, k) => `${id}-01A\t${((k * 7) % 13) + k / 10}`)].join('\n') + '\n');
    const { out, html } = run(['--scores', scores, '--with', withFile, '--vars', 'ki67_index,grade', '--scatter', 'ki67_index']);
    const refs = html.match(/<section id="references">[\s\S]*?<\/section>/)![0];
    expect(refs).not.toContain('Cited for');
    expect(refs).not.toContain('Thorsson');
    expect(refs).not.toContain('GSVA');
    expect(refs).toContain('Kruskal WH');
    expect(html).not.toContain('id="genes"'); // no gene matching without scoring
    expect(html).not.toContain('<table class="data associate-genes');
    expect(html).not.toContain('Top co-expressed genes');
    expect(html).toContain(sha256(scores));
    expect(html).toContain(sha256(withFile));
    // the pairwise table is associate_pairs.tsv
    const pairs = readTsv(join(out, 'associate_pairs.tsv'));
    expect(pairs).toHaveLength(3);
    expect(tableRows(html, 'associate-pairs').map((r) => [r[2].text, r[3].text, r[4].text])).toEqual(pairs.map((p) => [p.level1, p.level2, formatP(Number(p.p_adjusted))]));
    // a user's column keeps its name on the axes
    const scatter = readFileSync(join(out, 'scatter', 'ki67_index.svg'), 'utf8');
    expect(scatter).toContain('ki67_index');
    expect(html).toContain('<code>ki67_index</code>');
  });
});
