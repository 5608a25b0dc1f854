// GSVA method="gsva" against Bioconductor GSVA 1.46 (R 4.2.2): the reference cases in
// tests/fixtures/scoring, plus small cases whose R values were printed with %.17g.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MigrascoreError } from '../../src/errors.js';
import { gsva, gsvaEnrichment, gsvaKeptRows } from '../../src/score/gsva.js';
import { gsvaKernelCdf, gsvaSd, precomputedNormalCdf } from '../../src/score/gsvaKernel.js';
import { poissonCdf } from '../../src/score/poisson.js';
import { normalCdfTable, standardNormalCdf } from '../../src/score/gsvaNormalTable.js';
import { matrixFromRows, type ResolvedGeneSet } from '../../src/score/types.js';
import { expectClose } from '../helpers/fixtures.js';
import { expectedScores, scoringMatrix, scoringSets, SCORING_CASES } from '../helpers/scoring.js';

function checkAgainstR(name: string, file: string, kcdf: 'gaussian' | 'poisson'): number {
  const matrix = scoringMatrix(name);
  const sets = scoringSets(name, matrix);
  const expected = expectedScores(name, file);
  expect(expected, `${name}/expected_${file}.tsv`).not.toBeNull();
  const scores = gsva(matrix, sets, { kcdf });
  let checked = 0;
  for (const [sample, values] of expected!.rows) {
    const j = matrix.samples.indexOf(sample);
    expect(j, sample).toBeGreaterThanOrEqual(0);
    expected!.sets.forEach((setName, k) => {
      const s = sets.findIndex((set) => set.name === setName);
      expect(s, setName).toBeGreaterThanOrEqual(0);
      expectClose(scores[s][j], values[k], 1e-6, `${name} ${setName} ${sample}`);
      checked++;
    });
  }
  return checked;
}

describe('gsva against the R reference cases', () => {
  for (const name of SCORING_CASES) {
    it(`matches expected_gsva.tsv of ${name} (kcdf="Gaussian")`, () => {
      expect(checkAgainstR(name, 'gsva', 'gaussian')).toBeGreaterThan(0);
    });
  }
  it('matches expected_gsva_poisson.tsv of synthetic-counts (kcdf="Poisson")', () => {
    expect(checkAgainstR('synthetic-counts', 'gsva_poisson', 'poisson')).toBeGreaterThan(0);
  });
});

describe('the precomputed normal CDF table (GSVA kernel_estimation.c)', () => {
  const table = normalCdfTable();

  it('is R\'s pnorm(10 * (0:10000) / 10000), bit for bit', () => {
    expect(table.length).toBe(10001);
    // sha256 of writeBin(pnorm(10 * (0:10000) / 10000), ...) from R 4.2.2 (little endian)
    const hash = createHash('sha256').update(new Uint8Array(table.buffer, table.byteOffset, table.byteLength)).digest('hex');
    expect(hash).toBe('14a0ceb38012061115026a5200566004167dcf5db10eebd11bbca9bf38b267bb');
    // R: pnorm(10 * i / 10000), on both sides of each of pnorm's branch edges
    const r: [number, number][] = [
      [1, 0.50039894221391101], [2500, 0.99379033467422384], [674, 0.74984434315967741], [675, 0.75016211752822293],
      [5656, 0.99999999225292668], [5657, 0.99999999229791181], [8292, 0.99999999999999989], [8293, 1], [10000, 1],
    ];
    for (const [i, v] of r) expect(table[i], `entry ${i}`).toBe(v);
    expect(table[0]).toBe(0.5);
  });

  it('looks up trunc(|v| / 10 * 10000), mirrors negative v and saturates beyond ±10', () => {
    // between table points: v = 0.0015 reads entry 1 = pnorm(0.001), not pnorm(0.0015)
    expect(precomputedNormalCdf(0.0015, 1)).toBe(0.50039894221391101);
    expect(precomputedNormalCdf(0.0015, 1)).not.toBe(standardNormalCdf(0.0015));
    expect(precomputedNormalCdf(-0.0015, 1)).toBe(1 - 0.50039894221391101);
    // exactly on a point: v = 5 / 2 = 2.5 -> entry 2500; anything up to the next point too
    expect(precomputedNormalCdf(5, 2)).toBe(0.99379033467422384);
    expect(precomputedNormalCdf(2.5009, 1)).toBe(0.99379033467422384);
    expect(precomputedNormalCdf(-2.5, 1)).toBe(1 - 0.99379033467422384);
    // C's arithmetic decides: 0.7 / 10 * 10000 = 699.9999999999999 -> entry 699 = pnorm(0.699)
    expect(precomputedNormalCdf(0.7, 1)).toBe(table[699]);
    expect(table[699]).toBe(0.75772398458124801); // R: pnorm(0.699)
    expect(precomputedNormalCdf(0, 1)).toBe(0.5);
    expect(precomputedNormalCdf(10, 1)).toBe(1);
    expect(precomputedNormalCdf(10.5, 1)).toBe(1);
    expect(precomputedNormalCdf(-10, 1)).toBe(0);
    expect(precomputedNormalCdf(-10.5, 1)).toBe(0);
  });
});

