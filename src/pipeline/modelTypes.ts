// What `model fit` saves in model.json and `model apply` reads back: the contract's
// fields (lambda_min, lambda_1se, lambda, genes [{gene, coef}], cv) plus what applying the
// model elsewhere needs (each gene's identifiers, the scale) and how it was made.
import type { Log2Mode } from './scoreMatrix.js';

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
