// The rms references of tests/fixtures/nomogram/<case>/expected.json (scripts/r/nomogram-fixture.R).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { covariateTerm, type DesignTerm } from '../../src/survival/design.js';

export const NOMOGRAM_DIR = join(import.meta.dirname, '..', 'fixtures', 'nomogram');
export const NOMOGRAM_CASES = ['lung', 'tcga-acc'];

export interface NomogramExpected {
  args: string[];
  n: number;
  events: number;
  terms: string[];
  coef: number[];
  se: number[];
  hr: number[];
  hr_lower: number[];
  hr_upper: number[];
  loglik: number[];
  means: number[];
  center: number;
  baseline: { time: number[]; surv: number[] };
  linear_predictors: number[];
  nomogram: {
    scale: number;
    intercept: number;
    predictors: { name: string; values: (number | string)[]; points: number[] }[];
    total_points: number[];
    lp: { values: number[]; points: number[] };
    survival: { time: number; values: number[]; points: number[]; surv_at_total_points: number[] }[];
  };
  calibration: {
    time: number; groups: number; m: number; cuts: number[]; predicted: number[];
    mean_predicted: number[]; observed: number[]; std_err: number[]; n: number[]; events: number[];
  };
}

export function nomogramExpected(name: string): NomogramExpected {
  return JSON.parse(readFileSync(join(NOMOGRAM_DIR, name, 'expected.json'), 'utf8'));
}

/** The lung case's inputs as the pure modules take them: time, 0/1 event, age + sex + ph.ecog terms. */
export function lungInput(): { time: Float64Array; event: Uint8Array; terms: DesignTerm[] } {
  const lines = readFileSync(join(NOMOGRAM_DIR, 'lung', 'clinical.tsv'), 'utf8').trim().split('\n');
  const header = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  const col = (name: string) => rows.map((r) => r[header.indexOf(name)]).map((v) => (v === 'NA' ? null : v));
  return {
    time: Float64Array.from(col('time'), Number),
    event: Uint8Array.from(col('status'), (v) => Number(v) - 1),
    terms: ['age', 'sex', 'ph.ecog'].map((c) => covariateTerm(c, col(c))),
  };
}

/** |a − e| ≤ tol·max(1, |e|) for each element, with a label naming the first miss. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number | null>, tol: number, label: string): void {
  if (actual.length !== expected.length) throw new Error(`${label}: ${actual.length} values, R has ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      if (!Number.isNaN(a)) throw new Error(`${label}[${i}]: R has NA, got ${a}`);
      continue;
    }
    if (!(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)))) throw new Error(`${label}[${i}]: R ${e}, got ${a}`);
  }
}
