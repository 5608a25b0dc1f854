// Matches sample IDs (score table or expression matrix columns) to clinical rows:
// exact IDs when they match, else TCGA barcodes at patient level, tumour samples only,
// one sample per patient by the contract's rule.
import { compareSamplesForPatient, parseTcgaBarcode, TUMOUR_SAMPLE_TYPES, type TcgaBarcode } from './barcode.js';

export interface JoinReport {
  samples: number;
  clinical_rows: number;
  matched: number;
  matched_exact: number;
  matched_by_patient: number;
  dropped: {
    /** Samples whose sample-type code is not in --sample-types (normal tissue by default). */
    excluded_sample_type: number;
    /** Further samples of a patient who already has one (the contract's one-per-patient rule). */
    duplicate_samples: number;
    /** Samples with no clinical row. */
    unmatched_samples: number;
    /** Clinical rows with no sample. */
    unmatched_clinical_rows: number;
  };
  sample_types: string[];
}

export interface JoinResult {
  /** For each clinical row, the matched sample index or -1. */
  sampleForClinical: Int32Array;
  report: JoinReport;
}

export function joinSamplesToClinical(
  sampleIds: readonly string[],
  clinicalIds: readonly string[],
  sampleTypes: readonly string[] = TUMOUR_SAMPLE_TYPES,
): JoinResult {
  const sampleForClinical = new Int32Array(clinicalIds.length).fill(-1);
  const clinicalByExact = new Map<string, number>();
  clinicalIds.forEach((id, i) => clinicalByExact.set(id, i));
  const sampleUsed = new Uint8Array(sampleIds.length);
  let exact = 0;
  for (let s = 0; s < sampleIds.length; s++) {
    const c = clinicalByExact.get(sampleIds[s]);
    if (c !== undefined && sampleForClinical[c] === -1) {
      sampleForClinical[c] = s;
      sampleUsed[s] = 1;
      exact++;
    }
  }

  const clinicalByPatient = new Map<string, number>();
  clinicalIds.forEach((id, i) => {
    const b = parseTcgaBarcode(id);
    if (b && !clinicalByPatient.has(b.patient)) clinicalByPatient.set(b.patient, i);
  });
  const allowed = new Set(sampleTypes);
  let excludedType = 0;
  let unmatched = 0;
  const candidates = new Map<number, { sample: number; code: TcgaBarcode }[]>();
  for (let s = 0; s < sampleIds.length; s++) {
    if (sampleUsed[s]) continue;
    const code = parseTcgaBarcode(sampleIds[s]);
    const c = code ? clinicalByPatient.get(code.patient) : undefined;
    if (!code || c === undefined) { unmatched++; continue; }
    if (code.sampleType !== null && !allowed.has(code.sampleType)) { excludedType++; continue; }
    let list = candidates.get(c);
    if (!list) candidates.set(c, (list = []));
    list.push({ sample: s, code });
  }
  let byPatient = 0;
  let duplicates = 0;
  for (const [c, list] of candidates) {
    if (sampleForClinical[c] !== -1) { duplicates += list.length; continue; }
    list.sort((a, b) => compareSamplesForPatient(a.code, b.code));
    sampleForClinical[c] = list[0].sample;
    byPatient++;
    duplicates += list.length - 1;
  }
  const matched = exact + byPatient;
  return {
    sampleForClinical,
    report: {
      samples: sampleIds.length,
      clinical_rows: clinicalIds.length,
      matched,
      matched_exact: exact,
      matched_by_patient: byPatient,
      dropped: {
        excluded_sample_type: excludedType,
        duplicate_samples: duplicates,
        unmatched_samples: unmatched,
        unmatched_clinical_rows: clinicalIds.length - matched,
      },
      sample_types: [...sampleTypes],
    },
  };
}
