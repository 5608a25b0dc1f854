// The R reference scoring cases (GSVA 1.46) copied into tests/fixtures/scoring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixFromRows, type ExpressionMatrix, type ResolvedGeneSet } from '../../src/score/types.js';
import { FIXTURES } from './fixtures.js';

export const SCORING_CASES = ['synthetic-log', 'synthetic-counts', 'bladder-microarray'];

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
