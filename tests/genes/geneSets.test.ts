// Built-in sets (data with provenance) and --geneset SPEC parsing: built-in names,
// .gmt and .json files, inline NAME=G1,G2, and their errors.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MigrascoreError, UsageError } from '../../src/errors.js';
import { DEFAULT_GENESET, builtInGeneSet, builtInGeneSetNames, builtInGeneSets, loadGeneSetSpecs, toGeneSetJson, toGmt } from '../../src/genes/geneSets.js';
import { loadGeneIdTable } from '../../src/genes/identifiers.js';
import { ROOT, tempDir } from '../helpers/cli.js';

function file(name: string, content: string | Buffer): string {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function error(f: () => unknown): MigrascoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof MigrascoreError) return e;
    throw e;
  }
  throw new Error('expected a MigrascoreError');
}

describe('built-in gene sets', () => {
  const EXPECTED: Record<string, string[]> = {
    'migrasome-core': ['TSPAN4', 'TSPAN7', 'ITGA5', 'ITGB1', 'NDST1', 'EOGT', 'PIGK', 'CPQ', 'PIP5K1A', 'RAB35', 'SGMS2'],
    'migrasome-markers': ['TSPAN4', 'TSPAN7', 'ITGB1', 'ITGA5', 'NDST1', 'EOGT', 'PIGK', 'CPQ'],
    'migrasome-biogenesis': ['PIP5K1A', 'RAB35', 'SGMS2', 'TSPAN4', 'ITGA5', 'ITGB1'],
    'migrasome-tetraspanins': ['TSPAN1', 'TSPAN2', 'TSPAN4', 'TSPAN6', 'TSPAN7', 'TSPAN9', 'TSPAN18', 'CD82', 'CD81'],
    'exosome-markers': ['CD63', 'CD9', 'CD81', 'LAMP1', 'LAMP2', 'CD151', 'TSPAN8', 'HSPD1'],
  };

  it('are the sets of the issue, migrasome-core first and the default', () => {
    expect(DEFAULT_GENESET).toBe('migrasome-core');
    expect(builtInGeneSetNames()).toEqual(Object.keys(EXPECTED));
    for (const s of builtInGeneSets()) {
      expect(s.genes, s.name).toEqual(EXPECTED[s.name]);
      expect(s.source).toBe('built-in');
      expect(s.description!.length).toBeGreaterThan(20);
    }
  });

  it('genesets/index.json lists every set file', () => {
    const files = readdirSync(join(ROOT, 'genesets')).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...builtInGeneSetNames()].sort());
  });

  it('give each gene its current symbol, Entrez ID (as in the identifier table), role and a referenced source with a DOI', () => {
    const table = loadGeneIdTable();
    for (const s of builtInGeneSets()) {
      const keys = new Set(s.references!.map((r) => r.key));
      for (const r of s.references!) {
        expect(r.citation.length, r.key).toBeGreaterThan(20);
        expect(r.doi, r.key).toMatch(/^10\.\d{4,}\//);
      }
      expect(s.details).toHaveLength(s.genes.length);
      for (const g of s.details!) {
        const rec = table.bySymbol.get(g.symbol);
        expect(rec, `${s.name}/${g.symbol} is a current symbol`).toHaveLength(1);
        expect(g.entrez, `${s.name}/${g.symbol}`).toBe(rec![0].entrez);
        expect(g.role, `${s.name}/${g.symbol}`).toBeTruthy();
        expect(g.source!.length, `${s.name}/${g.symbol}`).toBeGreaterThan(0);
        for (const k of g.source!) expect(keys.has(k), `${s.name}/${g.symbol} source ${k}`).toBe(true);
      }
    }
  });

  it('cite the primary papers', () => {
    const dois = (name: string) => builtInGeneSet(name).references!.map((r) => r.doi);
    expect(dois('migrasome-markers')).toEqual(expect.arrayContaining(['10.1038/cr.2014.135', '10.1038/cr.2017.108', '10.1038/s41421-019-0093-y']));
    expect(dois('migrasome-biogenesis')).toEqual(expect.arrayContaining(['10.1038/s41422-023-00811-5', '10.1038/s41556-023-01188-8', '10.1038/s41556-019-0367-5']));
    expect(dois('migrasome-core')).toEqual(expect.arrayContaining(['10.3389/fimmu.2022.994828', '10.3389/fcell.2024.1417242']));
  });
});

