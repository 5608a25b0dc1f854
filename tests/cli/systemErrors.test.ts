// Full disk, file-size limits, permission denied, unreadable or unusable inputs: one
// line on stderr naming the path and what to do, never a stack trace (issue 7, item 8).
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';

const CLIN = join(ROOT, 'examples', 'tcga-lgg-clinical.tsv');
const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const SURVIVAL = ['survival', '--clinical', CLIN, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--value', 'age_at_initial_pathologic_diagnosis'];

function expectOneLine(r: { status: number; stderr: string }, status: number, pattern: RegExp): void {
  expect(r.status, r.stderr).toBe(status);
  const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('migrascore:'));
  expect(lines.some((l) => pattern.test(l)), r.stderr).toBe(true);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/unexpected failure/);
}

// Root ignores file permissions: permission tests run the CLI as `nobody` then.
const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
/** A temp folder the other user can enter and write in. */
function sharedDir(): string {
  const dir = tempDir();
  chmodSync(dir, 0o777);
  return dir;
}

describe('system errors are one line', () => {
  it('full disk: score --out /dev/full', () => {
    expectOneLine(runCli(['score', '--expr', EXPR, '--out', '/dev/full']), 1, /Cannot write \/dev\/full: no space left on the device \(ENOSPC\)/);
  });

  it('full disk on standard output (score > /dev/full)', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'score', '--expr', EXPR], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
      expectOneLine({ status: r.status ?? -1, stderr: r.stderr }, 1, /cannot write to standard output: no space left on the device \(ENOSPC\)/);
    } finally {
      closeSync(fd);
    }
  });

  it('file-size limit (ulimit -f): the earlier output stays, no staging folder', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect(runCli([...SURVIVAL, '--split', 'optimal', '--out', out]).status).toBe(0);
    const before = readdirSync(out).sort();
    const r = spawnSync('bash', ['-c', 'ulimit -f 16; exec "$0" "$@"', process.execPath, BIN, ...SURVIVAL, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expectOneLine({ status: r.status ?? -1, stderr: r.stderr }, 1, /Cannot write .*out\/km\.tsv: the file is larger than the file-size limit .*\(EFBIG\)\. Nothing was written/);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(before).toContain('cutpoint.tsv');
  });

  it('permission denied on --out is found before the analysis', () => {
    const dir = sharedDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    const r = runCli([...SURVIVAL, '--out', join(locked, 'out')], ROOT, asOther);
    expectOneLine(r, 1, /--out .*locked\/out: cannot write in .*locked: permission denied \(EACCES\)/);
    expect(r.stderr).not.toMatch(/migrascore survival:/);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('an unreadable input', () => {
    const dir = sharedDir();
    const clinical = join(dir, 'clinical.tsv');
    copyFileSync(CLIN, clinical);
    chmodSync(clinical, 0o600);
    const r = runCli(['survival', '--clinical', clinical, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--value', 'age_at_initial_pathologic_diagnosis', '--out', join(dir, 'out')], ROOT, asOther);
    expectOneLine(r, 1, /Cannot read .*clinical\.tsv: permission denied \(EACCES\)/);
    const expr = join(dir, 'expr.tsv.gz');
    copyFileSync(EXPR, expr);
    chmodSync(expr, 0o600);
    expectOneLine(runCli(['score', '--expr', expr], ROOT, asOther), 1, /expr\.tsv\.gz.*permission denied/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a folder given as an input', () => {
    const dir = tempDir();
    expectOneLine(runCli(['survival', '--clinical', dir, '--endpoint', 'OS', '--value', 'x', '--out', join(dir, 'out')]), 1, /is a folder, not a file/);
    expectOneLine(runCli(['score', '--expr', dir]), 1, /is a folder, not a file/);
  });

  it('--expr /dev/stdin is refused up front, naming what to do', () => {
    for (const args of [['score', '--expr', '/dev/stdin'], [...SURVIVAL.slice(0, 7), '--expr', '/dev/stdin', '--out', join(tempDir(), 'o')],
      ['pancan', '--expr', '/dev/stdin', '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--out', join(tempDir(), 'o')]]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input: 'gene\tS1\nA\t1\n' });
      expectOneLine({ status: r.status ?? -1, stderr: r.stderr }, 2, /--expr \/dev\/stdin is not a regular file .*Save the data to a file first/);
    }
  });
});
