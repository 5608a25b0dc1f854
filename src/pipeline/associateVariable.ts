// One variable against the score within one cancer, as the contract's `associate` says:
// numeric → Spearman (R cor.test); categorical → levels below --min-level dropped, then
// Wilcoxon for two levels (x = the first in sorted order) or Kruskal–Wallis with BH-adjusted
// pairwise Wilcoxon tests for more; a variable that cannot be tested gets a skipped row.
import type { AssociatePair, AssociateRow, AssociateSkipped } from '../associate/types.js';
import { kruskalTest, pairwiseWilcoxon } from '../stats/kruskal.js';
import { spearmanTest } from '../stats/spearman.js';
import { wilcoxonRankSum } from '../stats/wilcoxon.js';
import { sortLevels } from '../survival/design.js';

export interface VariableValues {
  name: string;
  type: 'numeric' | 'categorical';
  /** Per sample of the cancer: the number (NaN = missing) ... */
  numbers?: Float64Array;
  /** ... or the level (null = missing). */
  levels?: (string | null)[];
}

export interface TestLimits {
  minLevel: number;
  minSamples: number;
}

export interface VariableOutcome {
  row?: AssociateRow;
  pairs: AssociatePair[];
  skipped: AssociateSkipped[];
}

/** `--collapse-stages`: Stage IIIA, Stage IIB1 → Stage III, Stage II (case-sensitive; Stage X, IS … unchanged). */
export function collapseStage(value: string): string {
  return value.replace(/^Stage (I{1,3}|IV)[A-C][0-9]?$/, 'Stage $1');
}

export function testVariable(cancer: string, score: Float64Array, v: VariableValues, limits: TestLimits): VariableOutcome {
  return v.type === 'numeric' ? numericTest(cancer, score, v.name, v.numbers!, limits) : categoricalTest(cancer, score, v.name, v.levels!, limits);
}

function untested(cancer: string, variable: string, n: number, reason: AssociateSkipped['reason']): VariableOutcome {
  return { pairs: [], skipped: [{ cancer, variable, level: null, n, reason }] };
}

function numericTest(cancer: string, score: Float64Array, name: string, values: Float64Array, limits: TestLimits): VariableOutcome {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i]) && !Number.isNaN(score[i])) { x.push(score[i]); y.push(values[i]); }
  }
  if (x.length === 0) return untested(cancer, name, 0, 'all-missing');
  if (y.every((v) => v === y[0])) return untested(cancer, name, x.length, 'constant');
  if (x.length < limits.minSamples) return untested(cancer, name, x.length, 'min-samples');
  const t = spearmanTest(x, y);
  return {
    row: {
      cancer, variable: name, type: 'numeric', n: t.n, estimate: finite(t.rho), statistic: finite(t.statistic), df: null, p: finite(t.p),
      method: t.method, fdr: null,
    },
    pairs: [],
    skipped: [],
  };
}

function categoricalTest(cancer: string, score: Float64Array, name: string, values: (string | null)[], limits: TestLimits): VariableOutcome {
  const counts = new Map<string, number>();
  let withValue = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || Number.isNaN(score[i])) continue;
    withValue++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  if (withValue === 0) return untested(cancer, name, 0, 'all-missing');
  if (counts.size === 1) return untested(cancer, name, withValue, 'constant');
  const skipped: AssociateSkipped[] = [];
  const kept: string[] = [];
  for (const level of sortLevels([...counts.keys()])) {
    const n = counts.get(level)!;
    if (n < limits.minLevel) skipped.push({ cancer, variable: name, level, n, reason: 'min-level' });
    else kept.push(level);
  }
  if (kept.length < 2) return { pairs: [], skipped: [...skipped, ...untested(cancer, name, withValue, 'fewer than 2 levels').skipped] };
  const keep = new Set(kept);
  const xs: number[] = [];
  const gs: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && keep.has(v) && !Number.isNaN(score[i])) { xs.push(score[i]); gs.push(v); }
  }
  if (xs.length < limits.minSamples) return { pairs: [], skipped: [...skipped, ...untested(cancer, name, withValue, 'min-samples').skipped] };
  const base = { cancer, variable: name, type: 'categorical' as const, n: xs.length, estimate: null, fdr: null, levels: kept };
  if (kept.length === 2) {
    const t = wilcoxonRankSum(xs.filter((_, i) => gs[i] === kept[0]), xs.filter((_, i) => gs[i] === kept[1]));
    return { row: { ...base, statistic: t.statistic, df: null, p: finite(t.p), method: t.method === 'exact' ? 'wilcoxon-exact' : 'wilcoxon-normal' }, pairs: [], skipped };
  }
  const k = kruskalTest(xs, gs);
  const pairs = pairwiseWilcoxon(xs, gs, kept).map((p) => ({ cancer, variable: name, level1: p.level1, level2: p.level2, p_adjusted: finite(p.p_adjusted) }));
  return { row: { ...base, statistic: finite(k.statistic), df: k.df, p: finite(k.p), method: 'kruskal' }, pairs, skipped };
}

const finite = (x: number): number | null => (Number.isNaN(x) ? null : x);
