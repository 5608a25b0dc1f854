// Text shared by the figures of `migrascore associate`: each test written as R reports
// it (numbers by format/numbers), the star levels, and phrase-wise wrapping for panel titles.

import { formatPValue, formatSignificant, pEquals } from '../format/numbers.js';
import type { AssociateRow, AssociateSkipped } from '../associate/types.js';
import { starCuts } from './compareStyle.js';
import { NOTE_SIZE } from './figureStyle.js';
import { estimateTextWidth } from './render.js';

/** "** < 0.01, *** < 0.001, **** < 1e-04": the levels above the first star. */
export function moreStarsText(threshold = 0.05): string {
  const cuts = starCuts(threshold).slice(0, -1).reverse();
  return cuts.map((c, i) => `${'*'.repeat(i + 2)} < ${formatPValue(c)}`).join(', ');
}

/**
 * A test as phrases: "Kruskal–Wallis χ² = 3.42", "df = 3", "p = 0.332", "FDR = 0.859";
 * "Wilcoxon p = 0.579", "FDR = …"; "ρ = 0.13", "p = 0.239", "FDR = …", "n = 79" for Spearman.
 * Without a row: "not tested: <reason>" from the skipped row, or "not tested".
 */
export function testPhrases(row: AssociateRow | undefined, skipped?: AssociateSkipped): string[] {
  if (row === undefined) return [skipped ? `not tested: ${skipped.reason}` : 'not tested'];
  const fdr = pEquals(row.fdr, 'FDR');
  if (row.method.startsWith('spearman')) return [`\u03c1 = ${formatSignificant(row.estimate, 2)}`, pEquals(row.p), fdr, `n = ${row.n}`];
  if (row.method === 'kruskal') {
    return [`Kruskal\u2013Wallis \u03c7\u00b2 = ${formatSignificant(row.statistic, 3)}`, `df = ${row.df ?? 'NA'}`, pEquals(row.p), fdr];
  }
  return [pEquals(row.p, 'Wilcoxon p'), fdr];
}

/** Phrases joined by ", " into lines at most `width` px wide (a phrase is never broken). */
export function wrapPhrases(phrases: string[], width: number, size = NOTE_SIZE): string[] {
  const lines: string[] = [];
  for (const ph of phrases) {
    const last = lines.length - 1;
    if (last >= 0 && estimateTextWidth(`${lines[last]}, ${ph}`, size) <= width) lines[last] = `${lines[last]}, ${ph}`;
    else {
      if (last >= 0) lines[last] += ',';
      lines.push(ph);
    }
  }
  return lines;
}
