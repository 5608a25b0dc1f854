// Gene-set genes → expression-matrix rows, whatever identifiers each side uses, with a
// report of how every gene was found (or why not).
//
// For each set gene, in order:
//  1. the gene is a row ID exactly, or the symbol part of exactly one `SYMBOL|ENTREZ`
//     row ("found");
//  2. an Entrez or Ensembl ID matching the same ID in a row (any Ensembl version, the
//     ENTREZ part of a Firehose ID) ("via-id");
//  3. otherwise the identifier table names its gene (current symbol; alias or previous
//     symbol only when it names one gene; Entrez; Ensembl; see lookupGene) and a row
//     carries that gene: its Entrez ID (plain, or the ENTREZ part of a Firehose ID),
//     one of its Ensembl IDs (any version), its current symbol, or an alias naming it
//     alone ("via-id", with how);
//  4. an alias naming several genes, or a gene carried by several rows, is
//     "ambiguous" (with the candidates), never resolved silently; else "missing".
// Arbitrary row IDs (probe sets, GENE0820) match only exactly. A second set gene that
// lands on a row already taken keeps the row once and says so (`duplicateOf`).
// A gene that would land on a row the reader dropped (a missing or infinite value) is
// "dropped", not "missing"; a missing gene gets near-match hints (./nearMatch.ts) that
// never change what is scored.
import type { ResolvedGeneSet } from '../score/types.js';
import type { GeneSetSpec } from './geneSets.js';
import { ensemblBase, idParts, lookupGene, nameDenotes, type GeneIdTable, type GeneLookup, type GeneRecord } from './identifiers.js';
import { nearMatchIndex } from './nearMatch.js';

export { loadGeneIdTable, type GeneIdTable } from './identifiers.js';

export type GeneStatus = 'found' | 'via-id' | 'ambiguous' | 'missing' | 'dropped';

export interface GeneReport {
  gene: string;
  status: GeneStatus;
  /** The matrix row ID the gene resolved to. */
  row?: string;
  /** How it was found, or why it is ambiguous or missing. */
  how?: string;
  /** Ambiguous: the genes (symbols) or rows it could mean. */
  candidates?: string[];
  /** Resolved to a row an earlier gene of the set already took: that gene. */
  duplicateOf?: string;
  /** Missing: row IDs that match after ignoring case, spaces or a version suffix (a hint; not scored). */
  suggestions?: string[];
}

/** A matrix row the reader dropped, and why ("missing value in 2 samples"). */
export interface DroppedRowNote { id: string; reason: string }

export interface GeneSetReport {
  set: string;
  /** Where the set came from ('built-in', a file path, 'inline'). */
  source: string;
  /** Genes in the set as given. */
  size: number;
  /** Distinct matrix rows found (what is scored). */
  found: number;
  /** Genes with no row. */
  missing: string[];
  /** Genes whose row was dropped by the reader (missing or infinite values). */
  dropped?: string[];
  /** Genes left out because they could mean several genes or rows. */
  ambiguous: string[];
  /** Genes that landed on a row another gene of the set already took. */
  duplicates: string[];
  genes: GeneReport[];
}

interface RowIndex {
  ids: readonly string[];
  exact: Map<string, number>;
  bySymbolPart: Map<string, number[]>;
  byEntrez: Map<string, number[]>;
  byEnsembl: Map<string, number[]>;
  /** Rows whose whole ID is a symbol (not a number, an Ensembl ID or a two-part ID). */
  plainSymbol: Map<string, number>;
}

function add(map: Map<string, number[]>, key: string, r: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [r]);
  else list.push(r);
}

function indexRows(rowIds: readonly string[]): RowIndex {
  const index: RowIndex = { ids: rowIds, exact: new Map(), bySymbolPart: new Map(), byEntrez: new Map(), byEnsembl: new Map(), plainSymbol: new Map() };
  for (let r = 0; r < rowIds.length; r++) {
    const id = rowIds[r];
    if (!index.exact.has(id)) index.exact.set(id, r);
    const parts = idParts(id);
    const twoPart = id.includes('|');
    if (parts.entrez !== undefined) add(index.byEntrez, parts.entrez, r);
    if (parts.ensembl !== undefined) add(index.byEnsembl, parts.ensembl, r);
    if (parts.symbol !== undefined) {
      if (twoPart) add(index.bySymbolPart, parts.symbol, r);
      else if (!index.plainSymbol.has(id)) index.plainSymbol.set(id, r);
    }
  }
  return index;
}

