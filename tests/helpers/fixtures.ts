// Reads the R reference cases copied from ../shared/reference into tests/fixtures.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { expect } from 'vitest';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const SURVIVAL_CASES = ['ovarian-rx', 'veteran-celltype', 'colon-nodes-optimal', 'gbsg-age-median', 'aml-breslow'];

export type Row = Record<string, string>;

/** A plain TSV (header row, tab separated, no quoting; gzipped when named .gz) as an array of records. */
export function readTsv(path: string): Row[] {
  const text = path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export function survivalCase(name: string) {
  const dir = join(FIXTURES, 'survival', name);
  return {
    dir,
    input: readTsv(join(dir, 'input.tsv')),
    km: readTsv(join(dir, 'km.tsv')),
    expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')),
    call: readFileSync(join(dir, 'call.txt'), 'utf8').trim(),
  };
}

/** NA/empty → NaN, otherwise Number(). */
export function num(v: string | undefined): number {
  return v === undefined || v === '' || v === 'NA' ? NaN : Number(v);
}

/** The conformance tolerance: |a - b| <= 1e-9 + rtol * |b| (rtol 1e-6; 1e-4 for p-values). */
export function expectClose(actual: number | null, expected: number | null, rtol = 1e-6, label = ''): void {
  if (expected === null || (typeof expected === 'number' && Number.isNaN(expected))) {
    expect(actual === null || Number.isNaN(actual as number), `${label}: expected missing, got ${actual}`).toBe(true);
    return;
  }
  expect(actual, `${label}: expected ${expected}, got null`).not.toBeNull();
  const a = actual as number;
  expect(Math.abs(a - expected) <= 1e-9 + rtol * Math.abs(expected), `${label}: expected ${expected}, got ${a}`).toBe(true);
}
