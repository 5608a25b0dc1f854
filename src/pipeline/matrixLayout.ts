// When the set genes are (mostly) not among the row IDs, is the file laid out another
// way? Two shapes users give by mistake are recognised, with what to do:
// - transposed: sample IDs down the first column and gene IDs across the header. Rule:
//   the set genes resolve (same resolver) among the header cells at least twice, and
//   more than twice as often as among the rows.
// - gene-set scores, e.g. R gsva() output (sets in rows, samples in columns). Rule: no
//   set gene among the rows, at most 200 rows, and either a row ID names a gene set
//   (one of the requested or built-in sets, or an MSigDB-style HALLMARK_/KEGG_/… name)
//   or every value lies in [-1, 1] (GSVA, normalised ssGSEA and PLAGE scores do).
import { printable } from '../io/fileKind.js';
import { builtInGeneSetNames, type GeneSetSpec } from '../genes/geneSets.js';
import { resolveGeneSets, type GeneIdTable, type GeneSetReport } from '../genes/resolve.js';
import type { LoadedMatrix } from '../io/matrix.js';

const SET_NAME = /^(HALLMARK|KEGG|REACTOME|BIOCARTA|PID|WP|GOBP|GOCC|GOMF|GO|MIGRASOME|CGP|CP)[_-]/i;
const MAX_SCORE_ROWS = 200;

const show = (ids: readonly string[], k = 3) => ids.slice(0, k).map((s) => `"${printable(s.length > 40 ? `${s.slice(0, 37)}...` : s)}"`).join(', ');

/** Distinct set genes found among `report`'s rows. */
function foundGenes(report: GeneSetReport[]): Set<string> {
  const out = new Set<string>();
  for (const r of report) for (const g of r.genes) if (g.status === 'found' || g.status === 'via-id') out.add(g.gene);
  return out;
}

/** An explanation when `matrix` looks transposed or like a table of scores, else null. */
export function layoutProblem(matrix: LoadedMatrix, specs: GeneSetSpec[], table: GeneIdTable, byRows: GeneSetReport[]): string | null {
  const inRows = foundGenes(byRows).size;
  const byColumns = resolveGeneSets(specs, matrix.samples, table).report;
  const headerGenes = [...new Set(byColumns.flatMap((r) => r.genes.filter((g) => g.status === 'found' || g.status === 'via-id').map((g) => g.row!)))];
  const rowIds = matrix.nRows > 0 ? matrix.rowIds : matrix.skippedIds;
  const path = matrix.path;
  if (headerGenes.length >= 2 && headerGenes.length > 2 * inRows) {
    if (matrix.transposed) {
      return `Expression matrix ${path} was read with --transpose, but then its sample IDs are gene IDs (${show(headerGenes)}): the file already has genes in rows. Leave out --transpose.`;
    }
    return (
      `Expression matrix ${path} looks transposed: its header names genes (${show(headerGenes)}, ${headerGenes.length} set genes in all) and its first column holds ` +
      `${rowIds.length ? show(rowIds) : 'no set gene'}, so samples are in rows. Add --transpose to read it as it is, or write it with genes in rows (in R: write.table(t(m), "expr.tsv", sep = "\\t", quote = FALSE, col.names = NA)).`
    );
  }
  if (inRows > 0 || matrix.dataRows > MAX_SCORE_ROWS) return null;
  const known = new Set([...specs.map((s) => s.name), ...builtInGeneSetNames()]);
  const setLike = rowIds.filter((id) => known.has(id) || SET_NAME.test(id));
  let unitRange = matrix.nRows > 0;
  for (let r = 0; unitRange && r < matrix.nRows; r++) {
    const row = matrix.row(r);
    for (let j = 0; j < row.length; j++) if (!(row[j] >= -1 && row[j] <= 1)) { unitRange = false; break; }
  }
  if (setLike.length === 0 && !unitRange) return null;
  const why = setLike.length > 0 ? `its rows are named like gene sets (${show(setLike)})` : `it has ${matrix.nRows} row${matrix.nRows === 1 ? '' : 's'} (${show(rowIds)}), none a set gene, and every value lies between -1 and 1`;
  return (
    `Expression matrix ${path} looks like gene-set scores, as R's gsva() returns them (sets in rows, samples in columns), not an expression matrix: ${why}. ` +
    'Give the expression matrix the scores came from; or, to analyse these scores, write them with samples in rows ' +
    '(in R: write.table(t(es), "scores.tsv", sep = "\\t", quote = FALSE, col.names = NA)) and use survival --scores scores.tsv.'
  );
}
