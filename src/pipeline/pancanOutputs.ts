// The files of a pan-cancer run: per-cancer survival folders, pancan.tsv and friends,
// the forest plot, heatmap, score distribution and cutpoint figures, PNG copies on
// request, and the self-contained HTML report.
import { createRequire } from 'node:module';
import { toJson, toTsv, type OutputFile } from '../io/output.js';
import { cutpointFigure } from '../plots/cutpointFigure.js';
import { forestFigure } from '../plots/forestFigure.js';
import { heatmapFigure } from '../plots/heatmapFigure.js';
import { svgToPng } from '../plots/png.js';
import { renderSvg } from '../plots/render.js';
import { scoreDistributionFigure } from '../plots/scoreDistributionFigure.js';
import { buildReportHtml } from '../report/html.js';
import type { CancerSection, EndpointSection, PancanTableRow, ReportFigure, ReportModel } from '../report/model.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import { splitTestP, type EndpointResult, type PancanOptions, type PancanRun } from './pancan.js';
import { formatConfLevel } from '../format/numbers.js';
import type { SurvivalRun } from './survival.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export const PANCAN_COLUMNS = ['cancer', 'n', 'events', 'hr', 'hr_lower', 'hr_upper', 'p', 'logrank_p', 'p_adjusted', 'fdr',
  'hr_continuous', 'p_continuous', 'fdr_continuous', 'cutpoint'] as const;

/** After the contract's columns: whether the group HR is a number to read, and why not (R's values stay in `hr`…). */
export const PANCAN_EXTRA_COLUMNS = ['hr_estimable', 'note'] as const;

function extraCells(row: PancanTableRow): string[] {
  const notes = [row.hr_note && `HR not estimable: ${row.hr_note}`, row.hr_continuous_note && `continuous HR not estimable: ${row.hr_continuous_note}`].filter(Boolean);
  return [row.hr === null ? 'NA' : row.hr_note ? 'FALSE' : 'TRUE', notes.length ? notes.join('; ') : 'NA'];
}

export interface PancanReportContext {
  command: string;
  inputs: ReportModel['inputs'];
  png: boolean;
}

interface Figure { name: string; spec: object; svg: string; title: string; caption?: string }

async function figure(name: string, title: string, spec: object, caption?: string): Promise<Figure> {
  return { name, title, spec, svg: await renderSvg(spec as never), caption };
}

function figureFiles(dir: string, f: Figure, png: boolean): OutputFile[] {
  const files: OutputFile[] = [
    { name: `${dir}${f.name}.vl.json`, content: toJson(f.spec) },
    { name: `${dir}${f.name}.svg`, content: f.svg },
  ];
  if (png) files.push({ name: `${dir}${f.name}.png`, content: svgToPng(f.svg) });
  return files;
}

