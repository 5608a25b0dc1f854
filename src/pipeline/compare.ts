// `migrascore compare`: the score of one gene set in two sample groups (tumour versus
// normal, or any two levels of a sample table), per cancer type. Reads like the methods
// paragraph: groups → score per cancer on both groups together → Wilcoxon rank-sum (and
// signed-rank for matched patients) → BH over cancers → per-gene fold changes.
import { existsSync } from 'node:fs';
import { MigrascoreError } from '../errors.js';
import { loadClinicalTable, textColumn, type ClinicalTable } from '../io/clinical.js';
import { selectSamples, SampleScratch } from '../score/subset.js';
import { sortLevels } from '../survival/design.js';
import { benjaminiHochberg } from '../stats/multipleTesting.js';
import { quantileType7 } from '../stats/quantile.js';
import { wilcoxonRankSum, wilcoxonSignedRank } from '../stats/wilcoxon.js';
import type { CompareGeneRow, CompareLevels, ComparePair, CompareRow, CompareSample, CompareSkipped } from '../compare/types.js';
import { assignGroups, type DroppedSamples, type KeptSample } from './compareGroups.js';
import { loadForScoring, newScoringCheck, onMethodScale, scoreLoaded, type LoadedForScoring, type ScoreRequest } from './scoreMatrix.js';
import { geneRowsOfSet, perGeneNeedsLog2 } from './setGenes.js';

export interface CompareOptions {
  request: ScoreRequest;
  /** The gene set compared (default: the only one). */
  set?: string;
  /** --clinical: TCGA sample types make the groups; the table gives each patient's cancer. */
  clinical?: string;
  /** --samples: a sample table whose `group` column makes the groups. */
  samples?: string;
  group?: string;
  id?: string;
  cancerColumn?: string;
  levels?: string[];
  paired: boolean;
  perGene: boolean;
  minSamples: number;
  onProgress?: (p: CompareProgress) => void;
}

export interface CompareProgress {
  cancer: string;
  index: number;
  total: number;
  outcome: { row: CompareRow } | { skipped: CompareSkipped };
}

export interface CompareRun {
  levels: CompareLevels;
  grouping: string;
  scoreName: string;
  scoring: LoadedForScoring;
  table: ClinicalTable;
  rows: CompareRow[];
  skipped: CompareSkipped[];
  samples: CompareSample[];
  pairs: ComparePair[];
  genes: CompareGeneRow[];
  /** The set genes tested with --per-gene, in set order. */
  geneNames: string[];
  /** Means and fold changes are of log2(x + 1) of the matrix values. */
  geneLog2: boolean;
  dropped: DroppedSamples;
  /** Samples kept in the two groups, over all cancers. */
  kept: { case: number; reference: number };
  messages: string[];
  inputPaths: string[];
}

