// The bundled identifier table (data/gene-ids.tsv.gz), its derivation script, and the
// name/ID lookups resolution is built on.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensemblBase, idParts, isEntrezId, loadGeneIdTable, lookupGene, nameDenotes, parseGeneIdTable } from '../../src/genes/identifiers.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const SCRIPT = join(ROOT, 'scripts', 'build-gene-ids.js');
const BUNDLED = join(ROOT, 'data', 'gene-ids.tsv.gz');
const SHARED_SOURCE = join(ROOT, '..', 'shared', 'data', 'human-gene-ids.tsv.gz');

describe('data/gene-ids.tsv.gz', () => {
  const table = loadGeneIdTable();

  it('has the documented columns and size', () => {
    const text = gunzipSync(readFileSync(BUNDLED)).toString('utf8');
    expect(text.split('\n', 1)[0]).toBe('entrez\tsymbol\tensembl\taliases');
    expect(table.genes.length).toBe(47531);
    expect(readFileSync(BUNDLED).length).toBeLessThan(800_000);
  });

  it('knows every gene of the built-in sets with its Ensembl ID and old symbols', () => {
    const eogt = table.byEntrez.get('285203')!;
    expect(eogt.symbol).toBe('EOGT');
    expect(eogt.ensembl).toEqual(['ENSG00000163378']);
    expect(eogt.aliases).toContain('C3orf64');
    expect(table.byEntrez.get('10404')!.aliases).toContain('PGCP');
    expect(table.bySymbol.get('TSPAN4')![0].entrez).toBe('7106');
  });

  it('holds no biological-region records and no LOC records without other information', () => {
    expect(table.bySymbol.has('LOC121967052')).toBe(false); // a biological region
    expect(table.bySymbol.has('FRAXA')).toBe(false);
    const locOnly = table.genes.filter((g) => g.symbol === `LOC${g.entrez}` && g.ensembl.length === 0 && g.aliases.length === 0);
    const selfAlias = table.genes.filter((g) => g.aliases.includes(g.symbol));
    expect(locOnly).toEqual([]);
    expect(selfAlias).toEqual([]);
  });

  it('is cached', () => {
    expect(loadGeneIdTable()).toBe(table);
  });
});