export async function pancanOutputFiles(run: PancanRun, opts: PancanOptions, ctx: PancanReportContext): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const sections: EndpointSection[] = [];
  const scoreName = run.expr.scoring.sets[run.expr.setIndex].name;
  const searched = opts.split.kind === 'optimal';
  for (const ep of run.endpoints) {
    const { dir } = ep;
    const cancers: CancerSection[] = [];
    for (const { cancer, run: r } of ep.results) {
      const cdir = `${dir}${cancer}/`;
      for (const f of r.files) {
        files.push({ name: cdir + f.name, content: f.content });
        if (ctx.png && f.name.endsWith('.svg')) files.push({ name: cdir + f.name.replace(/\.svg$/, '.png'), content: svgToPng(String(f.content)) });
      }
      const figs: ReportFigure[] = [{ id: 'km', title: `${cancer}: Kaplan–Meier`, svg: String(r.files.find((f) => f.name === 'km.svg')!.content) }];
      const cand = r.cutpoint?.candidates;
      if (cand && typeof r.cutpoint!.value === 'number') {
        const cf = await figure('cutpoint', `${cancer}: optimal cutpoint`, cutpointFigure({
          cutpoints: cand.cutpoint, statistics: cand.statistic, chosen: r.cutpoint!.value, valueName: scoreName,
          pAdjusted: r.cutpoint!.p_adjusted ?? NaN, minprop: r.cutpoint!.minprop ?? opts.minprop,
        }));
        files.push(...figureFiles(cdir, cf, ctx.png));
        figs.push({ id: 'cutpoint', title: cf.title, svg: cf.svg });
      }
      cancers.push({ cancer, summary: cancerSummary(r, ep.endpoint.name), figures: figs });
    }
    files.push({ name: `${dir}pancan.tsv`, content: toTsv([...PANCAN_COLUMNS, ...PANCAN_EXTRA_COLUMNS], ep.results.map(({ row }) => [...PANCAN_COLUMNS.map((c) => row[c]), ...extraCells(row)])) });
    files.push({ name: `${dir}pancan_skipped.tsv`, content: toTsv(['cancer', 'n', 'events', 'reason'], ep.skipped.map((s) => [s.cancer, s.n, s.events, s.reason])) });
    const pancanFigures: Figure[] = [];
    const ref = ep.results[0]?.run.analysis.groups[0]?.group ?? 'low';
    const top = ep.results[0]?.run.analysis.groups.at(-1)?.group ?? 'high';
    if (ep.results.length > 0) {
      const test = splitTest(searched);
      pancanFigures.push(await figure('forest', `Hazard ratio by cancer (${ep.endpoint.name})`, forestFigure({
        // A coefficient R flags as possibly infinite (a group without events, common with
        // optimal cutpoints) is shown as not estimable, with the reason, rather than as a huge HR.
        // p and FDR are one test: the split's own (log-rank, or Lau92 for a searched cut).
        rows: ep.results.map(({ row }) => ({
          cancer: row.cancer, n: row.n, events: row.events,
          hr: row.hr ?? NaN, lower: row.hr_lower ?? NaN, upper: row.hr_upper ?? NaN,
          p: splitTestP(row, searched) ?? NaN, fdr: row.fdr, note: row.hr_note,
        })),
        title: `${scoreName} score and ${ep.endpoint.name}`,
        subtitle: searched ? SEARCHED_CUT : undefined,
        pNote: `p: ${test}; FDR: Benjamini\u2013Hochberg over cancers.`,
        hrLabel: `HR (${top} vs ${ref} ${scoreName} score)`,
      }), `Cox model of the score group in each cancer; bars are ${formatConfLevel(opts.confLevel)} CIs; p: ${test}; FDR: Benjamini–Hochberg over cancers.`));
      pancanFigures.push(await figure('score_distribution', `${scoreName} score by cancer`, scoreDistributionFigure({
        cancers: ep.results.map(({ cancer, run: r }) => ({ cancer, values: r.loaded.values ?? new Float64Array(), cutpoints: cutpointsOf(r.cutpoint?.value) })),
        scoreName, split: opts.splitText,
      })));
    }
    if (opts.perGene && ep.genes.length > 0) {
      files.push({ name: `${dir}pancan_genes.tsv`, content: toTsv(['gene', 'cancer', 'n', 'events', 'hr', 'hr_lower', 'hr_upper', 'p', 'fdr', 'note'],
        ep.genes.map((g) => [g.gene, g.cancer, g.n, g.events, g.hr, g.hr_lower, g.hr_upper, g.p, g.fdr ?? null, g.note ? `HR not estimable: ${g.note}` : 'NA'])) });
      pancanFigures.push(await figure('heatmap', `${scoreName} genes × cancer (${ep.endpoint.name})`, heatmapFigure({
        genes: run.setGenes.map((g) => g.gene),
        cancers: ep.results.map((r) => r.cancer),
        cells: ep.genes.map((g) => ({ gene: g.gene, cancer: g.cancer, hr: g.hr, p: g.p, fdr: g.fdr ?? null, n: g.n, note: g.note })),
        title: `Per-gene Cox (HR per SD of expression), ${ep.endpoint.name}`,
      }), 'Colour: log2 HR per SD of log2 expression; * FDR < 0.05 (BH over all gene × cancer tests).'));
    }
    for (const f of pancanFigures) files.push(...figureFiles(dir, f, ctx.png));
    sections.push({
      endpoint: ep.endpoint.name,
      label: ENDPOINT_LABELS[ep.endpoint.name],
      table: ep.results.map((r) => r.row),
      skipped: ep.skipped,
      figures: pancanFigures.map((f) => ({ id: f.name, title: f.title, svg: f.svg, caption: f.caption })),
      cancers,
      significantCount: significant(ep),
      cutSearched: searched,
    });
  }
  const model = reportModel(run, opts, ctx, sections);
  files.push({ name: 'pancan.json', content: toJson(runSummary(run, opts, model)) });
  files.push({ name: 'index.html', content: buildReportHtml(model) });
  return files;
}

/** How a searched cutpoint is named wherever it is shown (figure and report titles). */
export const SEARCHED_CUT = 'optimal (data-driven) cutpoint; p adjusted for the search (Lau92)';

/** The split's own test, as named under tables and figures. */
export function splitTest(searched: boolean): string {
  return searched ? 'maxstat log-rank test of the optimal cutpoint, adjusted for the search (Lau92)' : 'log-rank test of the score groups';
}

function withoutSamplesNote(run: PancanRun): string[] {
  const n = run.withoutSamples.length;
  return n ? [`${n} cancer type${n > 1 ? 's' : ''} of the clinical table had no sample in the matrix: ${run.withoutSamples.join(', ')}.`] : [];
}

