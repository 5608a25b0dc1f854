// `migrascore data list | show NAME [--column COL]` through the built CLI.
import { describe, expect, it } from 'vitest';
import { TCGA_CDR_TABLE, TCGA_TME } from '../../src/tcga/builtInTables.js';
import { runCli } from '../helpers/cli.js';

function tsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const names = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i], v])));
}

describe('migrascore data list', () => {
  it('lists each built-in table with rows, patients, cancer types, columns and description', () => {
    const r = runCli(['data', 'list']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^name\s+rows\s+patients\s+cancer types\s+columns\s+description$/);
    expect(lines.find((l) => l.startsWith('tcga-cdr '))).toMatch(/^tcga-cdr\s+11,160\s+11,160\s+33\s+34\s+TCGA Pan-Cancer Clinical Data Resource/);
    expect(lines.find((l) => l.startsWith('tcga-tme '))).toMatch(/^tcga-tme\s+11,249\s+11,249\s+33\s+56\s+TCGA tumour microenvironment/);
    expect(r.stdout).toContain('--with tcga-tme');
  });

  it('writes the same as TSV', () => {
    const r = runCli(['data', 'list', '--format', 'tsv']);
    expect(r.status, r.stderr).toBe(0);
    expect(tsv(r.stdout)).toEqual([
      { name: 'tcga-cdr', rows: '11160', patients: '11160', cancer_types: '33', columns: '34', options: '--clinical,--with', description: TCGA_CDR_TABLE.description },
      { name: 'tcga-tme', rows: '11249', patients: '11249', cancer_types: '33', columns: '56', options: '--with', description: TCGA_TME.description },
    ]);
  });
});

