// `migrascore model fit`: a LASSO Cox risk score from genes, as R's
// cv.glmnet(x, Surv(time, status), family = "cox", alpha = 1, foldid) — candidate genes
// → matrix rows (identifier resolution) → log2 rule → cohort joined to the clinical table
// (matrix column order) → folds → cross-validated path (worker threads when it pays off)
// → coefficients at lambda.min or lambda.1se → risk = x·β → the survival analysis of the
// risk split at its median.
import { existsSync } from 'node:fs';
import { MigrascoreError } from '../errors.js';
import type { GeneReport, GeneSetReport } from '../genes/resolve.js';
import { readFoldTable } from '../io/foldTable.js';
import { linearPredictor } from '../model/apply.js';
import { COXNET_DEFAULTS } from '../model/coxnet.js';
import type { CvCoxnet } from '../model/crossValidation.js';
import { designFromColumns } from '../model/design.js';
import { engineLabel } from '../model/kernels.js';
import { parseSplitRule } from '../survival/stratify.js';
import type { TimeUnit } from '../plots/timeUnits.js';
import { cvCoxnetInWorkers, startCoxnetPool, stopCoxnetPool, type PooledWorker } from './coxnetWorkers.js';
import { modelCohort, modelFolds, type ModelCohort, type ModelFolds } from './modelCohort.js';
import { candidateRows, candidateSpec, geneIdentifiers, onLog2Scale, readGeneRows, type ScaleDecision } from './modelGenes.js';
import type { SavedGene } from '../io/modelFile.js';
import type { Log2Mode } from './scoreMatrix.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import { analyseLoaded, type SurvivalRun } from './survival.js';
import { loadClinicalData, type LoadedCohort } from './survivalInput.js';
import type { FigureOptions, SurvivalOptions } from './survivalTypes.js';

/** Folds from --seed when no --foldid is given (documented in `model fit --help`). */
export const DEFAULT_MODEL_SEED = 1;

export interface ModelFitOptions {
  expr: string;
  clinical: string;
  id?: string;
  time: string;
  event: string;
  endpoint?: string;
  /** --genes SPEC (repeatable); empty: the built-in migrasome sets. */
  genes: string[];
  cancer?: { column: string; value?: string };
  sampleTypes?: string[];
  log2: Log2Mode;
  transpose?: boolean;
  nfolds: number;
  foldid?: string;
  seed: number;
  lambda: 'min' | '1se';
  threads?: number;
  /** Fewer samples × genes than this: cross-validation in this thread (default coxnetWorkers' threshold). */
  minCellsForWorkers?: number;
  timeIn: TimeUnit;
  timeUnit: TimeUnit;
  figures?: FigureOptions;
  rocTimes?: number[];
  rocTimeLabels?: string[];
  onProgress?: (message: string) => void;
}

export interface ModelCandidate { gene: string; row: string; how?: string }

export interface ModelFitRun {
  cohort: ModelCohort;
  folds: ModelFolds;
  /** Candidate genes used (columns of x), in set order. */
  candidates: ModelCandidate[];
  /** Candidate genes not used, with why (missing, ambiguous, dropped, same row as another). */
  notUsed: { gene: string; status: string; how?: string }[];
  geneReport: GeneSetReport[];
  candidateSets: string[];
  log2: ScaleDecision;
  cv: CvCoxnet;
  /** Index of the chosen lambda in the full path. */
  index: number;
  lambda: number;
  /** The selected genes (nonzero coefficients), in candidate order. */
  genes: SavedGene[];
  risk: Float64Array;
  /** The median-split survival analysis of the risk (none when no gene is selected). */
  survival?: SurvivalRun;
  survivalOptions: SurvivalOptions;
  threads: number;
  /** glmnet's warnings, and the run's (no gene selected, constant genes). */
  warnings: string[];
  inputPaths: string[];
}

export async function runModelFit(opts: ModelFitOptions): Promise<ModelFitRun> {
  const clinical = loadClinicalData({ clinical: opts.clinical, id: opts.id, time: opts.time, event: opts.event, covariates: [] });
  const foldTable = opts.foldid !== undefined ? readFoldTable(opts.foldid) : undefined;
  const { spec, sets } = candidateSpec(opts.genes);
  // Clinical rows × candidates bounds the design's size: start the workers now, to overlap reading.
  const nfolds = foldTable ? Math.max(0, ...foldTable.folds.values()) : opts.nfolds;
  const pool = startCoxnetPool(opts.threads, nfolds, clinical.table.ids.length * spec.genes.length, opts.minCellsForWorkers);
  try {
    return await fitModel(opts, clinical, foldTable, spec, sets, pool);
  } finally {
    await stopCoxnetPool(pool);
  }
}

