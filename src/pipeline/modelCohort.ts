// The cohort of `model fit`: matrix samples joined to the clinical table as `survival`
// joins them (TCGA barcodes at patient level, one tumour sample per patient), --cancer
// rows only, with a time and an event; rows in matrix column order (glmnet's x rows).
// Then the folds: R's from --foldid, else migrascore's own from --seed.
import { MigrascoreError } from '../errors.js';
import { textColumn } from '../io/clinical.js';
import type { FoldTable } from '../io/foldTable.js';
import { foldsFromSeed } from '../model/folds.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import { joinSamplesToClinical, type JoinReport } from '../tcga/join.js';
import type { ClinicalData } from './survivalInput.js';

export interface ModelCohort {
  /** Matrix column of each row, ascending. */
  columns: number[];
  samples: string[];
  /** The clinical ID of each row's patient. */
  patients: string[];
  time: Float64Array;
  event: Uint8Array;
  join: JoinReport;
  /** Cancer types of the rows with their counts (when the clinical table has a cancer column). */
  cancers: [string, number][];
  /** Matched samples left out: another cancer, no time or no event. */
  dropped: { other_cancer: number; missing_survival: number };
}

const list = (xs: string[], max = 10) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);

export function modelCohort(
  samples: readonly string[], clinical: ClinicalData, cancer: { column: string; value?: string } | undefined, sampleTypes: string[] | undefined, expr: string,
): ModelCohort {
  const { table } = clinical;
  const joined = joinSamplesToClinical(samples, table.ids, sampleTypes);
  if (joined.report.matched === 0) {
    throw new MigrascoreError(
      `No sample of ${expr} matches an ID of ${table.path} (column "${table.idColumn}"). First sample IDs: ${samples.slice(0, 3).join(', ')}; ` +
        `first clinical IDs: ${table.ids.slice(0, 3).join(', ')}. Choose the clinical ID column with --id; TCGA barcodes match at patient level.`,
    );
  }
  const cancerOf = cancer ? textColumn(table, cancer.column, 'the cancer type (--cancer-col)') : undefined;
  const rowOfSample = new Int32Array(samples.length).fill(-1);
  joined.sampleForClinical.forEach((s, r) => { if (s >= 0) rowOfSample[s] = r; });
  const out: ModelCohort = { columns: [], samples: [], patients: [], time: new Float64Array(0), event: new Uint8Array(0), join: joined.report, cancers: [], dropped: { other_cancer: 0, missing_survival: 0 } };
  const time: number[] = [];
  const event: number[] = [];
  const counts = new Map<string, number>();
  for (let s = 0; s < samples.length; s++) {
    const r = rowOfSample[s];
    if (r < 0) continue;
    if (cancerOf && cancer!.value !== undefined && cancerOf[r] !== cancer!.value) { out.dropped.other_cancer++; continue; }
    if (Number.isNaN(clinical.time[r]) || clinical.event[r] < 0) { out.dropped.missing_survival++; continue; }
    out.columns.push(s);
    out.samples.push(samples[s]);
    out.patients.push(table.ids[r]);
    if (cancerOf) counts.set(cancerOf[r] ?? 'NA', (counts.get(cancerOf[r] ?? 'NA') ?? 0) + 1);
    time.push(clinical.time[r]);
    event.push(clinical.event[r]);
  }
  out.cancers = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (cancerOf && cancer!.value !== undefined && out.columns.length + out.dropped.missing_survival === 0) {
    const present = [...new Set(joined.sampleForClinical.reduce<string[]>((a, s, r) => (s >= 0 && cancerOf[r] !== null ? [...a, cancerOf[r]!] : a), []))].sort();
    throw new MigrascoreError(`--cancer ${cancer!.value}: no sample of ${expr} matches a patient with "${cancer!.value}" in column "${cancer!.column}". Cancer types of the matched samples: ${list(present, 40) || 'none'} (names are case-sensitive).`, 2);
  }
  out.time = Float64Array.from(time);
  out.event = Uint8Array.from(event);
  checkTimes(out, clinical);
  return out;
}

