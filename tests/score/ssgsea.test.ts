import { describe, expect, it } from 'vitest';
import { normaliseByRange, ssgsea, ssgseaRaw } from '../../src/score/ssgsea.js';
import { matrixFromRows, type ExpressionMatrix, type ResolvedGeneSet } from '../../src/score/types.js';
import { expectClose } from '../helpers/fixtures.js';
import { expectCaseMatchesR, expectMatchesR, handMatrix, handSets, scoringMatrix, scoringSets } from '../helpers/scoring.js';

/** A copy of `matrix` with some values changed by `edit(rowId, sample, value)`. */
function edited(matrix: ExpressionMatrix, edit: (id: string, sample: string, v: number) => number): ExpressionMatrix {
  const rows = matrix.rowIds.map((id, r) => Array.from(matrix.row(r), (v, j) => edit(id, matrix.samples[j], v)));
  return matrixFromRows(matrix.rowIds, matrix.samples, rows);
}

/** The adjacent double above (+1) or below (-1) a positive finite x. */
function nextDouble(x: number, dir: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(dir));
  return view.getFloat64(0);
}

describe('ssgsea against GSVA 1.46 (expected_ssgsea.tsv)', () => {
  it('synthetic-counts', () => expectCaseMatchesR('synthetic-counts', 'ssgsea', ssgsea));

  // ssGSEA reacts to exact ties, and the R session behind two fixtures held values that
  // differ from expr.tsv's 15-significant-digit text by one ulp: a near-tie in R became
  // an exact tie in the file (GSVA 1.46 run on expr.tsv itself gives our numbers, see
  // below; methods that do not rank, and gsva's tabulated kernel, are unaffected). The
  // two tests restore R's values and then check every expected value.

  it('synthetic-log, with R in-memory values restored', () => {
    // The generator shifted the 11 migrasome genes by +0.8 in samples S01-S20 after
    // rounding to one decimal: R held fl(a + 0.8), which prints as the same decimal as
    // expr.tsv but is not always the double that decimal parses to.
    const file = scoringMatrix('synthetic-log');
    const migrasome = new Set(file.rowIds.slice(0, 11));
    expect([...migrasome]).toEqual(['TSPAN4', 'TSPAN7', 'ITGA5', 'ITGB1', 'NDST1', 'EOGT', 'PIGK', 'CPQ', 'PIP5K1A', 'RAB35', 'SGMS2']);
    const high = new Set(Array.from({ length: 20 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`));
    const matrix = edited(file, (id, sample, v) => (migrasome.has(id) && high.has(sample) ? Number((v - 0.8).toFixed(1)) + 0.8 : v));
    const sets = scoringSets('synthetic-log', matrix);
    expectMatchesR('synthetic-log', 'ssgsea', matrix, sets, ssgsea(matrix, sets));
  });

  it('bladder-microarray, with R in-memory near-ties restored', () => {
    // Each pair is a set gene that shares its 15-digit text with another probe in one
    // sample; in R it was just above (+1) or below (-1) that probe.
    const nearTies: [string, string, 1 | -1][] = [
      ['204597_x_at', 'GSM71023.CEL', -1],
      ['202917_s_at', 'GSM71024.CEL', 1],
      ['202202_s_at', 'GSM71048.CEL', 1],
      ['203594_at', 'GSM71050.CEL', 1],
      ['201496_x_at', 'GSM71053.CEL', -1],
      ['209031_at', 'GSM71054.CEL', 1],
      ['209125_at', 'GSM71064.CEL', 1],
      ['209031_at', 'GSM71065.CEL', 1],
    ];
    const file = scoringMatrix('bladder-microarray');
    const nudge = new Map(nearTies.map(([id, sample, dir]) => [`${id}\t${sample}`, dir]));
    const matrix = edited(file, (id, sample, v) => {
      const dir = nudge.get(`${id}\t${sample}`);
      return dir === undefined ? v : nextDouble(v, dir);
    });
    const sets = scoringSets('bladder-microarray', matrix);
    expectMatchesR('bladder-microarray', 'ssgsea', matrix, sets, ssgsea(matrix, sets));
  });

  it('expr.tsv as written gives what GSVA 1.46 gives on it', () => {
    // gsva(expr, sets, method="ssgsea") on the files themselves (R 4.2.2, GSVA 1.46.0).
    const cases: [string, [string, string, number][]][] = [
      ['synthetic-log', [
        ['migrasome_core', 'S01', 0.56767804595105531],
        ['migrasome_core', 'S02', 0.48581843992562146],
        ['with_missing', 'S02', 0.75239175384398793],
        ['random_20', 'S01', 0.13992300571521657],
      ]],
      ['bladder-microarray', [
        ['top_var_15', 'GSM71019.CEL', 0.468461602285980161],
        ['random_25', 'GSM71020.CEL', 0.073376107736146098],
        ['random_100', 'GSM71073.CEL', 0.12963295689922141],
      ]],
    ];
    for (const [name, values] of cases) {
      const matrix = scoringMatrix(name);
      const sets = scoringSets(name, matrix);
      const scores = ssgsea(matrix, sets);
      for (const [set, sample, value] of values) {
        const g = sets.findIndex((s) => s.name === set);
        expectClose(scores[g][matrix.samples.indexOf(sample)], value, 1e-12, `${name} ${set} ${sample}`);
      }
    }
  });
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
