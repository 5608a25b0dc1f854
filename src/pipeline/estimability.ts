// Whether a Cox hazard ratio can be shown as a number, and if not, why. R keeps the
// numbers of a coefficient that "may be infinite" (coxph's monotone-likelihood warning,
// e.g. 3.9e-9 or 2.7e8 for a group without events) or of a fit that "ran out of
// iterations"; outputs keep them, but people are shown "not estimable" with the reason
// instead, and its direction is never counted.
import type { CohortAnalysis, CoxSummary } from './analyseCohort.js';

type CoxTerm = Pick<CoxSummary['terms'][number], 'coef' | 'hr' | 'hr_lower' | 'hr_upper' | 'infinite'>;

/** "no events in group low" / "no events in groups low and mid". */
function noEventsText(levels: string[]): string {
  return levels.length === 1 ? `no events in group ${levels[0]}` : `no events in groups ${levels.slice(0, -1).join(', ')} and ${levels.at(-1)}`;
}

/** R's own reasons: the infinite-coefficient flag, no convergence, or an interval reaching 0 or Inf. */
function fitNote(term: CoxTerm, converged: boolean): string | null {
  if (term.infinite) return 'coefficient may be infinite (R coxph)';
  if (!converged) return 'R coxph did not converge; coefficient may be infinite';
  const finite = [term.coef, term.hr, term.hr_lower, term.hr_upper].every(Number.isFinite) && term.hr_lower > 0;
  return finite ? null : 'coefficient may be infinite (R coxph: confidence interval reaches 0 or Inf)';
}

/**
 * Why the group term `group=<level>` (versus the reference, the first group) is not
 * estimable, or null when it is: a group of the comparison without events, or R's signs
 * of a coefficient that may be infinite.
 */
export function groupTermNote(analysis: CohortAnalysis, term: (CoxTerm & { term: string }) | undefined): string | null {
  if (!term) return null;
  const level = term.term.replace(/^group=/, '');
  const reference = analysis.groups[0]?.group;
  const empty = [reference, level].filter((g) => analysis.groups.some((x) => x.group === g && x.events === 0));
  if (empty.length) return noEventsText(empty);
  return fitNote(term, analysis.cox.converged);
}

/** The note of the two-group hazard ratio (the one term of Surv ~ group), or null. */
export function groupHrNote(analysis: CohortAnalysis): string | null {
  return analysis.cox.terms.length === 1 ? groupTermNote(analysis, analysis.cox.terms[0]) : null;
}

/** Why the hazard ratio of a continuous value (score, gene) is not estimable, or null. */
export function continuousHrNote(term: CoxTerm | undefined, converged = true): string | null {
  return term ? fitNote(term, converged) : null;
}
