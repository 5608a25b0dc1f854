// Messages about the genes of the sets that tell the user what happened and what to do:
// which genes are missing (with near-match hints), which rows were dropped for missing
// or infinite values, and a loud warning when a set is scored on less than half of
// its genes.
import type { DroppedRowNote, GeneSetReport } from '../genes/resolve.js';
import type { DroppedRow } from '../io/matrix.js';
import { printable } from '../io/fileKind.js';

const list = (xs: string[], max = 15) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function where(d: DroppedRow): string {
  return d.column !== undefined ? `column ${d.column}` : `line ${d.line}`;
}

/** Why the reader dropped each row, for the gene report ("missing value in 2 samples, line 17"). */
export function droppedRowNotes(dropped: readonly DroppedRow[]): DroppedRowNote[] {
  return dropped.map((d) => {
    const parts: string[] = [];
    if (d.missing > 0) parts.push(`missing value in ${plural(d.missing, 'sample')}`);
    if (d.non_finite) parts.push(`infinite value (Inf/-Inf) in ${plural(d.non_finite, 'sample')}`);
    return { id: d.id, reason: `${parts.join(' and ')} (${where(d)})` };
  });
}

/** A message when rows were dropped for infinite values (null when none were). */
export function nonFiniteMessage(dropped: readonly DroppedRow[]): string | null {
  const inf = dropped.filter((d) => (d.non_finite ?? 0) > 0);
  if (inf.length === 0) return null;
  const shown = list(inf.map((d) => `${printable(d.id)} (${where(d)})`), 10);
  return (
    `${plural(inf.length, 'gene')} with infinite values (Inf, -Inf, or numbers beyond the range of a double) ${inf.length === 1 ? 'was' : 'were'} dropped, ` +
    `as genes with missing values are: ${shown}. Replace those cells with finite values (or NA) if these genes should count.`
  );
}

/** "; not in the matrix: A, B (did you mean b?); dropped for missing values: C" for one set ('' when nothing is missing). */
export function missingGenesText(r: GeneSetReport): string {
  const parts: string[] = [];
  const missing = r.genes.filter((g) => g.status === 'missing');
  if (missing.length) {
    parts.push(`not in the matrix: ${list(missing.map((g) => (g.suggestions ? `${printable(g.gene)} (did you mean ${g.suggestions.map(printable).join(' or ')}?)` : printable(g.gene))))}`);
  }
  const dropped = r.genes.filter((g) => g.status === 'dropped');
  if (dropped.length) parts.push(`dropped for missing or infinite values: ${list(dropped.map((g) => printable(g.gene)))}`);
  if (r.ambiguous.length) parts.push(`ambiguous: ${list(r.ambiguous.map(printable))}`);
  return parts.length ? `; ${parts.join('; ')}` : '';
}

/** A loud warning for each set with fewer than half of its genes in the matrix. */
export function fewGenesWarnings(reports: readonly GeneSetReport[]): string[] {
  const out: string[] = [];
  for (const r of reports) {
    const distinct = new Set(r.genes.map((g) => g.gene)).size;
    if (distinct === 0 || r.found * 2 >= distinct) continue;
    const advice = [
      r.missing.length ? 'check that the matrix row IDs are gene symbols, Entrez or Ensembl IDs of the same species as the set' : '',
      r.dropped?.length ? 'impute or remove the missing values of the dropped genes' : '',
    ].filter((x) => x !== '');
    out.push(
      `WARNING: gene set "${r.set}" is scored on only ${r.found} of its ${distinct} genes${missingGenesText(r)}. ` +
        `A score from less than half of a set may not represent it${advice.length ? `: ${advice.join('; ')}` : ''}.`,
    );
  }
  return out;
}
