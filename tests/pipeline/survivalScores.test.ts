// --scores: a sample-keyed score table joined to patient-level clinical rows by TCGA
// barcode gives the same analysis as the same values in a clinical column.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { readTsv } from '../helpers/fixtures.js';

const CLINICAL = join(ROOT, 'examples', 'tcga-lgg-clinical.tsv');

describe('survival --scores with TCGA barcodes', () => {
  it('matches --value on the same numbers, and reports the join', () => {
    const dir = tempDir();
    const rows = readTsv(CLINICAL);
    const lines = ['sample\tage_score'];
    rows.forEach((r, i) => {
      const age = r.age_at_initial_pathologic_diagnosis;
      // aliquot barcodes, R make.names style for some; a normal sample and a second vial for a few
      const sep = i % 3 === 0 ? '.' : '-';
      lines.push([`TCGA${sep}${r.bcr_patient_barcode.slice(5).replaceAll('-', sep)}${sep}01A${sep}11R${sep}A29S${sep}07`, age].join('\t'));
      if (i % 50 === 0) lines.push([`${r.bcr_patient_barcode}-11A-01R-A29S-07`, '1000'].join('\t'));
      if (i % 70 === 0) lines.push([`${r.bcr_patient_barcode}-01B-01R-A29S-07`, '-1000'].join('\t'));
    });
    lines.push('TCGA-ZZ-9999-01A-11R-A29S-07\t50');
    const scores = join(dir, 'scores.tsv');
    writeFileSync(scores, lines.join('\n') + '\n');
    const common = ['survival', '--clinical', CLINICAL, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--covariates', 'gender'];
    const a = runCli([...common, '--scores', scores, '--out', join(dir, 'a')]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/join: 515 of/);
    const b = runCli([...common, '--value', 'age_at_initial_pathologic_diagnosis', '--out', join(dir, 'b')]);
    expect(b.status, b.stderr).toBe(0);
    const sa = JSON.parse(readFileSync(join(dir, 'a', 'summary.json'), 'utf8'));
    const sb = JSON.parse(readFileSync(join(dir, 'b', 'summary.json'), 'utf8'));
    expect(sa.groups).toEqual(sb.groups);
    expect(sa.logrank).toEqual(sb.logrank);
    expect(sa.cox.terms).toEqual(sb.cox.terms);
    expect(sa.cox_adjusted.terms).toEqual(sb.cox_adjusted.terms);
    expect(sa.cox_continuous.terms[0].coef).toBe(sb.cox_continuous.terms[0].coef);
    expect(sa.cox_continuous.terms[0].term).toBe('age_score');
    expect(sa.join).toMatchObject({
      clinical_rows: 515, matched: 515, matched_by_patient: 515,
      dropped: { excluded_sample_type: 11, duplicate_samples: 8, unmatched_samples: 1, unmatched_clinical_rows: 0 },
    });
    expect(readFileSync(join(dir, 'a', 'km.tsv'), 'utf8')).toBe(readFileSync(join(dir, 'b', 'km.tsv'), 'utf8'));
  });
});
