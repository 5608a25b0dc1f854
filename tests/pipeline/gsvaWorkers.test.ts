// `score --method gsva` on a matrix large enough for worker threads: the kernel rows are
// computed by two threads taking chunks of genes, the near ties settled per sample range,
// and the scores must equal, to the last digit, those of gsva() in one thread (which the
// kernel tests tie to a literal transcription of GSVA's C code).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_TERMS_FOR_WORKERS } from '../../src/pipeline/gsvaWorkers.js';
import { gsva } from '../../src/score/gsva.js';
import { matrixFromRows } from '../../src/score/types.js';
import { runCli, tempDir } from '../helpers/cli.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 230 genes × 480 samples = 5.3e7 kernel terms, above the worker threshold (5e7);
// values with 2 decimals, a block of zeros, and shuffled copies of genes (near ties).
const nGenes = 230;
const n = 480;
let state = 12345;
const rnd = (): number => {
  state = (state * 16807) % 2147483647;
  return state / 2147483647;
};
const rows: number[][] = [];
for (let g = 0; g < nGenes - 30; g++) {
  const mean = 2 + 10 * rnd();
  rows.push(Array.from({ length: n }, () => (g % 7 === 0 && rnd() < 0.4 ? 0 : Math.round((mean + 2 * (rnd() + rnd() + rnd() - 1.5)) * 100) / 100)));
}
for (let c = 0; c < 30; c++) rows.push([...rows[c * 3]].sort(() => rnd() - 0.5));
const ids = rows.map((_, g) => `GENE${String(g).padStart(4, '0')}`);
const samples = Array.from({ length: n }, (_, j) => `S${j}`);
const sets = [
  { name: 'first', genes: ids.slice(0, 12) },
  { name: 'spread', genes: ids.filter((_, g) => g % 9 === 4) },
  { name: 'copies', genes: ids.slice(nGenes - 20) },
];

function writeInputs(): { expr: string; gmt: string } {
  mkdirSync(dir, { recursive: true });
  const expr = join(dir, 'expr.tsv');
  writeFileSync(expr, [['gene', ...samples].join('\t'), ...rows.map((r, g) => [ids[g], ...r].join('\t'))].join('\n') + '\n');
  const gmt = join(dir, 'sets.gmt');
  writeFileSync(gmt, sets.map((s) => [s.name, 'na', ...s.genes].join('\t')).join('\n') + '\n');
  return { expr, gmt };
}

function readScores(path: string): Map<string, number[]> {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  return new Map(lines.slice(1).map((l) => {
    const [sample, ...v] = l.split('\t');
    return [sample, v.map(Number)];
  }));
}

describe('score --method gsva across worker threads', () => {
  it('gives the single-thread scores exactly', () => {
    expect(nGenes * n * n).toBeGreaterThanOrEqual(MIN_TERMS_FOR_WORKERS);
    const { expr, gmt } = writeInputs();
    const runs = ['2', '1'].map((threads) => {
      const out = join(dir, `scores-${threads}.tsv`);
      const r = runCli(['score', '--expr', expr, '--geneset', gmt, '--method', 'gsva', '--log2', 'no', '--threads', threads, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      return readScores(out);
    });
    const m = matrixFromRows(ids, samples, rows);
    const want = gsva(m, sets.map((s) => ({ ...s, rows: s.genes.map((g) => ids.indexOf(g)) })), { kcdf: 'gaussian' });
    for (const got of runs) {
      expect(got.size).toBe(n);
      samples.forEach((s, j) => expect(got.get(s), s).toEqual(want.map((row) => row[j])));
    }
  });
});
