// The genes of a LASSO Cox model as matrix rows, for `model fit` (the candidates, from
// gene sets) and `model apply` (the saved genes, by the identifiers model.json keeps),
// with the identifier resolution of `score` and the log rule of `score --log2`.
import { MigrascoreError } from '../errors.js';
import { builtInGeneSetNames, loadGeneSetSpecs, type GeneSetSpec } from '../genes/geneSets.js';
import { loadGeneIdTable, resolveGeneSets, rowFilterForSets, type GeneReport, type GeneSetReport } from '../genes/resolve.js';
import { lookupGene, type GeneIdTable } from '../genes/identifiers.js';
import { nearMatchFilter } from '../genes/nearMatch.js';
import { readExpressionMatrix, type LoadedMatrix } from '../io/matrix.js';
import { cellsBelowMinusOne, detectUnlogged, log2PlusOne } from '../io/logScale.js';
import { printable } from '../io/fileKind.js';
import { formatCount, formatSignificant } from '../format/numbers.js';
import { droppedRowNotes } from './geneMessages.js';
import { layoutProblem } from './matrixLayout.js';
import type { Log2Mode } from './scoreMatrix.js';
import type { SavedGene } from '../io/modelFile.js';

/** The built-in sets the default candidates come from (the exosome control set is not one). */
export function builtInMigrasomeSets(): string[] {
  return builtInGeneSetNames().filter((n) => n.startsWith('migrasome-'));
}

/**
 * The candidate genes: every gene of the --genes sets (default: the built-in migrasome
 * sets), in set order, each name once (glmnet's answer depends on column order).
 */
export function candidateSpec(genes: string[]): { spec: GeneSetSpec; sets: string[] } {
  const specs = (genes.length ? genes : builtInMigrasomeSets()).flatMap((s) => loadGeneSetSpecs(s));
  const seen = new Set<string>();
  const names: string[] = [];
  for (const s of specs) {
    for (const raw of s.genes) {
      const g = raw.trim();
      if (g !== '' && !seen.has(g)) { seen.add(g); names.push(g); }
    }
  }
  if (names.length === 0) throw new MigrascoreError(`The gene sets ${specs.map((s) => s.name).join(', ')} list no gene: give candidate genes with --genes SPEC.`, 2);
  return { spec: { name: 'candidates', genes: names, source: specs.map((s) => s.source).join(', ') }, sets: specs.map((s) => s.name) };
}

export interface ModelMatrix {
  matrix: LoadedMatrix;
  table: GeneIdTable;
  report: GeneSetReport[];
}

/** Reads only the rows the sets' genes can resolve to, and resolves them. */
export async function readGeneRows(expr: string, specs: GeneSetSpec[], transpose?: boolean): Promise<ModelMatrix> {
  const table = loadGeneIdTable();
  const keepRow = rowFilterForSets(specs, table);
  const hintRow = nearMatchFilter(specs.flatMap((s) => s.genes.map((g) => g.trim())));
  const matrix = await readExpressionMatrix(expr, { keepRow, hintRow, transpose });
  const { report } = resolveGeneSets(specs, matrix.rowIds, table, droppedRowNotes(matrix.droppedMissing), matrix.hintIds);
  return { matrix, table, report };
}