type Resolution =
  | { status: 'found' | 'via-id'; row: number; how?: string }
  | { status: 'dropped'; row: number; how: string }
  | { status: 'ambiguous'; how: string; candidates: string[] }
  | { status: 'missing'; how?: string };

const distinct = (rows: number[]): number[] => [...new Set(rows)];

/**
 * Rows whose symbol part is the gene. Their ID part (Entrez, Ensembl) has the last
 * word: Firehose's 2016 symbols were since reassigned (NAA38|51691 is today's LSM8;
 * today's NAA38 is LSMD1|84316), so a row whose ID part is another gene in the table
 * does not match; one whose ID is not in the table (a retired record) matches by symbol.
 */
function bySymbolPart(gene: string, rows: number[], lookup: GeneLookup, index: RowIndex, table: GeneIdTable): { resolution?: Resolution; note: string } {
  const ids = index.ids;
  if (lookup.kind !== 'gene') {
    if (rows.length === 1) return { resolution: { status: 'found', row: rows[0], how: `${gene} = symbol of ${ids[rows[0]]}` }, note: '' };
    return { resolution: { status: 'ambiguous', how: `the symbol of ${rows.length} rows`, candidates: rows.map((r) => ids[r]) }, note: '' };
  }
  const g = lookup.gene;
  const agree: number[] = [];
  const retired: number[] = [];
  const other: string[] = [];
  for (const r of rows) {
    const p = idParts(ids[r]);
    const idGenes = p.entrez !== undefined ? [table.byEntrez.get(p.entrez)].filter((x): x is GeneRecord => x !== undefined)
      : p.ensembl !== undefined ? [...(table.byEnsembl.get(p.ensembl) ?? [])] : undefined;
    if (idGenes === undefined || idGenes.includes(g)) agree.push(r);
    else if (idGenes.length === 0) retired.push(r);
    else other.push(`${ids[r]} has this symbol but is ${idGenes.map((x) => x.symbol).join('/')}`);
  }
  if (agree.length === 1) return { resolution: { status: 'found', row: agree[0], how: `${gene} = symbol of ${ids[agree[0]]}` }, note: '' };
  if (agree.length > 1) return { resolution: { status: 'ambiguous', how: `the symbol of ${agree.length} rows`, candidates: agree.map((r) => ids[r]) }, note: '' };
  const note = other.length > 0 ? ` (${other.join(', ')} today)` : '';
  const ownRows = (index.byEntrez.get(g.entrez) ?? []).length + g.ensembl.reduce((n, e) => n + (index.byEnsembl.get(e) ?? []).length, 0);
  if (ownRows === 0 && retired.length === 1) {
    return { resolution: { status: 'found', row: retired[0], how: `${gene} = symbol of ${ids[retired[0]]} (its ID is not in the identifier table)${note}` }, note };
  }
  return { note };
}

