// The test of a split's groups, named one way everywhere: the log-rank test, or for a
// cutpoint searched over the data (--split optimal) maxstat's p adjusted for the search
// (Lausen & Schumacher 1992) — a searched cut's naive log-rank p is never its significance.
import type { PancanTableRow } from '../report/model.js';

/** How a searched cutpoint is named wherever it is shown (figure and report titles). */
export const SEARCHED_CUT = 'optimal (data-driven) cutpoint; p adjusted for the search (Lau92)';

/** The split's own test, as named under tables and figures. */
export function splitTest(searched: boolean): string {
  return searched ? 'maxstat log-rank test of the optimal cutpoint, adjusted for the search (Lau92)' : 'log-rank test of the score groups';
}

/** The p-value of the split's own test: maxstat's Lau92 p for a searched cut, else the log-rank p. */
export function splitTestP(row: PancanTableRow, searched: boolean): number | null {
  return searched ? row.p_adjusted : row.logrank_p;
}