/** Candidate genes found in the matrix, in set order, one per distinct row. */
export function candidateRows(m: ModelMatrix): { gene: string; row: number; report: GeneReport }[] {
  const rowIndex = new Map(m.matrix.rowIds.map((id, i) => [id, i]));
  const out: { gene: string; row: number; report: GeneReport }[] = [];
  for (const g of m.report[0].genes) {
    if ((g.status === 'found' || g.status === 'via-id') && g.duplicateOf === undefined && g.row !== undefined && rowIndex.has(g.row)) {
      out.push({ gene: g.gene, row: rowIndex.get(g.row)!, report: g });
    }
  }
  if (out.length === 0) {
    const layout = layoutProblem(m.matrix, [{ name: 'candidates', genes: m.report[0].genes.map((g) => g.gene), source: '' }], m.table, m.report);
    throw new MigrascoreError(layout ?? `No candidate gene is in ${m.matrix.path} (looked for ${m.report[0].size}: ${m.report[0].genes.slice(0, 12).map((g) => g.gene).join(', ')}${m.report[0].size > 12 ? ', …' : ''}). ` +
      'Check that the matrix has genes in rows with symbol, Entrez or Ensembl IDs, or give other genes with --genes.');
  }
  if (out.length === 1) {
    // glmnet(): "x should be a matrix with 2 or more columns".
    const asked = m.report[0].genes;
    const others = asked.filter((g) => g !== out[0].report).map((g) => (g.duplicateOf !== undefined ? `${g.gene} (same row as ${g.duplicateOf})` : g.how ?? `${g.gene} (${g.status})`));
    throw new MigrascoreError(
      `LASSO Cox needs at least two candidate genes (R's glmnet refuses an x of one column), and ` +
        `${asked.length === 1 ? `the candidates are one gene, found in ${m.matrix.path}` : `only 1 of the ${asked.length} candidate genes asked for is in ${m.matrix.path}`}: ${out[0].gene}` +
        `${others.length ? ` (not used: ${others.slice(0, 12).join('; ')}${others.length > 12 ? '; …' : ''})` : ''}. ` +
        'Give more candidate genes with --genes (e.g. NAME=G1,G2,G3, a .gmt file, or a built-in set); for one gene, use `migrascore survival` (Cox model of its expression) instead.',
      2,
    );
  }
  return out;
}

/** Every identifier a gene is known by: its row, then Entrez, Ensembl, symbol, and its name in the set. */
export function geneIdentifiers(gene: string, row: string, table: GeneIdTable): Pick<SavedGene, 'symbol' | 'entrez' | 'ensembl'> {
  for (const name of [gene, row]) {
    const l = lookupGene(table, name);
    if (l.kind === 'gene') return { symbol: l.gene.symbol, entrez: l.gene.entrez, ensembl: [...l.gene.ensembl] };
  }
  // A `SYMBOL|ENTREZ` row of a gene the table does not know: keep its Entrez part.
  const entrez = /\|([1-9]\d*)$/.exec(row)?.[1];
  return entrez ? { entrez } : {};
}

/** Saved genes as one-gene sets, each listing its identifiers in the order they are tried. */
export function savedGeneSpecs(genes: SavedGene[]): GeneSetSpec[] {
  return genes.map((g, i) => ({
    name: `${i}`,
    genes: [...new Set([g.row, g.entrez, ...(g.ensembl ?? []), g.symbol, g.gene].filter((x): x is string => typeof x === 'string' && x !== ''))],
    source: 'model.json',
  }));
}

export interface ScaleDecision { mode: Log2Mode; applied: boolean; reason: string }

/**
 * log2(x + 1) as `score --log2` decides it (auto: GEO2R's rule on the rows read), in place.
 * x ≤ -1 under log2 is an error naming cells, as in `score`.
 */
export function onLog2Scale(matrix: LoadedMatrix, mode: Log2Mode): { matrix: LoadedMatrix; log2: ScaleDecision } {
  if (mode === 'no') return { matrix, log2: { mode, applied: false, reason: '--log2 no' } };
  const d = mode === 'yes' ? { unlogged: true, reason: '--log2 yes' } : detectUnlogged(matrix);
  if (!d.unlogged) return { matrix, log2: { mode, applied: false, reason: d.reason } };
  const bad = cellsBelowMinusOne(matrix);
  if (bad.cells > 0) {
    const shown = bad.first.map((c) => `${printable(matrix.rowIds[c.row])} in sample ${printable(matrix.samples[c.column])}: ${formatSignificant(c.value, 6)}`).join('; ');
    throw new MigrascoreError(
      `log2(x+1) is undefined for values of -1 or less, and ${formatCount(bad.cells)} cell${bad.cells === 1 ? '' : 's'} of the model genes in ${matrix.path} ${bad.cells === 1 ? 'is' : 'are'} (${shown}); ` +
        `${mode === 'yes' ? '--log2 yes was given' : `--log2 auto judged the matrix unlogged (${d.reason})`}. Use the values as given with --log2 no, or correct them.`,
    );
  }
  log2PlusOne(matrix, { inPlace: true });
  return { matrix, log2: { mode, applied: true, reason: d.reason } };
}
