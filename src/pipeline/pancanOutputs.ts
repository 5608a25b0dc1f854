// The files of a pan-cancer run: per-cancer survival folders, pancan.tsv and friends,
// the forest plot, heatmap, score distribution and cutpoint figures, PNG copies on
// request, and the self-contained HTML report.
import { createRequire } from 'node:module';
import { toJson, toTsv, type OutputFile } from '../io/output.js';
import { forestFigure } from '../plots/forestFigure.js';
import { heatmapFigure } from '../plots/heatmapFigure.js';
import { basename } from 'node:path';
import { cutText, endpointText, scoreText } from './figureLabels.js';
import { scoreDistributionFigure } from '../plots/scoreDistributionFigure.js';
import { buildReportHtml } from '../report/html.js';
import type { EndpointSection, PancanTableRow, ReportModel } from '../report/model.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import type { EndpointResult, PancanOptions, PancanRun } from './pancan.js';
import { SEARCHED_CUT, splitTest, splitTestP } from './splitSignificance.js';
import { formatConfLevel } from '../format/numbers.js';
import { survivalRunFiles } from './survival.js';
import { adjustedForest, adjustedRows } from './adjustedOutputs.js';
import { figureFiles, renderFigure, type FigureFormats, type RenderedFigure } from './figureFiles.js';
import {
  citations, cohortResults, ENDPOINT_LABELS, inputRoles, linkedFigures, medianSummary, modelParameters, reportInputs, scoringParameters, type ReportContext,
} from './reportParts.js';
import { endpointFolders, folderNames } from './cancerFolders.js';
import { aucOfRun, aucTimeLabels } from './rocReport.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export const PANCAN_COLUMNS = ['cancer', 'n', 'events', 'hr', 'hr_lower', 'hr_upper', 'p', 'logrank_p', 'p_adjusted', 'fdr',
  'hr_continuous', 'p_continuous', 'fdr_continuous', 'cutpoint'] as const;

/** With --covariates, after the contract's columns: the group term of Surv ~ group + covariates. */
export const COVARIATE_COLUMNS = ['hr_covariate_adjusted', 'hr_covariate_adjusted_lower', 'hr_covariate_adjusted_upper', 'p_covariate_adjusted'] as const;

/** After the contract's columns: whether the group HR is a number to read, and why not (R's values stay in `hr`…). */
export const PANCAN_EXTRA_COLUMNS = ['hr_estimable', 'note'] as const;

/** With --roc-times, after the contract's columns: the time-dependent AUC per time, named as the time was written. */
export function aucColumns(opts: Pick<PancanOptions, 'rocTimes' | 'rocTimeLabels'>): string[] {
  return (opts.rocTimes ?? []).map((t, k) => `auc_${opts.rocTimeLabels?.[k] ?? String(t)}`);
}

function aucCells(result: EndpointResult['results'][number]): (number | null)[] {
  return result.run.timeRoc?.at.map((a) => a.auc) ?? [];
}

function extraCells(row: PancanTableRow): string[] {
  const t = row.hr_top;
  const groups = t && `${t.groups} score groups: no single group HR (hr NA); the ${t.label} term of the Cox model of all groups is in the forest plot, every term in the cancer's summary.json`;
  const notes = [groups, row.hr_note && `HR not estimable: ${row.hr_note}`, row.hr_continuous_note && `continuous HR not estimable: ${row.hr_continuous_note}`].filter(Boolean);
  return [row.hr === null ? 'NA' : row.hr_note ? 'FALSE' : 'TRUE', notes.length ? notes.join('; ') : 'NA'];
}

