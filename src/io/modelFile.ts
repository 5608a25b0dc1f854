// model.json: what `model fit` saves and `model apply --model` reads back — the contract's
// fields (lambda_min, lambda_1se, lambda, genes [{gene, coef}], cv) plus what applying the
// model elsewhere needs (each gene's identifiers, the scale) — read back and checked.
import { MigrascoreError } from '../errors.js';
import { readTextFile } from './delimited.js';
import type { Log2Mode } from './logScale.js';

/** A selected gene: its coefficient and every identifier it can be found by in another matrix. */
export interface SavedGene {
  /** As named in the gene set. */
  gene: string;
  /** On the unstandardised (log2) scale, as coef(cv.glmnet, s = ...). */
  coef: number;
  /** The matrix row it was read from. */
  row: string;
  /** Current official symbol, Entrez and Ensembl IDs (org.Hs.eg.db 3.16), when the identifier table knows the gene. */
  symbol?: string;
  entrez?: string;
  ensembl?: string[];
}

export interface SavedScale {
  /** The --log2 mode of the fit and whether log2(x + 1) was applied, with why. */
  log2: { mode: Log2Mode; applied: boolean; reason: string };
  /** The transformation the coefficients expect, in words. */
  values: string;
}

export interface SavedCvRow { lambda: number; cvm: number; cvsd: number; nzero: number }

export interface SavedModel {
  lambda_min: number;
  lambda_1se: number;
  /** The lambda the genes are taken at (--lambda). */
  lambda: number;
  lambda_rule: 'min' | '1se';
  genes: SavedGene[];
  cv: SavedCvRow[];
  scale: SavedScale;
  [key: string]: unknown;
}

export function readModelFile(path: string): SavedModel {
  const text = readTextFile(path, 'Model (--model)');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MigrascoreError(`Model file ${path} is not JSON (${(e as Error).message}). Give the model.json that \`migrascore model fit\` wrote.`);
  }
  const bad = (what: string) => new MigrascoreError(`Model file ${path}: ${what}. Give the model.json that \`migrascore model fit\` wrote (unchanged).`);
  if (typeof json !== 'object' || json === null || !Array.isArray((json as SavedModel).genes)) throw bad('it has no "genes" list');
  const model = json as SavedModel;
  model.genes.forEach((g, i) => {
    if (typeof g?.gene !== 'string' || typeof g.coef !== 'number' || !Number.isFinite(g.coef)) throw bad(`genes[${i}] needs a "gene" name and a finite "coef"`);
    if (g.row !== undefined && typeof g.row !== 'string') throw bad(`genes[${i}].row must be text`);
  });
  if (typeof model.scale?.log2?.applied !== 'boolean') throw bad('it has no "scale.log2.applied" (was log2(x + 1) applied at the fit?)');
  return model;
}
