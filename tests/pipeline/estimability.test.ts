// When a Cox hazard ratio is "not estimable", and the reason given.
import { describe, expect, it } from 'vitest';
import type { CohortAnalysis } from '../../src/pipeline/analyseCohort.js';
import { continuousHrNote, groupHrNote, groupTermNote } from '../../src/pipeline/estimability.js';

const term = (over: Record<string, unknown> = {}) => ({ term: 'group=high', coef: 0.5, se: 0.2, hr: 1.65, hr_lower: 1.1, hr_upper: 2.4, z: 2.5, p: 0.01, ...over });

function analysis(events: [string, number][], terms = [term()], converged = true): CohortAnalysis {
  return {
    groups: events.map(([group, e]) => ({ group, n: 10, events: e, median: null, median_lower: null, median_upper: null })),
    cox: { terms, converged },
  } as unknown as CohortAnalysis;
}

describe('groupTermNote', () => {
  it('names the group without events, reference or not', () => {
    expect(groupHrNote(analysis([['low', 5], ['high', 0]], [term({ infinite: true, hr: 3.9e-9, hr_lower: 0, hr_upper: Infinity })]))).toBe('no events in group high');
    expect(groupHrNote(analysis([['low', 0], ['high', 5]], [term({ infinite: true, hr: 2.7e8 })]))).toBe('no events in group low');
    // a group without events even when R did not flag the coefficient
    expect(groupHrNote(analysis([['low', 0], ['high', 5]]))).toBe('no events in group low');
  });
  it('with three groups, looks only at the term\'s group and the reference', () => {
    const a = analysis([['low', 4], ['mid', 0], ['high', 3]], [term({ term: 'group=mid', infinite: true }), term()]);
    expect(groupTermNote(a, a.cox.terms[0])).toBe('no events in group mid');
    expect(groupTermNote(a, a.cox.terms[1])).toBeNull();
    expect(groupHrNote(a)).toBeNull(); // no single group HR
  });
  it('falls back on R\'s own signs: the infinite flag, no convergence, an interval reaching 0 or Inf', () => {
    expect(groupHrNote(analysis([['low', 4], ['high', 3]], [term({ infinite: true })]))).toBe('coefficient may be infinite (R coxph)');
    expect(groupHrNote(analysis([['low', 4], ['high', 3]], [term()], false))).toBe('R coxph did not converge; coefficient may be infinite');
    expect(groupHrNote(analysis([['low', 4], ['high', 3]], [term({ hr_lower: 0, hr_upper: Infinity })]))).toMatch(/confidence interval reaches 0 or Inf/);
    expect(groupHrNote(analysis([['low', 4], ['high', 3]]))).toBeNull();
  });
});

describe('continuousHrNote', () => {
  it('is null for an ordinary fit, a reason otherwise', () => {
    expect(continuousHrNote(term())).toBeNull();
    expect(continuousHrNote(undefined)).toBeNull();
    expect(continuousHrNote(term({ hr: 6.2e54, hr_lower: 0, hr_upper: Infinity }), false)).toBe('R coxph did not converge; coefficient may be infinite');
  });
});
