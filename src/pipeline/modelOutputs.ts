// The files of `model fit`: model.json (the contract's fields, then what applying the
// model elsewhere needs and how it was made), risk.tsv, the CV-curve and coefficient
// figures, and the survival analysis of the median-split risk in survival/.
import { createRequire } from 'node:module';
import { fileChecksum } from '../io/checksum.js';
import { toJson, toTsv, type OutputFile } from '../io/output.js';
import { coefficientFigure } from '../plots/coefficientFigure.js';
import { cvCurveFigure } from '../plots/cvCurveFigure.js';
import { TCGA_CDR } from '../tcga/cdr.js';
import { figureFiles, renderFigure, type FigureFormats } from './figureFiles.js';
import { glmnetSettings, type ModelFitOptions, type ModelFitRun } from './modelFit.js';
import type { SavedModel } from '../io/modelFile.js';
import { survivalFiles } from './survivalReport.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export interface ModelFileContext extends FigureFormats {
  command: string;
}

export async function modelFitFiles(run: ModelFitRun, opts: ModelFitOptions, ctx: ModelFileContext): Promise<OutputFile[]> {
  const subtitle = modelSubtitle(run, opts);
  const cv = await renderFigure('cv', 'Cross-validation curve', cvCurveFigure({
    lambda: run.cv.lambda, cvm: run.cv.cvm, cvsd: run.cv.cvsd, nzero: run.cv.nzero,
    lambdaMin: run.cv.lambdaMin, lambda1se: run.cv.lambda1se, chosen: opts.lambda,
    title: 'LASSO Cox cross-validation', subtitle,
  }));
  const coef = await renderFigure('coefficients', 'Coefficients', coefficientFigure({
    genes: run.genes, unit: run.log2.applied ? 'log2(x + 1)' : 'expression as given',
    title: `LASSO Cox genes at \u03bb.${opts.lambda}`, subtitle,
  }));
  const files: OutputFile[] = [
    { name: 'model.json', content: toJson(await savedModel(run, opts, ctx)) },
    { name: 'risk.tsv', content: toTsv(['sample', 'risk'], run.cohort.samples.map((s, i) => [s, run.risk[i]])) },
    ...figureFiles('', cv, ctx),
    ...figureFiles('', coef, ctx),
  ];
  if (run.survival) {
    const sub = await survivalFiles(run.survival, run.survivalOptions, { command: ctx.command, png: ctx.png, pdf: ctx.pdf });
    files.push(...sub.map((f) => ({ name: `survival/${f.name}`, content: f.content })));
  }
  return files;
}

function modelSubtitle(run: ModelFitRun, opts: ModelFitOptions): string {
  const events = run.cohort.event.reduce((a, b) => a + b, 0);
  const cancer = opts.cancer?.value ? `${opts.cancer.value}, ` : '';
  return `${cancer}${opts.endpoint ?? opts.event}: ${run.cohort.samples.length} samples, ${events} events, ${run.candidates.length} candidate genes, ${run.folds.nfolds}-fold CV`;
}

export async function savedModel(run: ModelFitRun, opts: ModelFitOptions, ctx: ModelFileContext): Promise<SavedModel> {
  const { cv } = run;
  const inputs: { role: string; path: string; sha256: string; bytes: number }[] = [];
  const roles = [
    { role: 'expression matrix', path: opts.expr },
    { role: opts.clinical === TCGA_CDR.path ? 'clinical table (built-in TCGA-CDR)' : 'clinical table', path: opts.clinical },
    ...(opts.foldid ? [{ role: 'folds (--foldid)', path: opts.foldid }] : []),
    ...run.inputPaths.slice(2).filter((p) => p !== opts.foldid).map((path) => ({ role: 'gene set file', path })),
  ];
  for (const r of roles) inputs.push({ ...r, ...(await fileChecksum(r.path)) });
  const events = run.cohort.event.reduce((a, b) => a + b, 0);
  return {
    lambda_min: cv.lambdaMin,
    lambda_1se: cv.lambda1se,
    lambda: run.lambda,
    lambda_rule: opts.lambda,
    genes: run.genes,
    cv: Array.from(cv.lambda, (lambda, l) => ({ lambda, cvm: cv.cvm[l], cvsd: cv.cvsd[l], nzero: cv.nzero[l] })),
    scale: {
      log2: run.log2,
      values: run.log2.applied ? 'log2(value + 1) of the matrix values' : 'the matrix values as given (no log2)',
    },
    risk: 'sum of coef × gene value (the Cox linear predictor: no centring, no intercept), as predict(cv.glmnet, newx, s, type = "link")',
    cohort: {
      n: run.cohort.samples.length,
      events,
      time: opts.time,
      event: opts.event,
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      ...(opts.cancer?.value !== undefined ? { cancer: opts.cancer.value, cancer_column: opts.cancer.column } : {}),
      join: run.cohort.join,
      dropped: run.cohort.dropped,
    },
    candidates: {
      sets: run.candidateSets,
      used: run.candidates,
      not_used: run.notUsed,
    },
    glmnet: glmnetSettings(run, opts),
    path: { length: cv.fit.lambda.length, passes: cv.fit.passes, null_deviance: cv.fit.nullDeviance, dev_ratio: cv.fit.devRatio[run.index] },
    warnings: run.warnings,
    provenance: {
      migrascore: VERSION,
      created: new Date().toISOString(),
      command: ctx.command,
      inputs,
      gene_ids: 'org.Hs.eg.db 3.16 (NCBI Gene)',
      threads: run.threads,
    },
  };
}
