// Paths and cells made from data (issue 7, item 8): cancer types never leave --out,
// tabs and line breaks never corrupt a TSV, score → survival --scores reads back what
// score wrote; an ID column as --group/--covariates is refused at once; pancan with
// nothing analysed fails.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/io/delimited.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const CLIN = join(ROOT, 'examples', 'tcga-lgg-clinical.tsv');
const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

describe('pancan folder names from cancer types', () => {
  it('keeps every path inside --out and records the mapping in pancan.json', () => {
    const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n');
    const typeCol = cdr[0].split('\t').indexOf('type');
    const rename: Record<string, string> = { ACC: '../../x', UVM: 'A/B', DLBC: 'A_B', UCS: '.hidden' };
    const rows = cdr.slice(1).filter((l) => rename[l.split('\t')[typeCol]] !== undefined).map((l) => {
      const f = l.split('\t');
      f[typeCol] = rename[f[typeCol]];
      return f.join('\t');
    });
    const base = tempDir();
    const clinical = join(base, 'clinical.tsv');
    writeFileSync(clinical, [cdr[0], ...rows].join('\n') + '\n');
    const out = join(base, 'a', 'b', 'out');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', clinical, '--id', 'bcr_patient_barcode', '--cancer-col', 'type', '--endpoint', 'OS', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(files(base).filter((f) => !f.startsWith(join('a', 'b', 'out')))).toEqual(['a', join('a', 'b'), 'clinical.tsv']);
    const mapping = JSON.parse(readFileSync(join(out, 'pancan.json'), 'utf8')).cancer_folders as Record<string, string>;
    expect(Object.keys(mapping).sort()).toEqual(['../../x', '.hidden', 'A/B', 'A_B']);
    expect(mapping['A_B']).toBe('A_B'); // a safe name is kept as it is
    expect(new Set(Object.values(mapping)).size).toBe(4);
    for (const folder of Object.values(mapping)) {
      expect(folder).toMatch(/^[^./][^/]*$/);
      expect(existsSync(join(out, folder, 'summary.json')), folder).toBe(true);
    }
    const top = readdirSync(out);
    expect(top).not.toContain('A'); // no nesting for A/B
    expect(top.filter((f) => f.startsWith('.'))).toEqual(['.migrascore']);
    const table = parseDelimited(readFileSync(join(out, 'pancan.tsv'), 'utf8'), '\t').records;
    expect(table.slice(1).map((row) => row[0]).sort()).toEqual(['../../x', '.hidden', 'A/B', 'A_B']);
  });
});

describe('TSV cells', () => {
  // Sample IDs a CSV header can hold that are awkward in a TSV.
  const IDS = ['"quoted"', 'a,b', 'x y', 'ünï', ...Array.from({ length: 10 }, (_, i) => `S${i + 1}`)];
  const csvCell = (s: string) => (/[",\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

  it('score → survival --scores reads back exactly the IDs score wrote', () => {
    const dir = tempDir();
    const matrix = join(dir, 'expr.csv');
    const genes = ['G1', 'G2', 'G3', 'G4'];
    writeFileSync(matrix, [['gene', ...IDS].map(csvCell).join(','),
      ...genes.map((g, k) => [g, ...IDS.map((_, j) => String(((j * 7 + k * 3) % 11) + k))].join(','))].join('\n') + '\n');
    const scores = join(dir, 'scores.tsv');
    const s = runCli(['score', '--expr', matrix, '--geneset', 'mine=G1,G2,G3', '--method', 'mean', '--out', scores]);
    expect(s.status, s.stderr).toBe(0);
    const written = parseDelimited(readFileSync(scores, 'utf8'), '\t').records;
    expect(written.slice(1).map((row) => row[0])).toEqual(IDS);
    const clinical = join(dir, 'clinical.tsv');
    writeFileSync(clinical, ['id\ttime\tstatus', ...IDS.map((id, j) => `${id.startsWith('"') ? csvCell(id) : id}\t${10 + j * 5}\t${j % 3 === 0 ? 0 : 1}`)].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = runCli(['survival', '--clinical', clinical, '--time', 'time', '--event', 'status', '--scores', scores, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).n).toBe(IDS.length);
    const groups = parseDelimited(readFileSync(join(out, 'groups.tsv'), 'utf8'), '\t').records;
    expect(groups.slice(1).map((row) => row[0]).sort()).toEqual([...IDS].sort());
  });

  it('a tab or line break in a sample ID is refused before scoring, naming it', () => {
    const dir = tempDir();
    const matrix = join(dir, 'expr.csv');
    writeFileSync(matrix, 'gene,"a\tb",S2,S3\nG1,1,2,3\nG2,2,3,1\n');
    const out = join(dir, 'scores.tsv');
    const r = runCli(['score', '--expr', matrix, '--geneset', 'mine=G1,G2', '--method', 'mean', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/expr\.csv, line 1: the sample ID "a\\tb" \(sample 1\) holds a tab or a line break/);
    expect(existsSync(out)).toBe(false);
  });

  it('a line break in a group name is refused, and nothing is written', () => {
    const dir = tempDir();
    const clinical = join(dir, 'clinical.csv');
    const arms = ['"A\nB"', 'C'];
    writeFileSync(clinical, ['id,time,status,arm', ...Array.from({ length: 8 }, (_, i) => `p${i},${10 + i},${i % 2},${arms[i % 2]}`)].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = runCli(['survival', '--clinical', clinical, '--time', 'time', '--event', 'status', '--group', 'arm', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/The text "A\\nB" \(column "group".*holds a tab or a line break/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).toEqual(['clinical.csv']);
  });
});

describe('an ID column as a grouping or a covariate', () => {
  const base = ['survival', '--clinical', CLIN, '--id', 'bcr_patient_barcode', '--endpoint', 'OS'];

  it('--group with hundreds of levels is refused at once', () => {
    const out = join(tempDir(), 'out');
    const started = Date.now();
    const r = runCli([...base, '--group', 'bcr_patient_barcode', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--group "bcr_patient_barcode" has 515 distinct values \(every value is different: is it an ID column\?\); more than 50 groups/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
  });

  it('--covariates naming a text column with hundreds of levels is refused', () => {
    const out = join(tempDir(), 'out');
    const r = runCli([...base, '--value', 'age_at_initial_pathologic_diagnosis', '--covariates', 'gender,bcr_patient_barcode', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--covariates "bcr_patient_barcode" is a text column with 515 levels .*514 Cox coefficients/);
    expect(existsSync(out)).toBe(false);
  });

  it('a few levels still work (control)', () => {
    const r = runCli([...base, '--group', 'gender', '--covariates', 'race', '--out', join(tempDir(), 'out')]);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('pancan with no cancer analysed', () => {
  it('exits 1 with each cancer\'s reason and writes nothing', () => {
    const parent = tempDir();
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--min-samples', '500', '--out', join(parent, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No cancer type could be analysed, so nothing was written \(ACC: 79 patients .*fewer than --min-samples 500; DLBC: .*UVM: .*lower --min-samples \(now 500\)/);
    expect(readdirSync(parent)).toEqual([]);
  });
});
