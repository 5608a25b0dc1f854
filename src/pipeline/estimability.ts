// Whether a Cox hazard ratio can be shown as a number, and if not, why. R keeps the
// numbers of a coefficient that "may be infinite" (coxph's monotone-likelihood warning,
// e.g. 3.9e-9 or 2.7e8 for a group without events); outputs keep them, but people are
// shown "not estimable" with the reason instead, and its direction is never counted.
import type { CohortAnalysis, CoxSummary } from './analyseCohort.js';

type CoxTerm = CoxSummary['terms'][number];

function eventsIn(analysis: CohortAnalysis, level: string): number | undefined {
  return analysis.groups.find((g) => g.group === level)?.events;
}

/** "no events in group low" / "no events in groups low and mid". */
function noEventsText(levels: string[]): string {
  return levels.length === 1 ? `no events in group ${levels[0]}` : `no events in groups ${levels.slice(0, -1).join(', ')} and ${levels.at(-1)}`;
}

/**
 * Why the group term `group=<level>` (versus the reference, the first group) is not
 * estimable, or null when it is: a group of the comparison without events, or R's
 * "coefficient may be infinite" flag on the term.
 */
export function groupTermNote(analysis: CohortAnalysis, term: CoxTerm | undefined): string | null {
  if (!term) return null;
  const level = term.term.replace(/^group=/, '');
  const reference = analysis.groups[0]?.group;
  const empty = [reference, level].filter((g): g is string => g !== undefined && eventsIn(analysis, g) === 0);
  if (empty.length) return noEventsText(empty);
  if (term.infinite || !Number.isFinite(term.hr) || !Number.isFinite(term.coef)) {
    return 'coefficient may be infinite (R coxph)';
  }
  return null;
}

/** The note of the two-group hazard ratio (the one term of Surv ~ group), or null. */
export function groupHrNote(analysis: CohortAnalysis): string | null {
  return analysis.cox.terms.length === 1 ? groupTermNote(analysis, analysis.cox.terms[0]) : null;
}

/** Why the hazard ratio of a continuous value (score, gene) is not estimable, or null. */
export function continuousHrNote(term: Pick<CoxTerm, 'hr' | 'coef' | 'infinite'> | undefined, what = 'the score'): string | null {
  if (!term) return null;
  if (term.infinite || !Number.isFinite(term.hr) || !Number.isFinite(term.coef)) {
    return `coefficient may be infinite (R coxph): ${what} orders the events perfectly`;
  }
  return null;
}
