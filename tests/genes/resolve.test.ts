// Gene-set genes → matrix rows for every identifier form a matrix may use.
import { describe, expect, it } from 'vitest';
import { formatGeneSetReport, loadGeneIdTable, resolveGeneSets, rowFilterForSets, type GeneReport } from '../../src/genes/resolve.js';
import type { GeneSetSpec } from '../../src/genes/geneSets.js';

const table = loadGeneIdTable();
const set = (genes: string[], name = 's'): GeneSetSpec => ({ name, genes, source: 'inline' });

/** Resolves one set and returns the report entry of each gene by name. */
function resolve(genes: string[], rowIds: string[]) {
  const { sets, report } = resolveGeneSets([set(genes)], rowIds, table);
  const byGene = new Map<string, GeneReport>(report[0].genes.map((g) => [g.gene, g]));
  return { set: sets[0], report: report[0], gene: (g: string) => byGene.get(g)! };
}

// A slice of the real 2016 Firehose RSEM matrix's row IDs.
const FIREHOSE = ['?|100130426', 'TSPAN4|7106', 'C3orf64|285203', 'PGCP|10404', 'ITGA5|3678', 'NAA38|51691', 'LSMD1|84316', 'SLC35E2|728661', 'SLC35E2|9906', 'MIA2|117153', 'CTAGE5|4253', 'CD9|928'];

