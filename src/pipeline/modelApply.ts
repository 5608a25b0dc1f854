// `migrascore model apply`: a saved LASSO Cox model's risk score (Σ coef × gene value) on
// every sample of another matrix (a validation cohort), the genes found by the
// identifiers model.json keeps (its row, Entrez, Ensembl, symbol, name), so a matrix
// with Ensembl, Entrez or plain-symbol rows resolves the same genes.
import { MigrascoreError } from '../errors.js';
import { readModelFile } from '../io/modelFile.js';
import { riskScore } from '../model/apply.js';
import { onLog2Scale, readGeneRows, savedGeneSpecs, type ScaleDecision } from './modelGenes.js';
import type { SavedGene, SavedModel } from '../io/modelFile.js';
import type { Log2Mode } from './scoreMatrix.js';

export interface ModelApplyOptions {
  model: string;
  expr: string;
  log2: Log2Mode;
  transpose?: boolean;
  /** Missing genes contribute 0 instead of an error. */
  allowMissing?: boolean;
}

export interface ModelApplyRun {
  model: SavedModel;
  samples: string[];
  risk: Float64Array;
  /** Each model gene and the row it was read from (undefined: missing). */
  matched: { gene: SavedGene; row?: string; how?: string }[];
  missing: { gene: string; why: string }[];
  log2: ScaleDecision;
  warnings: string[];
  inputPaths: string[];
}

export async function runModelApply(opts: ModelApplyOptions): Promise<ModelApplyRun> {
  const model = readModelFile(opts.model);
  const specs = savedGeneSpecs(model.genes);
  const read = await readGeneRows(opts.expr, specs.length ? specs : [{ name: 'none', genes: [], source: '' }], opts.transpose);
  const { matrix } = read;
  const rowIndex = new Map(matrix.rowIds.map((id, i) => [id, i]));
  const matched = model.genes.map((gene, i) => {
    const hit = read.report[i]?.genes.find((g) => (g.status === 'found' || g.status === 'via-id') && g.row !== undefined && rowIndex.has(g.row));
    return { gene, row: hit?.row, how: hit?.how };
  });
  const missing = matched.flatMap((m, i) => (m.row === undefined ? [{ gene: m.gene.gene, why: missingReason(read.report[i]?.genes ?? []) }] : []));
  const taken = new Map<string, string>();
  for (const m of matched) {
    if (m.row === undefined) continue;
    const other = taken.get(m.row);
    if (other !== undefined) throw new MigrascoreError(`Model genes ${other} and ${m.gene.gene} both resolve to row ${m.row} of ${opts.expr}; the matrix cannot tell them apart. Check its row IDs.`);
    taken.set(m.row, m.gene.gene);
  }
  const warnings: string[] = [];
  if (missing.length > 0) {
    const text = `${missing.length} of the ${model.genes.length} model genes ${missing.length === 1 ? 'is' : 'are'} not in ${opts.expr}: ${missing.map((m) => `${m.gene} (${m.why})`).join('; ')}`;
    if (!opts.allowMissing) {
      throw new MigrascoreError(`${text}. The risk score needs every gene of the model. Check the matrix's gene identifiers (symbols, Entrez or Ensembl IDs all work), or score without them with --allow-missing (they then contribute 0, and the scores are not those of the model).`);
    }
    warnings.push(`${text}. With --allow-missing they contribute 0 to every sample's risk: the scores are NOT the model's and are not comparable with the fitted cohort's.`);
  }
  // A model without genes reads no value: no scale to judge (auto would find no values
  // and warn falsely); every risk is 0 whatever the scale.
  const log2: ScaleDecision = model.genes.length === 0
    ? { mode: opts.log2, applied: false, reason: 'not checked: the model has no gene, so no value of the matrix is used' }
    : onLog2Scale(matrix, opts.log2).log2;
  if (model.genes.length > 0 && log2.applied !== model.scale.log2.applied) {
    warnings.push(`The model was fitted on ${model.scale.log2.applied ? 'log2(value + 1)' : 'values as given'} (${model.scale.log2.reason}), but this matrix is used ${log2.applied ? 'after log2(value + 1)' : 'as given'} (${log2.reason}). ` +
      `Scores are only comparable on the same scale: set --log2 ${model.scale.log2.applied ? 'yes' : 'no'} if the matrix is ${model.scale.log2.applied ? 'unlogged' : 'on the fitted scale'}.`);
  }
  const used = matched.filter((m) => m.row !== undefined);
  const risk = riskScore(matrix.nSamples, used.map((m) => matrix.row(rowIndex.get(m.row!)!)), used.map((m) => m.gene.coef));
  return { model, samples: matrix.samples, risk, matched, missing, log2, warnings, inputPaths: [opts.model, opts.expr] };
}

function missingReason(reports: { gene: string; status: string; how?: string; candidates?: string[] }[]): string {
  const ambiguous = reports.find((r) => r.status === 'ambiguous');
  if (ambiguous) return `ambiguous: ${ambiguous.how ?? ''}${ambiguous.candidates ? ` (${ambiguous.candidates.slice(0, 4).join(', ')})` : ''}`;
  const dropped = reports.find((r) => r.status === 'dropped');
  if (dropped) return dropped.how ?? 'row dropped for missing values';
  return `no row for ${reports.map((r) => r.gene).join(', ')}`;
}
