import { describe, expect, it } from 'vitest';
import { cutText, endpointText, kmTitles, scoreText } from '../../src/pipeline/figureLabels.js';

describe('figure labels', () => {
  it('names endpoint, score and cut rule in words', () => {
    expect(endpointText('OS', 'OS.time', 'OS')).toBe('Overall survival (OS)');
    expect(endpointText('PFI', 'PFI.time', 'PFI')).toBe('Progression-free interval (PFI)');
    expect(endpointText(undefined, 'futime', 'fustat')).toBe('Survival (futime, fustat)');
    expect(scoreText('migrasome-core', 'ssgsea')).toBe('migrasome-core score (ssGSEA)');
    expect(scoreText('set2', 'gsva')).toBe('set2 score (GSVA)');
    expect(cutText({ kind: 'median' })).toBe('median split');
    expect(cutText({ kind: 'optimal' })).toBe('optimal cutpoint (maxstat, data-driven)');
    expect(cutText({ kind: 'quantiles', probs: [0.25, 0.5, 0.75] })).toBe('split at quantiles 0.25, 0.5, 0.75');
    expect(cutText({ kind: 'extremes', q: 0.25 })).toBe('bottom 25% vs top 25%');
    expect(cutText({ kind: 'cutoff', value: 0.5 })).toBe('cut at 0.5');
  });

  it('titles a KM figure with cancer and endpoint, subtitles it with what was split and how', () => {
    const base = { time: 'OS.time', event: 'OS', endpoint: 'OS', split: { kind: 'median' } as const };
    expect(kmTitles({ ...base, cancer: 'BRCA', grouping: { kind: 'expr', set: 'migrasome-core', method: 'ssgsea' } })).toEqual({
      title: 'BRCA \u00b7 Overall survival (OS)', subtitle: 'migrasome-core score (ssGSEA), median split',
    });
    expect(kmTitles({ ...base, grouping: { kind: 'group', column: 'rx' } }).subtitle).toBe('Grouped by rx');
    expect(kmTitles({ ...base, grouping: { kind: 'scores', file: '/x/scores.tsv', column: 'core' } }).subtitle).toBe('core (from scores.tsv), median split');
    expect(kmTitles({ ...base, grouping: { kind: 'value', column: 'age' }, split: { kind: 'optimal' } }).subtitle).toBe('age, optimal cutpoint (maxstat, data-driven)');
    // --title replaces the title; {cancer} and {endpoint} are filled in
    expect(kmTitles({ ...base, cancer: 'UVM', grouping: { kind: 'group', column: 'rx' } }, { title: '{cancer}: {endpoint}' }).title).toBe('UVM: OS');
  });
});
