// `migrascore model nomogram ...` as a user runs it: through bin/migrascore.js once the
// program has `model nomogram`, else through nomogramCli.js (the same program plus it).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli } from './cli.js';
import { buildProgram } from '../../src/cli/main.js';

const wired = buildProgram().commands.find((c) => c.name() === 'model')?.commands.some((c) => c.name() === 'nomogram') ?? false;

export function runNomogramCli(args: string[], cwd = ROOT): { status: number; stdout: string; stderr: string } {
  if (wired) return runCli(['model', 'nomogram', ...args], cwd);
  const r = spawnSync(process.execPath, [join(ROOT, 'tests', 'helpers', 'nomogramCli.js'), 'model', 'nomogram', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
