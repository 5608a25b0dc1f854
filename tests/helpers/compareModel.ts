// A realistic `compare` report model for the report tests: simulated tumour and normal
// scores per cancer, rank-sum W and V counted by hand with normal-approximation p-values
// (stand-ins: the report only shows them), BH over cancers, and small Vega-Lite charts
// rendered with renderSvg standing in for the compare figures.
import type { CompareGeneRow, ComparePair, CompareRow, CompareSample, CompareSkipped } from '../../src/compare/types.js';
import { renderSvg } from '../../src/plots/render.js';
import { mulberry32 } from '../../src/random.js';
import type { CompareReportSection, ReportModel } from '../../src/report/model.js';
import { normalTwoSidedP } from '../../src/stats/distributions.js';
import { benjaminiHochberg } from '../../src/stats/multipleTesting.js';
import { geneSetReport, reportModel } from './reportModel.js';

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Rank sum W of x against y (mid-ranks) and its normal-approximation p (continuity corrected). */
export function rankSum(x: number[], y: number[]): { w: number; p: number } {
  let w = 0;
  for (const a of x) for (const b of y) w += a > b ? 1 : a === b ? 0.5 : 0;
  const m = x.length;
  const n = y.length;
  const z = (Math.abs(w - (m * n) / 2) - 0.5) / Math.sqrt((m * n * (m + n + 1)) / 12);
  return { w, p: normalTwoSidedP(Math.max(z, 0)) };
}

/** Signed-rank V of the differences (zeros dropped) and its normal-approximation p. */
export function signedRank(d: number[]): { v: number; p: number } {
  const nz = d.filter((x) => x !== 0);
  const order = nz.map((x, i) => ({ a: Math.abs(x), i })).sort((p, q) => p.a - q.a);
  const rank = new Array<number>(nz.length);
  order.forEach((o, k) => (rank[o.i] = k + 1));
  const v = nz.reduce((s, x, i) => s + (x > 0 ? rank[i] : 0), 0);
  const n = nz.length;
  const z = (Math.abs(v - (n * (n + 1)) / 4) - 0.5) / Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
  return { v, p: n ? normalTwoSidedP(Math.max(z, 0)) : NaN };
}

const FONT = 'Helvetica, Arial, sans-serif';

/** Stand-in box-and-points figure: score by group per cancer. */
function boxSpec(samples: CompareSample[]): object {
  return {
    width: { step: 26 },
    height: 240,
    padding: 12,
    background: 'white',
    config: { font: FONT, view: { stroke: null } },
    title: { text: 'Score by group per cancer', anchor: 'start' },
    data: { values: samples },
    encoding: {
      x: { field: 'cancer', type: 'nominal', title: null, axis: { labelAngle: 0 } },
      xOffset: { field: 'group', type: 'nominal', sort: ['tumour', 'normal'] },
      color: { field: 'group', type: 'nominal', sort: ['tumour', 'normal'], scale: { range: ['#c0392b', '#2e86c1'] }, title: null },
      y: { field: 'score', type: 'quantitative', title: 'migrasome-core score' },
    },
    layer: [{ mark: { type: 'boxplot', extent: 1.5, outliers: false, size: 10 } }, { mark: { type: 'point', size: 6, opacity: 0.4 } }],
  };
}

/** Stand-in heatmap: log2 fold change per gene and cancer, with a gradient legend. */
function heatmapSpec(genes: CompareGeneRow[]): object {
  return {
    width: { step: 34 },
    height: { step: 20 },
    padding: 12,
    background: 'white',
    config: { font: FONT, view: { stroke: null } },
    title: { text: 'log2 fold change, tumour vs normal', anchor: 'start' },
    data: { values: genes },
    mark: 'rect',
    encoding: {
      x: { field: 'cancer', type: 'nominal', title: null, axis: { labelAngle: 0 } },
      y: { field: 'gene', type: 'nominal', title: null },
      color: { field: 'log2fc', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domain: [-2, 2] }, title: 'log2 FC' },
    },
  };
}

