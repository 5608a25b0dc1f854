import { describe, expect, it } from 'vitest';
import { meanZScore } from '../../src/score/mean.js';
import { alignSign, firstRightSingularVector, jacobiEigen, plage } from '../../src/score/plage.js';
import { matrixFromRows, type ResolvedGeneSet } from '../../src/score/types.js';
import { expectClose } from '../helpers/fixtures.js';
import { casesWithExpected, expectCaseMatchesR } from '../helpers/scoring.js';

describe('plage against the R reference', () => {
  const cases = casesWithExpected('plage');
  it('has its R reference cases', () => expect(cases).toEqual(['synthetic-log', 'bladder-microarray']));
  for (const name of cases) it(name, () => expectCaseMatchesR(name, 'plage', plage));
});

// 7 genes x 5 samples (R: set.seed(7); round(rnorm(35, 8, 2), 2)); GSVA 1.46
// gsva(x, sets, method="plage") with signs flipped to correlate positively with meanz.
const small = matrixFromRows(
  ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'],
  ['s1', 's2', 's3', 's4', 's5'],
  [
    [12.57, 7.77, 11.79, 9.41, 6.03],
    [5.61, 8.31, 8.94, 10.61, 7.45],
    [6.61, 12.38, 6.21, 5.22, 6.26],
    [7.18, 8.71, 7.39, 10.55, 9.44],
    [6.06, 13.43, 7.99, 8.37, 8.22],
    [6.11, 12.56, 9.98, 9.5, 7.84],
    [9.5, 8.65, 9.68, 9.18, 7.16],
  ],
);
const set = (name: string, rows: number[]): ResolvedGeneSet => ({ name, rows, genes: rows.map((r) => `g${r + 1}`) });

describe('plage by hand', () => {
  it('more genes than samples (Gram of the samples) and fewer (Gram of the genes)', () => {
    const [wide, narrow] = plage(small, [set('wide', [0, 1, 2, 3, 4, 5, 6]), set('narrow', [1, 4, 6])]);
    const expected = [
      [-0.68669382538535484, 0.65245393549624076, -0.248630711169157442, 0.1198675789865038, 0.16300302207176795],
      [-0.76598773735329762, 0.58604179085973251, -0.092266419841472297, 0.2462309468836569, 0.02598141945138055],
    ];
    expected[0].forEach((v, j) => expectClose(wide[j], v, 1e-10, `wide ${j}`));
    expected[1].forEach((v, j) => expectClose(narrow[j], v, 1e-10, `narrow ${j}`));
  });

  it('sign rule: positive correlation with meanz, whatever the data orientation', () => {
    const negated = matrixFromRows(small.rowIds, small.samples, small.rowIds.map((_, r) => Array.from(small.row(r), (v) => -v)));
    const sets = [set('a', [0, 1, 2, 3, 4, 5, 6]), set('b', [1, 4, 6]), set('c', [0, 2])];
    for (const m of [small, negated]) {
      const p = plage(m, sets);
      const mz = meanZScore(m, sets);
      sets.forEach((_, g) => {
        let cov = 0;
        for (let j = 0; j < m.nSamples; j++) cov += p[g][j] * mz[g][j];
        expect(cov).toBeGreaterThan(0);
      });
    }
    const a = plage(small, sets);
    const b = plage(negated, sets);
    sets.forEach((_, g) => a[g].forEach((v, j) => expectClose(b[g][j], -v, 1e-10, `${g} ${j}`)));
  });

  it('alignSign flips only when the correlation is negative', () => {
    expect(Array.from(alignSign(Float64Array.of(1, -1), Float64Array.of(-2, 2)))).toEqual([-1, 1]);
    expect(Array.from(alignSign(Float64Array.of(1, -1), Float64Array.of(2, -2)))).toEqual([1, -1]);
    // no correlation: the largest entry is made positive
    expect(Array.from(alignSign(Float64Array.of(1, -3, 1), Float64Array.of(0, 0, 0)))).toEqual([-1, 3, -1]);
  });

  it('a one-gene set gives its z-scores scaled to unit length', () => {
    const [one] = plage(small, [set('one', [2])]);
    const x = Array.from(small.row(2));
    const mean = x.reduce((a, b) => a + b) / x.length;
    const norm = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0));
    x.forEach((v, j) => expectClose(one[j], (v - mean) / norm, 1e-12, `${j}`));
  });

  it('constant genes and genes with a missing value are dropped (GSVA .filterFeatures); empty sets give NaN', () => {
    const m = matrixFromRows(
      [...small.rowIds, 'flat', 'holed'],
      small.samples,
      [...small.rowIds.map((_, r) => Array.from(small.row(r))), [3, 3, 3, 3, 3], [1, 2, NaN, 4, 5]],
    );
    const [withFlat, onlyBad, none] = plage(m, [set('x', [1, 7, 4, 8, 6]), set('bad', [7, 8]), set('none', [])]);
    const [plain] = plage(small, [set('x', [1, 4, 6])]);
    plain.forEach((v, j) => expectClose(withFlat[j], v, 1e-12, `${j}`));
    expect(Array.from(onlyBad).every(Number.isNaN)).toBe(true);
    expect(Array.from(none).every(Number.isNaN)).toBe(true);
  });

  it('Jacobi eigen-decomposition and the singular vector are accurate', () => {
    // symmetric matrix with known spectrum: Q diag(5, 2, 2, -1) Q'
    const s = 0.5;
    const q = [
      [s, s, s, s],
      [s, -s, s, -s],
      [s, s, -s, -s],
      [s, -s, -s, s],
    ];
    const d = [5, 2, 2, -1];
    const a = new Float64Array(16);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) for (let k = 0; k < 4; k++) a[i * 4 + j] += q[i][k] * d[k] * q[j][k];
    const { values, vectors } = jacobiEigen(a, 4);
    expect(Array.from(values).sort((x, y) => x - y).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-1, 2, 2, 5]);
    const top = Array.from(values).indexOf(Math.max(...values));
    for (let i = 0; i < 4; i++) expectClose(Math.abs(vectors[i * 4 + top]), 0.5, 1e-13, `v${i}`);
    // rank-one matrix: the singular vector is the row direction
    const v = firstRightSingularVector([Float64Array.of(1, 2, 2), Float64Array.of(-2, -4, -4)], 3);
    [1 / 3, 2 / 3, 2 / 3].forEach((x, j) => expectClose(Math.abs(v[j]), x, 1e-14, `${j}`));
  });
});
