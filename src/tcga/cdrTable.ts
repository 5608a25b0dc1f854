// The column documentation of the bundled TCGA-CDR (Liu et al. 2018, Table S1, sheet
// TCGA-CDR), for `migrascore data show tcga-cdr`. File, ID and cancer columns come from
// cdr.ts, so resolving either way gives the same path.
import { TCGA_CDR } from './cdr.js';
import type { BuiltInTable, ColumnDoc } from './tableDocs.js';

const CITE = ['liu2018'];
const col = (name: string, group: string, meaning: string, unit: string): ColumnDoc => ({ name, group, meaning, unit, cite: CITE });
const TCGA_TEXT = 'text';

const ENDPOINTS: [string, string][] = [
  ['OS', 'overall survival: death from any cause'],
  ['DSS', 'disease-specific survival: death from the cancer'],
  ['DFI', 'disease-free interval: local recurrence or distant metastasis after the patient was rendered disease-free (missing for the others)'],
  ['PFI', 'progression-free interval: new tumour event (progression, recurrence, metastasis, new primary) or death with tumour'],
];

const COLUMNS: ColumnDoc[] = [
  col('...1', 'keys', 'row number of the published sheet', 'integer'),
  col('bcr_patient_barcode', 'keys', 'TCGA patient', '12-character barcode'),
  col('type', 'keys', 'TCGA study', 'abbreviation (33 types)'),
  col('age_at_initial_pathologic_diagnosis', 'patient', 'age at diagnosis', 'years'),
  col('gender', 'patient', 'gender', 'category'),
  col('race', 'patient', 'race', 'category'),
  col('ajcc_pathologic_tumor_stage', 'tumour', 'AJCC pathologic stage (Stage I ... Stage IV with substages)', 'category'),
  col('clinical_stage', 'tumour', 'clinical stage (cancers staged clinically)', 'category'),
  col('histological_type', 'tumour', 'histological type', 'category'),
  col('histological_grade', 'tumour', 'histological grade (G1–G4, GX, GB, ...)', 'category'),
  col('initial_pathologic_dx_year', 'tumour', 'year of diagnosis', 'year'),
  col('menopause_status', 'patient', 'menopause status', 'category'),
  col('birth_days_to', 'patient', 'days to birth counted from diagnosis (negative: minus the age at diagnosis in days)', 'days'),
  col('vital_status', 'followup', 'vital status at last follow-up (Alive/Dead)', 'category'),
  col('tumor_status', 'followup', 'tumour status at last follow-up (WITH TUMOR/TUMOR FREE)', 'category'),
  col('last_contact_days_to', 'followup', 'days from diagnosis to last contact', 'days'),
  col('death_days_to', 'followup', 'days from diagnosis to death', 'days'),
  col('cause_of_death', 'followup', 'cause of death', TCGA_TEXT),
  col('new_tumor_event_type', 'followup', 'type of new tumour event(s), |-separated', TCGA_TEXT),
  col('new_tumor_event_site', 'followup', 'site of new tumour event', TCGA_TEXT),
  col('new_tumor_event_site_other', 'followup', 'site of new tumour event, free text', TCGA_TEXT),
  col('new_tumor_event_dx_days_to', 'followup', 'days from diagnosis to the new tumour event', 'days'),
  col('treatment_outcome_first_course', 'followup', 'outcome of the first course of treatment', 'category'),
  col('margin_status', 'followup', 'surgical margin status', 'category'),
  col('residual_tumor', 'followup', 'residual tumour after surgery (R0, R1, R2, RX)', 'category'),
  ...ENDPOINTS.flatMap(([e, what]) => [
    col(e, 'endpoints', `${what}: event indicator`, '0/1 (1 = event)'),
    col(`${e}.time`, 'endpoints', `${what}: time to event or censoring`, 'days'),
  ]),
  col('Redaction', 'keys', '"Redacted" for patients TCGA redacted; empty otherwise', 'category'),
];

// Short names for figures and reports (ColumnDoc.label).
const LABELS: Record<string, string> = {
  type: 'Cancer type', age_at_initial_pathologic_diagnosis: 'Age at diagnosis', gender: 'Gender', race: 'Race',
  ajcc_pathologic_tumor_stage: 'AJCC pathologic stage', clinical_stage: 'Clinical stage', histological_type: 'Histological type',
  histological_grade: 'Histological grade', initial_pathologic_dx_year: 'Year of diagnosis', menopause_status: 'Menopause status',
  birth_days_to: 'Days to birth', vital_status: 'Vital status', tumor_status: 'Tumour status', last_contact_days_to: 'Days to last contact',
  death_days_to: 'Days to death', cause_of_death: 'Cause of death', new_tumor_event_type: 'New tumour event type',
  new_tumor_event_site: 'New tumour event site', new_tumor_event_site_other: 'New tumour event site (other)', new_tumor_event_dx_days_to: 'Days to new tumour event',
  treatment_outcome_first_course: 'First-course treatment outcome', margin_status: 'Margin status', residual_tumor: 'Residual tumour',
  ...Object.fromEntries(ENDPOINTS.flatMap(([e]) => [[e, `${e} event`], [`${e}.time`, `${e} time`]])),
};

export const TCGA_CDR_TABLE: BuiltInTable = {
  name: TCGA_CDR.name,
  path: TCGA_CDR.path,
  file: 'data/tcga-cdr.tsv.gz',
  idColumn: TCGA_CDR.idColumn,
  cancerColumn: TCGA_CDR.cancerColumn,
  description: 'TCGA Pan-Cancer Clinical Data Resource (Liu 2018): curated survival endpoints, stage, grade, age, one row per patient',
  summary:
    'Sheet TCGA-CDR of Supplementary Table S1 of Liu et al. 2018: the curated TCGA clinical table with the endpoints OS, DSS, DFI ' +
    'and PFI (0/1, times in days), age, gender, stage, grade and follow-up fields. Every cell is kept as published: missing ' +
    'values are empty cells or TCGA tokens ([Not Available], [Not Applicable], [Discrepancy], [Unknown], ...).',
  groups: [
    { key: 'keys', title: 'Keys' },
    { key: 'patient', title: 'Patient' },
    { key: 'tumour', title: 'Tumour at diagnosis' },
    { key: 'followup', title: 'Follow-up' },
    { key: 'endpoints', title: 'Curated survival endpoints', note: 'Liu et al. recommend PFI and OS; they advise against DFI and DSS for some cancer types (their Table 3).' },
  ],
  columns: COLUMNS.map((c) => (LABELS[c.name] ? { ...c, label: LABELS[c.name] } : c)),
  citations: [{ key: 'liu2018', short: 'Liu et al. 2018 (TCGA-CDR)', text: TCGA_CDR.citation, doi: TCGA_CDR.doi }],
  origins: [],
  licenceNotes: ['Published supplementary table of Liu et al. 2018 (open-access TCGA clinical data).'],
  caveats: [],
  options: ['--clinical', '--with'],
  provenance: 'data/README.md',
};
