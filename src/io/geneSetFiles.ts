// Gene-set files and the bundled gene data: .gmt and .json set files, the built-in
// sets in genesets/*.json, and the identifier table data/gene-ids.tsv.gz. The only
// gene code that touches files; src/genes turns what is read here into resolved sets.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigrascoreError } from '../errors.js';
import { readTextFile } from './delimited.js';

/** A publication a built-in set or gene comes from. */
export interface GeneSetReference {
  /** Short key the genes' `source` lists refer to, e.g. "Ma2015". */
  key: string;
  /** "Ma et al. 2015" */
  short?: string;
  /** Full citation. */
  citation: string;
  /** DOI without the https://doi.org/ prefix, when known. */
  doi?: string;
  note?: string;
}

/** A gene of a built-in (or JSON) set with its provenance. */
export interface GeneSetGene {
  symbol: string;
  entrez?: string;
  /** e.g. "membrane marker", "migrasome-specific marker", "biogenesis" */
  role?: string;
  /** Keys of the set's references this gene comes from. */
  source?: string[];
  note?: string;
}

/** A gene set as written by the user or shipped with migrascore, before resolution. */
export interface GeneSetSpec {
  name: string;
  description?: string;
  /** Genes as written (symbols, old symbols, aliases, Entrez or Ensembl IDs). */
  genes: string[];
  /** Where it came from: 'built-in', the file path, or 'inline'. */
  source: string;
  references?: GeneSetReference[];
  /** Per-gene provenance (built-in and rich JSON sets), in the order of `genes`. */
  details?: GeneSetGene[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Folder of the built-in sets (genesets/ of the installed package). */
export const BUILT_IN_DIR = join(ROOT, 'genesets');
/** The bundled identifier table (see data/README.md). */
export const GENE_ID_TABLE_PATH = join(ROOT, 'data', 'gene-ids.tsv.gz');

/** Text of the bundled identifier table (gunzipped). */
export function readGeneIdTableText(): string {
  if (!existsSync(GENE_ID_TABLE_PATH)) {
    throw new MigrascoreError(`The bundled gene identifier table ${GENE_ID_TABLE_PATH} is missing; the installation is incomplete. Reinstall migrascore.`);
  }
  return readTextFile(GENE_ID_TABLE_PATH, 'Gene identifier table');
}

/** Names of the built-in sets in display order, and the default. */
export function readBuiltInIndex(): { sets: string[]; default: string } {
  const path = join(BUILT_IN_DIR, 'index.json');
  const index = parseJsonText(readBuiltInText(path), path) as { sets?: unknown; default?: unknown };
  if (!Array.isArray(index.sets) || typeof index.default !== 'string') {
    throw new MigrascoreError(`${path} is damaged (expected "sets" and "default"). Reinstall migrascore.`);
  }
  return { sets: index.sets.map(String), default: index.default };
}

/** One built-in set, read from genesets/<name>.json. */
export function readBuiltInGeneSet(name: string): GeneSetSpec {
  const path = join(BUILT_IN_DIR, `${name}.json`);
  const specs = parseGeneSetJson(readBuiltInText(path), path, 'built-in');
  if (specs.length !== 1 || specs[0].name !== name) {
    throw new MigrascoreError(`${path} should hold exactly the set "${name}". Reinstall migrascore.`);
  }
  return specs[0];
}

function readBuiltInText(path: string): string {
  if (!existsSync(path)) throw new MigrascoreError(`The built-in gene-set file ${path} is missing; the installation is incomplete. Reinstall migrascore.`);
  return readFileSync(path, 'utf8');
}

/** Whether a path names a file, a folder, or nothing. */
export function pathKind(path: string): 'file' | 'folder' | undefined {
  if (!existsSync(path)) return undefined;
  return statSync(path).isDirectory() ? 'folder' : 'file';
}

/** Reads a .gmt or .json gene-set file (optionally gzip-compressed); JSON when it starts with { or [. */
export function readGeneSetFile(path: string): GeneSetSpec[] {
  const text = readTextFile(path, 'Gene-set');
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? parseGeneSetJson(text, path, path) : parseGmt(text, path);
}

/**
 * GMT (Broad): one set per line, tab-separated: name, description, gene, gene, ...
 * Empty fields (trailing tabs) are ignored; blank lines and lines starting with `#`
 * are skipped. A description of "na" or "" is left out.
 */
export function parseGmt(text: string, path: string): GeneSetSpec[] {
  const specs: GeneSetSpec[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const where = `Gene-set file ${path}, line ${i + 1}`;
    const fields = line.split('\t').map((f) => f.trim());
    const name = fields[0];
    if (!name) throw new MigrascoreError(`${where}: the set has no name. A GMT line is NAME<tab>DESCRIPTION<tab>GENE1<tab>GENE2...`);
    if (fields.length < 3) {
      const hint = line.includes(',') || line.includes(' ') ? ' (the fields must be separated by tabs, not commas or spaces)' : '';
      throw new MigrascoreError(`${where}: set "${name}" has no genes${hint}. A GMT line is NAME<tab>DESCRIPTION<tab>GENE1<tab>GENE2...`);
    }
    const genes = fields.slice(2).filter((g) => g !== '');
    if (genes.length === 0) throw new MigrascoreError(`${where}: set "${name}" has no genes. A GMT line is NAME<tab>DESCRIPTION<tab>GENE1<tab>GENE2...`);
    if (seen.has(name)) throw new MigrascoreError(`${where}: set "${name}" is defined twice (also on line ${seen.get(name)}). Give each set a distinct name.`);
    seen.set(name, i + 1);
    const description = fields[1] && fields[1].toLowerCase() !== 'na' ? fields[1] : undefined;
    specs.push({ name, ...(description ? { description } : {}), genes, source: path });
  }
  if (specs.length === 0) throw new MigrascoreError(`Gene-set file ${path} holds no gene sets. A GMT line is NAME<tab>DESCRIPTION<tab>GENE1<tab>GENE2...`);
  return specs;
}

function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const where = pos ? `, line ${text.slice(0, Number(pos[1])).split('\n').length}` : '';
    throw new MigrascoreError(`Gene-set file ${path}${where} is not valid JSON (${message}). Fix the file, or use the GMT format.`);
  }
}

