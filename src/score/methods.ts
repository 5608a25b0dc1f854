// One entry point per scoring method (as GSVA 2.x's one-parameter-object-per-method),
// with what the pipeline needs to know about each: does it rank the whole matrix, and
// does it assume log-scale values.
import { gsva } from './gsva.js';
import { meanScore, meanZScore } from './mean.js';
import { plage } from './plage.js';
import { singscore } from './singscore.js';
import { ssgsea } from './ssgsea.js';
import { zscore } from './zscore.js';
import type { ExpressionMatrix, ResolvedGeneSet, ScoreMatrix, ScoreMethodName } from './types.js';

export interface ScoreOptions {
  kcdf?: 'gaussian' | 'poisson';
}

export interface ScoreMethod {
  score(matrix: ExpressionMatrix, sets: ResolvedGeneSet[], options: ScoreOptions): ScoreMatrix;
  /** Uses every gene (ranks within a sample or kernel CDFs), so no row may be skipped. */
  needsWholeMatrix: boolean;
  /** Computed on expression values whose scale matters (log2 expected). */
  assumesLogScale: boolean;
}

export const METHODS: Record<ScoreMethodName, ScoreMethod> = {
  ssgsea: { score: (m, s) => ssgsea(m, s), needsWholeMatrix: true, assumesLogScale: false },
  gsva: { score: (m, s, o) => gsva(m, s, { kcdf: o.kcdf ?? 'gaussian' }), needsWholeMatrix: true, assumesLogScale: true },
  zscore: { score: (m, s) => zscore(m, s), needsWholeMatrix: false, assumesLogScale: true },
  plage: { score: (m, s) => plage(m, s), needsWholeMatrix: false, assumesLogScale: true },
  singscore: { score: (m, s) => singscore(m, s), needsWholeMatrix: true, assumesLogScale: false },
  mean: { score: (m, s) => meanScore(m, s), needsWholeMatrix: false, assumesLogScale: true },
  meanz: { score: (m, s) => meanZScore(m, s), needsWholeMatrix: false, assumesLogScale: true },
};

export const SCORE_METHOD_NAMES = Object.keys(METHODS) as ScoreMethodName[];
