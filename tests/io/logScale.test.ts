import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectUnlogged, EXACT_LIMIT, log2PlusOne } from '../../src/io/logScale.js';
import { readExpressionMatrix } from '../../src/io/matrix.js';
import { mulberry32 } from '../../src/random.js';
import { matrixFromRows } from '../../src/score/types.js';
import { FIXTURES } from '../helpers/fixtures.js';

function randomMatrix(nRows: number, nSamples: number, value: (rand: () => number, r: number) => number, seed = 1) {
  const rand = mulberry32(seed);
  const rows = Array.from({ length: nRows }, (_, r) => Array.from({ length: nSamples }, () => value(rand, r)));
  return matrixFromRows(rows.map((_, r) => `G${r}`), Array.from({ length: nSamples }, (_, j) => `S${j}`), rows);
}

describe('detectUnlogged (GEO2R rule)', () => {
  it('computes R quantile type 7 at 0, .25, .5, .75, .99, 1', () => {
    // R: quantile(1:10, c(0, .25, .5, .75, .99, 1)) = 1, 3.25, 5.5, 7.75, 9.91, 10
    const m = matrixFromRows(['a', 'b'], ['1', '2', '3', '4', '5'], [[10, 2, 3, 4, 5], [6, 7, 8, 9, 1]]);
    const d = detectUnlogged(m);
    expect(d.quantiles.slice(0, 4)).toEqual([1, 3.25, 5.5, 7.75]);
    expect(d.quantiles[4]).toBeCloseTo(9.91, 14);
    expect(d.quantiles[5]).toBe(10);
    expect(d.basis).toBe('all');
    expect(d.unlogged).toBe(false);
  });

  it('ignores missing values (na.rm = TRUE)', () => {
    const m = matrixFromRows(['a'], ['1', '2', '3'], [[NaN, 1, 3]]);
    expect(detectUnlogged(m).quantiles).toEqual([1, 1.5, 2, 2.5, 2.98, 3].map((x, i) => (i === 4 ? expect.closeTo(x, 12) : x)));
    expect(detectUnlogged(matrixFromRows(['a'], ['1'], [[NaN]])).unlogged).toBe(false);
  });

  it('calls RSEM-like counts unlogged (99th percentile > 100)', () => {
    const m = randomMatrix(300, 50, (rand) => Math.round(2 ** (rand() * 16) * 100) / 100);
    const d = detectUnlogged(m);
    expect(d.unlogged).toBe(true);
    expect(d.reason).toMatch(/99th percentile .* > 100/);
  });

  it('calls a wide positive range unlogged even with the 99th percentile ≤ 100', () => {
    const m = randomMatrix(100, 40, (rand, r) => (r === 0 ? 95 : 1 + rand() * 40));
    const d = detectUnlogged(m);
    expect(d.quantiles[4]).toBeLessThanOrEqual(100);
    expect(d.unlogged).toBe(true);
    expect(d.reason).toMatch(/spans more than 50 and the 25th percentile/);
  });

  it('calls log-scale data logged: synthetic values and the log2 fixtures', async () => {
    expect(detectUnlogged(randomMatrix(200, 30, (rand) => rand() * 16)).unlogged).toBe(false);
    for (const name of ['synthetic-log', 'bladder-microarray']) {
      const m = await readExpressionMatrix(join(FIXTURES, 'scoring', name, 'expr.tsv'));
      const d = detectUnlogged(m);
      expect(d.unlogged, name).toBe(false);
      expect(d.reason).toMatch(/looks log-scaled/);
    }
  });

  it('calls the real Firehose RSEM slice unlogged', async () => {
    const m = await readExpressionMatrix(join(FIXTURES, 'io', 'firehose-slice.rsem.tsv.gz'));
    const d = detectUnlogged(m);
    expect(d.unlogged).toBe(true);
    expect(d.reason).toMatch(/99th percentile/);
  });

  it('samples big matrices deterministically, with exact minimum and maximum', () => {
    const nRows = 1100;
    const nSamples = 2000;
    expect(nRows * nSamples).toBeGreaterThan(EXACT_LIMIT);
    const m = randomMatrix(nRows, nSamples, (rand) => rand() * 10, 3);
    m.row(517)[1234] = -3; // the exact extremes are found even if never sampled
    m.row(1099)[0] = 42;
    const a = detectUnlogged(m);
    const b = detectUnlogged(m);
    expect(a).toEqual(b);
    expect(a.basis).toEqual({ sampled: 1_000_000, of: nRows * nSamples });
    expect(a.quantiles[0]).toBe(-3);
    expect(a.quantiles[5]).toBe(42);
    // Uniform(0, 10): quantiles 2.5, 5, 7.5, 9.9 within sampling error.
    expect(a.quantiles[1]).toBeCloseTo(2.5, 1);
    expect(a.quantiles[2]).toBeCloseTo(5, 1);
    expect(a.quantiles[3]).toBeCloseTo(7.5, 1);
    expect(a.quantiles[4]).toBeCloseTo(9.9, 1);
    expect(a.unlogged).toBe(false);
    expect(a.reason).toMatch(/sampled values/);
  });
});

describe('log2PlusOne', () => {
  it('returns log2(x + 1) in new shared blocks and leaves the input alone', async () => {
    const m = await readExpressionMatrix(join(FIXTURES, 'io', 'firehose-slice.rsem.tsv.gz'), { rowsPerBlock: 10 });
    const before = Array.from(m.row(5));
    const t = log2PlusOne(m);
    expect([t.nRows, t.nSamples, t.rowsPerBlock]).toEqual([m.nRows, m.nSamples, 10]);
    expect(t.rowIds).toEqual(m.rowIds);
    expect(t.samples).toEqual(m.samples);
    expect(t.blocks.map((b) => b.length)).toEqual(m.blocks.map((b) => b.length));
    for (const b of t.blocks) expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (let r = 0; r < m.nRows; r++) {
      expect(Array.from(t.row(r))).toEqual(Array.from(m.row(r), (x) => Math.log2(x + 1)));
    }
    expect(Array.from(m.row(5))).toEqual(before);
    expect(detectUnlogged(t).unlogged).toBe(false);
  });

  it('works on a plain matrix and in place on a block matrix', async () => {
    const plain = log2PlusOne(matrixFromRows(['a', 'b'], ['x', 'y'], [[0, 1], [3, 1023]]));
    expect([Array.from(plain.row(0)), Array.from(plain.row(1))]).toEqual([[0, 1], [2, 10]]);
    const m = await readExpressionMatrix(join(FIXTURES, 'io', 'firehose-slice.rsem.tsv.gz'));
    const expected = Array.from(m.row(3), (x) => Math.log2(x + 1));
    const same = log2PlusOne(m, { inPlace: true });
    expect(same).toBe(m);
    expect(Array.from(m.row(3))).toEqual(expected);
  });
});
