// Which matrix samples `compare` keeps, in which group and cancer (contract v2, compare):
// from TCGA sample-type codes (--clinical: tumour 01–09, normal 10–19, the cancer from
// the patient's clinical row) or from a sample table's group column (--samples). Other
// levels, unknown samples, sample types 20 and above and a patient's extra samples in a
// group are dropped and counted; a patient keeps one sample per group by the input
// conventions' rule (lowest code, then vial, then barcode).
import { MigrascoreError, UsageError } from '../errors.js';
import type { ClinicalTable } from '../io/clinical.js';
import { compareSamplesForPatient, parseTcgaBarcode, type TcgaBarcode } from '../tcga/barcode.js';
import { sortLevels } from '../survival/design.js';
import type { CompareLevels } from '../compare/types.js';

export const TUMOUR = 'tumour';
export const NORMAL = 'normal';

export interface KeptSample {
  /** Matrix column. */
  column: number;
  sample: string;
  patient: string;
  cancer: string;
  group: string;
}

export interface DroppedSamples {
  /** No row in the clinical or sample table. */
  not_in_table: number;
  /** --clinical: not a TCGA barcode with a sample-type code, so neither tumour nor normal. */
  no_sample_type: number;
  /** Sample-type code 20 and above (controls, cell lines), or 00. */
  other_sample_type: number;
  /** --samples: a group value other than the two compared levels. */
  other_level: number;
  /** --samples: no value in the group column. */
  missing_group: number;
  /** No value in the cancer column. */
  missing_cancer: number;
  /** Further samples of a patient who already has one in that group. */
  duplicate_samples: number;
}

export interface SampleGroups {
  kept: KeptSample[];
  levels: CompareLevels;
  dropped: DroppedSamples;
  /** How groups were formed, for people: "TCGA sample type …" or "column tissue of samples.tsv". */
  grouping: string;
}

export interface GroupSource {
  table: ClinicalTable;
  /** Cancer type per table row; absent: one cohort, cancer "all". */
  cancerOf?: (string | null)[];
  /** --samples: the group column per table row; absent: TCGA sample types (--clinical). */
  groupOf?: (string | null)[];
  groupColumn?: string;
  /** --levels CASE,REFERENCE. */
  levels?: string[];
}

interface Candidate {
  column: number;
  sample: string;
  code: TcgaBarcode | null;
  patient: string;
  cancer: string;
  group: string;
}

export function assignGroups(samples: readonly string[], src: GroupSource): SampleGroups {
  const dropped: DroppedSamples = {
    not_in_table: 0, no_sample_type: 0, other_sample_type: 0, other_level: 0, missing_group: 0, missing_cancer: 0, duplicate_samples: 0,
  };
  const rowOf = tableMatcher(src.table, src.groupOf === undefined);
  const found: Candidate[] = [];
  for (let column = 0; column < samples.length; column++) {
    const sample = samples[column];
    const code = parseTcgaBarcode(sample);
    const row = rowOf(sample, code);
    if (row < 0) { dropped.not_in_table++; continue; }
    let group: string | null;
    if (src.groupOf) {
      if (code?.sampleType && !isTumourOrNormal(code.sampleType)) { dropped.other_sample_type++; continue; }
      group = src.groupOf[row];
      if (group === null) { dropped.missing_group++; continue; }
    } else {
      if (!code?.sampleType) { dropped.no_sample_type++; continue; }
      group = sampleTypeGroup(code.sampleType);
      if (group === null) { dropped.other_sample_type++; continue; }
    }
    const cancer = src.cancerOf ? src.cancerOf[row] : 'all';
    if (cancer === null) { dropped.missing_cancer++; continue; }
    found.push({ column, sample, code, patient: code ? code.patient : sample, cancer, group });
  }
  const levels = src.groupOf ? chooseLevels(found, src) : tumourNormalLevels(src.levels);
  const inLevels = found.filter((c) => {
    const keep = c.group === levels.case || c.group === levels.reference;
    if (!keep) dropped.other_level++;
    return keep;
  });
  const kept = onePerPatientAndGroup(inLevels, dropped);
  const grouping = src.groupOf
    ? `column "${src.groupColumn}" of ${src.table.path}`
    : 'TCGA sample type (tumour 01–09, normal 10–19)';
  return { kept, levels, dropped, grouping };
}

function isTumourOrNormal(code: string): boolean {
  return sampleTypeGroup(code) !== null;
}

function sampleTypeGroup(code: string): string | null {
  const n = Number(code);
  if (n >= 1 && n <= 9) return TUMOUR;
  if (n >= 10 && n <= 19) return NORMAL;
  return null;
}