export async function pancanOutputFiles(run: PancanRun, opts: PancanOptions, ctx: ReportContext & FigureFormats): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const sections: EndpointSection[] = [];
  // Report sections point at files; they are filled in once every file is known.
  const pending: { section: EndpointSection; figures: { dir: string; figures: RenderedFigure[]; title: (f: RenderedFigure) => string }[] }[] = [];
  const scoreName = run.source.scoreName;
  const searched = opts.split.kind === 'optimal';
  const folders = folderNames(run.endpoints.flatMap((ep) => ep.results.map((r) => r.cancer)));
  const score = run.expr && opts.request ? scoreText(scoreName, opts.request.method) : `${scoreName} (from ${basename(run.source.file)})`;
  for (const ep of run.endpoints) {
    const { dir } = ep;
    const section: EndpointSection = {
      endpoint: ep.endpoint.name, label: ENDPOINT_LABELS[ep.endpoint.name], skipped: ep.skipped,
      table: ep.results.map((r) => (opts.rocTimes?.length ? { ...r.row, ...aucOfRun(r.run.timeRoc) } : r.row)),
      figures: [], cancers: [], significantCount: significant(ep), cutSearched: searched,
      ...(opts.rocTimes?.length ? { aucTimes: aucTimeLabels(opts.rocTimes, opts.timeIn ?? 'days') } : {}),
    };
    const figureGroups: (typeof pending)[number]['figures'] = [];
    for (const { cancer, run: r } of ep.results) {
      const cdir = `${dir}${folders.get(cancer)}/`;
      files.push(...survivalRunFiles(r, cdir, ctx));
      section.cancers.push({ cancer, summary: medianSummary(r, ep.endpoint.name, opts), figures: [], results: cohortResults(r, opts, `${scoreName} score`, false) });
      figureGroups.push({ dir: cdir, figures: r.figures, title: (f) => `${cancer}: ${f.title}` });
    }
    const columns = [...PANCAN_COLUMNS, ...(opts.covariates.length ? COVARIATE_COLUMNS : [])];
    files.push({ name: `${dir}pancan.tsv`, content: toTsv([...columns, ...aucColumns(opts), ...PANCAN_EXTRA_COLUMNS], ep.results.map((r) => [...columns.map((c) => r.row[c] ?? null), ...aucCells(r), ...extraCells(r.row)])) });
    files.push({ name: `${dir}pancan_skipped.tsv`, content: toTsv(['cancer', 'n', 'events', 'reason'], ep.skipped.map((s) => [s.cancer, s.n, s.events, s.reason])) });
    const pancanFigures: RenderedFigure[] = [];
    const ref = ep.results[0]?.run.analysis.groups[0]?.group ?? 'low';
    const top = ep.results[0]?.run.analysis.groups.at(-1)?.group ?? 'high';
    if (ep.results.length > 0) {
      const test = splitTest(searched);
      const k = ep.results[0].row.hr_top?.groups;
      const groupsNote = k ? ` HR: the ${top} versus ${ref} term of the Cox model of all ${k} groups.` : '';
      pancanFigures.push(await renderFigure('forest', `Hazard ratio by cancer (${ep.endpoint.name})`, forestFigure({
        // A coefficient R flags as possibly infinite (a group without events, common with
        // optimal cutpoints) is shown as not estimable, with the reason, rather than as a huge HR.
        // p and FDR are one test: the split's own (log-rank, or Lau92 for a searched cut).
        // With 3+ groups, the top group's term of the same model (the label says which).
        rows: ep.results.map(({ row }) => {
          const t = row.hr_top;
          return {
            cancer: row.cancer, n: row.n, events: row.events,
            hr: (t ? t.hr : row.hr) ?? NaN, lower: (t ? t.lower : row.hr_lower) ?? NaN, upper: (t ? t.upper : row.hr_upper) ?? NaN,
            p: splitTestP(row, searched) ?? NaN, fdr: row.fdr, note: t ? t.note : row.hr_note,
          };
        }),
        title: `${scoreName} score and ${ep.endpoint.name}`,
        subtitle: `${endpointText(ep.endpoint.name, ep.endpoint.time, ep.endpoint.event)}; ${score}, ${cutText(opts.split)} within each cancer${searched ? '; p adjusted for the search (Lau92)' : ''}`,
        pNote: `p: ${test}; FDR: Benjamini\u2013Hochberg over cancers.${groupsNote}`,
        hrLabel: `HR (${top} vs ${ref} ${scoreName} score)`,
      }), `Cox model of the score group in each cancer; bars are ${formatConfLevel(opts.confLevel)} CIs; p: ${test}; FDR: Benjamini–Hochberg over cancers.${groupsNote}`));
      pancanFigures.push(await renderFigure('score_distribution', `${scoreName} score by cancer`, scoreDistributionFigure({
        cancers: ep.results.map(({ cancer, run: r }) => ({ cancer, values: r.loaded.values ?? new Float64Array(), cutpoints: cutpointsOf(r.cutpoint?.value) })),
        scoreName, split: opts.splitText,
        title: `${score} by cancer`, subtitle: `${ep.endpoint.name} cohort; ${cutText(opts.split)} within each cancer`,
      })));
    }
    if (opts.perGene && ep.genes.length > 0) {
      files.push({ name: `${dir}pancan_genes.tsv`, content: toTsv(['gene', 'cancer', 'n', 'events', 'hr', 'hr_lower', 'hr_upper', 'p', 'fdr', 'note'],
        ep.genes.map((g) => [g.gene, g.cancer, g.n, g.events, g.hr, g.hr_lower, g.hr_upper, g.p, g.fdr ?? null, g.note ? `HR not estimable: ${g.note}` : 'NA'])) });
      pancanFigures.push(await renderFigure('heatmap', `${scoreName} genes × cancer (${ep.endpoint.name})`, heatmapFigure({
        genes: run.setGenes.map((g) => g.gene),
        cancers: ep.results.map((r) => r.cancer),
        cells: ep.genes.map((g) => ({ gene: g.gene, cancer: g.cancer, hr: g.hr, p: g.p, fdr: g.fdr ?? null, n: g.n, note: g.note })),
        title: `Per-gene Cox (HR per SD of expression), ${ep.endpoint.name}`,
        subtitle: `Genes of ${scoreName}; ${endpointText(ep.endpoint.name, ep.endpoint.time, ep.endpoint.event)}`,
      }), 'Colour: log2 HR per SD of log2 expression; * FDR < 0.05 (BH over all gene × cancer tests).'));
    }
    if (opts.covariates.length && ep.results.length > 0) {
      const rows = adjustedRows(ep);
      section.adjusted = { covariates: opts.covariates, rows };
      pancanFigures.push(await adjustedForest(rows, ep.endpoint.name, scoreName, opts.covariates, [ref, top], opts.confLevel));
    }
    for (const f of pancanFigures) files.push(...figureFiles(dir, f, ctx));
    sections.push(section);
    pending.push({ section, figures: [{ dir, figures: pancanFigures, title: (f) => f.title }, ...figureGroups] });
  }
  const names = [...files.map((f) => f.name), 'pancan.json', 'index.html'];
  for (const { section, figures: [pan, ...perCancer] } of pending) {
    section.figures = linkedFigures(pan.figures, pan.dir, names);
    perCancer.forEach((g, i) => {
      section.cancers[i].figures = linkedFigures(g.figures, g.dir, names, g.title);
      section.cancers[i].files = names.filter((n) => n.startsWith(g.dir) && !n.slice(g.dir.length).includes('/'));
    });
  }
  const inputs = await reportInputs(inputRoles([opts.clinical, ...run.source.inputPaths], opts.clinical, run.source.kind));
  const model = reportModel(run, opts, ctx, inputs, sections, names);
  files.push({ name: 'pancan.json', content: toJson({ ...runSummary(run, opts, model), cancer_folders: Object.fromEntries(folders), ...endpointFolders(run.endpoints) }) });
  files.push({ name: 'index.html', content: buildReportHtml(model) });
  return files;
}