async function fitModel(
  opts: ModelFitOptions, clinical: ReturnType<typeof loadClinicalData>, foldTable: ReturnType<typeof readFoldTable> | undefined,
  spec: ReturnType<typeof candidateSpec>['spec'], sets: string[], pool: PooledWorker[],
): Promise<ModelFitRun> {
  opts.onProgress?.(`reading ${spec.genes.length} candidate genes of ${sets.join(', ')} from ${opts.expr} …`);
  const read = await readGeneRows(opts.expr, [spec], opts.transpose);
  const found = candidateRows(read);
  const { log2 } = onLog2Scale(read.matrix, opts.log2);
  const matrix = read.matrix;
  const cohort = modelCohort(matrix.samples, clinical, opts.cancer, opts.sampleTypes, opts.expr);
  const folds = modelFolds(cohort, { foldTable, nfolds: opts.nfolds, seed: opts.seed }, matrix.samples);
  const columns = found.map((c) => {
    const row = matrix.row(c.row);
    return Float64Array.from(cohort.columns, (s) => row[s]);
  });
  const x = designFromColumns(columns);
  const status = Float64Array.from(cohort.event);
  const events = status.reduce((a, b) => a + b, 0);
  opts.onProgress?.(`LASSO Cox: ${cohort.samples.length} samples, ${events} events, ${found.length} genes, ${folds.nfolds}-fold cross-validation …`);
  // The figures' renderer (vega, vega-lite: ~0.2 s of module loading) loads while the workers fit.
  if (pool.length) void Promise.all([import('vega-lite'), import('vega')]).catch(() => undefined);
  const cv = await cvCoxnetInWorkers(x, cohort.time, status, folds.foldid, folds.nfolds, { threads: opts.threads, minCells: opts.minCellsForWorkers, pool });
  const index = opts.lambda === 'min' ? cv.indexMin : cv.index1se;
  const beta = cv.fit.beta[index];
  const genes: SavedGene[] = [];
  found.forEach((c, j) => {
    if (beta[j] !== 0) genes.push({ gene: c.gene, coef: beta[j], row: matrix.rowIds[c.row], ...geneIdentifiers(c.gene, matrix.rowIds[c.row], read.table) });
  });
  const risk = linearPredictor(x, beta);
  const warnings = [...cv.warnings];
  const constant = found.filter((_, j) => columns[j].every((v) => v === columns[j][0])).map((c) => c.gene);
  if (constant.length) warnings.push(`${constant.length} candidate gene${constant.length === 1 ? ' is' : 's are'} constant across the analysed samples and cannot be selected (glmnet leaves such columns out): ${constant.join(', ')}.`);
  if (opts.cancer?.value === undefined && cohort.cancers.length > 1) {
    warnings.push(`The analysed samples belong to ${cohort.cancers.length} cancer types (${cohort.cancers.slice(0, 12).map(([c, k]) => `${c} ${k}`).join(', ')}${cohort.cancers.length > 12 ? ', …' : ''}; column "${opts.cancer!.column}"): ` +
      'genes that separate cancer types with different survival will be selected. Fit one cancer with --cancer C.');
  }
  const lambda = opts.lambda === 'min' ? cv.lambdaMin : cv.lambda1se;
  if (genes.length === 0) {
    warnings.push(`No gene is selected at lambda.${opts.lambda} = ${lambda.toPrecision(6)}: the cross-validated deviance is lowest ${opts.lambda === '1se' ? 'within one SD of its minimum ' : ''}for the empty model, so the risk score is 0 for every sample and no survival analysis is written. ` +
      `${opts.lambda === '1se' ? 'Try --lambda min, ' : 'Try '}more candidate genes, or more patients.`);
  }
  const survivalOptions = riskSurvivalOptions(opts, clinical.path);
  const inputPaths = [clinical.path, opts.expr, ...opts.genes.filter((g) => existsSync(g)), ...(opts.foldid ? [opts.foldid] : [])];
  let survival: SurvivalRun | undefined;
  if (genes.length > 0) {
    const loaded: LoadedCohort = {
      clinicalPath: clinical.path, inputPaths, ids: cohort.patients, time: cohort.time, event: cohort.event,
      categories: null, values: risk, valueName: 'risk', covariates: [],
      join: { ...cohort.join, missing_survival: cohort.dropped.missing_survival }, dropped: { missing_survival: cohort.dropped.missing_survival, missing_group: 0 },
      warnings: [IN_SAMPLE],
      origin: { title: 'migrascore risk model \u2014 survival of the LASSO Cox risk score', inputs: riskInputs(clinical.path, opts), citations: GLMNET_CITATIONS },
    };
    try {
      survival = await analyseLoaded(loaded, survivalOptions, `${opts.expr} risk score`);
    } catch (e) {
      // The model stands without it (e.g. a risk equal for most samples leaves one group).
      if (!(e instanceof MigrascoreError)) throw e;
      warnings.push(`The survival analysis of the risk split at its median could not be made, so survival/ is not written: ${e.message}`);
    }
  }
  const notUsed = read.report[0].genes.filter((g) => !found.some((c) => c.report === g)).map(notUsedGene);
  return {
    cohort, folds, candidates: found.map((c) => ({ gene: c.gene, row: matrix.rowIds[c.row], ...(c.report.how ? { how: c.report.how } : {}) })),
    notUsed, geneReport: read.report, candidateSets: sets, log2, cv, index, lambda, genes, risk, survival, survivalOptions,
    threads: cv.threads, warnings, inputPaths,
  };
}