describe('scripts/build-gene-ids.js', () => {
  const SOURCE = [
    'symbol\tentrez\tensembl\taliases\ttype',
    'A1BG\t1\tENSG00000121410\tA1B;ABG;A1B\tprotein-coding',
    'FRAXA\t108684022\t\tFMR1\tbiological-region',
    'FMR1\t2332\tENSG00000102081\tFMRP\tprotein-coding',
    'LOC100130426\t100130426\t\t\tncRNA',
    'LOC100133144\t100133144\tENSG00000000001\t\tncRNA',
    'LOC200\t200\t\t\tpseudo',
    'GENEX\t300\tENSG00000000002;ENSG00000000003\tGENEX;LOC200;OLDX\tprotein-coding',
  ].join('\n') + '\n';

  function build(source: string) {
    const dir = tempDir();
    const src = join(dir, 'source.tsv.gz');
    const out = join(dir, 'gene-ids.tsv.gz');
    writeFileSync(src, gzipSync(source));
    const r = spawnSync(process.execPath, [SCRIPT, src, out], { encoding: 'utf8' });
    return { ...r, out };
  }

  it('drops biological regions, LOC records with nothing else, duplicate and self aliases', () => {
    const r = build(SOURCE);
    expect(r.status, r.stderr).toBe(0);
    const lines = gunzipSync(readFileSync(r.out)).toString('utf8').replace(/\n$/, '').split('\n');
    expect(lines).toEqual([
      'entrez\tsymbol\tensembl\taliases',
      '1\tA1BG\tENSG00000121410\tA1B;ABG',
      // LOC200 is kept: its symbol is also an alias of GENEX, so the LOC rule must not decide it.
      '200\tLOC200\t\t',
      '300\tGENEX\tENSG00000000002;ENSG00000000003\tLOC200;OLDX',
      '2332\tFMR1\tENSG00000102081\tFMRP',
      '100133144\tLOC100133144\tENSG00000000001\t',
    ]);
    expect(r.stderr).toMatch(/dropped 1 \(biological-region\) and 1 LOC<entrez> records/);
    expect(r.stderr).toMatch(/names shared with dropped records \(1\): FMR1 \(alias of dropped FRAXA\/108684022; kept: FMR1\)/);
  });

  it('is deterministic and fails with a message on a missing source', () => {
    const a = build(SOURCE);
    const b = build(SOURCE);
    expect(readFileSync(a.out).equals(readFileSync(b.out))).toBe(true);
    const r = spawnSync(process.execPath, [SCRIPT, '/nonexistent/source.tsv.gz', join(tempDir(), 'x.gz')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read \/nonexistent\/source\.tsv\.gz/);
  });

  it.skipIf(!existsSync(SHARED_SOURCE))('rebuilds the bundled table byte for byte from org.Hs.eg.db 3.16', () => {
    const out = join(tempDir(), 'gene-ids.tsv.gz');
    const r = spawnSync(process.execPath, [SCRIPT, SHARED_SOURCE, out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/read 77614 genes/);
    expect(readFileSync(out).equals(readFileSync(BUNDLED))).toBe(true);
  });
});

describe('identifier forms', () => {
  it('splits row IDs into symbol, Entrez and Ensembl parts', () => {
    expect(idParts('TSPAN4')).toEqual({ symbol: 'TSPAN4' });
    expect(idParts('7106')).toEqual({ entrez: '7106' });
    expect(idParts('ENSG00000061794.12')).toEqual({ ensembl: 'ENSG00000061794' });
    expect(idParts('C3orf64|285203')).toEqual({ symbol: 'C3orf64', entrez: '285203' });
    expect(idParts('?|100130426')).toEqual({ entrez: '100130426' });
    expect(idParts('ENSG00000214063.7|TSPAN4')).toEqual({ ensembl: 'ENSG00000214063', symbol: 'TSPAN4' });
    expect(idParts('202917_s_at')).toEqual({ symbol: '202917_s_at' });
  });

  it('recognises Entrez and Ensembl IDs, not PAR_Y copies or zero-padded numbers', () => {
    expect(isEntrezId('285203')).toBe(true);
    expect(isEntrezId('0123')).toBe(false);
    expect(ensemblBase('ENSG00000061794')).toBe('ENSG00000061794');
    expect(ensemblBase('ENSG00000061794.12')).toBe('ENSG00000061794');
    expect(ensemblBase('ENSG00000002586.20_PAR_Y')).toBeUndefined();
    expect(ensemblBase('GENE0820')).toBeUndefined();
  });
});

describe('lookupGene', () => {
  const table = loadGeneIdTable();
  const look = (name: string) => {
    const l = lookupGene(table, name);
    return l.kind === 'gene' ? `${l.via}:${l.gene.symbol}` : l.kind === 'ambiguous' ? `ambiguous:${l.candidates.map((g) => g.symbol).join(',')}` : l.kind;
  };

  it('resolves every form of a gene name', () => {
    expect(look('EOGT')).toBe('symbol:EOGT');
    expect(look('C3orf64')).toBe('alias:EOGT');
    expect(look('PGCP')).toBe('alias:CPQ');
    expect(look('285203')).toBe('entrez:EOGT');
    expect(look('ENSG00000163378')).toBe('ensembl:EOGT');
    expect(look('ENSG00000163378.14')).toBe('ensembl:EOGT');
    expect(look('tspan4')).toBe('case:TSPAN4');
    expect(look('LOC100130426')).toBe('entrez'); // not in the table: Entrez 100130426 by the LOC rule
    expect(look('NOT-A-GENE')).toBe('unknown');
    expect(look('999999999')).toBe('entrez');
  });

  it('never resolves an alias that names several genes', () => {
    expect(look('SLC35E2')).toBe('ambiguous:SLC35E2A,SLC35E2B');
  });

  it('prefers the current symbol over an alias of another gene, and the record with an Ensembl ID among shared symbols', () => {
    expect(look('ELP4')).toBe('symbol:ELP4');
    const hbd = lookupGene(table, 'HBD');
    expect(hbd.kind === 'gene' && hbd.gene.entrez).toBe('3045');
  });

  it('says when a row name denotes a gene', () => {
    const eogt = table.bySymbol.get('EOGT')![0];
    expect(nameDenotes(table, 'EOGT', eogt)).toBe(true);
    expect(nameDenotes(table, 'C3orf64', eogt)).toBe(true);
    const a = table.bySymbol.get('SLC35E2A')![0];
    expect(nameDenotes(table, 'SLC35E2', a)).toBe(false);
  });

  it('rejects a table with other columns', () => {
    expect(() => parseGeneIdTable('symbol\tentrez\n', 'x.tsv')).toThrow(/expected the columns entrez, symbol, ensembl, aliases/);
  });
});