describe('loadGeneSetSpecs', () => {
  it('a built-in name', () => {
    const [s] = loadGeneSetSpecs('migrasome-markers');
    expect(s.name).toBe('migrasome-markers');
    expect(s.genes).toHaveLength(8);
  });

  it('an unknown name is a usage error that lists the built-in sets', () => {
    const e = error(() => loadGeneSetSpecs('migrasome-cor'));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/Unknown gene set "migrasome-cor"/);
    expect(e.message).toMatch(/migrasome-core, migrasome-markers, migrasome-biogenesis, migrasome-tetraspanins, exosome-markers/);
  });

  it('a set file that is not there', () => {
    const e = error(() => loadGeneSetSpecs('/no/such/sets.gmt'));
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(/Gene-set file not found: \/no\/such\/sets\.gmt/);
    expect(error(() => loadGeneSetSpecs(tempDir())).message).toMatch(/is a folder/);
  });

  it('inline NAME=G1,G2,...', () => {
    expect(loadGeneSetSpecs('mine= TSPAN4, C3orf64 ,,7106')).toEqual([{ name: 'mine', genes: ['TSPAN4', 'C3orf64', '7106'], source: 'inline' }]);
    expect(error(() => loadGeneSetSpecs('mine=')).message).toMatch(/Inline gene set "mine" has no genes/);
    expect(error(() => loadGeneSetSpecs('=TSPAN4')).message).toMatch(/has no name/);
    expect(error(() => loadGeneSetSpecs('  ')).exitCode).toBe(2);
  });

  describe('GMT', () => {
    it('reads several sets, CRLF line ends, trailing tabs, "na" descriptions and gzip', () => {
      const text = 'core\thttp://example.org\tTSPAN4\tEOGT\t\r\n\r\n# a comment\r\nother\tna\tCD9\tCD63\r\n';
      for (const path of [file('sets.gmt', text), file('sets.gmt.gz', gzipSync(text))]) {
        expect(loadGeneSetSpecs(path)).toEqual([
          { name: 'core', description: 'http://example.org', genes: ['TSPAN4', 'EOGT'], source: path },
          { name: 'other', genes: ['CD9', 'CD63'], source: path },
        ]);
      }
    });

    it('names the file and line of a set without genes', () => {
      const path = file('bad.gmt', 'a\tdesc\tTSPAN4\nb\tdesc\t\t\n');
      const e = error(() => loadGeneSetSpecs(path));
      expect(e.exitCode).toBe(1);
      expect(e.message).toBe(`Gene-set file ${path}, line 2: set "b" has no genes. A GMT line is NAME<tab>DESCRIPTION<tab>GENE1<tab>GENE2...`);
      const spaces = file('spaces.gmt', 'a desc TSPAN4 EOGT\n');
      expect(error(() => loadGeneSetSpecs(spaces)).message).toMatch(/line 1: set "a desc TSPAN4 EOGT" has no genes \(the fields must be separated by tabs/);
    });

    it('rejects a set defined twice and an empty file', () => {
      expect(error(() => loadGeneSetSpecs(file('dup.gmt', 'a\t\tX\nb\t\tY\na\t\tZ\n'))).message).toMatch(/line 3: set "a" is defined twice \(also on line 1\)/);
      expect(error(() => loadGeneSetSpecs(file('empty.gmt', '\n\n'))).message).toMatch(/holds no gene sets/);
    });
  });

  describe('JSON', () => {
    it('one set object, as the built-in files and `export --format json` write it', () => {
      const path = file('one.json', JSON.stringify({ name: 'mine', description: 'd', genes: ['TSPAN4', { symbol: 'EOGT', entrez: 285203, role: 'marker', source: 'Zhao2019' }] }));
      const [s] = loadGeneSetSpecs(path);
      expect(s).toMatchObject({ name: 'mine', description: 'd', genes: ['TSPAN4', 'EOGT'], source: path });
      expect(s.details![1]).toEqual({ symbol: 'EOGT', entrez: '285203', role: 'marker', source: ['Zhao2019'] });
    });

    it('a list of set objects, and a map of names to gene lists', () => {
      const list = file('list.json', JSON.stringify([{ name: 'a', genes: ['X'] }, { name: 'b', genes: ['Y', 'Z'] }]));
      expect(loadGeneSetSpecs(list).map((s) => [s.name, s.genes])).toEqual([['a', ['X']], ['b', ['Y', 'Z']]]);
      const map = file('map.json', JSON.stringify({ a: ['X', ' '], b: ['Y'] }));
      expect(loadGeneSetSpecs(map)).toEqual([{ name: 'a', genes: ['X'], source: map }, { name: 'b', genes: ['Y'], source: map }]);
    });

    it('is detected by content, whatever the extension', () => {
      const path = file('sets.txt', '\n  {"a": ["X"]}');
      expect(loadGeneSetSpecs(path)[0].genes).toEqual(['X']);
    });

    it('errors name the file and say which shapes are accepted', () => {
      const bad = file('bad.json', '{"a": ["X",');
      expect(error(() => loadGeneSetSpecs(bad)).message).toMatch(new RegExp(`Gene-set file ${bad} is not valid JSON`));
      const comma = file('comma.json', '{\n  "a": ["X"],\n  "b": ["Y"]\n  "c": ["Z"]\n}');
      expect(error(() => loadGeneSetSpecs(comma)).message).toMatch(new RegExp(`Gene-set file ${comma}, line 4 is not valid JSON`));
      const wrong = file('wrong.json', '{"a": "X"}');
      expect(error(() => loadGeneSetSpecs(wrong)).message).toMatch(/"a" should be a list of gene names\. Use \{"name"/);
      const noGenes = file('nogenes.json', '{"name": "a", "genes": []}');
      expect(error(() => loadGeneSetSpecs(noGenes)).message).toMatch(/set "a" has no genes/);
      const gene = file('gene.json', '[{"name": "a", "genes": [42]}]');
      expect(error(() => loadGeneSetSpecs(gene)).message).toMatch(/set 1: set "a", gene 1: expected a gene name/);
      const dup = file('dup.json', '[{"name": "a", "genes": ["X"]}, {"name": "a", "genes": ["Y"]}]');
      expect(error(() => loadGeneSetSpecs(dup)).message).toMatch(/set "a" is defined twice/);
    });
  });
});

describe('export', () => {
  it('GMT: name, description with DOIs, genes; reads back', () => {
    const core = builtInGeneSet('migrasome-core');
    const gmt = toGmt([core]);
    const fields = gmt.trimEnd().split('\t');
    expect(fields[0]).toBe('migrasome-core');
    expect(fields[1]).toMatch(/^Migrasome core set .* doi:10\.1038\/cr\.2014\.135 /);
    expect(fields.slice(2)).toEqual(core.genes);
    expect(loadGeneSetSpecs(file('core.gmt', gmt))[0].genes).toEqual(core.genes);
  });

  it('JSON keeps the provenance and reads back to the same set', () => {
    const core = builtInGeneSet('migrasome-core');
    const path = file('core.json', toGeneSetJson([core]));
    const [back] = loadGeneSetSpecs(path);
    expect({ ...back, source: 'built-in' }).toEqual(core);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(readFileSync(join(ROOT, 'genesets', 'migrasome-core.json'), 'utf8')));
  });

  it('several sets export as one GMT line each and a JSON list', () => {
    const sets = [...loadGeneSetSpecs('a=X,Y'), ...loadGeneSetSpecs('b=Z')];
    expect(toGmt(sets)).toBe('a\ta\tX\tY\nb\tb\tZ\n');
    expect(JSON.parse(toGeneSetJson(sets))).toEqual([{ name: 'a', genes: ['X', 'Y'] }, { name: 'b', genes: ['Z'] }]);
  });
});