const ENDPOINT_LABELS: Record<string, string> = { OS: 'Overall survival', DSS: 'Disease-specific survival', DFI: 'Disease-free interval', PFI: 'Progression-free interval' };

function cutpointsOf(value: number | number[] | undefined): number[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function significant(ep: EndpointResult, threshold = 0.05): number {
  return ep.results.filter((r) => r.row.fdr !== null && r.row.fdr < threshold).length;
}


/** Median survival per group (the card's table row already shows n, HR, p and FDR). */
function cancerSummary(run: SurvivalRun, endpoint: string): string {
  const parts = run.analysis.groups.map((g) => `${g.group} ${g.median === null ? 'not reached' : `${Math.round(g.median)} days`}`);
  return `Median ${endpoint}: ${parts.join(', ')}.`;
}

function reportModel(run: PancanRun, opts: PancanOptions, ctx: PancanReportContext, endpoints: EndpointSection[]): ReportModel {
  const req = opts.request;
  const citations: ReportModel['citations'] = [
    { text: 'Hänzelmann S, Castelo R, Guinney J. GSVA: gene set variation analysis for microarray and RNA-seq data. BMC Bioinformatics. 2013;14:7.', doi: '10.1186/1471-2105-14-7' },
    { text: 'Therneau TM. A Package for Survival Analysis in R (survival 3.5). Cox model, Kaplan–Meier and log-rank as in R.' },
    { text: 'Qin Y, et al. Pan-cancer analysis of migrasome genes. Front Immunol. 2022;13:994828.', doi: '10.3389/fimmu.2022.994828' },
  ];
  if (opts.clinical === TCGA_CDR.path) citations.unshift({ text: TCGA_CDR.citation, doi: TCGA_CDR.doi });
  if (opts.split.kind === 'optimal') citations.push({ text: 'Lausen B, Schumacher M. Maximally selected rank statistics. Biometrics. 1992;48:73–85 (maxstat, Lau92 p-value).', doi: '10.2307/2532740' });
  return {
    title: `migrascore pan-cancer report${opts.split.kind === 'optimal' ? ` \u2014 ${SEARCHED_CUT}` : ''}`,
    generatedAt: new Date().toISOString(),
    version: VERSION,
    command: ctx.command,
    parameters: [
      { name: 'Gene set', value: run.expr.scoring.sets.map((s) => s.name).join(', ') + (run.expr.scoring.sets.length > 1 ? ` (analysed: ${run.expr.scoring.sets[run.expr.setIndex].name})` : '') },
      { name: 'Score method', value: req.method + (req.method === 'gsva' ? ` (kcdf ${req.kcdf})` : '') },
      { name: 'Log scale', value: `--log2 ${req.log2}: ${run.expr.scoring.report.log2.applied ? 'log2(x+1) applied' : 'as given'} (${run.expr.scoring.report.log2.reason})` },
      { name: 'Endpoints', value: opts.endpoints.map((e) => `${e.name} (${e.time}, ${e.event})`).join('; ') },
      { name: 'Split', value: opts.splitText + (opts.split.kind === 'optimal' ? ` (minprop ${opts.minprop})` : '') },
      { name: 'Cox ties', value: opts.ties },
      { name: 'Covariates', value: opts.covariates.length ? opts.covariates.join(', ') : 'none' },
      { name: 'Minimum patients per cancer', value: String(opts.minSamples) },
      { name: 'Sample types', value: run.expr.joined.report.sample_types.join(', ') },
      { name: 'Clinical table', value: opts.clinical === TCGA_CDR.path ? 'tcga-cdr (built in)' : opts.clinical },
    ],
    inputs: ctx.inputs,
    citations,
    geneReport: run.expr.scoring.report.genesets,
    join: run.expr.joined.report,
    messages: [...run.expr.scoring.report.messages, ...withoutSamplesNote(run)],
    endpoints,
    confLevel: opts.confLevel,
  };
}

function runSummary(run: PancanRun, opts: PancanOptions, model: ReportModel): Record<string, unknown> {
  return {
    migrascore_version: VERSION,
    parameters: Object.fromEntries(model.parameters.map((p) => [p.name, p.value])),
    inputs: model.inputs,
    join: run.expr.joined.report,
    scoring: run.expr.scoring.report,
    endpoints: run.endpoints.map((ep) => ({
      endpoint: ep.endpoint.name,
      folder: ep.dir || '.',
      cancers_analysed: ep.results.length,
      significant_fdr_0_05: significant(ep),
      skipped: ep.skipped,
    })),
    min_samples: opts.minSamples,
    cancers_without_samples: run.withoutSamples,
  };
}
