// `migrascore data list | show NAME [--column COL]`: what each built-in covariate table
// holds (rows, patients, cancer types), every column's meaning, unit and source, and
// whom to cite for which columns.
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { formatCount } from '../format/numbers.js';
import { loadClinicalTable } from '../io/clinical.js';
import type { DelimitedTable } from '../io/delimited.js';
import { toTsv } from '../io/output.js';
import { BUILT_IN_TABLES, builtInTable, type BuiltInTable } from '../tcga/builtInTables.js';
import { coverageByCancer, summariseColumn, summariseTable } from '../tcga/tableSummary.js';
import { columnReport, showTableText, type LoadedTable } from './dataShow.js';

const EXAMPLES = `
Examples:
  # The built-in tables: rows, patients, cancer types, columns, what they hold
  migrascore data list
  migrascore data list --format tsv > tables.tsv

  # Every column of a table with meaning, unit, values, source, and whom to cite
  migrascore data show tcga-tme
  migrascore data show tcga-cdr --format tsv > tcga-cdr-columns.tsv

  # One column: values, source file and licence, the reference, coverage per cancer type
  migrascore data show tcga-tme --column leukocyte_fraction
  migrascore data show tcga-tme --column immune_subtype --format tsv

Use a table by its name: --clinical tcga-cdr (survival, pancan, compare), --with tcga-tme
or --with tcga-cdr (associate).

Exit codes: 0 success, 2 usage error (an unknown table or column name).`;

/** Subcommands do not inherit exitOverride from the program when added before it; set it here. */
function sub(name: string): Command {
  return new Command(name).exitOverride().showHelpAfterError('(run with --help for usage and examples)');
}

function load(table: BuiltInTable): LoadedTable {
  const data: DelimitedTable = loadClinicalTable(table.path, table.idColumn, `Built-in table ${table.name}`);
  return { doc: table, data, summary: summariseTable(data, table.idColumn, table.cancerColumn) };
}

export function dataCommand(): Command {
  const cmd = new Command('data')
    .description('Built-in covariate tables (TCGA-CDR clinical data, TCGA tumour microenvironment): list them, show their columns and whom to cite.')
    .addHelpText('after', EXAMPLES);

  cmd.addCommand(sub('list')
    .description('List the built-in tables: name, rows, patients, cancer types, columns, description.')
    .addOption(new Option('--format <format>', 'text (aligned) or tsv').choices(['text', 'tsv']).default('text'))
    .addHelpText('after', EXAMPLES)
    .action((o: { format: 'text' | 'tsv' }) => {
      process.stdout.write(formatList(BUILT_IN_TABLES.map(load), o.format));
    }));

  cmd.addCommand(sub('show')
    .description('Show what a built-in table holds: its ID and cancer columns, every column with meaning, unit, values and source, whom to cite for which columns, licence notes.')
    .argument('<name>', `a built-in table: ${BUILT_IN_TABLES.map((t) => t.name).join(', ')}`)
    .option('--column <column>', 'show one column in detail: values, source file and licence, reference, coverage per cancer type')
    .addOption(new Option('--format <format>', 'text, or tsv (one row per column; with --column, one row per cancer type)').choices(['text', 'tsv']).default('text'))
    .addHelpText('after', EXAMPLES)
    .action((name: string, o: { column?: string; format: 'text' | 'tsv' }) => {
      const table = builtInTable(name);
      if (o.column !== undefined && !table.columns.some((c) => c.name === o.column)) throw unknownColumn(table, o.column);
      const loaded = load(table);
      if (o.column !== undefined) {
        process.stdout.write(o.format === 'tsv' ? coverageTsv(loaded, o.column) : columnReport(loaded, o.column));
      } else {
        process.stdout.write(o.format === 'tsv' ? columnsTsv(loaded) : showTableText(loaded));
      }
    }));

  return cmd;
}

function unknownColumn(table: BuiltInTable, column: string): UsageError {
  const lower = column.toLowerCase();
  const folded = table.columns.filter((c) => c.name.toLowerCase() === lower);
  const near = (folded.length > 0 ? folded : table.columns.filter((c) => lower.length >= 3 && c.name.toLowerCase().includes(lower))).map((c) => `"${c.name}"`);
  const hint = near.length > 0 && near.length <= 8 ? ` Did you mean ${near.join(' or ')}?` : '';
  return new UsageError(`--column: the built-in table ${table.name} has no column "${column}".${hint} Its columns are: ${table.columns.map((c) => c.name).join(', ')}.`);
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c]))).join('  ').trimEnd()).join('\n') + '\n';
}

function formatList(tables: LoadedTable[], format: 'text' | 'tsv'): string {
  if (format === 'tsv') {
    return toTsv(['name', 'rows', 'patients', 'cancer_types', 'columns', 'options', 'description'],
      tables.map((t) => [t.doc.name, t.summary.rows, t.summary.patients, t.summary.cancerTypes.length, t.summary.columns, t.doc.options.join(','), t.doc.description]));
  }
  const rows = [['name', 'rows', 'patients', 'cancer types', 'columns', 'description'],
    ...tables.map((t) => [t.doc.name, formatCount(t.summary.rows), formatCount(t.summary.patients), String(t.summary.cancerTypes.length), String(t.summary.columns), t.doc.description])];
  const uses = tables.map((t) => `${t.doc.options.map((o) => `${o} ${t.doc.name}`).join(' or ')}`).join('; ');
  return pad(rows) + `\nUse a table by its name (${uses}). \`migrascore data show NAME\` lists its columns and whom to cite.\n`;
}

function columnsTsv(t: LoadedTable): string {
  const refs = new Map(t.doc.citations.map((c) => [c.key, c]));
  const origins = new Map(t.doc.origins.map((o) => [o.key, o]));
  const groups = new Map(t.doc.groups.map((g) => [g.key, g.title]));
  return toTsv(['column', 'group', 'type', 'n', 'unit', 'meaning', 'cite', 'doi', 'source_file', 'licence'],
    t.doc.columns.map((c) => {
      const s = summariseColumn(t.data, c.name);
      const origin = c.origin ? origins.get(c.origin) : undefined;
      return [c.name, groups.get(c.group) ?? c.group, s.type, s.n, c.unit, c.meaning,
        c.cite.map((k) => refs.get(k)?.short ?? k).join('; '), c.cite.map((k) => refs.get(k)?.doi ?? '').join('; '),
        origin?.file ?? '', origin?.licence ?? ''];
    }));
}

function coverageTsv(t: LoadedTable, column: string): string {
  return toTsv(['cancer', 'rows', 'n'], coverageByCancer(t.data, column, t.doc.cancerColumn).map((c) => [c.cancer, c.rows, c.n]));
}