describe('kernel CDFs (GSVA compute.gene.density)', () => {
  it('bandwidth sd is the sample sd (C sd(), long double sums)', () => {
    expect(gsvaSd([1, 2, 3, 4])).toBe(1.2909944487358056);
    expect(gsvaSd([5.1, 6.3, 4.8, 7.0, 5.5, 6.1])).toBe(0.81975606127676792); // R: sd()
  });

  // R: GSVA:::compute.gene.density(m, 1:6, rnaseq = FALSE, kernel = TRUE)
  const gaussianRows = [
    [5.1, 6.3, 4.8, 7.0, 5.5, 6.1], [2.0, 2.0, 3.5, 1.0, 2.5, 4.0], [9.0, 8.2, 8.8, 9.9, 7.5, 8.0], [1.1, 0.4, 2.2, 0.9, 1.6, 3.0],
    [6.6, 5.9, 7.7, 6.0, 7.1, 5.2], [3.3, 3.9, 2.8, 4.4, 3.1, 3.6], [0.0, 10.0, 0.1, 0.2, 0.3, 0.4],
  ];
  const gaussianR = [
    [-1.1401151052822238, 0.95730491058047018, -2.2500853859063876, 2.3971873690847572, -0.35301333722268274, 0.44946629078500383],
    [-0.66785048134580349, -0.66785048134580349, 1.1289494775610611, -2.3973254236750989, 0.29010401314183693, 2.3259054251056459],
    [0.94990312468637583, -0.45529573640875121, 0.45494799353848814, 2.3978699803318628, -2.3766328533158609, -0.95764399944916567],
    [-0.46368946878831702, -2.3575692716446683, 1.0939656616778644, -0.94170534261907257, 0.32742368342853095, 2.397113357178394],
    [0.34226963619044709, -0.82447853141426819, 2.3893997905981337, -0.56465249564695674, 1.0902695847578732, -2.3953900219490207],
    [-0.38089259017510668, 1.082103402686748, -2.3567828002836242, 2.397310461599286, -1.0420338151158706, 0.33628840726933201],
    [-0.61236665097257381, 2.3978952727983702, -0.47288527336166258, -0.33647223662121256, -0.20309617262984755, -0.072776859547106124],
  ];
  // R: GSVA:::compute.gene.density(cnt, 1:6, rnaseq = TRUE, kernel = TRUE); rows e and f
  // hold the same counts in another order, and R's sums differ in the last bits.
  const countRows = [
    [3, 0, 5, 12, 7, 1], [0, 0, 1, 0, 2, 0], [40, 35, 52, 38, 61, 44], [9, 9, 8, 10, 9, 11], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1],
    [15, 3, 22, 8, 0, 5],
  ];
  const poissonR = [
    [-0.1793876421812873, -1.7817787701196299, 0.43214979764811284, 2.3378515857154185, 0.99212166430045501, -0.98212238343359948],
    [-0.17958926384910234, -0.17958926384910234, 1.0847110793721015, -0.17958926384910234, 2.0164960393995295, -0.17958926384910234],
    [-0.49369797145111249, -1.4459793288783684, 1.066346532835057, -0.8432044145558385, 2.1798185854538481, 0.10683993350193596],
    [-0.063769025102583504, -0.063769025102583504, -0.56916387617478703, 0.42063770558418656, -0.063769025102583504, 0.89793859282426136],
    [1.7435247789734227, 0.17093731940525142, 0.17093731940525142, 0.17093731940525142, 0.17093731940525142, 0.17093731940525142],
    [0.17093731940525142, 0.17093731940525142, 0.17093731940525142, 0.17093731940525142, 0.17093731940525142, 1.7435247789734218],
    [1.158525086924606, -0.87376398440736003, 2.3339424954728907, 0.29327728407854825, -2.1234709544488815, -0.31040473540705793],
  ];
  const samples = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];

  // The sums match R's bit for bit; the final log (and, for Poisson, exp/log inside
  // ppois) come from V8 rather than glibc and may differ by an ulp or two.
  function expectUlps(actual: Float64Array, expected: number[][], label: string): void {
    expected.flat().forEach((v, k) => {
      expect(Math.abs(actual[k] - v) <= 4e-16 * Math.abs(v) + 1e-300, `${label} ${k}: ${actual[k]} vs ${v}`).toBe(true);
    });
  }

  it('Gaussian kernel matches R', () => {
    const m = matrixFromRows(['a', 'b', 'c', 'd', 'f', 'g', 'h'], samples, gaussianRows);
    expectUlps(gsvaKernelCdf(m, [0, 1, 2, 3, 4, 5, 6], 'gaussian'), gaussianR, 'gaussian');
  });

  it('Poisson kernel matches R, including sums of the same terms in another order', () => {
    const m = matrixFromRows(['a', 'b', 'c', 'd', 'e', 'f', 'g'], samples, countRows);
    const d = gsvaKernelCdf(m, [0, 1, 2, 3, 4, 5, 6], 'poisson');
    // our ppois agrees with R's to ~1e-14, not always to the bit: close, not equal
    poissonR.flat().forEach((v, k) => expectClose(d[k], v, 1e-13, `poisson ${k}`));
  });

  it('splits by row range', () => {
    const m = matrixFromRows(['a', 'b', 'c', 'd', 'f', 'g', 'h'], samples, gaussianRows);
    const rows = [6, 2, 4];
    const whole = gsvaKernelCdf(m, rows, 'gaussian');
    const part = gsvaKernelCdf(m, rows, 'gaussian', 1, 3);
    expect(Array.from(part)).toEqual(Array.from(whole.subarray(6)));
  });

  it('poissonCdf is R\'s ppois', () => {
    const r: [number, number, number][] = [
      [0, 0.5, 0.60653065971263342], [0, 1.5, 0.22313016014842982], [3, 2.5, 0.75757613313306593],
      [10, 4.5, 0.99333132791281809], [25, 30.5, 0.18386315982832305], [25, 24.5, 0.59261605741305878],
      [40, 20.5, 0.99995663818284319], [150, 180.5, 0.011104868422591186], [7, 60.5, 3.5271480580328791e-18],
      [1000, 1000.5, 0.50210232422301759], [0, 800.5, 0],
    ];
    for (const [k, lambda, v] of r) expectClose(poissonCdf(k, lambda), v, 1e-13, `ppois(${k}, ${lambda})`);
    expect(poissonCdf(2.9999999, 2.5)).toBe(poissonCdf(3, 2.5)); // floor(x + 1e-7)
    expect(poissonCdf(-0.5, 2.5)).toBe(0);
  });
});

