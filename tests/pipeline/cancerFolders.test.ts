import { describe, expect, it } from 'vitest';
import { folderNames, folderSlug } from '../../src/pipeline/cancerFolders.js';

describe('folder names from data', () => {
  it('makes a safe slug: no separators, no leading dot, nothing file-like', () => {
    expect(folderSlug('BRCA')).toBe('BRCA');
    expect(folderSlug('../../x')).toBe('___.._x');
    expect(folderSlug('A/B')).toBe('A_B');
    expect(folderSlug('..')).toBe('__');
    expect(folderSlug('.migrascore')).toBe('_migrascore');
    expect(folderSlug('')).toBe('_');
    expect(folderSlug('a\\b c\td')).toBe('a_b_c_d');
    expect(folderSlug('pancan.tsv')).toBe('pancan.tsv_');
    expect(folderSlug('Mélanome')).toBe('Mélanome');
    expect(folderSlug('x'.repeat(300)).length).toBe(80);
  });

  it('keeps safe names, makes the others unique ignoring case, whatever the order', () => {
    const names = ['A/B', 'A_B', 'a_b', 'A:B', 'BRCA'];
    const m = folderNames(names);
    expect(m.get('a_b')).toBe('a_b'); // ICU order: a_b before A_B, which clashes on a case-insensitive disk
    expect(m.get('A_B')).toBe('A_B-2');
    expect(m.get('BRCA')).toBe('BRCA');
    expect(new Set([...m.values()].map((v) => v.toLowerCase())).size).toBe(names.length);
    expect([...folderNames([...names].reverse())].sort()).toEqual([...m].sort());
    for (const v of m.values()) expect(v).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
  });
});
