// migrascore as a library: the pure survival engine (each function reproduces an R
// routine; see its doc comment) and the pipeline behind `migrascore survival`.
export { kaplanMeier, type SurvivalCurve, type ConfType } from './survival/kaplanMeier.js';
export { survivalQuantile, restrictedMean, survivalAt } from './survival/survfitSummary.js';
export { logRankTest, pairwiseLogRank } from './survival/logRank.js';
export { coxProportionalHazards, type CoxFit, type CoxTies } from './survival/cox.js';
export { concordance } from './survival/concordance.js';
export { coxZph } from './survival/coxZph.js';
export { buildDesign, covariateTerm, sortLevels, type DesignTerm } from './survival/design.js';
export { maximallySelectedLogRank, cutpointFeasible, pLausen92 } from './survival/cutpoint.js';
export { benjaminiHochberg } from './survival/multipleTesting.js';
export { quantileType7 } from './survival/quantile.js';
export { chiSquareUpperTail, normalTwoSidedP, normalQuantile } from './survival/distributions.js';
export { parseSplitRule, type SplitRule } from './survival/stratify.js';
export { kaplanMeierFigure, type KmFigureInput } from './plots/kmFigure.js';
export { renderSvg } from './plots/render.js';
export { runSurvival, type SurvivalOptions } from './pipeline/survival.js';
export { MigrascoreError } from './errors.js';