function resolveGene(gene: string, index: RowIndex, table: GeneIdTable): Resolution {
  const ids = index.ids;
  // 1. Exactly a row ID, or the symbol part of a SYMBOL|ENTREZ row.
  const exact = index.exact.get(gene);
  if (exact !== undefined) return { status: 'found', row: exact };
  const symbolRows = distinct(index.bySymbolPart.get(gene) ?? []);
  const lookup = lookupGene(table, gene);
  let note = '';
  if (symbolRows.length > 0) {
    const r = bySymbolPart(gene, symbolRows, lookup, index, table);
    if (r.resolution) return r.resolution;
    note = r.note;
  }
  // 2. An Entrez or Ensembl ID matching a row's part directly (ENSG…  ↔ ENSG….12, 285203 ↔ C3orf64|285203).
  const written = idParts(gene);
  if (!gene.includes('|')) {
    if (written.entrez !== undefined) {
      const rows = distinct(index.byEntrez.get(written.entrez) ?? []);
      if (rows.length === 1) return { status: 'via-id', row: rows[0], how: `${gene} → ${ids[rows[0]]} via Entrez ${written.entrez}` };
    } else if (written.ensembl !== undefined) {
      const rows = distinct(index.byEnsembl.get(written.ensembl) ?? []);
      if (rows.length === 1) return { status: 'via-id', row: rows[0], how: `${gene} → ${ids[rows[0]]} via Ensembl ${written.ensembl} (version ignored)` };
    }
  }

  // 3. Through the identifier table.
  switch (lookup.kind) {
    case 'ambiguous': {
      const what = lookup.via === 'alias' ? 'an alias or previous symbol of' : lookup.via === 'ensembl' ? 'an Ensembl ID of' : 'the symbol of';
      const symbols = lookup.candidates.map((g) => g.symbol);
      const candidates = new Set(symbols).size === symbols.length ? symbols : lookup.candidates.map((g) => `${g.symbol} (Entrez ${g.entrez})`);
      return { status: 'ambiguous', how: `${what} ${candidates.length} genes; write the one you mean`, candidates };
    }
    case 'entrez': {
      const rows = distinct(index.byEntrez.get(lookup.entrez) ?? []);
      return pickRows(gene, rows, ids, `via Entrez ${lookup.entrez}`, 'not in the identifier table and no row has this Entrez ID');
    }
    case 'ensembl': {
      const rows = distinct(index.byEnsembl.get(lookup.ensembl) ?? []);
      return pickRows(gene, rows, ids, `via Ensembl ${lookup.ensembl} (version ignored)`, 'not in the identifier table and no row has this Ensembl ID');
    }
    case 'unknown': {
      // A gene written as SYMBOL|ENTREZ or ENSG|SYMBOL: use its parts.
      if (gene.includes('|')) {
        for (const part of [written.entrez, written.ensembl, written.symbol]) {
          if (part === undefined) continue;
          const r = resolveGene(part, index, table);
          if (r.status === 'found' || r.status === 'via-id') return { status: 'via-id', row: r.row, how: `${gene} → ${ids[r.row]} via its part ${part}` };
          if (r.status === 'ambiguous') return r;
        }
      }
      return { status: 'missing', how: `${gene}: no row ID and not in the identifier table` };
    }
    case 'gene': {
      const r = rowsForGene(gene, lookup.gene, lookup.via, index, table);
      return note && r.how !== undefined ? { ...r, how: r.how + note } : r;
    }
  }
}

function pickRows(gene: string, rows: number[], ids: readonly string[], how: string, none: string): Resolution {
  if (rows.length === 1) return { status: 'via-id', row: rows[0], how: `${gene} → ${ids[rows[0]]} ${how}` };
  if (rows.length > 1) return { status: 'ambiguous', how: `matches ${rows.length} rows ${how}`, candidates: rows.map((r) => ids[r]) };
  return { status: 'missing', how: `${gene}: ${none}` };
}

const VIA_TEXT: Record<string, (gene: string, g: GeneRecord) => string> = {
  symbol: () => '',
  alias: (_n, g) => ` (alias/previous symbol of ${g.symbol})`,
  entrez: (_n, g) => ` (Entrez ID of ${g.symbol})`,
  ensembl: (_n, g) => ` (Ensembl ID of ${g.symbol})`,
  loc: (_n, g) => ` (= Entrez ${g.entrez}, ${g.symbol})`,
  case: (_n, g) => ` (case-insensitive match to ${g.symbol})`,
};

