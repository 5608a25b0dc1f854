// Runs a conformance case of tests/fixtures (call.txt, expect.json, expected/…) through the
// CLI, as ../shared/conformance/run.py does, so `npm test` checks it without ../shared.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from './cli.js';
import { jsonDifferences, tableDifferences } from './compare.js';
import { readTsv } from './fixtures.js';

/** The case's call.txt words, with OUT replaced by `out`. */
export function caseArgs(dir: string, out: string): string[] {
  const words = readFileSync(join(dir, 'call.txt'), 'utf8').trim().split(/\s+/);
  return words.map((w) => (w === 'OUT' ? out : w.startsWith('OUT/') ? out + w.slice(3) : w));
}

/** Runs the case and lists every difference from R's expected tables (none: []). */
export function runCase(dir: string): { status: number; stderr: string; out: string; differences: string[] } {
  const out = join(tempDir(), 'out');
  const r = runCli(caseArgs(dir, out), dir);
  if (r.status !== 0) return { status: r.status, stderr: r.stderr, out, differences: [`exit ${r.status}`] };
  type Item = { output: string; expected: string; keys: string[]; subset?: boolean };
  const manifest: { compare: Item[]; subset?: Item[] } = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8'));
  // As run.py: items under "subset" (or with "subset": true) check R's rows among ours;
  // JSON outputs hold every expected field, lists matched by key.
  const items = [...manifest.compare, ...(manifest.subset ?? []).map((c) => ({ ...c, subset: true }))];
  const differences = items.flatMap((c) => {
    if (!existsSync(join(out, c.output))) return [`${c.output} not written`];
    if (c.output.endsWith('.json')) return jsonDifferences(JSON.parse(readFileSync(join(dir, c.expected), 'utf8')), JSON.parse(readFileSync(join(out, c.output), 'utf8')), c.output);
    return tableDifferences(readTsv(join(dir, c.expected)), readTsv(join(out, c.output)), c.keys, c.output, c.subset ?? false);
  });
  return { status: r.status, stderr: r.stderr, out, differences };
}
