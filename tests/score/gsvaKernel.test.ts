// The fast Gaussian kernel (sorted pairs, counted saturation, near ties recomputed)
// against a literal transcription of GSVA 1.46's row_d / precomputedCdf (C, O(n^2) in
// sample order): every sample's order of genes (ties included) and so every gsva() score
// must be the same; the values themselves agree to ~1e-12.
import { describe, expect, it } from 'vitest';
import { gsva, gsvaKeptRows } from '../../src/score/gsva.js';
import { FAST_MIN_SAMPLES, gsvaKernelCdf, gsvaKernelRows, gsvaSd, gsvaSettleNearTies } from '../../src/score/gsvaKernel.js';
import { firstSaturatedIndex, forEachNearTie, gaussianRowSorted, halfWidth, nearTieBound } from '../../src/score/gsvaKernelFast.js';
import { normalCdfTable } from '../../src/score/gsvaNormalTable.js';
import { matrixFromRows, type ExpressionMatrix, type ResolvedGeneSet } from '../../src/score/types.js';
import { expectedScores, scoringMatrix, scoringSets, SCORING_CASES } from '../helpers/scoring.js';
import { expectClose } from '../helpers/fixtures.js';

const table = normalCdfTable();

/** C's left_tail for test value y over density samples x, in sample order, then the log-odds. */
function literalCell(x: ArrayLike<number>, y: number, bw: number): number {
  let leftTail = 0.0;
  for (let i = 0; i < x.length; i++) {
    const v = (y - x[i]) / bw;
    if (v < -10) continue;
    if (v > 10) {
      leftTail += 1;
      continue;
    }
    const cdf = table[Math.trunc((Math.abs(v) / 10) * 10000)];
    leftTail += v < 0 ? 1.0 - cdf : cdf;
  }
  leftTail = leftTail / x.length;
  return -1.0 * Math.log((1.0 - leftTail) / leftTail);
}

/** GSVA's compute.gene.density for `rows`, literally (gene-major). */
function literalDensity(m: ExpressionMatrix, rows: ArrayLike<number>): Float64Array {
  const n = m.nSamples;
  const out = new Float64Array(rows.length * n);
  for (let g = 0; g < rows.length; g++) {
    const x = m.row(rows[g]);
    const bw = gsvaSd(x) / 4;
    for (let j = 0; j < n; j++) out[g * n + j] = literalCell(x, x[j], bw);
  }
  return out;
}

/** Genes of sample j by decreasing value, ties in gene order (R's order(decreasing = TRUE)). */
function geneOrder(density: Float64Array, nGenes: number, n: number, j: number): number[] {
  return Array.from({ length: nGenes }, (_, g) => g).sort((a, b) => density[b * n + j] - density[a * n + j] || a - b);
}

function samplesOrderedDifferently(a: Float64Array, b: Float64Array, nGenes: number, n: number): number {
  let count = 0;
  for (let j = 0; j < n; j++) {
    const oa = geneOrder(a, nGenes, n, j);
    const ob = geneOrder(b, nGenes, n, j);
    if (oa.some((g, p) => g !== ob[p])) count++;
  }
  return count;
}

/**
 * Random log-scale genes with the ties real data has: values rounded to `decimals`, every
 * fifth gene half zeros, and genes repeated as exact copies and in shuffled sample order
 * (mathematically equal kernel sums, which C's sums tell apart in the last bits).
 */
