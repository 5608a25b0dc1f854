import { describe, expect, it } from 'vitest';
import { parseTcgaBarcode } from '../../src/tcga/barcode.js';
import { joinSamplesToClinical } from '../../src/tcga/join.js';

describe('parseTcgaBarcode', () => {
  it('reads aliquot, sample and patient barcodes, also as make.names leaves them', () => {
    expect(parseTcgaBarcode('TCGA-OR-A5J1-01A-11R-A29S-07')).toMatchObject({ patient: 'TCGA-OR-A5J1', sampleType: '01', vial: 'A' });
    expect(parseTcgaBarcode('TCGA.OR.A5J1.11B')).toMatchObject({ patient: 'TCGA-OR-A5J1', sampleType: '11', vial: 'B', barcode: 'TCGA-OR-A5J1-11B' });
    expect(parseTcgaBarcode('tcga_or_a5j1')).toMatchObject({ patient: 'TCGA-OR-A5J1', sampleType: null });
    expect(parseTcgaBarcode('GSM12345')).toBeNull();
  });
});

describe('joinSamplesToClinical', () => {
  it('matches exact IDs first', () => {
    const j = joinSamplesToClinical(['a', 'b', 'z'], ['b', 'a', 'c']);
    expect(Array.from(j.sampleForClinical)).toEqual([1, 0, -1]);
    expect(j.report).toMatchObject({ matched: 2, matched_exact: 2, dropped: { unmatched_samples: 1, unmatched_clinical_rows: 1 } });
  });

  it('matches TCGA barcodes at patient level, tumours only, one sample per patient', () => {
    const samples = [
      'TCGA-AA-0001-11A-01R-1234-07', // normal: excluded
      'TCGA-AA-0001-01B-01R-1234-07',
      'TCGA-AA-0001-01A-02R-1234-07', // lowest vial wins
      'TCGA.AA.0002.06A.01R.1234.07', // metastasis, make.names style
      'TCGA-AA-0002-01A-01R-1234-07', // primary (01) beats metastatic (06)
      'TCGA-AA-0009-01A-01R-1234-07', // no clinical row
    ];
    const j = joinSamplesToClinical(samples, ['TCGA-AA-0001', 'TCGA-AA-0002', 'TCGA-AA-0003']);
    expect(Array.from(j.sampleForClinical)).toEqual([2, 4, -1]);
    expect(j.report).toMatchObject({
      samples: 6, clinical_rows: 3, matched: 2, matched_by_patient: 2,
      dropped: { excluded_sample_type: 1, duplicate_samples: 2, unmatched_samples: 1, unmatched_clinical_rows: 1 },
    });
  });

  it('keeps other sample types when asked', () => {
    const j = joinSamplesToClinical(['TCGA-AA-0001-11A', 'TCGA-AA-0001-01A'], ['TCGA-AA-0001'], ['11']);
    expect(Array.from(j.sampleForClinical)).toEqual([0]);
    expect(j.report.dropped.excluded_sample_type).toBe(1);
  });
});
