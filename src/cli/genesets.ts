// `migrascore genesets list | show SPEC | export SPEC`: the built-in gene sets with
// their provenance, any set file checked against the identifier table, and GMT/JSON export.
import { Command, Option } from 'commander';
import { DEFAULT_GENESET, builtInGeneSets, loadGeneSetSpecs, toGeneSetJson, toGmt, type GeneSetSpec } from '../genes/geneSets.js';
import { loadGeneIdTable, lookupGene, type GeneIdTable, type GeneRecord } from '../genes/identifiers.js';
import { toTsv, writeOutputFiles } from '../io/output.js';

const SPEC_HELP = 'a built-in set name, a .gmt or .json file, or inline NAME=GENE1,GENE2,...';

const EXAMPLES = `
Examples:
  # The built-in sets: name, number of genes, description (* = the default)
  migrascore genesets list
  migrascore genesets list --format tsv > genesets.tsv

  # Genes of a built-in set with Entrez/Ensembl IDs, aliases, role and source paper (DOI)
  migrascore genesets show migrasome-core
  migrascore genesets show migrasome-markers --format tsv

  # Check your own set against the identifier table (old symbols, aliases, ambiguity)
  migrascore genesets show my-sets.gmt
  migrascore genesets show mine=C3orf64,PGCP,TSPAN4

  # Write a set as GMT or JSON, to stdout or to a file (JSON keeps the provenance)
  migrascore genesets export migrasome-core --format gmt
  migrascore genesets export migrasome-core --format json --out migrasome-core.json
  migrascore genesets export my-sets.json --format gmt --out my-sets.gmt

Exit codes: 0 success, 1 bad input (e.g. a set file not found or malformed), 2 usage error
(e.g. an unknown set name).`;

/** Subcommands do not inherit exitOverride from the program when added before it; set it here. */
function sub(name: string): Command {
  return new Command(name).exitOverride().showHelpAfterError('(run with --help for usage and examples)');
}

export function genesetsCommand(): Command {
  const cmd = new Command('genesets')
    .description(`Built-in gene sets (default: ${DEFAULT_GENESET}): list them, show their genes and provenance, export them as GMT or JSON.`)
    .addHelpText('after', EXAMPLES);

  cmd.addCommand(sub('list')
    .description('List the built-in gene sets: name, size, description.')
    .addOption(new Option('--format <format>', 'text (aligned) or tsv').choices(['text', 'tsv']).default('text'))
    .addHelpText('after', EXAMPLES)
    .action((o: { format: 'text' | 'tsv' }) => {
      process.stdout.write(formatList(builtInGeneSets(), o.format));
    }));

  cmd.addCommand(sub('show')
    .description('Show the genes of a set: IDs and aliases from the identifier table, and for built-in sets each gene\'s role and source paper.')
    .argument('<spec>', SPEC_HELP)
    .addOption(new Option('--format <format>', 'text (one block per gene) or tsv (one row per gene)').choices(['text', 'tsv']).default('text'))
    .addHelpText('after', EXAMPLES)
    .action((spec: string, o: { format: 'text' | 'tsv' }) => {
      const sets = loadGeneSetSpecs(spec);
      const table = loadGeneIdTable();
      process.stdout.write(o.format === 'tsv' ? showTsv(sets, table) : sets.map((s) => showText(s, table)).join('\n'));
    }));

  cmd.addCommand(sub('export')
    .description('Write a set (or every set of a file) as GMT or JSON.')
    .argument('<spec>', SPEC_HELP)
    .addOption(new Option('--format <format>', 'gmt (NAME, description, genes; tab-separated) or json (with provenance)').choices(['gmt', 'json']).default('gmt'))
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action(async (spec: string, o: { format: 'gmt' | 'json'; out?: string }) => {
      const sets = loadGeneSetSpecs(spec);
      const text = o.format === 'gmt' ? toGmt(sets) : toGeneSetJson(sets);
      if (o.out === undefined || o.out === '-') {
        process.stdout.write(text);
        return;
      }
      const inputs = sets.map((s) => s.source).filter((s) => s !== 'built-in' && s !== 'inline');
      await writeOutputFiles([{ path: o.out, content: text }], inputs);
      process.stderr.write(`migrascore genesets: wrote ${sets.map((s) => s.name).join(', ')} (${o.format}) to ${o.out}\n`);
    }));

  return cmd;
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c]))).join('  ').trimEnd()).join('\n') + '\n';
}

