// `model apply --model DIR/model.json`: the saved model read back and checked for the
// fields applying it needs (genes with coefficients and identifiers, the scale).
import { MigrascoreError } from '../errors.js';
import type { SavedModel } from '../pipeline/modelTypes.js';
import { readTextFile } from './delimited.js';

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
