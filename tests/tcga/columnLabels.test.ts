// How covariate columns are named in figures and reports: a built-in table's documented
// columns by label and axis unit, a user's file by its column names.
import { describe, expect, it } from 'vitest';
import { axisUnit, columnDisplay, columnDisplays, labelMap } from '../../src/tcga/columnLabels.js';
import { TCGA_CDR_TABLE, TCGA_TME } from '../../src/tcga/builtInTables.js';

describe('column labels and units', () => {
  it('documented tcga-tme and tcga-cdr columns: label, axis unit, meaning', () => {
    expect(columnDisplay(TCGA_TME, 'tmb_nonsilent_per_mb')).toMatchObject({ label: 'Non-silent TMB', unit: 'mutations / Mb', scale: 'mutations / Mb' });
    expect(columnDisplay(TCGA_TME, 'leukocyte_fraction')).toMatchObject({ label: 'Leukocyte fraction' });
    expect(columnDisplay(TCGA_TME, 'leukocyte_fraction').unit).toBeUndefined();
    expect(columnDisplay(TCGA_TME, 'aneuploidy_score').unit).toBe('count');
    expect(columnDisplay(TCGA_TME, 'msi_mantis_score').label).toBe('MSI (MANTIS score)');
    expect(columnDisplay(TCGA_TME, 'msi_mantis_score').unit).toBeUndefined();
    expect(columnDisplay(TCGA_TME, 'immune_subtype').unit).toBeUndefined();
    expect(columnDisplay(TCGA_TME, 'timer_cd8_t_cell').label).toBe('TIMER: CD8+ T cells');
    expect(columnDisplay(TCGA_TME, 'cibersort_macrophages_m2')).toMatchObject({ label: 'CIBERSORT: M2 macrophages', unit: 'fraction of leukocytes' });
    expect(columnDisplay(TCGA_CDR_TABLE, 'age_at_initial_pathologic_diagnosis')).toMatchObject({ label: 'Age at diagnosis', unit: 'years' });
    expect(columnDisplay(TCGA_CDR_TABLE, 'ajcc_pathologic_tumor_stage').label).toBe('AJCC pathologic stage');
    expect(columnDisplay(TCGA_CDR_TABLE, 'ajcc_pathologic_tumor_stage').unit).toBeUndefined();
    expect(columnDisplay(TCGA_CDR_TABLE, 'OS.time')).toMatchObject({ label: 'OS time', unit: 'days' });
  });

  it('every documented variable column of the built-in tables has a label', () => {
    for (const table of [TCGA_TME, TCGA_CDR_TABLE]) {
      const unlabelled = table.columns.filter((c) => c.group !== 'keys' && !c.label).map((c) => c.name);
      expect(unlabelled, table.name).toEqual([]);
    }
  });

  it("a user's file or an undocumented column keeps its name, and no unit", () => {
    expect(columnDisplays('/data/my-covariates.tsv', ['ki67', 'grade'])).toEqual([{ name: 'ki67', label: 'ki67' }, { name: 'grade', label: 'grade' }]);
    expect(columnDisplays(TCGA_TME.path, ['not_a_column'])).toEqual([{ name: 'not_a_column', label: 'not_a_column' }]);
    expect(labelMap(columnDisplays(TCGA_TME.path, ['purity_absolute', 'not_a_column']))).toEqual({ purity_absolute: 'Purity (ABSOLUTE)' });
  });

  it('axis units: ranges dropped, categories and units the label says left out', () => {
    expect(axisUnit({ unit: 'fraction 0–1' }, 'Purity (CPE)')).toBe('fraction');
    expect(axisUnit({ unit: 'fraction 0–1' }, 'Stromal fraction')).toBeUndefined();
    expect(axisUnit({ unit: 'count 0–39' }, 'Aneuploidy')).toBe('count');
    expect(axisUnit({ unit: 'score, about 0.2–1.4' }, 'MSI')).toBe('score');
    expect(axisUnit({ unit: 'category (C1–C6)' }, 'Immune subtype')).toBeUndefined();
    expect(axisUnit({ unit: '12-character barcode' }, 'Patient')).toBeUndefined();
    expect(axisUnit({ unit: 'year' }, 'Year of diagnosis')).toBeUndefined();
  });
});
