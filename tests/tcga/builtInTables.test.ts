// The built-in covariate tables: the shipped file is the project's shared table unchanged,
// it loads as a clinical table, every column is documented with a citation from the
// provenance README, and resolveTable maps the names users type to the bundled files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrascoreError } from '../../src/errors.js';
import { loadClinicalTable } from '../../src/io/clinical.js';
import {
  BUILT_IN_TABLES, TCGA_CDR_TABLE, TCGA_TME, builtInTable, builtInTableByPath, citationsForColumns, resolveTable,
} from '../../src/tcga/builtInTables.js';
import { TCGA_CDR, resolveClinical } from '../../src/tcga/cdr.js';
import { coverageByCancer } from '../../src/tcga/tableSummary.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TME_SHA256 = 'fcdb3d67aa2d2e65fe93b4eae3d88b003d5a42e9923ede5a7c9e58f766fa51ee';
const TME_README_SHA256 = '419078bf2d2f6d0329ca67614fbd0627815457e36c9c6581c368a605af16a3a5';
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const tmeReadme = readFileSync(join(ROOT, 'data', 'tcga-tme.README.md'), 'utf8');
const tme = loadClinicalTable(TCGA_TME.path, TCGA_TME.idColumn);

function cell(id: string, column: string): string {
  return tme.rows[tme.ids.indexOf(id)][tme.header.indexOf(column)];
}

describe('data/tcga-tme.tsv.gz', () => {
  it('is the shared table, byte for byte, with its provenance README unchanged', () => {
    expect(sha256(TCGA_TME.path)).toBe(TME_SHA256);
    expect(sha256(join(ROOT, 'data', 'tcga-tme.README.md'))).toBe(TME_README_SHA256);
    // Where the shared data folder exists (not on CI), compare the bytes themselves.
    const shared = join(ROOT, '..', 'shared', 'data');
    if (existsSync(join(shared, 'tcga-tme.tsv.gz'))) {
      expect(readFileSync(TCGA_TME.path).equals(readFileSync(join(shared, 'tcga-tme.tsv.gz')))).toBe(true);
      expect(readFileSync(join(ROOT, 'data', 'tcga-tme.README.md'), 'utf8')).toBe(readFileSync(join(shared, 'tcga-tme.README.md'), 'utf8'));
    }
  });

  it('loads as a clinical table: 11,249 unique patients, a cancer type on every row, 33 types', () => {
    expect(tme.rows).toHaveLength(11249);
    expect(tme.idColumn).toBe('bcr_patient_barcode');
    expect(new Set(tme.ids).size).toBe(11249);
    expect(tme.ids.every((id) => /^TCGA-[A-Z0-9]{2}-[A-Z0-9]{4}$/.test(id))).toBe(true);
    const cancer = tme.header.indexOf('cancer_type');
    expect(tme.rows.every((r) => /^[A-Z]{2,4}$/.test(r[cancer]))).toBe(true);
    expect(new Set(tme.rows.map((r) => r[cancer])).size).toBe(33);
    expect(tme.header).toHaveLength(56);
  });

  it('holds the values of the file (spot check, read independently with Python and R)', () => {
    expect(cell('TCGA-OR-A5J1', 'cancer_type')).toBe('ACC');
    expect(cell('TCGA-OR-A5J1', 'sample')).toBe('TCGA-OR-A5J1-01');
    expect(cell('TCGA-OR-A5J1', 'immune_subtype')).toBe('C4');
    expect(cell('TCGA-OR-A5J1', 'leukocyte_fraction')).toBe('0.04637');
    expect(cell('TCGA-OR-A5J1', 'msi_mantis_score')).toBe('0.275');
    expect(cell('TCGA-OR-A5J1', 'timer_cd8_t_cell')).toBe('0.2099');
    expect(cell('TCGA-OR-A5J1', 'neoantigens_tcia')).toBe('');
    expect(cell('TCGA-AA-3517', 'ploidy_absolute')).toBe('3.77');
    expect(cell('TCGA-AA-3517', 'cibersort_macrophages_m0')).toBe('0.1835');
    // A metastatic SKCM sample, a negative non-leukocyte stromal fraction kept as published
    expect(cell('TCGA-EE-A3J5', 'sample')).toBe('TCGA-EE-A3J5-06');
    expect(cell('TCGA-EE-A3J5', 'tmb_nonsilent_per_mb')).toBe('52.2');
    expect(cell('TCGA-EE-A3J5', 'neoantigens_tcia')).toBe('1127');
    expect(cell('TCGA-EE-A3J5', 'stromal_nonleukocyte_fraction')).toBe('-0.02006');
  });

  it('has the coverage per cancer type that its README records', () => {
    const lines = tmeReadme.split('\n');
    const start = lines.findIndex((l) => l.startsWith('| cancer_type | patients |'));
    const header = lines[start].split('|').slice(1, -1).map((s) => s.trim());
    const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
    const rows = lines.slice(start + 2, end).map((l) => l.split('|').slice(1, -1).map((s) => s.trim()));
    expect(rows).toHaveLength(34);
    for (const column of header.slice(2)) {
      const coverage = coverageByCancer(tme, column, 'cancer_type');
      const recorded = rows.filter((r) => r[0] !== 'ALL').map((r) => ({ cancer: r[0], rows: Number(r[1]), n: Number(r[header.indexOf(column)]) }));
      expect(coverage, column).toEqual(recorded);
    }
  });

  it('agrees with the caveats data show prints', () => {
    const typesWith = (column: string) => coverageByCancer(tme, column, 'cancer_type').filter((c) => c.n > 0).map((c) => c.cancer);
    expect(typesWith('neoantigens_tcia')).toHaveLength(16);
    expect(typesWith('purity_cpe')).toHaveLength(21);
    expect(typesWith('purity_estimate').length).toBeLessThanOrEqual(21);
    for (const column of ['immune_subtype', 'leukocyte_fraction', 'stromal_fraction']) {
      expect(typesWith(column)).not.toContain('DLBC');
      expect(typesWith(column)).not.toContain('LAML');
      expect(typesWith(column)).not.toContain('THYM');
    }
  });
});

