import { describe, expect, it } from 'vitest';
import type { ResolvedGeneSet } from '../../src/score/types.js';
import { standardisedRow, zscore } from '../../src/score/zscore.js';
import { expectClose } from '../helpers/fixtures.js';
import { casesWithExpected, expectCaseMatchesR, handMatrix, handSets } from '../helpers/scoring.js';

describe('zscore against the R reference', () => {
  const cases = casesWithExpected('zscore');
  it('has its R reference cases', () => expect(cases).toEqual(['synthetic-log', 'synthetic-counts', 'bladder-microarray']));
  for (const name of cases) it(name, () => expectCaseMatchesR(name, 'zscore', zscore));
});

// GSVA 1.46 on handMatrix: gsva(x, list(A=c("g2","g3","g6"), B=c("g4","g5","g8"),
// C=c("g1","g6")), method="zscore"). g6 is constant, so GSVA's .filterFeatures drops it
// (warning "genes with constant expression values ... discarded"): A and C shrink.
const x = handMatrix;
const sets: ResolvedGeneSet[] = [...handSets, { name: 'flat', rows: [5], genes: ['g6'] }];

describe('zscore by hand', () => {
  it('constant genes are dropped as GSVA drops them; a set left empty gives NaN', () => {
    const expected = [
      [0.41434915048983717, -1.25727638091336158, -0.68109596452049503, 1.5240231949440195],
      [-1.10165469934919558, -0.16089163426657274, 1.4816838288554266, -0.21913749523965814],
      [1.31746509848051985, -1.02469507659595993, 0.14638501094227999, -0.43915503282683993],
    ];
    const scores = zscore(x, sets);
    expected.forEach((row, g) => row.forEach((v, j) => expectClose(scores[g][j], v, 1e-12, `${sets[g].name} s${j + 1}`)));
    expect(Array.from(scores[3]).every(Number.isNaN)).toBe(true);
  });

  it('standardisedRow is R scale() and null for what GSVA filters out', () => {
    const z = standardisedRow([1, 2, 3, 4]);
    const sd = Math.sqrt(5 / 3);
    expect(Array.from(z!)).toEqual([-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd]);
    expect(standardisedRow([2, 2, 2])).toBeNull();
    expect(standardisedRow([1, 1 + 1e-12, 1])).toBeNull(); // SD < 1e-10 counts as constant
    expect(standardisedRow([1, NaN, 3])).toBeNull();
    expect(standardisedRow([1])).toBeNull();
  });
});