function rowsForGene(gene: string, g: GeneRecord, via: string, index: RowIndex, table: GeneIdTable): Resolution {
  const ids = index.ids;
  const named = `${gene}${VIA_TEXT[via](gene, g)}`;
  // Each tier: candidate rows with the identifier that linked them.
  const tiers: [number, string][][] = [
    (index.byEntrez.get(g.entrez) ?? []).map((r) => [r, `via Entrez ${g.entrez}`]),
    g.ensembl.flatMap((e) => (index.byEnsembl.get(e) ?? []).map((r): [number, string] => [r, `via Ensembl ${e}`])),
    symbolRow(index, g.symbol).map((r) => [r, '(current symbol)']),
    g.aliases.filter((a) => nameDenotes(table, a, g)).flatMap((a) => symbolRow(index, a).map((r): [number, string] => [r, `(${a} is an alias/previous symbol of ${g.symbol})`])),
  ];
  for (const tier of tiers) {
    const rows = distinct(tier.map(([r]) => r));
    if (rows.length === 1) return { status: 'via-id', row: rows[0], how: `${named} → ${ids[rows[0]]} ${tier[0][1]}` };
    if (rows.length > 1) return { status: 'ambiguous', how: `${g.symbol} is carried by ${rows.length} rows`, candidates: rows.map((r) => ids[r]) };
  }
  return { status: 'missing', how: `${named}: no row with Entrez ${g.entrez}${g.ensembl.length ? `, Ensembl ${g.ensembl.join('/')}` : ''}, symbol ${g.symbol} or an alias of it` };
}

function symbolRow(index: RowIndex, name: string): number[] {
  const r = index.plainSymbol.get(name);
  return r === undefined ? [] : [r];
}

/**
 * Resolves every set against the matrix row IDs. Returns one ResolvedGeneSet per set
 * (rows distinct, in the set's gene order) and a JSON-serialisable report per set.
 */
export function resolveGeneSets(
  sets: GeneSetSpec[], rowIds: string[], table: GeneIdTable, droppedRows: readonly DroppedRowNote[] = [], hintIds: readonly string[] = [],
): { sets: ResolvedGeneSet[]; report: GeneSetReport[] } {
  const index = indexRows(rowIds);
  // Rows the reader dropped, resolved only for genes not found among the kept rows.
  const withDropped = droppedRows.length > 0 ? indexRows([...rowIds, ...droppedRows.map((d) => d.id)]) : undefined;
  const near = nearMatchIndex(hintIds.length ? [...rowIds, ...hintIds] : rowIds);
  const resolved: ResolvedGeneSet[] = [];
  const report: GeneSetReport[] = [];
  for (const set of sets) {
    const rows: number[] = [];
    const taken = new Map<number, string>();
    const genes: GeneReport[] = [];
    const cache = new Map<string, Resolution>();
    for (const raw of set.genes) {
      const gene = raw.trim();
      let r = cache.get(gene);
      if (r === undefined) {
        r = resolveGene(gene, index, table);
        if (r.status === 'missing' && withDropped) {
          const d = resolveGene(gene, withDropped, table);
          if ((d.status === 'found' || d.status === 'via-id') && d.row >= rowIds.length) {
            const note = droppedRows[d.row - rowIds.length];
            r = { status: 'dropped', row: d.row, how: `${note.id === gene ? '' : `${note.id} `}dropped: ${note.reason}` };
          }
        }
        cache.set(gene, r);
      }
      const entry: GeneReport = { gene, status: r.status };
      if (r.status === 'found' || r.status === 'via-id') {
        entry.row = rowIds[r.row];
        const first = taken.get(r.row);
        if (first !== undefined) entry.duplicateOf = first;
        else { taken.set(r.row, gene); rows.push(r.row); }
      }
      if (r.how !== undefined) entry.how = r.how;
      if (r.status === 'ambiguous') entry.candidates = r.candidates;
      if (r.status === 'missing') {
        const hints = near.suggest(gene);
        if (hints.length > 0) entry.suggestions = hints;
      }
      genes.push(entry);
    }
    resolved.push({ name: set.name, rows, genes: set.genes.map((g) => g.trim()) });
    report.push({
      set: set.name,
      source: set.source,
      size: set.genes.length,
      found: rows.length,
      missing: genes.filter((g) => g.status === 'missing').map((g) => g.gene),
      dropped: genes.filter((g) => g.status === 'dropped').map((g) => g.gene),
      ambiguous: genes.filter((g) => g.status === 'ambiguous').map((g) => g.gene),
      duplicates: genes.filter((g) => g.duplicateOf !== undefined).map((g) => g.gene),
      genes,
    });
  }
  return { sets: resolved, report };
}