/** Time-unit warnings of every endpoint, named by endpoint when there are several. */
export function timeWarnings(run: PancanRun): string[] {
  return run.endpoints.flatMap((ep) => ep.timeWarnings.map((w) => (run.endpoints.length > 1 ? `${ep.endpoint.name}: ${w}` : w)));
}

function withoutSamplesNote(run: PancanRun): string[] {
  const n = run.withoutSamples.length;
  return n ? [`${n} cancer type${n > 1 ? 's' : ''} of the clinical table had no sample in ${run.expr ? 'the matrix' : 'the score table'}: ${run.withoutSamples.join(', ')}.`] : [];
}

/**
 * With --cancers the user chose what to analyse: the cancer types left out are a note
 * (collapsed), not a warning; without it, types without samples stay a visible message.
 */
function cancerNotes(run: PancanRun, opts: PancanOptions): { messages: string[]; notes: NonNullable<ReportModel['notes']> } {
  if (!opts.cancers) return { messages: withoutSamplesNote(run), notes: [] };
  const left = run.notChosen.length + run.withoutSamples.length;
  if (left === 0) return { messages: [], notes: [] };
  const parts = [`Chosen with --cancers: ${opts.cancers.join(', ')}.`];
  if (run.notChosen.length) parts.push(`Cancer types with samples, not chosen: ${run.notChosen.join(', ')}.`);
  parts.push(...withoutSamplesNote(run));
  return {
    messages: [],
    notes: [{ summary: `${left} other cancer type${left > 1 ? 's' : ''} of the clinical table not analysed (--cancers chose ${opts.cancers.join(', ')})`, detail: parts.join(' ') }],
  };
}