const JSON_SHAPES =
  'Use {"name": ..., "description": ..., "genes": ["G1", ...] or [{"symbol": "G1", ...}, ...]}, a list of such objects, ' +
  'or {"SET1": ["G1", "G2"], "SET2": [...]} (see `migrascore genesets export NAME --format json`).';

/**
 * Gene-set JSON, three shapes:
 *  1. one set: {name, description?, references?, genes: [symbol | {symbol, entrez?, role?, source?}]}
 *     (the shape of genesets/*.json and of `genesets export --format json`);
 *  2. a list of such sets;
 *  3. a map of set names to gene lists: {"SET1": ["G1", "G2"], ...}.
 * An object with both "name" and "genes" is shape 1; otherwise it must be shape 3.
 */
export function parseGeneSetJson(text: string, path: string, source: string): GeneSetSpec[] {
  const value = parseJsonText(text, path);
  let specs: GeneSetSpec[];
  if (Array.isArray(value)) {
    specs = value.map((v, i) => setFromObject(v, `${path}, set ${i + 1}`, source));
  } else if (isObject(value) && 'name' in value && 'genes' in value) {
    specs = [setFromObject(value, path, source)];
  } else if (isObject(value)) {
    specs = Object.entries(value).map(([name, genes]) => {
      if (!Array.isArray(genes) || genes.some((g) => typeof g !== 'string')) {
        throw new MigrascoreError(`Gene-set file ${path}: "${name}" should be a list of gene names. ${JSON_SHAPES}`);
      }
      return { name, genes: cleanGenes(genes as string[], `${path}, set "${name}"`), source };
    });
  } else {
    throw new MigrascoreError(`Gene-set file ${path} holds neither a gene set nor a list of them. ${JSON_SHAPES}`);
  }
  if (specs.length === 0) throw new MigrascoreError(`Gene-set file ${path} holds no gene sets. ${JSON_SHAPES}`);
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name)) throw new MigrascoreError(`Gene-set file ${path}: set "${s.name}" is defined twice. Give each set a distinct name.`);
    names.add(s.name);
  }
  return specs;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cleanGenes(genes: string[], where: string): string[] {
  const out = genes.map((g) => g.trim()).filter((g) => g !== '');
  if (out.length === 0) throw new MigrascoreError(`Gene-set file ${where} has no genes. ${JSON_SHAPES}`);
  return out;
}

function setFromObject(v: unknown, where: string, source: string): GeneSetSpec {
  const fail = (what: string): never => { throw new MigrascoreError(`Gene-set file ${where}: ${what}. ${JSON_SHAPES}`); };
  if (!isObject(v)) return fail('expected a set object');
  if (typeof v.name !== 'string' || v.name.trim() === '') return fail('"name" should be a non-empty text');
  const name = v.name.trim();
  if (!Array.isArray(v.genes)) return fail(`set "${name}": "genes" should be a list`);
  const details: GeneSetGene[] = v.genes.map((g, i): GeneSetGene => {
    if (typeof g === 'string') return { symbol: g.trim() };
    if (isObject(g) && typeof g.symbol === 'string') {
      return {
        symbol: g.symbol.trim(),
        ...(g.entrez !== undefined && g.entrez !== null ? { entrez: String(g.entrez) } : {}),
        ...(typeof g.role === 'string' ? { role: g.role } : {}),
        ...(Array.isArray(g.source) ? { source: g.source.map(String) } : typeof g.source === 'string' ? { source: [g.source] } : {}),
        ...(typeof g.note === 'string' ? { note: g.note } : {}),
      };
    }
    return fail(`set "${name}", gene ${i + 1}: expected a gene name or {"symbol": ...}`);
  }).filter((g) => g.symbol !== '');
  if (details.length === 0) fail(`set "${name}" has no genes`);
  const references: GeneSetReference[] | undefined = Array.isArray(v.references)
    ? v.references.filter(isObject).map((r) => ({
      key: String(r.key ?? r.short ?? r.doi ?? ''),
      ...(typeof r.short === 'string' ? { short: r.short } : {}),
      citation: String(r.citation ?? r.short ?? ''),
      ...(typeof r.doi === 'string' ? { doi: r.doi } : {}),
      ...(typeof r.note === 'string' ? { note: r.note } : {}),
    }))
    : undefined;
  const rich = details.some((d) => Object.keys(d).length > 1);
  return {
    name,
    ...(typeof v.description === 'string' && v.description !== '' ? { description: v.description } : {}),
    genes: details.map((d) => d.symbol),
    source,
    ...(references && references.length > 0 ? { references } : {}),
    ...(rich ? { details } : {}),
  };
}
