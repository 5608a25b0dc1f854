// Atomic writes (issue 7, item 8): a failure or a signal while writing leaves the
// earlier output (or nothing) and no staging folder; exit 128+signal.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';

const CLIN = join(ROOT, 'examples', 'tcga-lgg-clinical.tsv');
const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const SURVIVAL = ['survival', '--clinical', CLIN, '--id', 'bcr_patient_barcode', '--endpoint', 'OS', '--value', 'age_at_initial_pathologic_diagnosis'];

const survival = (out: string, ...extra: string[]) => runCli([...SURVIVAL, ...extra, '--out', out]);

function snapshot(dir: string): Record<string, string> {
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1)).sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n').filter((l) => l.startsWith('migrascore:'));
  expect(lines.some((l) => pattern.test(l)), stderr).toBe(true);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/unexpected failure/);
}

/** Runs the CLI with the pause hook, waits until it is writing, then signals it. */
async function killWhileWriting(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; staging: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, MIGRASCORE_TEST_WRITE_HOOK: 'pause' } });
  let stderr = '';
  const paused = new Promise<string>((res, rej) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /paused while writing (.*)\n/.exec(stderr);
      if (m) res(m[1]);
    });
    child.on('exit', () => rej(new Error(`exited before writing: ${stderr}`)));
  });
  const staging = await paused;
  expect(existsSync(staging), 'the run is writing into its staging area').toBe(true);
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  child.kill(signal);
  return { code: await exited, stderr, staging };
}

describe('atomic writes', () => {
  it('SIGTERM while writing removes the staging folder and keeps the earlier output', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect(survival(out, '--split', 'optimal').status).toBe(0);
    const before = snapshot(out);
    const r = await killWhileWriting([...SURVIVAL, '--split', 'median', '--out', out], 'SIGTERM');
    expect(r.code).toBe(143);
    expect(r.staging).toBe(join(parent, `.out.partial-${/partial-(\d+)/.exec(r.staging)![1]}`));
    expect(existsSync(r.staging)).toBe(false);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(snapshot(out)).toEqual(before);
    expect(r.stderr).toMatch(/interrupted \(SIGTERM\)/);
  });

  it('SIGINT during a first run leaves nothing at all', async () => {
    const parent = tempDir();
    const r = await killWhileWriting([...SURVIVAL, '--out', join(parent, 'new', 'out')], 'SIGINT');
    expect(r.code).toBe(130);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('SIGTERM while score writes its file leaves no temporary file', async () => {
    const dir = tempDir();
    const r = await killWhileWriting(['score', '--expr', EXPR, '--out', join(dir, 'scores.tsv')], 'SIGTERM');
    expect(r.code).toBe(143);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a run killed outright (SIGKILL) leaves a staging folder that the next run removes', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    const r = await killWhileWriting([...SURVIVAL, '--out', out], 'SIGKILL');
    expect(existsSync(r.staging)).toBe(true);
    expect(survival(out).status).toBe(0);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('a failure while swapping in restores the earlier output, in one line', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect(survival(out, '--split', 'optimal').status).toBe(0);
    const before = snapshot(out);
    const r = runCli([...SURVIVAL, '--out', out], ROOT, { env: { ...process.env, MIGRASCORE_TEST_WRITE_HOOK: 'fail-swap' } });
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, /Cannot write .*out: .*\(EIO\)\. Nothing was written to --out .*unchanged/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
