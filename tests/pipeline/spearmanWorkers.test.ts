// `associate --genes` on a matrix large enough for worker threads: the genes are split
// between two threads reading the shared rows, and associate_genes.tsv.gz must be the
// single-thread table to the last digit, each rho and p cor.test's (spearmanTest, which the
// stats tests tie to R) for untied, tied and constant genes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIN_CELLS_FOR_SPEARMAN_WORKERS } from '../../src/pipeline/spearmanWorkers.js';
import { spearmanTest } from '../../src/stats/spearman.js';
import { runCli, tempDir } from '../helpers/cli.js';

// 1,100 genes × 3,700 samples in 3 cancers = 4.07e6 cells, above the worker threshold (4e6).
// AAA (1,000) and CCC (1,200) are at most 1,290 samples, so untied genes take AS 89's exact p.
const nGenes = 1100;
const sizes: [string, number][] = [['AAA', 1000], ['BBB', 1500], ['CCC', 1200]];
const n = sizes.reduce((s, [, k]) => s + k, 0);
const cancerOf = (j: number) => (j % 37 < 10 ? 'AAA' : j % 37 < 25 ? 'BBB' : 'CCC');
let state = 4242;
const rnd = (): number => {
  state = (state * 16807) % 2147483647;
  return state / 2147483647;
};
const patients = Array.from({ length: n }, (_, j) => `TCGA-AB-${j.toString(36).toUpperCase().padStart(4, '0')}`);
const samples = patients.map((p) => `${p}-01A-11R-A001-07`);
const ids = Array.from({ length: nGenes }, (_, g) => `G${String(g).padStart(4, '0')}`);
// Gene g: 1 decimal (ties) when g % 3 = 0, else 6 decimals; G0007 constant (rho NA).
const cell = (g: number): string => {
  if (g === 7) return '5';
  const v = 2 + (g % 11) + 3 * (rnd() + rnd() - 1);
  return v.toFixed(g % 3 === 0 ? 1 : 6);
};

function writeInputs(dir: string): { expr: string; withFile: string; gmt: string } {
  const expr = join(dir, 'expr.tsv');
  writeFileSync(expr, [['gene', ...samples].join('\t'), ...ids.map((id, g) => [id, ...samples.map(() => cell(g))].join('\t'))].join('\n') + '\n');
  const withFile = join(dir, 'covariates.tsv');
  writeFileSync(withFile, ['patient\tproject\tage', ...patients.map((p, j) => `${p}\t${cancerOf(j)}\t${(j * 13) % 71}`)].join('\n') + '\n');
  const gmt = join(dir, 'set.gmt');
  writeFileSync(gmt, `first\tna\t${ids.slice(10, 25).join('\t')}\n`);
  return { expr, withFile, gmt };
}

const table = (text: string) => text.trim().split('\n').slice(1).map((l) => l.split('\t'));

describe('associate --genes across worker threads', () => {
  it('gives the single-thread table exactly, with cor.test numbers', () => {
    expect(sizes.map(([c]) => samples.filter((_, j) => cancerOf(j) === c).length)).toEqual(sizes.map(([, k]) => k));
    expect(nGenes * n).toBeGreaterThanOrEqual(MIN_CELLS_FOR_SPEARMAN_WORKERS);
    const dir = tempDir();
    const { expr, withFile, gmt } = writeInputs(dir);
    const outs = ['2', '1'].map((threads) => {
      const out = join(dir, `out-${threads}`);
      const r = runCli(['associate', '--expr', expr, '--geneset', gmt, '--log2', 'no', '--with', withFile, '--cancer-col', 'project',
        '--vars', 'age', '--genes', '--threads', threads, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    const [two, one] = outs.map((o) => gunzipSync(readFileSync(join(o, 'associate_genes.tsv.gz'))).toString('utf8'));
    expect(two).toBe(one);
    const rows = table(two);
    expect(rows.length).toBe(3 * nGenes);

    // Spot checks against cor.test on the scores the run wrote.
    const column = new Map(samples.map((s, j) => [s, j]));
    const scores = table(readFileSync(join(outs[0], 'scores.tsv'), 'utf8'));
    const values = readFileSync(expr, 'utf8').trim().split('\n');
    const got = new Map(rows.map(([c, g, rho, p]) => [`${c} ${g}`, { rho, p }]));
    const methods = new Set<string>();
    for (const [cancer] of sizes) {
      const mine = scores.filter((r) => r[2] === cancer);
      const score = mine.map((r) => Number(r[3]));
      for (const g of [0, 1, 2, 7, 8, 549, 550, 551, 1098, 1099]) {
        const cells = values[g + 1].split('\t').slice(1);
        const gene = mine.map((r) => Number(cells[column.get(r[0])!]));
        const row = got.get(`${cancer} ${ids[g]}`)!;
        if (g === 7) {
          expect(row).toEqual({ rho: 'NA', p: 'NA' });
          continue;
        }
        const t = spearmanTest(score, gene);
        methods.add(t.method);
        expect(Number(row.rho), `${cancer} ${ids[g]}`).toBe(t.rho);
        expect(Number(row.p), `${cancer} ${ids[g]}`).toBe(t.p);
      }
    }
    expect([...methods].sort()).toEqual(['spearman-asymptotic', 'spearman-exact']);
  });
});