/** Stand-in paired line plot: one line per patient from normal to tumour. */
function pairedSpec(pairs: ComparePair[], cancer: string): object {
  const values = pairs.filter((p) => p.cancer === cancer).flatMap((p) => [
    { patient: p.patient, group: 'normal', score: p.reference },
    { patient: p.patient, group: 'tumour', score: p.case },
  ]);
  return {
    width: 220,
    height: 240,
    padding: 12,
    background: 'white',
    config: { font: FONT, view: { stroke: null } },
    title: { text: `${cancer}: paired samples`, anchor: 'start' },
    data: { values },
    encoding: {
      x: { field: 'group', type: 'nominal', sort: ['normal', 'tumour'], title: null, axis: { labelAngle: 0 } },
      y: { field: 'score', type: 'quantitative', title: 'Score' },
      detail: { field: 'patient' },
    },
    layer: [{ mark: { type: 'line', color: '#999', strokeWidth: 1 } }, { mark: { type: 'point', filled: true, color: '#333' } }],
  };
}

const GENES = ['TSPAN4', 'TSPAN7', 'ITGB1', 'NDST1', 'CPQ', 'PIGK', 'EOGT', 'ITGA5'];

/** The simulated comparison: [cancer, tumours, normals, pairs, shift of the tumours]. */
const PLAN: [string, number, number, number, number][] = [
  ['BRCA', 180, 60, 50, 0.9],
  ['KIRC', 120, 40, 30, -0.8],
  ['LUAD', 110, 30, 25, 0.05],
  ['THCA', 90, 35, 30, 0.5],
  ['<b>&', 30, 8, 6, -0.1],
];

export interface CompareFixture {
  section: CompareReportSection;
  samples: CompareSample[];
}

/** A compare section from simulated data (deterministic); paired columns when `paired`. */
export function compareFixture(paired: boolean, seed = 7): CompareFixture {
  const r = mulberry32(seed);
  const rows: CompareRow[] = [];
  const samples: CompareSample[] = [];
  const pairs: ComparePair[] = [];
  const genes: CompareGeneRow[] = [];
  for (const [cancer, nt, nn, np, shift] of PLAN) {
    const tum = Array.from({ length: nt }, () => Number((shift + normal(r) * 0.6).toFixed(4)));
    const nor = Array.from({ length: nn }, () => Number((normal(r) * 0.6).toFixed(4)));
    tum.forEach((score, i) => samples.push({ sample: `${cancer}-T${i}`, patient: `${cancer}-P${i}`, cancer, group: 'tumour', score }));
    nor.forEach((score, i) => samples.push({ sample: `${cancer}-N${i}`, patient: `${cancer}-P${i}`, cancer, group: 'normal', score }));
    for (let i = 0; i < np; i++) pairs.push({ cancer, patient: `${cancer}-P${i}`, case: tum[i], reference: nor[i] });
    const t = rankSum(tum, nor);
    const mt = median(tum);
    const mn = median(nor);
    const row: CompareRow = {
      cancer, n_case: nt, n_reference: nn, median_case: mt, median_reference: mn, diff_median: mt - mn,
      statistic: t.w, p: t.p, method: nt < 50 && nn < 50 ? 'exact' : 'normal', fdr: null,
    };
    if (paired) {
      const s = signedRank(Array.from({ length: np }, (_, i) => tum[i] - nor[i]));
      Object.assign(row, { n_pairs: np, statistic_paired: s.v, p_paired: s.p, method_paired: np < 50 ? 'exact' : 'normal', fdr_paired: null });
    }
    rows.push(row);
    for (const gene of GENES) {
      const gs = normal(r) * 1.2 * Math.sign(shift || 1);
      const gt = tum.map(() => 6 + gs + normal(r));
      const gn = nor.map(() => 6 + normal(r));
      const g = rankSum(gt, gn);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      genes.push({ cancer, gene, n_case: nt, n_reference: nn, mean_case: mean(gt), mean_reference: mean(gn), log2fc: mean(gt) - mean(gn), statistic: g.w, p: g.p, fdr: null });
    }
  }
  benjaminiHochberg(rows.map((x) => x.p ?? NaN)).forEach((f, i) => (rows[i].fdr = f));
  if (paired) benjaminiHochberg(rows.map((x) => x.p_paired ?? NaN)).forEach((f, i) => (rows[i].fdr_paired = f));
  benjaminiHochberg(genes.map((g) => g.p ?? NaN)).forEach((f, i) => (genes[i].fdr = f));
  const skipped: CompareSkipped[] = [
    { cancer: 'UVM', n_case: 80, n_reference: 0, reason: 'fewer than 3 normal samples (--min-samples 3)' },
    { cancer: 'CHOL', n_case: 36, n_reference: 2, reason: 'fewer than 3 normal samples (--min-samples 3)' },
  ];
  return {
    samples,
    section: {
      levels: { case: 'tumour', reference: 'normal' },
      grouping: 'TCGA sample type (tumour 01–09, normal 10–19)',
      score: 'migrasome-core score (ssGSEA)',
      rows,
      skipped,
      paired,
      ...(paired ? { pairs } : {}),
      genes,
      figures: [],
      dropped: [
        { label: 'sample type 20 or above', count: 12 },
        { label: 'further sample of a patient', count: 31 },
        { label: 'no row in the clinical table', count: 0 },
      ],
    },
  };
}

