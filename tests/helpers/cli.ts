// Runs the built CLI (bin/migrascore.js → dist/) as a user would, and gives tests
// temporary folders that are removed when the test file ends (npm test leaves nothing
// in the temp folder).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'migrascore.js');

export function runCli(args: string[], cwd = ROOT, options: Pick<SpawnSyncOptions, 'env' | 'uid' | 'gid' | 'timeout'> = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', ...options });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const created: string[] = [];

export function tempDir(prefix = 'migrascore-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

// Registered on the suite of each test file that imports this helper (vitest
// evaluates it afresh per file).
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});
