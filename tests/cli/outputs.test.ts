// Outputs a user can trust on re-runs (issue 7, item 7): --out is replaced whole, a
// folder migrascore did not write is refused without --force, --out is checked before
// the run. Atomicity under failures and signals: atomicWrites.test.ts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const CLIN = join(ROOT, 'examples', 'tcga-lgg-clinical.tsv');
const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const SURVIVAL = ['survival', '--clinical', CLIN, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--value', 'age_at_initial_pathologic_diagnosis'];

const survival = (out: string, ...extra: string[]) => runCli([...SURVIVAL, ...extra, '--out', out]);

/** Every file under `dir`, relative, sorted. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n').filter((l) => l.startsWith('migrascore:'));
  expect(lines.some((l) => pattern.test(l)), stderr).toBe(true);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/unexpected failure/);
}

describe('re-running into an existing --out replaces it whole', () => {
  it('leaves no file of the earlier run (survival: cutpoint.tsv of an optimal split)', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect(survival(out, '--split', 'optimal').status).toBe(0);
    expect(existsSync(join(out, 'cutpoint.tsv'))).toBe(true);
    const r = survival(out, '--split', 'median');
    expect(r.status, r.stderr).toBe(0);
    const fresh = join(tempDir(), 'fresh');
    expect(survival(fresh, '--split', 'median').status).toBe(0);
    expect(listing(out)).toEqual(listing(fresh));
    expect(listing(out)).not.toContain('cutpoint.tsv');
    expect(listing(out)).toContain('.migrascore');
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(out, '.migrascore'), 'utf8')).toMatch(/written by migrascore .*replaces it whole/);
  });

  it('pancan: no stale cancer folder, heatmap or PNG from an earlier run', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    const first = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--per-gene', '--png', '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(join(out, 'heatmap.svg'))).toBe(true);
    expect(existsSync(join(out, 'DLBC', 'km.png'))).toBe(true);
    const second = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--cancers', 'ACC,UVM', '--out', out]);
    expect(second.status, second.stderr).toBe(0);
    const files = listing(out);
    expect(files.filter((f) => /heatmap|pancan_genes|\.png$/.test(f))).toEqual([]);
    expect(readdirSync(out).filter((f) => !f.includes('.')).sort()).toEqual(['ACC', 'UVM']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('refuses a non-empty folder it did not write, unless --force', () => {
    const out = join(tempDir(), 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    const r = survival(out);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, /folder with files that migrascore did not write.*--force/);
    expect(r.stderr).not.toMatch(/migrascore survival:/); // refused before the analysis
    expect(listing(out)).toEqual(['notes.txt']);
    const forced = survival(out, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(listing(out)).not.toContain('notes.txt');
    expect(listing(out)).toContain('summary.json');
  });

  it('replaces an empty folder, and a migrascore folder written before the marker existed', () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'empty'));
    expect(survival(join(parent, 'empty')).status).toBe(0);
    const legacy = join(parent, 'legacy');
    mkdirSync(legacy);
    for (const f of ['summary.json', 'km.tsv', 'cutpoint.tsv']) writeFileSync(join(legacy, f), 'old');
    const r = survival(legacy);
    expect(r.status, r.stderr).toBe(0);
    expect(listing(legacy)).not.toContain('cutpoint.tsv');
  });

  it('refuses to replace a folder holding an input, or the current folder', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect(survival(out).status).toBe(0);
    const inside = join(out, 'clinical.tsv');
    copyFileSync(CLIN, inside);
    const r = runCli(['survival', '--clinical', inside, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--value', 'age_at_initial_pathologic_diagnosis', '--out', out, '--force']);
    expect(r.status).toBe(2);
    expectOneLine(r.stderr, /input .*clinical\.tsv lies inside --out/);
    expect(existsSync(inside)).toBe(true);
    const here = runCli([...SURVIVAL, '--out', '.'], out);
    expect(here.status).toBe(2);
    expectOneLine(here.stderr, /current folder/);
  });

  it('--out "" is a usage error for every command', () => {
    for (const args of [[...SURVIVAL, '--out', ''], ['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--out', ''],
      ['score', '--expr', EXPR, '--out', ''], ['genesets', 'export', 'migrasome-core', '--out', '']]) {
      const r = runCli(args);
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/empty/);
    }
  });
});

describe('score --out FILE', () => {
  it('checks --out before scoring: a folder, the same file as --report, a path under a file', () => {
    const dir = tempDir();
    const folder = runCli(['score', '--expr', EXPR, '--out', dir]);
    expect(folder.status).toBe(2);
    expectOneLine(folder.stderr, /is a folder; --out names a file/);
    expect(folder.stderr).not.toMatch(/gene set migrasome-core/); // nothing was scored
    const same = runCli(['score', '--expr', EXPR, '--out', join(dir, 's.tsv'), '--report', join(dir, 's.tsv')]);
    expect(same.status).toBe(2);
    expectOneLine(same.stderr, /same file as --out/);
    writeFileSync(join(dir, 'file.txt'), 'x');
    const under = runCli(['score', '--expr', EXPR, '--out', join(dir, 'file.txt', 'scores.tsv')]);
    expect(under.status).toBe(2);
    expectOneLine(under.stderr, /is a file, so nothing can be created inside it/);
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });

  it('replaces its own score table, refuses another file unless --force', () => {
    const dir = tempDir();
    const out = join(dir, 'scores.tsv');
    expect(runCli(['score', '--expr', EXPR, '--out', out]).status).toBe(0);
    expect(runCli(['score', '--expr', EXPR, '--method', 'mean', '--out', out]).status).toBe(0);
    const other = join(dir, 'data.tsv');
    writeFileSync(other, 'id\tvalue\n1\t2\n');
    const r = runCli(['score', '--expr', EXPR, '--out', other]);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, /does not look like a file migrascore wrote.*--force/);
    expect(readFileSync(other, 'utf8')).toBe('id\tvalue\n1\t2\n');
    expect(runCli(['score', '--expr', EXPR, '--out', other, '--force']).status).toBe(0);
    expect(readFileSync(other, 'utf8')).toMatch(/^sample\tmigrasome-core\n/);
  });

  it('writes to a device as it is, without a sidecar beside it', () => {
    const r = runCli(['score', '--expr', EXPR, '--out', '/dev/null']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync('/dev/null.genes.json')).toBe(false);
  });
});