export async function runCompare(opts: CompareOptions): Promise<CompareRun> {
  const tablePath = opts.samples ?? opts.clinical;
  if (!tablePath) throw new MigrascoreError('compare needs groups: --clinical FILE|tcga-cdr (TCGA sample types) or --samples FILE --group COL.', 2);
  const table = loadClinicalTable(tablePath, opts.id, opts.samples ? 'Sample table' : 'Clinical table');
  // Columns are checked before the (long) matrix read, so a wrong name fails fast.
  const cancerOf = opts.cancerColumn ? textColumn(table, opts.cancerColumn, 'the cancer type (--cancer-col)') : undefined;
  const groupOf = opts.samples ? textColumn(table, opts.group!, 'the sample group (--group)') : undefined;
  const scoring = await loadForScoring(opts.request);
  const setIndex = chooseSet(scoring, opts.set);
  scoring.matrix = onMethodScale(scoring.matrix, opts.request, scoring.report) as typeof scoring.matrix;
  const groups = assignGroups(scoring.matrix.samples, { table, cancerOf, groupOf, groupColumn: opts.group, levels: opts.levels });
  const { levels } = groups;
  const kept = {
    case: groups.kept.filter((s) => s.group === levels.case).length,
    reference: groups.kept.filter((s) => s.group === levels.reference).length,
  };
  if (kept.case === 0 || kept.reference === 0) throw emptyGroup(opts, groups, kept, scoring);

  const cancers = sortLevels(groups.kept.map((s) => s.cancer));
  const setGenes = opts.perGene ? geneRowsOfSet(scoring, setIndex) : [];
  const geneLog2 = opts.perGene ? perGeneNeedsLog2(scoring, opts.request) : false;
  const scratch = new SampleScratch();
  const rows: CompareRow[] = [];
  const skipped: CompareSkipped[] = [];
  const samples: CompareSample[] = [];
  const pairs: ComparePair[] = [];
  const genes: CompareGeneRow[] = [];
  const messages: string[] = [];
  for (const [index, cancer] of cancers.entries()) {
    const members = groups.kept.filter((s) => s.cancer === cancer);
    const nCase = members.filter((s) => s.group === levels.case).length;
    const nRef = members.length - nCase;
    const skip = (reason: string) => {
      const s = { cancer, n_case: nCase, n_reference: nRef, reason };
      skipped.push(s);
      opts.onProgress?.({ cancer, index, total: cancers.length, outcome: { skipped: s } });
    };
    // A skipped cancer is not scored (and has no rows in scores.tsv): most TCGA types have
    // no normals, and scoring their tumours would cost time for nothing compared.
    if (nCase < opts.minSamples || nRef < opts.minSamples) { skip(tooFew(nCase, nRef, levels, opts.minSamples)); continue; }
    const scored = await scoreCancer(scoring, setIndex, opts.request, members, scratch);
    if (scored.problem) { skip(scored.problem); continue; }
    members.forEach((s, j) => samples.push({ sample: s.sample, patient: s.patient, cancer, group: s.group, score: scored.scores[j] }));
    if (scored.note) messages.push(`${cancer}: ${scored.note}`);
    const row = compareRow(cancer, members, scored.scores, levels);
    if (opts.paired) {
      const cancerPairs = matchedPairs(cancer, members, scored.scores, levels);
      pairs.push(...cancerPairs);
      Object.assign(row, pairedColumns(cancerPairs));
    }
    rows.push(row);
    if (opts.perGene) genes.push(...geneRows(cancer, members, scoring, setGenes, geneLog2, levels));
    opts.onProgress?.({ cancer, index, total: cancers.length, outcome: { row } });
  }
  setFdr(rows, 'p', 'fdr');
  if (opts.paired) setFdr(rows, 'p_paired', 'fdr_paired');
  setFdr(genes, 'p', 'fdr');
  return {
    levels, grouping: groups.grouping, scoreName: scoring.sets[setIndex].name, scoring, table, rows, skipped, samples, pairs, genes,
    geneNames: setGenes.map((g) => g.gene), geneLog2, dropped: groups.dropped, kept, messages,
    // Built-in set names are not files.
    inputPaths: [tablePath, opts.request.expr, ...opts.request.genesets.filter((g) => existsSync(g))],
  };
}

function chooseSet(scoring: LoadedForScoring, set: string | undefined): number {
  const names = scoring.sets.map((s) => s.name);
  if (set !== undefined) {
    const i = names.indexOf(set);
    if (i < 0) throw new MigrascoreError(`--score "${set}" is not one of the scored gene sets (${names.join(', ')}).`, 2);
    return i;
  }
  if (names.length > 1) {
    throw new MigrascoreError(`compare tests one gene set per run, and ${names.length} sets can be scored (${names.join(', ')}): choose one with --score NAME.`, 2);
  }
  return 0;
}

/** Scores of one cancer's kept samples, both groups together (rank-based scores depend on which samples are present). */
async function scoreCancer(
  scoring: LoadedForScoring, setIndex: number, request: ScoreRequest, members: KeptSample[], scratch: SampleScratch,
): Promise<{ scores: Float64Array; problem?: string; note?: string }> {
  const cohort = selectSamples(scoring.matrix, members.map((s) => s.column), scratch);
  const check = newScoringCheck();
  try {
    const scores = await scoreLoaded(cohort, scoring.sets, request, check);
    const lost = check.excluded.find((e) => e.set === scoring.sets[setIndex].name);
    if (lost) return { scores: new Float64Array(members.length).fill(NaN), problem: `gene set "${lost.set}" cannot be scored on its ${members.length} samples: ${lost.reason}` };
    return { scores: scores[setIndex], note: check.messages.join(' ') || undefined };
  } catch (e) {
    if (e instanceof MigrascoreError) return { scores: new Float64Array(members.length).fill(NaN), problem: e.message };
    throw e;
  }
}

function tooFew(nCase: number, nRef: number, levels: CompareLevels, min: number): string {
  const parts: string[] = [];
  if (nCase < min) parts.push(`${nCase} ${levels.case} sample${nCase === 1 ? '' : 's'}`);
  if (nRef < min) parts.push(`${nRef} ${levels.reference} sample${nRef === 1 ? '' : 's'}`);
  return `${parts.join(' and ')}, fewer than --min-samples ${min}`;
}