describe.each(BUILT_IN_TABLES.map((t) => [t.name, t] as const))('built-in table %s', (_name, table) => {
  const loaded = table === TCGA_TME ? tme : loadClinicalTable(table.path, table.idColumn);

  it('documents exactly the columns of its file, in order, each with a meaning and a unit', () => {
    expect(table.columns.map((c) => c.name)).toEqual(loaded.header);
    for (const c of table.columns) {
      expect(c.meaning.length, c.name).toBeGreaterThan(3);
      expect(c.unit.length, c.name).toBeGreaterThan(2);
      expect(table.groups.map((g) => g.key), c.name).toContain(c.group);
    }
    expect(loaded.header).toContain(table.idColumn);
    expect(loaded.header).toContain(table.cancerColumn);
  });

  it('cites a known publication for every non-key column, and every publication for some column', () => {
    const keys = new Set(table.citations.map((c) => c.key));
    for (const c of table.columns) {
      for (const k of c.cite) expect(keys, `${c.name} cites ${k}`).toContain(k);
      if (c.group !== 'keys') expect(c.cite.length, c.name).toBeGreaterThan(0);
    }
    const all = citationsForColumns(table, table.columns.map((c) => c.name));
    expect(all.map((c) => c.citation.key)).toEqual(table.citations.map((c) => c.key));
    for (const c of table.citations) expect(c.doi).toMatch(/^10\.\d{4,5}\/\S+$/);
  });

  it('names the pinned source file and its licence for every sourced column', () => {
    const origins = new Set(table.origins.map((o) => o.key));
    for (const c of table.columns) if (c.origin) expect(origins, c.name).toContain(c.origin);
    for (const o of table.origins) expect(table.columns.some((c) => c.origin === o.key), o.key).toBe(true);
  });
});

