// The human gene identifier table (org.Hs.eg.db 3.16, NCBI Gene; data/gene-ids.tsv.gz,
// derived by scripts/build-gene-ids.js) and the lookups resolution needs: a name or ID
// as a user writes it → the gene it names, and a matrix row ID → its parts.
import { readGeneIdTableText, GENE_ID_TABLE_PATH } from '../io/geneSetFiles.js';
import { MigrascoreError } from '../errors.js';

export interface GeneRecord {
  /** NCBI Gene (Entrez) ID, as text. */
  entrez: string;
  /** Current official symbol. */
  symbol: string;
  /** Ensembl gene IDs, unversioned. */
  ensembl: readonly string[];
  /** Previous symbols and synonyms. */
  aliases: readonly string[];
}

export interface GeneIdTable {
  readonly genes: readonly GeneRecord[];
  readonly byEntrez: ReadonlyMap<string, GeneRecord>;
  /** Current symbol → genes (a few symbols name two records). */
  readonly bySymbol: ReadonlyMap<string, readonly GeneRecord[]>;
  /** Upper-cased current symbol → genes (case-insensitive fallback). */
  readonly bySymbolUpper: ReadonlyMap<string, readonly GeneRecord[]>;
  /** Alias or previous symbol → every gene it names. */
  readonly byAlias: ReadonlyMap<string, readonly GeneRecord[]>;
  /** Unversioned Ensembl gene ID → genes. */
  readonly byEnsembl: ReadonlyMap<string, readonly GeneRecord[]>;
  /** Where the table came from (for reports). */
  readonly origin: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Builds the lookup maps over gene records. */
export function geneIdTableFromRecords(genes: GeneRecord[], origin = 'in-memory table'): GeneIdTable {
  const byEntrez = new Map<string, GeneRecord>();
  const bySymbol = new Map<string, GeneRecord[]>();
  const byAlias = new Map<string, GeneRecord[]>();
  const byEnsembl = new Map<string, GeneRecord[]>();
  for (const g of genes) {
    byEntrez.set(g.entrez, g);
    push(bySymbol, g.symbol, g);
    for (const a of g.aliases) push(byAlias, a, g);
    for (const e of g.ensembl) push(byEnsembl, e, g);
  }
  // Only the case-insensitive fallback needs this one: built on first use.
  let bySymbolUpper: Map<string, GeneRecord[]> | undefined;
  return {
    genes, byEntrez, bySymbol, byAlias, byEnsembl, origin,
    get bySymbolUpper() {
      if (bySymbolUpper === undefined) {
        bySymbolUpper = new Map();
        for (const g of genes) push(bySymbolUpper, g.symbol.toUpperCase(), g);
      }
      return bySymbolUpper;
    },
  };
}

/** Parses the table's TSV text: entrez, symbol, ensembl (;-separated), aliases (;-separated). */
export function parseGeneIdTable(text: string, origin: string): GeneIdTable {
  const lines = text.split('\n');
  const header = lines[0].replace(/\r$/, '').split('\t');
  const want = ['entrez', 'symbol', 'ensembl', 'aliases'];
  if (want.some((c, i) => header[i] !== c)) {
    throw new MigrascoreError(`${origin}: expected the columns ${want.join(', ')}, found ${header.join(', ')}. Rebuild it with scripts/build-gene-ids.js.`);
  }
  const genes: GeneRecord[] = [];
  const split = (s: string | undefined): string[] => (s ? s.split(';') : []);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const f = line.replace(/\r$/, '').split('\t');
    genes.push({ entrez: f[0], symbol: f[1], ensembl: split(f[2]), aliases: split(f[3]) });
  }
  return geneIdTableFromRecords(genes, origin);
}

let cached: GeneIdTable | undefined;

/** The bundled table (data/gene-ids.tsv.gz), read once per process. */
export function loadGeneIdTable(): GeneIdTable {
  cached ??= parseGeneIdTable(readGeneIdTableText(), `org.Hs.eg.db 3.16 (NCBI Gene) via ${GENE_ID_TABLE_PATH}`);
  return cached;
}

// ---------------------------------------------------------------------------
// Identifier forms

const ENTREZ_RE = /^[1-9]\d*$/;
const ENSEMBL_RE = /^(ENS[A-Z]*G\d{6,})(?:\.\d+)?$/;
const LOC_RE = /^LOC([1-9]\d*)$/;

export const isEntrezId = (s: string): boolean => ENTREZ_RE.test(s);

/** The unversioned Ensembl gene ID of `ENSG00000061794` or `ENSG00000061794.12`; undefined otherwise (also for `_PAR_Y` IDs). */
export function ensemblBase(s: string): string | undefined {
  const m = ENSEMBL_RE.exec(s);
  return m ? m[1] : undefined;
}

