// Reading the R fixtures of tests/fixtures/stats/ (scripts/r/*.R) and comparing to them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** A number as the R scripts write it: null = NA, "Inf"/"-Inf" for infinities. */
export type RNum = number | null | 'Inf' | '-Inf';

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/stats', name), 'utf8')) as T;
}

export function toNumbers(v: RNum[]): number[] {
  return v.map((a) => (a === null ? NaN : a === 'Inf' ? Infinity : a === '-Inf' ? -Infinity : a));
}

/** Equal to R's value within `rel` relative (exactly when R's is 0); null = R's NA. */
export function expectR(got: number, want: number | null, rel = 1e-10): void {
  if (want === null) return void expect(got).toBeNaN();
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want) + 1e-300);
}
