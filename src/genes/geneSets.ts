// Gene-set specs as users give them (`--geneset SPEC`): a built-in set name, a .gmt
// or .json file, or inline NAME=GENE1,GENE2,... — and the built-in sets with their
// provenance, exported as GMT or JSON.
import { MigrascoreError, UsageError } from '../errors.js';
import {
  pathKind,
  readBuiltInGeneSet,
  readBuiltInIndex,
  readGeneSetFile,
  type GeneSetGene,
  type GeneSetReference,
  type GeneSetSpec,
} from '../io/geneSetFiles.js';

export type { GeneSetGene, GeneSetReference, GeneSetSpec };

/** The set scored when no --geneset is given. */
export const DEFAULT_GENESET = 'migrasome-core';

/** Names of the built-in sets, in display order. */
export function builtInGeneSetNames(): string[] {
  return readBuiltInIndex().sets;
}

/** A built-in set with its provenance; a UsageError listing the built-in names when there is none by that name. */
export function builtInGeneSet(name: string): GeneSetSpec {
  const names = builtInGeneSetNames();
  if (!names.includes(name)) {
    throw new UsageError(`"${name}" is not a built-in gene set. Built-in sets: ${names.join(', ')} (see \`migrascore genesets list\`).`);
  }
  return readBuiltInGeneSet(name);
}

/** Every built-in set, in display order. */
export function builtInGeneSets(): GeneSetSpec[] {
  return builtInGeneSetNames().map(readBuiltInGeneSet);
}

const INLINE_RE = /^([^=]*)=(.*)$/s;
const looksLikePath = (s: string) => /[\\/]/.test(s) || /\.(gmt|json|txt|tsv)(\.gz)?$/i.test(s);

/**
 * Reads one --geneset SPEC, in this order:
 *  - an existing file (not a folder) that is not named like a built-in set → .gmt or
 *    .json (decided by content; .gz allowed);
 *  - NAME=G1,G2,... → one inline set (genes separated by commas);
 *  - a built-in set name (built-in names win over a file of the same bare name);
 *  - otherwise: a path-like SPEC is a file not found (exit 1), anything else an
 *    unknown set name (exit 2, listing the built-in sets).
 */
export function loadGeneSetSpecs(spec: string): GeneSetSpec[] {
  const s = spec.trim();
  if (s === '') throw new UsageError('--geneset is empty. Give a built-in set name, a .gmt or .json file, or NAME=GENE1,GENE2,...');
  const names = builtInGeneSetNames();
  const isBuiltIn = names.includes(s);
  const kind = pathKind(s);
  if (!isBuiltIn && kind === 'file') return readGeneSetFile(s);
  const inline = INLINE_RE.exec(s);
  if (inline && !isBuiltIn) return [parseInlineGeneSet(inline[1], inline[2], s)];
  if (isBuiltIn) return [readBuiltInGeneSet(s)];
  if (looksLikePath(s)) {
    if (kind === 'folder') throw new MigrascoreError(`Gene-set file ${s} is a folder. Give a .gmt or .json file.`);
    throw new MigrascoreError(`Gene-set file not found: ${s}. Check the path (relative paths are resolved from ${process.cwd()}), or give a built-in set (${names.join(', ')}).`);
  }
  throw new UsageError(
    `Unknown gene set "${s}": not a built-in set and no file of that name. Built-in sets: ${names.join(', ')}. ` +
      'Or give a .gmt/.json file, or an inline set NAME=GENE1,GENE2,...',
  );
}

function parseInlineGeneSet(rawName: string, rawGenes: string, spec: string): GeneSetSpec {
  const name = rawName.trim();
  if (name === '') throw new UsageError(`Inline gene set "${spec}" has no name. Write NAME=GENE1,GENE2,...`);
  const genes = rawGenes.split(',').map((g) => g.trim()).filter((g) => g !== '');
  if (genes.length === 0) throw new UsageError(`Inline gene set "${name}" has no genes. Write ${name}=GENE1,GENE2,... (comma-separated).`);
  return { name, genes, source: 'inline' };
}

// ---------------------------------------------------------------------------
// Export

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/** GMT text: one line per set, NAME<tab>DESCRIPTION<tab>GENES...; the description notes the DOIs. */
export function toGmt(sets: GeneSetSpec[]): string {
  return sets.map((s) => {
    const dois = (s.references ?? []).map((r) => r.doi).filter((d): d is string => !!d);
    const description = oneLine([s.description ?? s.name, dois.length ? `doi:${dois.join(' doi:')}` : ''].filter(Boolean).join(' '));
    return [oneLine(s.name), description, ...s.genes.map(oneLine)].join('\t');
  }).join('\n') + '\n';
}

/** JSON in the shape `loadGeneSetSpecs` reads back: one set object, or a list of them. */
export function toGeneSetJson(sets: GeneSetSpec[]): string {
  const objects = sets.map((s) => ({
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.references !== undefined ? { references: s.references } : {}),
    genes: s.details ?? s.genes,
  }));
  return JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2) + '\n';
}