function formatList(sets: GeneSetSpec[], format: 'text' | 'tsv'): string {
  if (format === 'tsv') {
    return toTsv(['name', 'size', 'default', 'description'], sets.map((s) => [s.name, String(s.genes.length), s.name === DEFAULT_GENESET ? 'yes' : 'no', s.description ?? '']));
  }
  const rows = [['name', 'size', 'description'], ...sets.map((s) => [s.name + (s.name === DEFAULT_GENESET ? ' *' : ''), String(s.genes.length), s.description ?? ''])];
  return pad(rows) + `\n* the default: scored when no --geneset is given. \`migrascore genesets show NAME\` lists a set's genes and sources.\n`;
}

const VIA = {
  symbol: 'current symbol of',
  alias: 'alias/previous symbol of',
  entrez: 'Entrez ID of',
  ensembl: 'Ensembl ID of',
  loc: 'NCBI LOC name of',
  case: 'case-insensitive match to',
} as const;

interface GeneLine {
  gene: string;
  entrez: string;
  ensembl: string;
  /** What the identifier table says when the name is not a current symbol. */
  table: string;
  aliases: string;
  role: string;
  source: string;
  doi: string;
}

function geneLines(set: GeneSetSpec, table: GeneIdTable): GeneLine[] {
  const refs = new Map((set.references ?? []).map((r) => [r.key, r]));
  return set.genes.map((gene, i) => {
    const d = set.details?.[i];
    const lookup = lookupGene(table, gene);
    let g: GeneRecord | undefined;
    let note = '';
    switch (lookup.kind) {
      case 'gene':
        g = lookup.gene;
        if (lookup.via !== 'symbol' || g.symbol !== gene) note = `${VIA[lookup.via]} ${g.symbol}`;
        break;
      case 'ambiguous':
        note = `ambiguous: names ${lookup.candidates.length} genes (${lookup.candidates.map((c) => `${c.symbol}/${c.entrez}`).join(', ')})`;
        break;
      case 'entrez':
        note = `Entrez ${lookup.entrez}, not in the identifier table`;
        break;
      case 'ensembl':
        note = `Ensembl ${lookup.ensembl}, not in the identifier table`;
        break;
      case 'unknown':
        note = 'not in the identifier table (matches only a row with exactly this ID)';
    }
    const sources = (d?.source ?? []).map((k) => refs.get(k));
    return {
      gene,
      entrez: g?.entrez ?? d?.entrez ?? '',
      ensembl: g ? g.ensembl.join(', ') : '',
      table: note,
      aliases: g ? g.aliases.join(', ') : '',
      role: d?.role ?? '',
      source: sources.map((r, k) => r?.short ?? r?.key ?? d!.source![k]).join('; '),
      doi: sources.map((r) => r?.doi ?? '').filter(Boolean).join('; '),
    };
  });
}

function showText(set: GeneSetSpec, table: GeneIdTable): string {
  const origin = set.source === 'built-in' ? `built-in${set.name === DEFAULT_GENESET ? ', the default' : ''}` : set.source;
  const out = [`${set.name} (${origin}): ${set.genes.length} genes`];
  if (set.description) out.push(set.description);
  out.push('');
  const refs = new Map((set.references ?? []).map((r) => [r.key, r]));
  for (const [i, l] of geneLines(set, table).entries()) {
    const ids = [l.entrez && `Entrez ${l.entrez}`, l.ensembl && `Ensembl ${l.ensembl}`].filter(Boolean).join('  ');
    out.push(`${l.gene}${ids ? `  ${ids}` : ''}`);
    if (l.table) out.push(`    note:    ${l.table}`);
    if (l.role) out.push(`    role:    ${l.role}`);
    const keys = set.details?.[i]?.source ?? [];
    if (keys.length) out.push(`    source:  ${keys.map((k) => { const r = refs.get(k); return r ? `${r.short ?? r.key}${r.doi ? ` (doi:${r.doi})` : ''}` : k; }).join('; ')}`);
    if (l.aliases) out.push(`    aliases: ${l.aliases}`);
    if (set.details?.[i]?.note) out.push(`    note:    ${set.details[i].note}`);
  }
  if (set.references?.length) {
    out.push('', 'References:');
    for (const r of set.references) out.push(`  [${r.key}] ${r.citation}${r.doi ? ` doi:${r.doi}` : ''}${r.note ? ` (${r.note})` : ''}`);
  }
  out.push('', `Identifiers and aliases: ${table.origin.replace(/ via .*$/, '')}.`);
  return out.join('\n') + '\n';
}

function showTsv(sets: GeneSetSpec[], table: GeneIdTable): string {
  const rows: string[][] = [];
  for (const set of sets) {
    for (const l of geneLines(set, table)) rows.push([set.name, l.gene, l.entrez, l.ensembl.replace(/, /g, ';'), l.aliases.replace(/, /g, ';'), l.table, l.role, l.source, l.doi]);
  }
  return toTsv(['set', 'gene', 'entrez', 'ensembl', 'aliases', 'identifier_note', 'role', 'source', 'doi'], rows);
}