describe('tcga-tme citations', () => {
  const cites = (column: string) => TCGA_TME.columns.find((c) => c.name === column)!.cite;

  it('cite for each column group the publication its README names', () => {
    const expected: [string, string][] = [
      ['immune_subtype', 'thorsson2018'], ['leukocyte_fraction', 'thorsson2018'], ['stromal_fraction', 'thorsson2018'],
      ['stromal_fraction', 'taylor2018'], ['lymphocyte_infiltration_score', 'thorsson2018'], ['tgf_beta_response_score', 'thorsson2018'],
      ['tmb_nonsilent_per_mb', 'ellrott2018'], ['neoantigens_tcia', 'charoentong2017'], ['aneuploidy_score', 'taylor2018'],
      ['genome_doublings', 'taylor2018'], ['hrd_score', 'knijnenburg2018'], ['hrd_tai', 'knijnenburg2018'],
      ['msi_mantis_score', 'bonneville2017'], ['purity_absolute', 'carter2012'], ['ploidy_absolute', 'carter2012'],
      ['purity_cpe', 'aran2015'], ['purity_estimate', 'aran2015'], ['purity_estimate', 'yoshihara2013'],
      ['cancer_type', 'liu2018'],
    ];
    for (const [column, key] of expected) expect(cites(column), column).toContain(key);
    for (const c of TCGA_TME.columns.filter((c) => c.name.startsWith('timer_'))) expect(c.cite).toEqual(['li2016']);
    for (const c of TCGA_TME.columns.filter((c) => c.name.startsWith('cibersort_'))) expect(c.cite).toEqual(['newman2015', 'thorsson2018']);
    expect(TCGA_TME.columns.filter((c) => c.name.startsWith('cibersort_'))).toHaveLength(22);
  });

  it('take every DOI from the provenance README (none invented)', () => {
    for (const c of TCGA_TME.citations) expect(tmeReadme, c.key).toContain(c.doi);
  });

  it('give the README licence of each source repository', () => {
    const licence = (column: string) => TCGA_TME.origins.find((o) => o.key === TCGA_TME.columns.find((c) => c.name === column)!.origin)!.licence;
    expect(licence('timer_b_cell')).toBe('none stated');
    expect(licence('hrd_score')).toBe('none stated');
    expect(licence('neoantigens_tcia')).toBe('none stated');
    expect(licence('immune_subtype')).toBe('GPL (>= 3)');
    expect(licence('msi_mantis_score')).toBe('GPL (>= 3)');
    expect(licence('purity_cpe')).toBe('GPL (>= 3)');
    expect(licence('cibersort_monocytes')).toBe('MIT');
    expect(licence('proliferation_score')).toBe('Apache-2.0');
    for (const o of TCGA_TME.origins) expect(tmeReadme, o.key).toContain(o.file.split(' @ ')[0]);
  });

  it('lists, for chosen columns, the publications to cite and the columns each covers', () => {
    const got = citationsForColumns(TCGA_TME, ['msi_mantis_score', 'purity_estimate', 'timer_b_cell', 'not_a_column']);
    expect(got.map((c) => [c.citation.key, c.columns])).toEqual([
      ['bonneville2017', ['msi_mantis_score']],
      ['aran2015', ['purity_estimate']],
      ['yoshihara2013', ['purity_estimate']],
      ['li2016', ['timer_b_cell']],
    ]);
  });
});

describe('resolveTable', () => {
  it('maps built-in names to the bundled files with their key columns', () => {
    const tmeSpec = resolveTable('tcga-tme');
    expect(tmeSpec).toMatchObject({ builtIn: true, name: 'tcga-tme', idColumn: 'bcr_patient_barcode', cancerColumn: 'cancer_type', sampleColumn: 'sample' });
    expect(existsSync(tmeSpec.path)).toBe(true);
    expect(tmeSpec.table).toBe(TCGA_TME);
    const cdr = resolveTable('tcga-cdr');
    expect(cdr).toMatchObject({ builtIn: true, name: 'tcga-cdr', path: TCGA_CDR.path, idColumn: 'bcr_patient_barcode', cancerColumn: 'type' });
    expect(cdr.table).toBe(TCGA_CDR_TABLE);
    expect(builtInTableByPath(TCGA_CDR.path)).toBe(TCGA_CDR_TABLE);
  });

  it('leaves anything else as a file path (names are exact, as resolveClinical)', () => {
    expect(resolveTable('covariates.tsv')).toEqual({ path: 'covariates.tsv', builtIn: false });
    expect(resolveTable('TCGA-TME')).toEqual({ path: 'TCGA-TME', builtIn: false });
    expect(resolveClinical('tcga-cdr')).toEqual({ path: TCGA_CDR.path, builtIn: true, idColumn: 'bcr_patient_barcode', cancerColumn: 'type' });
  });

  it('builtInTable rejects an unknown name as a usage error listing the names', () => {
    expect(builtInTable('tcga-tme')).toBe(TCGA_TME);
    let error: unknown;
    try { builtInTable('Tcga-Tme'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(MigrascoreError);
    expect((error as MigrascoreError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/Did you mean "tcga-tme"\?.*tcga-cdr, tcga-tme/);
  });
});