/**
 * The table row of a sample: the same ID, else (TCGA barcodes) the same barcode written
 * with other separators or a shorter barcode of the same sample (`TCGA-XX-XXXX-01A` for
 * an aliquot), else — a table keyed by patients, as a clinical table — the patient's row.
 * A sample table keyed by patients assigns groups only to tumour samples (input conventions).
 */
function tableMatcher(table: ClinicalTable, clinical: boolean): (sample: string, code: TcgaBarcode | null) => number {
  const exact = new Map<string, number>();
  const byBarcode = new Map<string, number>();
  table.ids.forEach((id, r) => {
    exact.set(id, r);
    const b = parseTcgaBarcode(id);
    if (b && !byBarcode.has(b.barcode)) byBarcode.set(b.barcode, r);
  });
  return (sample, code) => {
    const e = exact.get(sample);
    if (e !== undefined) return e;
    if (!code) return -1;
    // Full barcode, then the sample with vial (16 characters), the sample (15), the patient (12).
    for (const length of [code.barcode.length, 16, 15]) {
      const r = byBarcode.get(code.barcode.slice(0, length));
      if (r !== undefined) return r;
    }
    const r = byBarcode.get(code.patient);
    if (r === undefined) return -1;
    return clinical || (code.sampleType !== null && sampleTypeGroup(code.sampleType) === TUMOUR) ? r : -1;
  };
}

function tumourNormalLevels(levels: string[] | undefined): CompareLevels {
  if (!levels) return { case: TUMOUR, reference: NORMAL };
  const [a, b] = levels;
  const ok = new Set([TUMOUR, NORMAL]);
  if (levels.length !== 2 || !ok.has(a) || !ok.has(b) || a === b) {
    throw new UsageError(
      `--levels ${levels.join(',')}: with --clinical the groups are the TCGA sample types "${TUMOUR}" (01–09) and "${NORMAL}" (10–19); ` +
        `give --levels ${TUMOUR},${NORMAL} (the default) or --levels ${NORMAL},${TUMOUR}. To compare other groups, give a sample table: --samples FILE --group COL.`,
    );
  }
  return { case: a, reference: b };
}

function chooseLevels(found: Candidate[], src: GroupSource): CompareLevels {
  const counts = new Map<string, number>();
  for (const c of found) counts.set(c.group, (counts.get(c.group) ?? 0) + 1);
  const present = sortLevels(found.map((c) => c.group));
  const listed = present.map((l) => `"${l}" (${counts.get(l)})`).join(', ');
  const where = `column "${src.groupColumn}" of ${src.table.path}`;
  if (src.levels) {
    if (src.levels.length !== 2 || src.levels[0] === src.levels[1]) {
      throw new UsageError(`--levels takes two different levels, the case and then the reference (e.g. --levels tumour,normal); got "${src.levels.join(',')}".`);
    }
    const unknown = src.levels.filter((l) => !counts.has(l));
    if (unknown.length) {
      throw new MigrascoreError(
        `--levels: ${unknown.map((l) => `"${l}"`).join(' and ')} ${unknown.length > 1 ? 'are' : 'is'} not a level of ${where} among the samples of the matrix ` +
          `(levels present: ${listed || 'none'}). Levels are case-sensitive; choose two of those.`, 2);
    }
    return { case: src.levels[0], reference: src.levels[1] };
  }
  if (present.length < 2) {
    throw new MigrascoreError(
      `${where} has ${present.length === 0 ? 'no value' : `one level only (${listed})`} among the samples of the matrix, and compare needs two groups. ` +
        'Check the --group column, and that the sample IDs (--id) match the matrix columns.',
    );
  }
  if (present.length > 2) {
    throw new UsageError(`${where} has ${present.length} levels (${listed}); say which two to compare, case first: --levels CASE,REFERENCE.`);
  }
  return { case: present[0], reference: present[1] };
}

/** One sample per patient per group (TCGA barcodes; other IDs are their own patient). */
function onePerPatientAndGroup(found: Candidate[], dropped: DroppedSamples): KeptSample[] {
  const best = new Map<string, Candidate>();
  for (const c of found) {
    const key = `${c.group}\u0000${c.patient}`;
    const other = best.get(key);
    if (!other) { best.set(key, c); continue; }
    dropped.duplicate_samples++;
    if (c.code && other.code && compareSamplesForPatient(c.code, other.code) < 0) best.set(key, c);
  }
  const keep = new Set([...best.values()].map((c) => c.column));
  return found.filter((c) => keep.has(c.column)).map(({ column, sample, patient, cancer, group }) => ({ column, sample, patient, cancer, group }));
}
