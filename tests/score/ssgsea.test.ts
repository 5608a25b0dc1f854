import { describe, expect, it } from 'vitest';
import { normaliseByRange, ssgsea, ssgseaRaw } from '../../src/score/ssgsea.js';
import { matrixFromRows, type ResolvedGeneSet } from '../../src/score/types.js';
import { expectClose } from '../helpers/fixtures.js';
import { expectCaseMatchesR, handMatrix, handSets } from '../helpers/scoring.js';

describe('ssgsea against GSVA 1.46 (expected_ssgsea.tsv)', () => {
  it.each(['synthetic-counts', 'synthetic-log', 'bladder-microarray'])('%s', (name) => expectCaseMatchesR(name, 'ssgsea', ssgsea));
});

// Ties by hand. Integer-truncated average ranks of handMatrix (R):
//   s1: 8 5 5 2 3 5 7 1   s2: 1 1 4 4 4 7 8 4   s3: 5 5 2 3 8 5 1 7   s4: 3 7 7 7 2 5 3 1
// e.g. in s2, g1 and g2 tie at ranks 1-2 -> 1.5 -> 1; four genes tie at 3-6 -> 4.5 -> 4.
describe('ssgsea with ties (GSVA 1.46 on the matrix above)', () => {
  it('normalised scores', () => {
    // gsva(x, list(A=..., B=..., C=...), method="ssgsea")
    const expected = [
      [0.10777959552477752, 0.103085453689334472, -0.163186996614886892, 0.4732502381783442735],
      [-0.52674976182165578, -0.107779595524777519, 0.353693761686492247, -0.2636512314521607947],
      [0.28526105093870546, 0.080347182443067211, 0.089816329603981324, 0.0042954589691748318],
    ];
    const scores = ssgsea(handMatrix, handSets);
    expected.forEach((row, g) => row.forEach((v, j) => expectClose(scores[g][j], v, 1e-12, `${g} ${j}`)));
  });

  it('raw scores (ssgsea.norm=FALSE)', () => {
    const expected = [
      [0.79999999999999982, 0.76515747298855707, -1.21126449451090545, 3.512726028514726373],
      [-3.90982919731266421, -0.79999999999999982, 2.62531147914862073, -1.956965825811062931],
      [2.11736590437010186, 0.59638139892329534, 0.66666666666666696, 0.031883281418975784],
    ];
    const scores = ssgsea(handMatrix, handSets, { normalize: false });
    expected.forEach((row, g) => row.forEach((v, j) => expectClose(scores[g][j], v, 1e-12, `${g} ${j}`)));
  });
});

/** GSVA's `.rndWalk` literally: walk over every position, sum of the walk statistic. */
function literalWalk(values: number[], set: number[], alpha: number): number {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  // average ranks, truncated
  const asc = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const rank = new Array<number>(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[asc[j + 1]] === values[asc[i]]) j++;
    for (let t = i; t <= j; t++) rank[asc[t]] = Math.trunc((i + 1 + j + 1) / 2);
    i = j + 1;
  }
  const inSet = new Set(set);
  let totalIn = 0;
  for (const g of set) totalIn += rank[g] ** alpha;
  let cumIn = 0;
  let cumOut = 0;
  let sum = 0;
  for (const g of order) {
    if (inSet.has(g)) cumIn += rank[g] ** alpha;
    else cumOut += 1;
    sum += cumIn / totalIn - cumOut / (n - set.length);
  }
  return sum;
}

describe('ssgsea internals', () => {
  const rnd = (() => {
    let s = 12345;
    return () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 2 ** 32;
    };
  })();
  const nGenes = 200;
  const nSamples = 37;
  const rows = Array.from({ length: nGenes }, () => Array.from({ length: nSamples }, () => Math.round(rnd() * 60) / 10));
  const matrix = matrixFromRows(rows.map((_, i) => `g${i}`), rows[0].map((_, j) => `s${j}`), rows);
  const sets: ResolvedGeneSet[] = [
    { name: 'a', rows: [0, 5, 17, 33, 150], genes: [] },
    { name: 'b', rows: Array.from({ length: 40 }, (_, i) => i * 5), genes: [] },
    { name: 'c', rows: [199], genes: [] },
  ];

  it('the closed form equals the literal random walk', () => {
    for (const alpha of [0.25, 1, 0]) {
      const raw = ssgseaRaw(matrix, sets, { alpha });
      sets.forEach((set, g) => {
        for (let j = 0; j < nSamples; j++) {
          const walk = literalWalk(rows.map((r) => r[j]), set.rows, alpha);
          expectClose(raw[g][j], walk, 1e-10, `alpha ${alpha} set ${set.name} sample ${j}`);
        }
      });
    }
  });

  it('raw scores over two sample ranges, normalised together, equal ssgsea over all', () => {
    const whole = ssgsea(matrix, sets);
    const parts = [
      ssgseaRaw(matrix, sets, { sampleStart: 0, sampleEnd: 12 }),
      ssgseaRaw(matrix, sets, { sampleStart: 12, sampleEnd: nSamples }),
    ];
    expect(parts[0][0].length).toBe(12);
    const joined = normaliseByRange(parts);
    sets.forEach((_, g) => expect(Array.from(joined[g])).toEqual(Array.from(whole[g])));
    // the normalised scores span a range of exactly 1
    const all = joined.flatMap((s) => Array.from(s));
    expectClose(Math.max(...all) - Math.min(...all), 1, 1e-12, 'range');
  });

  it('rejects a bad sample range', () => {
    expect(() => ssgseaRaw(matrix, sets, { sampleStart: 5, sampleEnd: 2 })).toThrow(RangeError);
    expect(() => ssgseaRaw(matrix, sets, { sampleEnd: nSamples + 1 })).toThrow(RangeError);
  });

  it('empty sets give NaN and do not enter the range', () => {
    const withEmpty = [...sets, { name: 'empty', rows: [], genes: ['X'] }];
    const scores = ssgsea(matrix, withEmpty);
    expect(Array.from(scores[3]).every(Number.isNaN)).toBe(true);
    sets.forEach((_, g) => expect(Array.from(scores[g])).toEqual(Array.from(ssgsea(matrix, sets)[g])));
  });

  it('a missing value leaves the gene out of that sample only', () => {
    const holed = rows.map((r) => r.slice());
    holed[5][3] = NaN; // a member of set a
    holed[100][3] = NaN; // a gene of no set
    const m = matrixFromRows(matrix.rowIds, matrix.samples, holed);
    const raw = ssgseaRaw(m, sets);
    // sample 3 equals the walk over the 198 remaining genes
    const keep = holed.map((_, i) => i).filter((i) => i !== 5 && i !== 100);
    const values = keep.map((i) => holed[i][3]);
    const newIndex = new Map(keep.map((i, k) => [i, k]));
    sets.forEach((set, g) => {
      const members = set.rows.filter((r) => newIndex.has(r)).map((r) => newIndex.get(r)!);
      expectClose(raw[g][3], literalWalk(values, members, 0.25), 1e-10, `set ${set.name}`);
    });
    // other samples untouched
    const clean = ssgseaRaw(matrix, sets);
    expect(raw[0][4]).toBe(clean[0][4]);
  });
});