describe('gsva details', () => {
  const rows = [
    [5.1, 6.3, 4.8, 7.0, 5.5, 6.1], [2.0, 2.0, 3.5, 1.0, 2.5, 4.0], [9.0, 8.2, 8.8, 9.9, 7.5, 8.0], [1.1, 0.4, 2.2, 0.9, 1.6, 3.0],
    [4, 4, 4, 4, 4, 4], [6.6, 5.9, 7.7, 6.0, 7.1, 5.2], [3.3, 3.9, 2.8, 4.4, 3.1, 3.6], [0.0, 10.0, 0.1, 0.2, 0.3, 0.4],
  ];
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const m = matrixFromRows(ids, ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'], rows);
  const set = (name: string, genes: string[]): ResolvedGeneSet => ({
    name,
    genes,
    rows: genes.filter((g) => ids.includes(g)).map((g) => ids.indexOf(g)),
  });
  // gene "e" is constant: GSVA drops it (and "zz" is not in the matrix)
  const sets = [set('up', ['a', 'c', 'f']), set('mixed', ['b', 'e', 'g', 'zz']), set('one', ['h'])];

  // R: gsva(m, sets, method = "gsva", kcdf = "Gaussian", mx.diff = ..., tau = ..., min.sz = 1)
  const expected: Record<string, number[][]> = {
    'true 1': [
      [0.41176470588235281, -0.25000000000000006, 0.61363636363636365, 0.65909090909090906, 0.1538461538461538, -0.72727272727272729],
      [-0.20000000000000007, 0.43333333333333329, -0.20000000000000001, -0.20000000000000001, -0.20000000000000007, 0.43333333333333329],
      [-0.33333333333333326, 1, -0.33333333333333326, 0, 0, -0.33333333333333326],
    ],
    'true 0.5': [
      [0.37170458201532552, -0.24999999999999994, 0.41990221717713389, 0.56405042842035513, 0.069652485645269546, -0.69614047802963097],
      [-0.20000000000000007, 0.29098300562505253, -0.20000000000000001, -0.20000000000000001, -0.20000000000000007, 0.39999999999999986],
      [-0.33333333333333326, 1, -0.33333333333333326, 0, 0, -0.33333333333333326],
    ],
    'false 1': [
      [0.70588235294117641, -0.5, 0.63636363636363635, 0.65909090909090906, 0.53846153846153844, -0.72727272727272729],
      [-0.40000000000000002, 0.6333333333333333, -0.5, -0.5, -0.40000000000000002, 0.6333333333333333],
      [-0.66666666666666663, 1, -0.66666666666666663, -0.5, -0.5, -0.66666666666666663],
    ],
    'false 0.5': [
      [0.68585229100766276, -0.5, 0.49197632279874448, 0.56405042842035513, 0.44981853084275197, -0.69614047802963097],
      [-0.40000000000000002, 0.49098300562505254, -0.5, -0.5, -0.40000000000000002, 0.59999999999999987],
      [-0.66666666666666663, 1, -0.66666666666666663, -0.5, -0.5, -0.66666666666666663],
    ],
  };

  for (const [key, want] of Object.entries(expected)) {
    const [mx, tau] = key.split(' ');
    it(`matches R with mx.diff = ${mx.toUpperCase()}, tau = ${tau}`, () => {
      const got = gsva(m, sets, { kcdf: 'gaussian', mxDiff: mx === 'true', tau: Number(tau) });
      want.forEach((row, s) => row.forEach((v, j) => expectClose(got[s][j], v, 1e-12, `${key} ${sets[s].name} ${j}`)));
    });
  }

  it('matches R with the Poisson kernel, including genes with permuted counts', () => {
    const cnt = matrixFromRows(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'], [
      [3, 0, 5, 12, 7, 1], [0, 0, 1, 0, 2, 0], [40, 35, 52, 38, 61, 44], [9, 9, 8, 10, 9, 11], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1],
      [15, 3, 22, 8, 0, 5],
    ]);
    const got = gsva(cnt, [{ name: 's1', genes: [], rows: [0, 2, 4] }, { name: 's2', genes: [], rows: [1, 5, 6] }], { kcdf: 'poisson' });
    const want = [
      [0.1538461538461538, -0.066666666666666652, 0, 0.1538461538461538, 0.75, -0.55555555555555558],
      [0.22727272727272724, 0.25, 0.80000000000000004, -0.25000000000000006, -0.25000000000000006, 0.52272727272727271],
    ];
    want.forEach((row, s) => row.forEach((v, j) => expectClose(got[s][j], v, 1e-12, `poisson ${s} ${j}`)));
  });

  it('drops constant genes and genes with missing values, as .filterFeatures', () => {
    const withNa = matrixFromRows([...ids, 'x'], m.samples, [...rows, [1, 2, NaN, 4, 5, 6]]);
    expect(Array.from(gsvaKeptRows(withNa))).toEqual([0, 1, 2, 3, 5, 6, 7]);
    const a = gsva(withNa, sets, { kcdf: 'gaussian' });
    const b = gsva(m, sets, { kcdf: 'gaussian' });
    expect(a.map((r) => Array.from(r))).toEqual(b.map((r) => Array.from(r)));
  });

  it('gives a NaN row for a set with no usable gene (R drops that set)', () => {
    const got = gsva(m, [set('none', ['e', 'zz']), set('up', ['a', 'c', 'f'])], { kcdf: 'gaussian' });
    expect(got).toHaveLength(2);
    expect(Array.from(got[0]).every(Number.isNaN)).toBe(true);
    expectClose(got[1][0], 0.41176470588235281, 1e-12);
  });

  it('stops when fewer than two genes vary', () => {
    const flat = matrixFromRows(['p', 'q', 'r'], ['S1', 'S2', 'S3'], [[1, 1, 1], [2, 2, 2], [1, 2, 3]]);
    expect(() => gsva(flat, [{ name: 's', genes: ['r'], rows: [2] }], { kcdf: 'gaussian' })).toThrow(MigrascoreError);
  });

  it('ranks ties in gene order and walks the set (hand-checked)', () => {
    // 4 genes, 1 sample: densities 0.5, 2, 0.5, -1 -> order b, a, c, d; rank scores
    // |4 - p + 1 - 2| = 2, 1, 0, 1. Set {a, d}: sum = 1 + 1 = 2, dec = 1/2.
    // walk: b -0.5, a -0.5 + 0.5 = 0, c -0.5, d -0.5 + 0.5 = 0 -> max 0 + min -0.5
    const density = Float64Array.from([0.5, 2, 0.5, -1]);
    const [es] = gsvaEnrichment(density, 4, 1, [[0, 3]]);
    expect(es[0]).toBe(-0.5);
    // {c}: its rank score is 0, so its step is 0 / 0 = NaN and the walk stays NaN after
    // it, never beating the extremes reached before (b, a: -1/3 each), as in C
    const [es2] = gsvaEnrichment(density, 4, 1, [[2]]);
    expect(es2[0]).toBe(-1 / 3 - 1 / 3);
  });
});
