// The LASSO Cox fixtures of tests/fixtures/model/<case>/case.json (scripts/r/model-fixtures.R):
// input columns, time, status, folds, and glmnet 4.1-6's path and cv.glmnet outputs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { designFromColumns, type DesignMatrix } from '../../src/model/design.js';

export const MODEL_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'model');

export interface ModelCase {
  note: string;
  genes: string[];
  input: { x: number[][]; time: number[]; status: number[]; foldid: number[] };
  path: { lambda: number[]; dev_ratio: number[]; df: number[]; nulldev: number; npasses: number; beta: number[][] };
  cv: {
    lambda: number[]; cvm: number[]; cvsd: number[]; nzero: number[]; lambda_min: number; lambda_1se: number;
    coef_min: number[]; coef_1se: number[]; fold_path_lengths: number[];
  };
  warnings: string[];
  extra: Record<string, any>;
}

export const MODEL_CASES = readdirSync(MODEL_FIXTURES, { withFileTypes: true })
  // Conformance-only folders (e.g. acc-ties-os/reference) have no case.json.
  .filter((d) => d.isDirectory() && existsSync(join(MODEL_FIXTURES, d.name, 'case.json')))
  .map((d) => d.name)
  .sort();

const cache = new Map<string, ModelCase>();
export function modelCase(name: string): ModelCase {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(MODEL_FIXTURES, name, 'case.json'), 'utf8')));
  return cache.get(name)!;
}

export function caseDesign(c: ModelCase): DesignMatrix {
  return designFromColumns(c.input.x);
}

/** Largest relative difference; zeros must match exactly (a zero against a nonzero is Infinity). */
export function maxRelativeDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (e === 0 || a === 0) {
      if (a !== e) return Infinity;
      continue;
    }
    worst = Math.max(worst, Math.abs(a - e) / Math.abs(e));
  }
  return worst;
}

export function expectRelative(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, label: string): void {
  const d = maxRelativeDifference(actual, expected);
  expect(d <= rtol, `${label}: max relative difference ${d} > ${rtol}`).toBe(true);
}