function cutpointsOf(value: number | number[] | undefined): number[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function significant(ep: EndpointResult, threshold = 0.05): number {
  return ep.results.filter((r) => r.row.fdr !== null && r.row.fdr < threshold).length;
}


function reportModel(run: PancanRun, opts: PancanOptions, ctx: ReportContext, inputs: ReportModel['inputs'], endpoints: EndpointSection[], files: string[]): ReportModel {
  const scoring = run.expr?.scoring;
  return {
    title: `migrascore pan-cancer report${opts.split.kind === 'optimal' ? ` \u2014 ${SEARCHED_CUT}` : ''}`,
    generatedAt: new Date().toISOString(),
    version: VERSION,
    command: ctx.command,
    parameters: [
      ...(scoring && opts.request
        ? scoringParameters(opts.request, scoring.sets.map((s) => s.name), run.source.scoreName, scoring.report.log2)
        : [{ name: 'Scores', value: `column ${run.source.scoreName} of ${run.source.file} (precomputed; not rescored within each cancer)` }]),
      { name: 'Endpoints', value: opts.endpoints.map((e) => `${e.name} (${e.time}, ${e.event})`).join('; ') },
      ...modelParameters(opts, false),
      { name: 'Minimum patients per cancer', value: String(opts.minSamples) },
      { name: 'Sample types', value: run.source.joined.report.sample_types.join(', ') },
      { name: 'Clinical table', value: opts.clinical === TCGA_CDR.path ? 'tcga-cdr (built in)' : opts.clinical },
    ],
    inputs,
    citations: citations({ clinical: opts.clinical, optimal: opts.split.kind === 'optimal', scored: scoring !== undefined, roc: Boolean(opts.rocTimes?.length) }),
    geneReport: scoring?.report.genesets ?? [],
    join: run.source.joined.report,
    messages: [...(scoring?.report.messages ?? []), ...timeWarnings(run), ...cancerNotes(run, opts).messages],
    notes: cancerNotes(run, opts).notes,
    endpoints,
    files,
    confLevel: opts.confLevel,
  };
}

function runSummary(run: PancanRun, opts: PancanOptions, model: ReportModel): Record<string, unknown> {
  return {
    migrascore_version: VERSION,
    parameters: Object.fromEntries(model.parameters.map((p) => [p.name, p.value])),
    inputs: model.inputs,
    join: run.source.joined.report,
    ...(run.expr ? { scoring: run.expr.scoring.report } : { scores: { file: run.source.file, column: run.source.scoreName } }),
    endpoints: run.endpoints.map((ep) => ({
      endpoint: ep.endpoint.name,
      folder: ep.dir || '.',
      cancers_analysed: ep.results.length,
      significant_fdr_0_05: significant(ep),
      skipped: ep.skipped,
    })),
    time_unit: { input: opts.timeIn ?? 'days', display: opts.timeUnit },
    warnings: timeWarnings(run),
    min_samples: opts.minSamples,
    cancers_without_samples: run.withoutSamples,
  };
}
