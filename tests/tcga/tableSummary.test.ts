import { describe, expect, it } from 'vitest';
import type { DelimitedTable } from '../../src/io/delimited.js';
import { coverageByCancer, summariseColumn, summariseTable } from '../../src/tcga/tableSummary.js';

const table: DelimitedTable = {
  path: 'mini.tsv',
  delimiter: '\t',
  header: ['id', 'cancer', 'x', 'stage', 'none'],
  rows: [
    ['P1', 'ACC', '3', 'Stage I', ''],
    ['P2', 'ACC', 'NA', 'Stage II', '[Not Available]'],
    ['P3', 'UVM', '-1.5', 'Stage I', ''],
    ['P4', 'UVM', '10', '[Discrepancy]', 'NA'],
    ['P5', '', ' 2 ', 'Stage I', ''],
  ],
  lines: [2, 3, 4, 5, 6],
};

describe('summariseTable', () => {
  it('counts rows, distinct IDs, non-missing cancer types and columns', () => {
    expect(summariseTable(table, 'id', 'cancer')).toEqual({ rows: 5, patients: 5, cancerTypes: ['ACC', 'UVM'], columns: 5 });
  });
});

describe('summariseColumn', () => {
  it('reads a column as numeric when every value is a number (missing tokens skipped)', () => {
    expect(summariseColumn(table, 'x')).toEqual({ name: 'x', type: 'numeric', n: 4, min: -1.5, median: 2.5, max: 10 });
  });

  it('lists the levels of a categorical column, most frequent first', () => {
    expect(summariseColumn(table, 'stage')).toEqual({ name: 'stage', type: 'categorical', n: 4, levels: [['Stage I', 3], ['Stage II', 1]] });
  });

  it('reports a column without any value as empty', () => {
    expect(summariseColumn(table, 'none')).toEqual({ name: 'none', type: 'empty', n: 0 });
  });
});

describe('coverageByCancer', () => {
  it('gives rows and rows with a value per cancer type, a missing type as NA', () => {
    expect(coverageByCancer(table, 'x', 'cancer')).toEqual([
      { cancer: 'ACC', rows: 2, n: 1 }, { cancer: 'NA', rows: 1, n: 1 }, { cancer: 'UVM', rows: 2, n: 2 },
    ]);
  });
});
