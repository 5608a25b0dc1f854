// `migrascore genesets list | show | export` as a user runs it (needs `npx tsc -p .`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

describe('migrascore genesets list', () => {
  it('prints every built-in set with its size and description, the default marked', () => {
    const r = runCli(['genesets', 'list']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^name\s+size\s+description$/);
    expect(lines[1]).toMatch(/^migrasome-core \*\s+11\s+Migrasome core set/);
    for (const [name, size] of [['migrasome-markers', 8], ['migrasome-biogenesis', 6], ['migrasome-tetraspanins', 9], ['exosome-markers', 8]]) {
      expect(r.stdout).toMatch(new RegExp(`^${name}\\s+${size}\\s+\\S`, 'm'));
    }
  });

  it('--format tsv', () => {
    const r = runCli(['genesets', 'list', '--format', 'tsv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['name', 'size', 'default', 'description']);
    expect(rows.slice(1).map((x) => x.slice(0, 3))).toEqual([
      ['migrasome-core', '11', 'yes'], ['migrasome-markers', '8', 'no'], ['migrasome-biogenesis', '6', 'no'],
      ['migrasome-tetraspanins', '9', 'no'], ['exosome-markers', '8', 'no'],
    ]);
  });
});

describe('migrascore genesets show', () => {
  it('prints genes with IDs, aliases, role and source paper with DOI, and the references', () => {
    const r = runCli(['genesets', 'show', 'migrasome-core']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^migrasome-core \(built-in, the default\): 11 genes/);
    expect(r.stdout).toMatch(/^EOGT {2}Entrez 285203 {2}Ensembl ENSG00000163378\n {4}role: {4}migrasome-specific marker.*\n {4}source: {2}Zhao et al\. 2019 \(doi:10\.1038\/s41421-019-0093-y\)\n {4}aliases: AER61, AOS4, C3orf64, EOGT1$/m);
    expect(r.stdout).toMatch(/^ {4}aliases: LDP, PGCP$/m);
    expect(r.stdout).toMatch(/\[Ma2015\] Ma L, Li Y, Peng J, et al\. Discovery of the migrasome.* doi:10\.1038\/cr\.2014\.135/);
    expect(r.stdout).toMatch(/org\.Hs\.eg\.db 3\.16/);
  });

  it('--format tsv: one row per gene', () => {
    const r = runCli(['genesets', 'show', 'migrasome-tetraspanins', '--format', 'tsv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['set', 'gene', 'entrez', 'ensembl', 'aliases', 'identifier_note', 'role', 'source', 'doi']);
    expect(rows).toHaveLength(10);
    const cd82 = rows.find((x) => x[1] === 'CD82')!;
    expect(cd82[2]).toBe('3732');
    expect(cd82[4].split(';')).toContain('TSPAN27');
    expect(cd82[8]).toBe('10.1038/s41556-019-0367-5');
  });

  it('checks a user set against the identifier table: old symbols, ambiguous aliases, unknown names', () => {
    const r = runCli(['genesets', 'show', 'mine=C3orf64,SLC35E2,GENE0820,7106']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^mine \(inline\): 4 genes/);
    expect(r.stdout).toMatch(/^C3orf64 {2}Entrez 285203.*\n {4}note: {4}alias\/previous symbol of EOGT$/m);
    expect(r.stdout).toMatch(/^SLC35E2\n {4}note: {4}ambiguous: names 2 genes \(SLC35E2A\/9906, SLC35E2B\/728661\)$/m);
    expect(r.stdout).toMatch(/^GENE0820\n {4}note: {4}not in the identifier table/m);
    expect(r.stdout).toMatch(/^7106 {2}Entrez 7106.*\n {4}note: {4}Entrez ID of TSPAN4$/m);
  });

  it('shows every set of a GMT file', () => {
    const dir = tempDir();
    const gmt = join(dir, 'sets.gmt');
    writeFileSync(gmt, 'a\tfirst\tTSPAN4\tEOGT\nb\tsecond\tCD9\n');
    const r = runCli(['genesets', 'show', gmt]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^a \(.*sets\.gmt\): 2 genes\nfirst$/m);
    expect(r.stdout).toMatch(/^b \(.*sets\.gmt\): 1 genes\nsecond$/m);
  });

  it('an unknown set name exits 2 and lists the built-in sets', () => {
    const r = runCli(['genesets', 'show', 'migrasome']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown gene set "migrasome"/);
    expect(r.stderr).toMatch(/Built-in sets: migrasome-core, migrasome-markers, migrasome-biogenesis, migrasome-tetraspanins, exosome-markers/);
    expect(r.stdout).toBe('');
  });

  it('a set file not found, or malformed, exits 1 naming the file (and line)', () => {
    const missing = runCli(['genesets', 'show', 'no/such/file.gmt']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Gene-set file not found: no\/such\/file\.gmt/);
    const dir = tempDir();
    const bad = join(dir, 'bad.gmt');
    writeFileSync(bad, 'a\tdesc\tTSPAN4\nb\tdesc\n');
    const r = runCli(['genesets', 'show', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Gene-set file ${bad}, line 2: set "b" has no genes`);
  });
});

describe('migrascore genesets export', () => {
  it('GMT to stdout (the default format)', () => {
    const r = runCli(['genesets', 'export', 'migrasome-markers']);
    expect(r.status, r.stderr).toBe(0);
    const fields = r.stdout.trimEnd().split('\t');
    expect(fields[0]).toBe('migrasome-markers');
    expect(fields[1]).toMatch(/doi:10\.1038\/s41421-019-0093-y/);
    expect(fields.slice(2)).toEqual(['TSPAN4', 'TSPAN7', 'ITGB1', 'ITGA5', 'NDST1', 'EOGT', 'PIGK', 'CPQ']);
    expect(runCli(['genesets', 'export', 'migrasome-markers', '--format', 'gmt']).stdout).toBe(r.stdout);
  });

  it('JSON to a file with --out, identical to the built-in file, and usable as --geneset', () => {
    const dir = tempDir();
    const out = join(dir, 'sub', 'core.json');
    const r = runCli(['genesets', 'export', 'migrasome-core', '--format', 'json', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote migrasome-core \(json\) to .*core\.json/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(join(ROOT, 'genesets', 'migrasome-core.json'), 'utf8')));
    const back = runCli(['genesets', 'export', out, '--format', 'gmt']);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toBe(runCli(['genesets', 'export', 'migrasome-core']).stdout);
  });

  it('converts a user file and refuses to overwrite its input', () => {
    const dir = tempDir();
    const gmt = join(dir, 'sets.gmt');
    writeFileSync(gmt, 'a\tfirst\tTSPAN4\tEOGT\n');
    const json = runCli(['genesets', 'export', gmt, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ name: 'a', description: 'first', genes: ['TSPAN4', 'EOGT'] });
    const same = runCli(['genesets', 'export', gmt, '--format', 'gmt', '--out', gmt]);
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/also an input file/);
    expect(readFileSync(gmt, 'utf8')).toBe('a\tfirst\tTSPAN4\tEOGT\n');
  });

  it('usage errors exit 2 and write nothing', () => {
    const dir = tempDir();
    const out = join(dir, 'x.gmt');
    const bad = runCli(['genesets', 'export', 'migrasome-core', '--format', 'xml', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are gmt, json/);
    expect(existsSync(out)).toBe(false);
    expect(runCli(['genesets', 'export']).status).toBe(2);
    expect(runCli(['genesets', 'frobnicate']).status).toBe(2);
    expect(runCli(['genesets']).status).toBe(2);
  });
});

describe('migrascore genesets --help', () => {
  it('gives an example of every option of every subcommand', () => {
    for (const sub of ['list', 'show', 'export']) {
      const r = runCli(['genesets', sub, '--help']);
      expect(r.status, sub).toBe(0);
      const [options, examples] = r.stdout.split('Examples:');
      expect(examples, sub).toBeDefined();
      const flags = [...options.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help');
      expect(flags.length, sub).toBeGreaterThan(0);
      for (const flag of flags) expect(examples, `${sub} ${flag} has no example`).toMatch(new RegExp(`genesets ${sub} .*${flag} `));
    }
    const top = runCli(['genesets', '--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/Exit codes: 0 success, 1 bad input.*2 usage error/s);
  });
});
