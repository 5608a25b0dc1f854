import { describe, expect, it } from 'vitest';
import { moreStarsText, testPhrases, wrapPhrases } from '../../src/plots/associateStyle.js';
import { variableLabel } from '../../src/plots/associateTypes.js';
import { gridColumns, panelTitle, rowMax } from '../../src/plots/panelGrid.js';
import { estimateTextWidth } from '../../src/plots/render.js';

const row = { cancer: 'ACC', variable: 'v', type: 'numeric' as const, n: 79, estimate: null, statistic: null, df: null, p: null, fdr: null };

describe('testPhrases', () => {
  it('writes each test as R reports it', () => {
    // the reference associate.tsv rows of ACC (mini-pancan-cdr)
    expect(testPhrases({ ...row, estimate: 0.134052508642265, statistic: 71146.2458899515, p: 0.238869060133375, method: 'spearman-asymptotic' as const, fdr: 0.859467979788372 })).toEqual([
      '\u03c1 = 0.13',
      'p = 0.239',
      'FDR = 0.859',
      'n = 79',
    ]);
    expect(testPhrases({ ...row, statistic: 3.41714771714774, df: 3, p: 0.331667827184368, method: 'kruskal' as const, fdr: 0.859467979788372 })).toEqual([
      'Kruskal\u2013Wallis \u03c7\u00b2 = 3.42',
      'df = 3',
      'p = 0.332',
      'FDR = 0.859',
    ]);
    expect(testPhrases({ ...row, statistic: 688, p: 0.579457507670654, method: 'wilcoxon-exact' as const, fdr: 0.859467979788372 })).toEqual(['Wilcoxon p = 0.579', 'FDR = 0.859']);
    expect(testPhrases({ ...row, statistic: 1, p: 0, method: 'wilcoxon-normal' as const, fdr: 0 })).toEqual(['Wilcoxon p < 1e-300', 'FDR < 1e-300']);
    expect(testPhrases(undefined, { cancer: 'UCS', variable: 'v', level: null, n: 57, reason: 'fewer than 2 levels' })).toEqual(['not tested: fewer than 2 levels']);
    expect(testPhrases(undefined)).toEqual(['not tested']);
  });
});

describe('wrapPhrases', () => {
  it('joins phrases with commas and breaks only between them', () => {
    const phrases = ['Kruskal\u2013Wallis \u03c7\u00b2 = 3.42', 'df = 3', 'p = 0.332', 'FDR = 0.859'];
    expect(wrapPhrases(phrases, 1000)).toEqual(['Kruskal\u2013Wallis \u03c7\u00b2 = 3.42, df = 3, p = 0.332, FDR = 0.859']);
    const narrow = wrapPhrases(phrases, 170);
    expect(narrow).toEqual(['Kruskal\u2013Wallis \u03c7\u00b2 = 3.42, df = 3,', 'p = 0.332, FDR = 0.859']);
    for (const line of narrow) expect(estimateTextWidth(line, 11)).toBeLessThanOrEqual(175);
    expect(wrapPhrases(['a very long phrase that does not fit'], 10)).toEqual(['a very long phrase that does not fit']);
    expect(wrapPhrases([], 100)).toEqual([]);
  });
});

describe('star levels, labels and the panel grid', () => {
  it('names the star levels above the first', () => {
    expect(moreStarsText()).toBe('** < 0.01, *** < 0.001, **** < 1e-04');
    expect(moreStarsText(0.01)).toBe('** < 0.001, *** < 1e-04');
  });
  it('labels a variable by the map, else by its column name', () => {
    expect(variableLabel('leukocyte_fraction', { leukocyte_fraction: 'Leukocyte fraction' })).toBe('Leukocyte fraction');
    expect(variableLabel('tmb', { leukocyte_fraction: 'x' })).toBe('tmb');
    expect(variableLabel('tmb', { tmb: '  ' })).toBe('tmb');
    expect(variableLabel('constructor', {})).toBe('constructor');
    expect(variableLabel('tmb')).toBe('tmb');
  });
  it('fits as many panels in a row as the width allows', () => {
    expect(gridColumns(1, 400)).toBe(1);
    expect(gridColumns(33, 240)).toBe(4);
    expect(gridColumns(2, 240)).toBe(2);
    expect(gridColumns(33, 2000)).toBe(1);
    expect(rowMax([1, 3, 2, 0, 5], 2, 1)).toBe(3);
    expect(rowMax([1, 3, 2, 0, 5], 2, 4)).toBe(5);
  });
  it('lines the panel titles of a row up above the plot', () => {
    const short = panelTitle('BLCA', ['p = 0.1'], 3);
    const tall = panelTitle('KIRC', ['Kruskal\u2013Wallis \u03c7\u00b2 = 3.42, df = 3,', 'p = 0.332'], 3);
    expect(short[0].y).toBe(tall[0].y);
    expect(short.map((c) => c.text)).toEqual(['BLCA', 'p = 0.1']);
    expect(short[0].bold).toBe(true);
    expect(Math.max(...tall.map((c) => c.y))).toBeLessThan(0);
    expect(panelTitle('', ['Wilcoxon p = 0.5']).map((c) => c.text)).toEqual(['Wilcoxon p = 0.5']);
  });
});