/** glmnet refuses times ≤ 0 (coxnet: "non-positive event times"); say which patients. */
function checkTimes(c: ModelCohort, clinical: ClinicalData): void {
  const bad: string[] = [];
  const lineOf = new Map(clinical.table.ids.map((id, r) => [id, clinical.table.lines[r]]));
  c.time.forEach((t, i) => { if (!(t > 0)) bad.push(`${c.samples[i]} (${c.patients[i]}, line ${lineOf.get(c.patients[i])}: ${t})`); });
  if (bad.length === 0) return;
  // The built-in table cannot be edited by the user: point at the matrix instead.
  const builtIn = clinical.path === TCGA_CDR.path;
  throw new MigrascoreError(
    `${bad.length} of the ${c.time.length} analysed samples ha${bad.length === 1 ? 's' : 've'} a survival time of 0 or less in ${builtIn ? 'the built-in TCGA-CDR table (--clinical tcga-cdr)' : clinical.path}: ${list(bad)}. ` +
      (builtIn
        ? 'LASSO Cox (glmnet) needs times above 0: leave those samples out of the matrix (drop their columns), or pass --clinical a copy of the table without them or with corrected times (a time of 0 means follow-up ended at diagnosis).'
        : 'LASSO Cox (glmnet) needs times above 0: correct those times, or leave the patients out of the clinical table (a time of 0 often means follow-up ended at diagnosis).'),
  );
}

export interface ModelFolds {
  foldid: Int32Array;
  nfolds: number;
  source: { kind: 'file'; path: string } | { kind: 'seed'; seed: number };
}

/** R's folds from --foldid (every analysed sample needs one; unknown samples are an error), else seeded ones. */
export function modelFolds(c: ModelCohort, opts: { foldTable?: FoldTable; nfolds: number; seed: number }, allSamples: readonly string[]): ModelFolds {
  const n = c.samples.length;
  if (!opts.foldTable) {
    if (opts.nfolds > n) throw new MigrascoreError(`--nfolds ${opts.nfolds} is more than the ${n} analysed samples; use at most ${n} folds (10 is usual).`, 2);
    return { foldid: foldsFromSeed(n, opts.nfolds, opts.seed), nfolds: opts.nfolds, source: { kind: 'seed', seed: opts.seed } };
  }
  const { folds, path } = opts.foldTable;
  const inCohort = new Set(c.samples);
  const inMatrix = new Set(allSamples);
  const patients = new Map(c.patients.map((p, i) => [p, c.samples[i]]));
  const unknown = [...folds.keys()].filter((s) => !inCohort.has(s) && !inMatrix.has(s) && !patients.has(s));
  if (unknown.length > 0) {
    throw new MigrascoreError(
      `--foldid ${path}: ${unknown.length} sample${unknown.length === 1 ? ' is' : 's are'} not a column of the matrix: ${list(unknown)}. ` +
        `Name samples as the matrix columns do (e.g. ${c.samples.slice(0, 2).join(', ')}).`,
    );
  }
  const foldid = new Int32Array(n);
  const without: string[] = [];
  c.samples.forEach((s, i) => {
    const f = folds.get(s) ?? folds.get(c.patients[i]);
    if (f === undefined) without.push(s);
    else foldid[i] = f;
  });
  if (without.length > 0) {
    throw new MigrascoreError(
      `--foldid ${path}: ${without.length} of the ${n} analysed samples ha${without.length === 1 ? 's' : 've'} no fold: ${list(without)}. ` +
        'Give every analysed sample (matched, with time and event, of the --cancer chosen) a fold, as cv.glmnet\'s foldid has one per row of x.',
    );
  }
  let nfolds = 0;
  for (const f of foldid) nfolds = Math.max(nfolds, f);
  checkFoldsUsed(foldid, nfolds, path, folds, inCohort);
  return { foldid, nfolds, source: { kind: 'file', path } };
}

/**
 * cv.glmnet takes K = max(foldid); a fold number below K that no analysed sample has
 * leaves a fold without samples. Say so naming the file (the engine cannot).
 */
function checkFoldsUsed(foldid: Int32Array, K: number, path: string, folds: Map<string, number>, inCohort: Set<string>): void {
  const used = new Uint8Array(K + 1);
  for (const f of foldid) used[f] = 1;
  const empty: number[] = [];
  for (let k = 1; k <= K; k++) if (!used[k]) empty.push(k);
  if (empty.length === 0) return;
  const elsewhere = [...folds].filter(([s, f]) => empty.includes(f) && !inCohort.has(s)).map(([s]) => s);
  throw new MigrascoreError(
    `--foldid ${path}: fold${empty.length === 1 ? '' : 's'} ${empty.join(', ')} of 1..${K} ha${empty.length === 1 ? 's' : 've'} no analysed sample` +
      `${elsewhere.length ? ` (the file gives ${empty.length === 1 ? 'it' : 'them'} only samples not analysed: ${list(elsewhere)})` : ''}. ` +
      `The folds are 1..K with K the largest fold number (cv.glmnet's nfolds = max(foldid)), and every fold needs at least one analysed sample: ` +
      `renumber the folds of the analysed samples 1..${K - empty.length} (R: match(fold, sort(unique(fold)))) or move samples into the empty fold${empty.length === 1 ? '' : 's'}.`,
  );
}
