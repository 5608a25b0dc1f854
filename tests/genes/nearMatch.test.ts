import { describe, expect, it } from 'vitest';
import { nearKey, nearMatchFilter, nearMatchIndex } from '../../src/genes/nearMatch.js';

describe('near-match hints', () => {
  it('ignores case, spaces, quotes and a version suffix', () => {
    expect(nearKey(' tspan4 ')).toBe('TSPAN4');
    expect(nearKey('ENSG00000061794.12')).toBe('ENSG00000061794');
    expect(nearKey('"Tspan 4"')).toBe('TSPAN4');
  });

  it('suggests at most three rows, never the gene itself, including symbol parts of two-part IDs', () => {
    const index = nearMatchIndex(['TSPAN4', 'Tspan4', 'ITGB1|3688', 'ENSG00000061794.12', 'A', 'a', 'a ', 'A.1']);
    expect(index.suggest('tspan4')).toEqual(['TSPAN4', 'Tspan4']);
    expect(index.suggest('TSPAN4')).toEqual(['Tspan4']);
    expect(index.suggest('itgb1')).toEqual(['ITGB1|3688']);
    expect(index.suggest('ENSG00000061794.3')).toEqual(['ENSG00000061794.12']);
    expect(index.suggest('NOPE')).toEqual([]);
    expect(index.suggest('A ').length).toBe(3);
  });

  it('filters the rows worth keeping for hints', () => {
    const keep = nearMatchFilter(['tspan4', 'ITGB1|3688']);
    expect(['TSPAN4', 'Itgb1', 'GAPDH', 'ITGB1|999'].map(keep)).toEqual([true, true, false, true]);
  });
});