/**
 * A cheap test for the matrix reader: false only for rows no set gene can resolve to,
 * so rows can be skipped before their numbers are parsed. Resolving against the rows
 * it keeps gives the same result as against all rows. One Set lookup per call, plus a
 * split for `A|B` IDs and a version strip for Ensembl IDs.
 */
export function rowFilterForSets(sets: GeneSetSpec[], table: GeneIdTable): (rowId: string) => boolean {
  const keys = new Set<string>();
  const addGene = (g: GeneRecord) => {
    keys.add(g.entrez);
    keys.add(g.symbol);
    for (const e of g.ensembl) keys.add(e);
    for (const a of g.aliases) keys.add(a);
  };
  const addName = (name: string) => {
    keys.add(name);
    const base = ensemblBase(name);
    if (base !== undefined) keys.add(base);
    const lookup = lookupGene(table, name);
    if (lookup.kind === 'gene') addGene(lookup.gene);
    else if (lookup.kind === 'ambiguous') lookup.candidates.forEach(addGene);
    else if (lookup.kind === 'entrez') keys.add(lookup.entrez);
    else if (lookup.kind === 'ensembl') keys.add(lookup.ensembl);
  };
  for (const set of sets) {
    for (const raw of set.genes) {
      const gene = raw.trim();
      addName(gene);
      if (gene.includes('|')) {
        const p = idParts(gene);
        for (const part of [p.entrez, p.ensembl, p.symbol]) if (part !== undefined) addName(part);
      }
    }
  }
  return (rowId: string): boolean => {
    if (keys.has(rowId)) return true;
    const bar = rowId.indexOf('|');
    if (bar >= 0) {
      const a = rowId.slice(0, bar);
      const b = rowId.slice(bar + 1);
      return keys.has(a) || keys.has(b) || keys.has(stripVersion(a)) || keys.has(stripVersion(b));
    }
    return rowId.startsWith('ENS') && keys.has(stripVersion(rowId));
  };
}

function stripVersion(id: string): string {
  const dot = id.indexOf('.');
  return dot > 0 && id.startsWith('ENS') ? id.slice(0, dot) : id;
}

/** A compact stderr text: one line per set, then the genes not found as is. */
export function formatGeneSetReport(report: GeneSetReport[]): string {
  const lines: string[] = [];
  const list = (xs: string[], max = 15) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);
  for (const r of report) {
    const via = r.genes.filter((g) => g.status === 'via-id' && g.duplicateOf === undefined).length;
    const extra = [
      via > 0 ? `${via} through another identifier` : '',
      r.missing.length > 0 ? `${r.missing.length} missing` : '',
      r.dropped?.length ? `${r.dropped.length} dropped for missing or infinite values` : '',
      r.ambiguous.length > 0 ? `${r.ambiguous.length} ambiguous` : '',
      r.duplicates.length > 0 ? `${r.duplicates.length} duplicate${r.duplicates.length > 1 ? 's' : ''}` : '',
    ].filter((s) => s !== '');
    lines.push(`gene set ${r.set}: ${r.found} of ${r.size} genes found${extra.length ? ` (${extra.join(', ')})` : ''}`);
    for (const g of r.genes) {
      if (g.duplicateOf !== undefined) lines.push(`  ${g.gene}: same row as ${g.duplicateOf} (${g.row}), kept once`);
      else if (g.status === 'via-id') lines.push(`  ${g.how ?? `${g.gene} → ${g.row}`}`);
      else if (g.status === 'ambiguous') lines.push(`  ${g.gene}: ambiguous, left out (${g.how ?? 'several candidates'}): ${list(g.candidates ?? [], 8)}`);
      else if (g.status === 'dropped') lines.push(`  ${g.gene}: ${g.how ?? 'row dropped'}`);
    }
    if (r.missing.length > 0) {
      const named = r.genes.filter((g) => g.status === 'missing').map((g) => (g.suggestions ? `${g.gene} (did you mean ${g.suggestions.join(' or ')}?)` : g.gene));
      lines.push(`  missing: ${list(named)}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}