/** What a row ID (or a gene written like one) says: its symbol, Entrez and Ensembl parts. */
export interface IdParts {
  symbol?: string;
  entrez?: string;
  ensembl?: string;
}

/**
 * Splits an identifier into parts. Plain IDs give one part (a number is an Entrez ID,
 * ENSG… an Ensembl ID, anything else a symbol). Two parts joined by `|` (Firehose
 * `SYMBOL|ENTREZ`, `?|ENTREZ`, also `ENSG…|SYMBOL`) give one part each; `?` gives none.
 */
export function idParts(id: string): IdParts {
  const bar = id.indexOf('|');
  if (bar < 0 || id.indexOf('|', bar + 1) >= 0) return classify(id, {});
  const parts: IdParts = {};
  classify(id.slice(0, bar), parts);
  classify(id.slice(bar + 1), parts);
  return parts;
}

function classify(s: string, into: IdParts): IdParts {
  if (s === '' || s === '?' || s === '-') return into;
  if (ENTREZ_RE.test(s)) into.entrez ??= s;
  else {
    const e = ensemblBase(s);
    if (e !== undefined) into.ensembl ??= e;
    else into.symbol ??= s;
  }
  return into;
}

// ---------------------------------------------------------------------------
// Name → gene

export type GeneLookup =
  /** The name names exactly this gene. `via` says how. */
  | { kind: 'gene'; gene: GeneRecord; via: 'symbol' | 'alias' | 'entrez' | 'ensembl' | 'loc' | 'case' }
  /** The name names several genes: never resolved silently. */
  | { kind: 'ambiguous'; candidates: readonly GeneRecord[]; via: 'symbol' | 'alias' | 'ensembl' | 'case' }
  /** An Entrez ID (or LOC<n>) the table does not know: usable as is. */
  | { kind: 'entrez'; entrez: string }
  /** An Ensembl ID the table does not know: usable as is. */
  | { kind: 'ensembl'; ensembl: string }
  | { kind: 'unknown' };

/**
 * The gene a name or ID denotes. Order: Entrez ID; Ensembl ID (version ignored);
 * current symbol; alias or previous symbol (only when it names one gene); LOC<n>
 * (Entrez n, the NCBI convention for unnamed loci); current symbol ignoring case.
 * A current symbol shared by two records resolves to the one with an Ensembl ID
 * when exactly one has it (HBD, MEMO1, TEC, MMD2 share symbols with retired loci).
 */
export function lookupGene(table: GeneIdTable, name: string): GeneLookup {
  if (ENTREZ_RE.test(name)) {
    const gene = table.byEntrez.get(name);
    return gene ? { kind: 'gene', gene, via: 'entrez' } : { kind: 'entrez', entrez: name };
  }
  const ens = ensemblBase(name);
  if (ens !== undefined) {
    const genes = table.byEnsembl.get(ens);
    if (!genes) return { kind: 'ensembl', ensembl: ens };
    return genes.length === 1 ? { kind: 'gene', gene: genes[0], via: 'ensembl' } : { kind: 'ambiguous', candidates: genes, via: 'ensembl' };
  }
  const bySymbol = table.bySymbol.get(name);
  if (bySymbol) return pick(bySymbol, 'symbol');
  const byAlias = table.byAlias.get(name);
  if (byAlias) return byAlias.length === 1 ? { kind: 'gene', gene: byAlias[0], via: 'alias' } : { kind: 'ambiguous', candidates: byAlias, via: 'alias' };
  const loc = LOC_RE.exec(name);
  if (loc) {
    const gene = table.byEntrez.get(loc[1]);
    return gene ? { kind: 'gene', gene, via: 'loc' } : { kind: 'entrez', entrez: loc[1] };
  }
  const byUpper = table.bySymbolUpper.get(name.toUpperCase());
  if (byUpper) return pick(byUpper, 'case');
  return { kind: 'unknown' };
}

function pick(genes: readonly GeneRecord[], via: 'symbol' | 'case'): GeneLookup {
  if (genes.length === 1) return { kind: 'gene', gene: genes[0], via };
  const withEnsembl = genes.filter((g) => g.ensembl.length > 0);
  if (withEnsembl.length === 1) return { kind: 'gene', gene: withEnsembl[0], via };
  return { kind: 'ambiguous', candidates: genes, via };
}

/** True when `name`, written as a row ID, denotes `gene` unambiguously: its symbol, or an alias of it alone that is nobody's symbol. */
export function nameDenotes(table: GeneIdTable, name: string, gene: GeneRecord): boolean {
  if (name === gene.symbol) return true;
  if (table.bySymbol.has(name)) return false;
  const genes = table.byAlias.get(name);
  return genes !== undefined && genes.length === 1 && genes[0] === gene;
}