function notUsedGene(g: GeneReport): { gene: string; status: string; how?: string } {
  if (g.duplicateOf !== undefined) return { gene: g.gene, status: 'duplicate', how: `same row as ${g.duplicateOf} (${g.row})` };
  return { gene: g.gene, status: g.status, ...(g.how ? { how: g.how } : {}) };
}

const IN_SAMPLE = 'The risk score was fitted on these same patients (model fit), so the split, its hazard ratio and AUC are optimistic: validate the model on another cohort (model apply, then survival --scores).';

const GLMNET_CITATIONS = [
  { text: 'Friedman J, Hastie T, Tibshirani R. Regularization paths for generalized linear models via coordinate descent. J Stat Softw. 2010;33(1):1–22 (glmnet).', doi: '10.18637/jss.v033.i01' },
  { text: 'Simon N, Friedman J, Hastie T, Tibshirani R. Regularization paths for Cox\'s proportional hazards model via coordinate descent. J Stat Softw. 2011;39(5):1–13 (glmnet family "cox", cv.glmnet).', doi: '10.18637/jss.v039.i05' },
];

/** The report's inputs of the risk analysis: what the risk was made from. */
function riskInputs(clinicalPath: string, opts: ModelFitOptions): { role: string; path: string }[] {
  return [
    { role: clinicalPath === TCGA_CDR.path ? 'clinical table (built-in TCGA-CDR)' : 'clinical table', path: clinicalPath },
    { role: 'expression matrix (the risk score: model.json, risk.tsv)', path: opts.expr },
    ...opts.genes.filter((g) => existsSync(g)).map((path) => ({ role: 'candidate gene set file', path })),
    ...(opts.foldid ? [{ role: 'fold table (--foldid)', path: opts.foldid }] : []),
  ];
}

/** The `survival` analysis of the risk: median split, KM, log-rank, Cox (Efron), as `survival --scores risk.tsv`. */
function riskSurvivalOptions(opts: ModelFitOptions, clinicalPath: string): SurvivalOptions {
  return {
    clinical: clinicalPath, id: opts.id, time: opts.time, event: opts.event, endpoint: opts.endpoint, covariates: [],
    grouping: { kind: 'scores', file: 'risk.tsv', column: 'risk' },
    ...(opts.cancer ? { cancer: opts.cancer } : {}),
    sampleTypes: opts.sampleTypes,
    split: parseSplitRule('median'), splitText: 'median', minprop: 0.1,
    confType: 'log', confLevel: 0.95, ties: 'efron', rho: 0,
    timeIn: opts.timeIn, timeUnit: opts.timeUnit, figures: opts.figures,
    ...(opts.rocTimes ? { rocTimes: opts.rocTimes, rocTimeLabels: opts.rocTimeLabels } : {}),
  };
}

/** glmnet's settings behind the fit, as cv.glmnet would be called in R. */
export function glmnetSettings(run: ModelFitRun, opts: ModelFitOptions): Record<string, unknown> {
  const { nrow, ncol } = { nrow: run.cohort.samples.length, ncol: run.candidates.length };
  return {
    r_call: 'cv.glmnet(x, Surv(time, status), family = "cox", alpha = 1, foldid = fold)',
    family: 'cox', alpha: COXNET_DEFAULTS.alpha, standardize: true, ties: 'breslow',
    nlambda: COXNET_DEFAULTS.nlambda, lambda_min_ratio: nrow < ncol ? 0.01 : 1e-4,
    thresh: COXNET_DEFAULTS.thresh, maxit: COXNET_DEFAULTS.maxit,
    type_measure: 'deviance', grouped: true, nfolds: run.folds.nfolds,
    foldid: run.folds.source.kind === 'file'
      ? { source: 'file', path: run.folds.source.path }
      : { source: 'seed', seed: run.folds.source.seed, note: 'migrascore\'s own folds (R\'s sample() is not reproduced); pass --foldid to use R\'s' },
    lambda_rule: opts.lambda,
    x: `${nrow} samples (matrix column order) × ${ncol} genes (gene-set order), ${run.log2.applied ? 'log2(value + 1)' : 'values as given'}`,
    // Which vector kernels ran the coordinate descent (results agree to rounding).
    solver_kernels: engineLabel(),
  };
}