function valuesOf(members: KeptSample[], values: ArrayLike<number>, group: string): number[] {
  const out: number[] = [];
  members.forEach((s, j) => { if (s.group === group) out.push(values[j]); });
  return out;
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** wilcox.test(case, reference) and the medians. */
function compareRow(cancer: string, members: KeptSample[], scores: Float64Array, levels: CompareLevels): CompareRow {
  const x = valuesOf(members, scores, levels.case);
  const y = valuesOf(members, scores, levels.reference);
  const test = wilcoxonRankSum(x, y);
  const mx = quantileType7(x, 0.5);
  const my = quantileType7(y, 0.5);
  return {
    cancer, n_case: x.length, n_reference: y.length, median_case: orNull(mx), median_reference: orNull(my), diff_median: orNull(mx - my),
    statistic: test.statistic, p: orNull(test.p), method: test.method, fdr: null,
  };
}

/** Patients with a sample in both groups, in the order of their case samples. */
function matchedPairs(cancer: string, members: KeptSample[], scores: Float64Array, levels: CompareLevels): ComparePair[] {
  const reference = new Map<string, number>();
  members.forEach((s, j) => { if (s.group === levels.reference) reference.set(s.patient, scores[j]); });
  const pairs: ComparePair[] = [];
  members.forEach((s, j) => {
    const ref = reference.get(s.patient);
    if (s.group === levels.case && ref !== undefined) pairs.push({ cancer, patient: s.patient, case: scores[j], reference: ref });
  });
  return pairs;
}

/** wilcox.test(case, reference, paired = TRUE); no pair at all leaves the test out (NA). */
function pairedColumns(pairs: ComparePair[]): Partial<CompareRow> {
  if (pairs.length === 0) return { n_pairs: 0, statistic_paired: null, p_paired: null, method_paired: null, fdr_paired: null };
  const t = wilcoxonSignedRank(pairs.map((p) => p.case), pairs.map((p) => p.reference));
  return { n_pairs: pairs.length, statistic_paired: t.statistic, p_paired: orNull(t.p), method_paired: t.method, fdr_paired: null };
}

/** Each set gene: means of (log2) expression per group, their difference, and wilcox.test(case, reference). */
function geneRows(
  cancer: string, members: KeptSample[], scoring: LoadedForScoring, setGenes: { gene: string; row: number }[], log2: boolean, levels: CompareLevels,
): CompareGeneRow[] {
  return setGenes.map(({ gene, row }) => {
    const all = scoring.matrix.row(row);
    const values = members.map((s) => (log2 ? Math.log2(all[s.column] + 1) : all[s.column]));
    const x = valuesOf(members, values, levels.case).filter(Number.isFinite);
    const y = valuesOf(members, values, levels.reference).filter(Number.isFinite);
    const mx = mean(x);
    const my = mean(y);
    const test = x.length > 0 && y.length > 0 ? wilcoxonRankSum(x, y) : undefined;
    return {
      cancer, gene, n_case: x.length, n_reference: y.length, mean_case: orNull(mx), mean_reference: orNull(my), log2fc: orNull(mx - my),
      statistic: test ? test.statistic : null, p: test ? orNull(test.p) : null, fdr: null,
    };
  });
}

/** R mean(): the sum divided by n, then corrected by the mean residual (summary.c's two-pass long-double mean). */
function mean(v: number[]): number {
  if (v.length === 0) return NaN;
  let s = 0;
  for (const x of v) s += x;
  const m = s / v.length;
  let r = 0;
  for (const x of v) r += x - m;
  return m + r / v.length;
}

/** Benjamini–Hochberg (p.adjust "BH") over the rows' p, NA staying NA. */
function setFdr<K extends string, F extends string>(rows: ({ [k in K]?: number | null } & { [f in F]?: number | null })[], pKey: K, fdrKey: F): void {
  const adjusted = benjaminiHochberg(rows.map((r) => r[pKey] ?? NaN));
  rows.forEach((r, i) => { (r as Record<string, number | null>)[fdrKey] = Number.isNaN(adjusted[i]) ? null : adjusted[i]; });
}

function emptyGroup(opts: CompareOptions, groups: ReturnType<typeof assignGroups>, kept: { case: number; reference: number }, scoring: LoadedForScoring): MigrascoreError {
  const { levels, dropped } = groups;
  const missing = kept.reference === 0 ? levels.reference : levels.case;
  const present = `${kept.case} ${levels.case} and ${kept.reference} ${levels.reference} sample${kept.reference === 1 ? '' : 's'}`;
  const counts = Object.entries(dropped).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`).join(', ');
  const expr = opts.request.expr;
  const why = opts.samples
    ? `no sample of ${expr} is in group "${missing}" of column "${opts.group}" of ${opts.samples}`
    : missing === 'normal'
      ? `no sample of ${expr} is a normal sample (TCGA sample-type code 10–19, e.g. TCGA-XX-XXXX-11A) of a patient in ${opts.clinical}`
      : `no sample of ${expr} is a tumour sample (TCGA sample-type code 01–09) of a patient in ${opts.clinical}`;
  return new MigrascoreError(
    `Nothing to compare: ${why} (${present} kept of ${scoring.matrix.samples.length}${counts ? `; dropped: ${counts}` : ''}). ` +
      (opts.samples
        ? 'Check --group and --levels, and that the sample IDs (--id) match the matrix columns.'
        : 'compare needs both tumour and normal samples with TCGA sample barcodes in the matrix columns; for other cohorts give a sample table with --samples FILE --group COL.'),
  );
}