describe('migrascore data show', () => {
  const show = runCli(['data', 'show', 'tcga-tme']);

  it('says what the table holds and which are its ID and cancer columns', () => {
    expect(show.status, show.stderr).toBe(0);
    const lines = show.stdout.split('\n');
    expect(lines[0]).toBe(`tcga-tme (built in): ${TCGA_TME.description}`);
    expect(show.stdout).toMatch(/^Rows: +11,249 \(11,249 patients\), 56 columns, 33 cancer types: ACC, BLCA,/m);
    expect(show.stdout).toContain('Keys:    ID column bcr_patient_barcode, cancer column cancer_type, sample column sample');
    expect(show.stdout).toContain('Use:     --with tcga-tme');
  });

  it('prints every column with its type, count of values, unit and meaning', () => {
    for (const c of TCGA_TME.columns) expect(show.stdout, c.name).toMatch(new RegExp(`^  ${c.name} +(numeric|categorical) +n +[\\d,]+  ${c.unit.replace(/[()+]/g, '\\$&')}$`, 'm'));
    expect(show.stdout).toMatch(/^  leukocyte_fraction +numeric +n 10,621  fraction 0–1$/m);
    expect(show.stdout).toMatch(/^  immune_subtype +categorical +n +9,126  category \(C1–C6\)$/m);
    expect(show.stdout).toMatch(/^  neoantigens_tcia +numeric +n +3,194  count$/m);
    expect(show.stdout).toContain('leukocyte fraction from DNA methylation');
    expect(show.stdout).toContain('MANTIS microsatellite instability score');
  });

  it('says whom to cite for which columns, with DOIs', () => {
    const cite = show.stdout.slice(show.stdout.indexOf('Whom to cite'), show.stdout.indexOf('Source files'));
    for (const c of TCGA_TME.citations) expect(cite, c.key).toContain(`doi:${c.doi}`);
    const flat = cite.replace(/\n +/g, ' ');
    expect(flat).toContain('Li et al. 2016 (TIMER): timer_* (6)');
    expect(flat).toContain('Newman et al. 2015 (CIBERSORT): cibersort_* (22)');
    expect(flat).toContain('Bonneville et al. 2017 (MANTIS): msi_mantis_score');
    expect(flat).toContain('Knijnenburg et al. 2018: hrd_score, hrd_loh, hrd_lst, hrd_tai');
    expect(flat).toContain('Charoentong et al. 2017 (TCIA): neoantigens_tcia');
    expect(flat).toContain('Ellrott et al. 2018 (MC3): tmb_nonsilent_per_mb, tmb_silent_per_mb');
  });

  it('gives the source files with their licences, the licence notes and the provenance README', () => {
    const flat = show.stdout.replace(/\n +/g, ' ');
    expect(flat).toContain('timer_* (6) [none stated] aedin/TCGAimmune @ 7afb1eb4bcdebab5e8538ab7b99da97c3fcba4f4');
    expect(flat).toContain('immune_subtype [GPL (>= 3)] openbiox/UCSCXenaShiny');
    expect(flat).toContain('hrd_score, hrd_loh, hrd_lst, hrd_tai [none stated] Marlin-Na/brcaness-viz');
    expect(flat).toMatch(/Licences:[\s\S]*GPL \(>= 3\)[\s\S]*No licence stated/);
    expect(show.stdout).toMatch(/^Full provenance: .*data\/tcga-tme\.README\.md$/m);
  });

  it('writes the column dictionary as TSV', () => {
    const r = runCli(['data', 'show', 'tcga-cdr', '--format', 'tsv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = tsv(r.stdout);
    expect(rows.map((x) => x.column)).toEqual(TCGA_CDR_TABLE.columns.map((c) => c.name));
    expect(rows.find((x) => x.column === 'OS.time')).toMatchObject({ group: 'Curated survival endpoints', type: 'numeric', unit: 'days', cite: 'Liu et al. 2018 (TCGA-CDR)', doi: '10.1016/j.cell.2018.02.052' });
    // R: sum(!is.na(cdr$OS)) = 11151
    expect(rows.find((x) => x.column === 'OS')).toMatchObject({ type: 'numeric', n: '11151', unit: '0/1 (1 = event)' });
    expect(rows.find((x) => x.column === 'gender')).toMatchObject({ type: 'categorical', n: '11160' });
    const tme = tsv(runCli(['data', 'show', 'tcga-tme', '--format', 'tsv']).stdout);
    expect(tme).toHaveLength(56);
    expect(tme.find((x) => x.column === 'purity_estimate')).toMatchObject({
      n: '7668', cite: 'Aran et al. 2015 (CPE); Yoshihara et al. 2013 (ESTIMATE)', doi: '10.1038/ncomms9971; 10.1038/ncomms3612', licence: 'GPL (>= 3)',
    });
  });

  it('shows one column in detail: values, source, reference, coverage per cancer type', () => {
    const r = runCli(['data', 'show', 'tcga-tme', '--column', 'leukocyte_fraction']);
    expect(r.status, r.stderr).toBe(0);
    // R: min -9.297e-05, median 0.171, max 0.9642 over 10,621 values
    expect(r.stdout).toContain('Values:  numeric, 10,621 of 11,249 rows; min -9.3e-05, median 0.171, max 0.9642');
    expect(r.stdout).toContain('Unit:    fraction 0–1');
    expect(r.stdout).toMatch(/Source: +immunitastx\/coding_exercise_TCGA_infiltration/);
    expect(r.stdout).toContain('doi:10.1016/j.immuni.2018.03.023');
    expect(r.stdout).toMatch(/^ {2}DLBC +0 \/ 48$/m);
    expect(r.stdout).toMatch(/^ {2}BRCA +1,084 \/ 1,101$/m);
    const subtype = runCli(['data', 'show', 'tcga-tme', '--column', 'immune_subtype']);
    expect(subtype.stdout.replace(/\n +/g, ' ')).toContain('categorical, 9,126 of 11,249 rows, 6 levels: C2 2,591; C1 2,416; C3 2,397; C4 1,157; C5 385; C6 180');
    const coverage = tsv(runCli(['data', 'show', 'tcga-tme', '--column', 'immune_subtype', '--format', 'tsv']).stdout);
    expect(coverage).toHaveLength(33);
    expect(coverage[0]).toEqual({ cancer: 'ACC', rows: '92', n: '78' });
    expect(coverage.find((c) => c.cancer === 'SKCM')).toEqual({ cancer: 'SKCM', rows: '471', n: '103' });
  });

  it('rejects an unknown table name with exit 2, listing the names', () => {
    const r = runCli(['data', 'show', 'tcga-tmx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no built-in table "tcga-tmx"');
    expect(r.stderr).toContain('The built-in tables are: tcga-cdr, tcga-tme');
    expect(runCli(['data', 'show', 'TCGA-CDR']).stderr).toContain('Did you mean "tcga-cdr"?');
    expect(runCli(['data', 'show']).status).toBe(2);
  });

  it('rejects an unknown column with exit 2, suggesting near names and listing the columns', () => {
    const r = runCli(['data', 'show', 'tcga-tme', '--column', 'leukocyte']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has no column "leukocyte". Did you mean "leukocyte_fraction" or "stromal_nonleukocyte_fraction"?');
    expect(r.stderr).toContain('Its columns are: bcr_patient_barcode, sample, cancer_type, immune_subtype,');
  });
});