function tiedMatrix(nGenes: number, n: number, decimals: number, seed: number): ExpressionMatrix {
  let s = seed;
  const rnd = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const rows: Float64Array[] = [];
  for (let g = 0; g < nGenes; g++) {
    const r = new Float64Array(n);
    const sd = 0.3 + 2 * rnd();
    for (let j = 0; j < n; j++) {
      const z = Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
      r[j] = g % 5 === 4 && rnd() < 0.5 ? 0 : Math.round((6 + sd * z) * 10 ** decimals) / 10 ** decimals;
    }
    rows.push(r);
  }
  for (let c = 0; c < nGenes / 8; c++) {
    const copy = Float64Array.from(rows[(c * 7) % nGenes]);
    if (c % 2 === 1) {
      for (let j = n - 1; j > 0; j--) {
        const k = Math.floor(rnd() * (j + 1));
        [copy[j], copy[k]] = [copy[k], copy[j]];
      }
    }
    rows.push(copy);
  }
  return matrixFromRows(rows.map((_, i) => `g${i}`), Array.from({ length: n }, (_, j) => `s${j}`), rows);
}

function someSets(m: ExpressionMatrix, seed: number): ResolvedGeneSet[] {
  let s = seed;
  const pick = (): number => {
    s = (s * 48271) % 2147483647;
    return s % m.nRows;
  };
  return Array.from({ length: 12 }, (_, k) => {
    const rows = [...new Set(Array.from({ length: 3 + 4 * k }, pick))];
    return { name: `set${k}`, genes: rows.map((r) => m.rowIds[r]), rows };
  });
}