describe('resolveGeneSets: identifier forms', () => {
  it('current symbols against symbol rows: found as is', () => {
    const r = resolve(['TSPAN4', 'ITGB1'], ['ITGB1', 'GAPDH', 'TSPAN4']);
    expect(r.gene('TSPAN4')).toEqual({ gene: 'TSPAN4', status: 'found', row: 'TSPAN4' });
    expect(r.set.rows).toEqual([2, 0]);
    expect(r.report.found).toBe(2);
  });

  it('an old symbol in the set finds the current-symbol row', () => {
    const r = resolve(['C3orf64', 'PGCP'], ['EOGT', 'CPQ']);
    expect(r.gene('C3orf64')).toMatchObject({ status: 'via-id', row: 'EOGT' });
    expect(r.gene('C3orf64').how).toBe('C3orf64 (alias/previous symbol of EOGT) → EOGT (current symbol)');
    expect(r.gene('PGCP')).toMatchObject({ status: 'via-id', row: 'CPQ' });
  });

  it('a current symbol finds a row named by an old symbol or alias', () => {
    const r = resolve(['EOGT', 'ITGA5'], ['C3orf64', 'CD49e']);
    expect(r.gene('EOGT')).toMatchObject({ status: 'via-id', row: 'C3orf64' });
    expect(r.gene('EOGT').how).toMatch(/C3orf64 is an alias\/previous symbol of EOGT/);
    expect(r.gene('ITGA5')).toMatchObject({ status: 'via-id', row: 'CD49e' });
  });

  it('an alias in the set that names one gene', () => {
    const r = resolve(['CD49e'], ['ITGA5']);
    expect(r.gene('CD49e')).toMatchObject({ status: 'via-id', row: 'ITGA5' });
  });

  it('an alias that names several genes is ambiguous, with the candidates, even when one of them is in the matrix', () => {
    const r = resolve(['SLC35E2', 'TSPAN4'], ['SLC35E2A', 'TSPAN4']);
    expect(r.gene('SLC35E2')).toMatchObject({ status: 'ambiguous', candidates: ['SLC35E2A', 'SLC35E2B'] });
    expect(r.gene('SLC35E2').row).toBeUndefined();
    expect(r.report.ambiguous).toEqual(['SLC35E2']);
    expect(r.set.rows).toEqual([1]);
  });

  it('Entrez rows, and Entrez IDs in the set', () => {
    const r = resolve(['TSPAN4', '285203', 'C3orf64'], ['7106', '285203', '10404']);
    expect(r.gene('TSPAN4')).toMatchObject({ status: 'via-id', row: '7106', how: 'TSPAN4 → 7106 via Entrez 7106' });
    expect(r.gene('285203')).toMatchObject({ status: 'found', row: '285203' });
    expect(r.gene('C3orf64')).toMatchObject({ status: 'via-id', row: '285203', duplicateOf: '285203' });
    const s = resolve(['7106'], ['TSPAN4', 'CD9']);
    expect(s.gene('7106')).toMatchObject({ status: 'via-id', row: 'TSPAN4' });
  });

  it('Ensembl rows with and without version, and Ensembl IDs in the set', () => {
    const versioned = resolve(['EOGT', 'TSPAN4'], ['ENSG00000163378.14', 'ENSG00000214063.7']);
    expect(versioned.gene('EOGT')).toMatchObject({ status: 'via-id', row: 'ENSG00000163378.14', how: 'EOGT → ENSG00000163378.14 via Ensembl ENSG00000163378' });
    const plain = resolve(['EOGT'], ['ENSG00000163378']);
    expect(plain.gene('EOGT')).toMatchObject({ status: 'via-id', row: 'ENSG00000163378' });
    const idInSet = resolve(['ENSG00000163378', 'ENSG00000214063.9'], ['ENSG00000163378.14', 'ENSG00000214063']);
    expect(idInSet.gene('ENSG00000163378')).toMatchObject({ status: 'via-id', row: 'ENSG00000163378.14' });
    expect(idInSet.gene('ENSG00000163378').how).toMatch(/version ignored/);
    expect(idInSet.gene('ENSG00000214063.9')).toMatchObject({ status: 'via-id', row: 'ENSG00000214063' });
    const exact = resolve(['ENSG00000163378.14'], ['ENSG00000163378.14']);
    expect(exact.gene('ENSG00000163378.14').status).toBe('found');
    // An Ensembl ID in the set finds a symbol row through the table.
    expect(resolve(['ENSG00000163378'], ['EOGT']).gene('ENSG00000163378')).toMatchObject({ status: 'via-id', row: 'EOGT' });
  });

  it('Ensembl IDs the table does not know still match any version of themselves', () => {
    const r = resolve(['ENSG99999999999'], ['ENSG99999999999.3']);
    expect(r.gene('ENSG99999999999')).toMatchObject({ status: 'via-id', row: 'ENSG99999999999.3' });
  });

  it('Firehose SYMBOL|ENTREZ: the symbol part as is, and the 2016 names through Entrez', () => {
    const r = resolve(['TSPAN4', 'EOGT', 'CPQ', 'ITGA5', 'CD9'], FIREHOSE);
    expect(r.gene('TSPAN4')).toMatchObject({ status: 'found', row: 'TSPAN4|7106' });
    expect(r.gene('EOGT')).toEqual({ gene: 'EOGT', status: 'via-id', row: 'C3orf64|285203', how: 'EOGT → C3orf64|285203 via Entrez 285203' });
    expect(r.gene('CPQ')).toEqual({ gene: 'CPQ', status: 'via-id', row: 'PGCP|10404', how: 'CPQ → PGCP|10404 via Entrez 10404' });
    expect(r.report).toMatchObject({ size: 5, found: 5, missing: [], ambiguous: [], duplicates: [] });
  });

  it('Firehose ?|ENTREZ rows through an Entrez ID or a LOC name', () => {
    const r = resolve(['100130426'], FIREHOSE);
    expect(r.gene('100130426')).toMatchObject({ status: 'via-id', row: '?|100130426' });
    const loc = resolve(['LOC100130426'], FIREHOSE);
    expect(loc.gene('LOC100130426')).toMatchObject({ status: 'via-id', row: '?|100130426' });
    // "?" is not a symbol.
    expect(resolve(['?'], FIREHOSE).gene('?').status).toBe('missing');
  });

  it('a Firehose symbol reassigned since 2016 is matched by Entrez, not by the old symbol', () => {
    const r = resolve(['NAA38', 'LSM8', 'MIA2'], FIREHOSE);
    expect(r.gene('NAA38')).toMatchObject({ status: 'via-id', row: 'LSMD1|84316' });
    expect(r.gene('NAA38').how).toMatch(/NAA38\|51691 has this symbol but is LSM8 today/);
    expect(r.gene('LSM8')).toMatchObject({ status: 'via-id', row: 'NAA38|51691' });
    expect(r.gene('MIA2')).toMatchObject({ status: 'via-id', row: 'CTAGE5|4253' });
    // A symbol written twice by Firehose with two Entrez IDs (an alias of two genes today) is ambiguous.
    const s = resolve(['SLC35E2'], FIREHOSE);
    expect(s.gene('SLC35E2')).toMatchObject({ status: 'ambiguous', candidates: ['SLC35E2|728661', 'SLC35E2|9906'] });
  });

  it('a gene written Firehose-style in the set', () => {
    const r = resolve(['C3orf64|285203', 'EOGT|285203'], ['EOGT', 'CPQ']);
    expect(r.gene('C3orf64|285203')).toMatchObject({ status: 'via-id', row: 'EOGT' });
    expect(r.gene('EOGT|285203')).toMatchObject({ row: 'EOGT', duplicateOf: 'C3orf64|285203' });
  });

  it('probe-set and other arbitrary IDs match only exactly', () => {
    const rows = ['202917_s_at', '1007_s_at', 'GENE0820'];
    const r = resolve(['TSPAN4', '202917_s_at', 'GENE0820', 'gene0820'], rows);
    expect(r.gene('TSPAN4').status).toBe('missing');
    expect(r.gene('202917_s_at')).toEqual({ gene: '202917_s_at', status: 'found', row: '202917_s_at' });
    expect(r.gene('GENE0820').status).toBe('found');
    expect(r.gene('gene0820').status).toBe('missing');
    expect(r.report.missing).toEqual(['TSPAN4', 'gene0820']);
  });

  it('reports missing genes with what was tried', () => {
    const r = resolve(['TSPAN4', 'NOT-A-GENE', 'EOGT'], ['TSPAN4']);
    expect(r.report).toMatchObject({ size: 3, found: 1, missing: ['NOT-A-GENE', 'EOGT'] });
    expect(r.gene('EOGT').how).toMatch(/no row with Entrez 285203, Ensembl ENSG00000163378, symbol EOGT/);
  });

  it('keeps a row once when two set genes resolve to it, and says so', () => {
    const r = resolve(['TSPAN4', '7106', 'EOGT', 'TSPAN4', 'C3orf64'], ['TSPAN4', 'EOGT', 'CD9']);
    expect(r.set.rows).toEqual([0, 1]);
    expect(r.set.genes).toEqual(['TSPAN4', '7106', 'EOGT', 'TSPAN4', 'C3orf64']);
    expect(r.report).toMatchObject({ size: 5, found: 2, duplicates: ['7106', 'TSPAN4', 'C3orf64'] });
    expect(r.report.genes[1]).toMatchObject({ gene: '7106', status: 'via-id', row: 'TSPAN4', duplicateOf: 'TSPAN4' });
    expect(formatGeneSetReport([r.report])).toMatch(/7106: same row as TSPAN4 \(TSPAN4\), kept once/);
  });

  it('several rows for one gene are ambiguous, not silently picked', () => {
    const r = resolve(['EOGT'], ['ENSG00000163378.14', '285203']);
    expect(r.gene('EOGT').status).toBe('via-id'); // the Entrez tier comes first and has one row
    const two = resolve(['EOGT'], ['C3orf64', 'AER61']);
    expect(two.gene('EOGT')).toMatchObject({ status: 'ambiguous', candidates: ['AER61', 'C3orf64'] });
  });

  it('resolves several sets independently and its report survives JSON', () => {
    const { sets, report } = resolveGeneSets([set(['TSPAN4', 'CD9'], 'a'), set(['CD9', 'NOPE'], 'b')], ['CD9', 'TSPAN4'], table);
    expect(sets.map((s) => [s.name, s.rows])).toEqual([['a', [1, 0]], ['b', [0]]]);
    expect(report.map((r) => [r.set, r.found, r.missing])).toEqual([['a', 2, []], ['b', 1, ['NOPE']]]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('rowFilterForSets', () => {
  const genes = ['TSPAN4', 'EOGT', 'CPQ', 'C3orf64', 'SLC35E2', 'LOC100130426', 'ENSG00000104324', '202917_s_at', 'NAA38'];
  const keep = rowFilterForSets([set(genes)], table);
  const ROWS = [
    ...FIREHOSE, 'GAPDH|2597', 'TSPAN4', 'GAPDH', 'EOGT', 'AER61', '7106', '2597', 'ENSG00000163378.14', 'ENSG00000111640.15',
    'ENSG00000104324', '202917_s_at', '1007_s_at', 'ENSG00000214063.7|TSPAN4', 'ENSG00000002586.20_PAR_Y',
  ];

  it('keeps rows a set gene can resolve to and drops the rest', () => {
    const kept = ROWS.filter(keep);
    for (const id of ['TSPAN4|7106', 'C3orf64|285203', 'PGCP|10404', '?|100130426', 'TSPAN4', 'EOGT', 'AER61', '7106', 'ENSG00000163378.14', 'ENSG00000104324', '202917_s_at', 'SLC35E2|9906', 'LSMD1|84316', 'ENSG00000214063.7|TSPAN4']) {
      expect(kept, id).toContain(id);
    }
    for (const id of ['GAPDH|2597', 'GAPDH', '2597', 'ENSG00000111640.15', '1007_s_at', 'ITGA5|3678', 'CD9|928', 'ENSG00000002586.20_PAR_Y']) {
      expect(kept, id).not.toContain(id);
    }
  });

  it('gives the same resolution on the kept rows as on all rows', () => {
    const all = resolveGeneSets([set(genes)], ROWS, table).report[0].genes;
    const kept = ROWS.filter(keep);
    const filtered = resolveGeneSets([set(genes)], kept, table).report[0].genes;
    expect(filtered).toEqual(all);
  });
});

describe('formatGeneSetReport', () => {
  it('one line per set, then the genes found another way, ambiguous and missing', () => {
    const { report } = resolveGeneSets([set(['TSPAN4', 'EOGT', 'CPQ', 'SLC35E2', 'NOPE'], 'migrasome-core')], FIREHOSE, table);
    const text = formatGeneSetReport(report);
    expect(text).toBe([
      'gene set migrasome-core: 3 of 5 genes found (2 through another identifier, 1 missing, 1 ambiguous)',
      '  EOGT → C3orf64|285203 via Entrez 285203',
      '  CPQ → PGCP|10404 via Entrez 10404',
      '  SLC35E2: ambiguous, left out (the symbol of 2 rows): SLC35E2|728661, SLC35E2|9906',
      '  missing: NOPE',
      '',
    ].join('\n'));
  });
});
