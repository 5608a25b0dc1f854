// The R reference scoring cases (GSVA 1.46) copied into tests/fixtures/scoring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { matrixFromRows, type ExpressionMatrix, type ResolvedGeneSet, type ScoreMatrix } from '../../src/score/types.js';
import { expectClose, FIXTURES } from './fixtures.js';

export const SCORING_CASES = ['synthetic-log', 'synthetic-counts', 'bladder-microarray'];

// A case small enough to check by hand, used with GSVA 1.46 results for zscore and ssgsea:
// 8 genes × 4 samples with ties in every sample and one constant gene (g6), and three
// sets over it.
export const handMatrix = matrixFromRows(
  ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8'],
  ['s1', 's2', 's3', 's4'],
  [
    [5, 1, 3, 2],
    [3, 1, 3, 4],
    [3, 2, 1, 4],
    [1, 2, 2, 4],
    [2, 2, 5, 1],
    [3, 3, 3, 3],
    [4, 5, 0, 2],
    [0.5, 2, 4, 0],
  ],
);
export const handSets: ResolvedGeneSet[] = [
  { name: 'A', rows: [1, 2, 5], genes: ['g2', 'g3', 'g6'] },
  { name: 'B', rows: [3, 4, 7], genes: ['g4', 'g5', 'g8'] },
  { name: 'C', rows: [0, 5], genes: ['g1', 'g6'] },
];

/** expr.tsv (genes × samples, plain TSV) as a matrix. */
export function scoringMatrix(name: string): ExpressionMatrix {
  const lines = readFileSync(join(FIXTURES, 'scoring', name, 'expr.tsv'), 'utf8').split('\n').filter((l) => l.length > 0);
  const samples = lines[0].split('\t').slice(1);
  const ids: string[] = [];
  const rows: number[][] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split('\t');
    ids.push(cells[0]);
    rows.push(cells.slice(1).map(Number));
  }
  return matrixFromRows(ids, samples, rows);
}

/** genesets.gmt resolved by exact row ID (genes not in the matrix dropped, as GSVA does). */
export function scoringSets(name: string, matrix: ExpressionMatrix): ResolvedGeneSet[] {
  const index = new Map(matrix.rowIds.map((id, i) => [id, i]));
  return readFileSync(join(FIXTURES, 'scoring', name, 'genesets.gmt'), 'utf8').split('\n').filter((l) => l.length > 0).map((line) => {
    const [setName, , ...genes] = line.split('\t');
    const rows = [...new Set(genes.filter((g) => index.has(g)).map((g) => index.get(g)!))];
    return { name: setName, genes, rows };
  });
}

/** expected_<method>.tsv as {sample → {set → score}}, or null when R gave no such file. */
export function expectedScores(name: string, method: string): { sets: string[]; rows: Map<string, number[]> } | null {
  let text: string;
  try {
    text = readFileSync(join(FIXTURES, 'scoring', name, `expected_${method}.tsv`), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n').filter((l) => l.length > 0);
  const sets = lines[0].split('\t').slice(1);
  const rows = new Map(lines.slice(1).map((l) => {
    const [sample, ...v] = l.split('\t');
    return [sample, v.map((x) => (x === 'NA' ? NaN : Number(x)))];
  }));
  return { sets, rows };
}

/** The cases for which R gave an expected_<method>.tsv. */
export function casesWithExpected(method: string): string[] {
  return SCORING_CASES.filter((c) => expectedScores(c, method) !== null);
}

/**
 * `scores` of case `name` against every value of its expected_<method>.tsv (relative
 * tolerance 1e-6): the sets in R's order, then each set × sample.
 */
export function expectMatchesR(name: string, method: string, matrix: ExpressionMatrix, sets: ResolvedGeneSet[], scores: ScoreMatrix): void {
  const expected = expectedScores(name, method);
  expect(expected, `${name}/expected_${method}.tsv`).not.toBeNull();
  expect(sets.map((s) => s.name)).toEqual(expected!.sets);
  let checked = 0;
  matrix.samples.forEach((sample, j) => {
    const row = expected!.rows.get(sample)!;
    sets.forEach((set, g) => {
      expectClose(scores[g][j], row[g], 1e-6, `${name} ${set.name} ${sample}`);
      checked++;
    });
  });
  expect(checked).toBe(matrix.nSamples * sets.length);
}

/** Scores case `name` (expr.tsv, genesets.gmt) with `score` and checks it as expectMatchesR does. */
export function expectCaseMatchesR(name: string, method: string, score: (matrix: ExpressionMatrix, sets: ResolvedGeneSet[]) => ScoreMatrix): void {
  const matrix = scoringMatrix(name);
  const sets = scoringSets(name, matrix);
  expectMatchesR(name, method, matrix, sets, score(matrix, sets));
}
