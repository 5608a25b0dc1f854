import { describe, expect, it } from 'vitest';
import { orderedGroupLabels, parseSplitRule, ruleCutpoints, splitAtCutpoints, splitExtremes } from '../../src/survival/stratify.js';
import { quantileType7 } from '../../src/stats/quantile.js';

describe('split rules', () => {
  it('parses every rule of the contract and rejects others', () => {
    expect(parseSplitRule('median')).toEqual({ kind: 'median' });
    expect(parseSplitRule('quantiles:0.25,0.5,0.75')).toEqual({ kind: 'quantiles', probs: [0.25, 0.5, 0.75] });
    expect(parseSplitRule('extremes:0.25')).toEqual({ kind: 'extremes', q: 0.25 });
    expect(parseSplitRule('cutoff:-1.5')).toEqual({ kind: 'cutoff', value: -1.5 });
    expect(parseSplitRule('optimal')).toEqual({ kind: 'optimal' });
    for (const bad of ['mean', 'quantiles:0.5,0.2', 'quantiles:', 'extremes:0.7', 'cutoff:x', 'median:3']) {
      expect(() => parseSplitRule(bad), bad).toThrow(/--split/);
    }
  });

  it('labels groups low/high, low/mid/high, else Q1..Qk', () => {
    expect(orderedGroupLabels(2)).toEqual(['low', 'high']);
    expect(orderedGroupLabels(3)).toEqual(['low', 'mid', 'high']);
    expect(orderedGroupLabels(4)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('puts a value equal to the cutpoint in the lower group (high = greater than)', () => {
    const values = [1, 2, 3, 4, NaN];
    const [cut] = ruleCutpoints(values, { kind: 'median' });
    expect(cut).toBe(2.5);
    expect(Array.from(splitAtCutpoints([1, 2.5, 3, NaN], [2.5]).group)).toEqual([0, 0, 1, -1]);
  });

  it('uses R quantile type 7 for quartiles (R: quantile(1:10, c(.25,.5,.75)) = 3.25 5.5 7.75)', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(ruleCutpoints(x, { kind: 'quantiles', probs: [0.25, 0.5, 0.75] })).toEqual([3.25, 5.5, 7.75]);
    expect(quantileType7([3, 1, 2], 0.5)).toBe(2);
    const s = splitAtCutpoints(x, [3.25, 5.5, 7.75]);
    expect(Array.from(s.group)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
    expect(s.levels).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('keeps bottom and top q for extremes and leaves the middle out', () => {
    const x = Array.from({ length: 8 }, (_, i) => i + 1);
    const [lo, hi] = ruleCutpoints(x, { kind: 'extremes', q: 0.25 });
    expect([lo, hi]).toEqual([2.75, 6.25]);
    expect(Array.from(splitExtremes(x, lo, hi).group)).toEqual([0, 0, -1, -1, -1, -1, 1, 1]);
  });
});