describe('fast Gaussian kernel vs a literal O(n^2) GSVA kernel', () => {
  const cases: [string, number, number, number][] = [
    ['one decimal', 240, 150, 1],
    ['four decimals', 200, 220, 4],
    ['integers', 300, 64, 0],
    ['just above the fast-path threshold', 200, FAST_MIN_SAMPLES, 1],
  ];
  for (const [label, nGenes, n, decimals] of cases) {
    it(`orders every sample's genes as GSVA does, and scores equal (${label}, ${nGenes} genes × ${n})`, () => {
      const m = tiedMatrix(nGenes, n, decimals, nGenes + n);
      const kept = gsvaKeptRows(m);
      const literal = literalDensity(m, kept);
      const raw = new Float64Array(kept.length * n);
      gsvaKernelRows(m, kept, 'gaussian', 0, kept.length, raw);
      const fast = Float64Array.from(raw);
      const recomputed = gsvaSettleNearTies(fast, m, kept, 'gaussian');

      // values: GSVA's terms summed in another order
      let maxDiff = 0;
      for (let i = 0; i < literal.length; i++) maxDiff = Math.max(maxDiff, Math.abs(literal[i] - fast[i]));
      expect(maxDiff).toBeLessThan(1e-11);
      expect(maxDiff, 'the fast path ran').toBeGreaterThan(0);

      // the copies make near ties that the raw sums order differently from C: settled
      expect(recomputed).toBeGreaterThan(0);
      expect(samplesOrderedDifferently(literal, raw, kept.length, n), 'raw sums misorder some sample').toBeGreaterThan(0);
      expect(samplesOrderedDifferently(literal, fast, kept.length, n)).toBe(0);

      const sets = someSets(m, n);
      const want = gsva(m, sets, { kcdf: 'gaussian', density: literal });
      const got = gsva(m, sets, { kcdf: 'gaussian' });
      expect(got.map((r) => Array.from(r))).toEqual(want.map((r) => Array.from(r)));
    });
  }

  it('reads the table index as C does where the product lands near an integer', () => {
    // bw = 1: v = d exactly; d = 0.7 -> 0.7 / 10 * 10000 = 699.999... -> entry 699, while
    // 0.7 * 1000 = 700 exactly; multiples of 0.001 put many products on integers.
    const n = 200;
    const x = Float64Array.from({ length: n }, (_, i) => [0, 0.7, 1.4, 2.1, 0.001 * i, 0.35 * (i % 17)][i % 6] + (i % 6 === 4 ? 3 : 0));
    const out = new Float64Array(n);
    gaussianRowSorted(x, 1, table, firstSaturatedIndex(table), 10, 10000, out, 0);
    for (let j = 0; j < n; j++) expectClose(out[j], literalCell(x, x[j], 1), 1e-13, `sample ${j}`);
    // and every value past the table's last entry below 1 counts as exactly 1 or 0
    expect(firstSaturatedIndex(table)).toBe(8293);
    const far = Float64Array.from({ length: 40 }, (_, i) => (i < 20 ? i * 1e-3 : 50 + i * 1e-3));
    const farOut = new Float64Array(40);
    gaussianRowSorted(far, 1, table, 8293, 10, 10000, farOut, 0);
    for (let j = 0; j < 40; j++) expectClose(farOut[j], literalCell(far, far[j], 1), 1e-13, `far ${j}`);
  });

  it('flags every pair of genes closer than the bound, and only those', () => {
    const bound = nearTieBound(2000);
    // |dS| <= 2 gamma_n n: ~4.4e-13 in L, times the log-odds' slope 2 + 2 cosh(v)
    expect(bound.dL).toBeGreaterThan(4.4e-13);
    expect(halfWidth(0, bound)).toBeGreaterThan(4 * 4.4e-13);
    expect(halfWidth(0, bound)).toBeLessThan(1e-11);
    expect(halfWidth(7.5, bound)).toBeGreaterThan(halfWidth(0, bound) * 400); // near L = 1 - 0.5/n
    expect(bound.abs).toBeGreaterThanOrEqual(halfWidth(Math.log(3999), bound) - bound.rel * Math.log(3999));
    const h1 = halfWidth(1, bound);
    const h7 = halfWidth(7, bound);
    // 4 genes × 3 samples. Sample 0: genes 1 and 3 apart by h(1) (flagged); sample 1: genes
    // 0 and 2 near 7 apart by 1.5 h(7) (flagged), gene 3 by 3 h(1) from gene 1's 1 (not);
    // sample 2: three equal values.
    const d = Float64Array.from([0.5, 7, -2, 1 + h1, 1, 3, -1, 7 + 1.5 * h7, 3, 1, 1 + 3 * h1, 3]);
    const seen: string[] = [];
    forEachNearTie(d, 4, 3, bound, (g, j) => seen.push(`${g}:${j}`));
    expect(seen.sort()).toEqual(['0:1', '1:0', '1:2', '2:1', '2:2', '3:0', '3:2']);
  });

  it('keeps literal values below FAST_MIN_SAMPLES samples', () => {
    const m = tiedMatrix(30, FAST_MIN_SAMPLES - 1, 1, 7);
    const kept = gsvaKeptRows(m);
    expect(Array.from(gsvaKernelCdf(m, kept, 'gaussian'))).toEqual(Array.from(literalDensity(m, kept)));
  });
});

describe('fast Gaussian kernel on the R reference cases', () => {
  for (const name of SCORING_CASES) {
    it(`${name}: the literal kernel's gene order in every sample, and R's scores`, () => {
      const m = scoringMatrix(name);
      expect(m.nSamples).toBeGreaterThanOrEqual(FAST_MIN_SAMPLES);
      const kept = gsvaKeptRows(m);
      const fast = gsvaKernelCdf(m, kept, 'gaussian');
      const literal = literalDensity(m, kept);
      expect(samplesOrderedDifferently(literal, fast, kept.length, m.nSamples)).toBe(0);
      const sets = scoringSets(name, m);
      const scores = gsva(m, sets, { kcdf: 'gaussian' });
      const want = gsva(m, sets, { kcdf: 'gaussian', density: literal });
      expect(scores.map((r) => Array.from(r))).toEqual(want.map((r) => Array.from(r)));
      const expected = expectedScores(name, 'gsva')!;
      for (const [sample, values] of expected.rows) {
        const j = m.samples.indexOf(sample);
        expected.sets.forEach((setName, k) => {
          expectClose(scores[sets.findIndex((s) => s.name === setName)][j], values[k], 1e-6, `${name} ${setName} ${sample}`);
        });
      }
    });
  }
});