/** The fixture with its figures rendered (box and points, heatmap, and the paired line plots with `paired`). */
export async function compareFixtureWithFigures(paired: boolean): Promise<CompareFixture> {
  const f = compareFixture(paired);
  f.section.figures = [
    { id: 'compare', title: 'Score by group', svg: await renderSvg(boxSpec(f.samples)), caption: 'Box: quartiles; points: samples; FDR marks above each cancer.', files: ['compare.svg', 'compare.vl.json'] },
    { id: 'compare_genes', title: 'Genes × cancer', svg: await renderSvg(heatmapSpec(f.section.genes!)), caption: 'Colour: log2 fold change; * FDR < 0.05.' },
  ];
  if (paired) {
    f.section.pairedFigures = await Promise.all(['BRCA', 'KIRC'].map(async (c) => ({ id: `paired_${c}`, title: `${c}: paired`, svg: await renderSvg(pairedSpec(f.section.pairs!, c)) })));
  }
  return f;
}

/** A whole report model around a compare section. */
export function compareReportModel(section: CompareReportSection, over: Partial<ReportModel> = {}): ReportModel {
  return reportModel({
    scope: 'compare',
    title: 'migrascore compare report',
    command: `migrascore compare --expr tcga.rsem.tsv.gz --clinical tcga-cdr --geneset migrasome-core --per-gene${section.paired ? ' --paired' : ''} --out compare-out`,
    parameters: [
      { name: 'Gene set', value: 'migrasome-core' },
      { name: 'Score method', value: 'ssgsea' },
      { name: 'Groups', value: 'tumour (01–09) vs normal (10–19)' },
      { name: 'Minimum samples per group', value: '3' },
    ],
    inputs: [
      { role: 'expression matrix', path: 'tcga.rsem.tsv.gz', sha256: 'ab'.repeat(32), bytes: 1_572_864 },
      { role: 'clinical table (built-in TCGA-CDR)', path: 'tcga-cdr', sha256: 'cd'.repeat(32), bytes: 2_391_552 },
    ],
    citations: [
      { text: 'Hänzelmann S, Castelo R, Guinney J. GSVA. BMC Bioinformatics. 2013;14:7.', doi: '10.1186/1471-2105-14-7' },
      { text: 'R Core Team. wilcox.test (stats), R 4.' },
    ],
    geneReport: [geneSetReport('migrasome-core', 'built-in', GENES.map((gene) => ({ gene, status: 'found' as const, row: gene })))],
    messages: [],
    files: ['compare.tsv', 'compare_skipped.tsv', 'compare_genes.tsv', 'scores.tsv', 'compare.svg', 'compare.vl.json', 'compare.json', 'index.html'],
    endpoints: [],
    compare: section,
    ...over,
  });
}
