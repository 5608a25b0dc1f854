// The text of `migrascore data show NAME [--column COL]`: a reference sheet of a built-in
// table (columns by group, whom to cite for which columns, source files and licences).
import { basename, dirname, join } from 'node:path';
import { formatCount, formatSignificant } from '../format/numbers.js';
import type { DelimitedTable } from '../io/delimited.js';
import { citationsForColumns, columnDoc, type BuiltInTable, type ColumnDoc } from '../tcga/builtInTables.js';
import { coverageByCancer, summariseColumn, type ColumnSummary, type TableSummary } from '../tcga/tableSummary.js';

export interface LoadedTable {
  doc: BuiltInTable;
  data: DelimitedTable;
  summary: TableSummary;
}

const WIDTH = 100;

/** Words wrapped to WIDTH, every line starting with `indent` (the first with `first`). */
function wrap(text: string, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Column names with a group's columns shortened to its pattern when all are present. */
function compactColumns(doc: BuiltInTable, columns: string[]): string {
  const present = new Set(columns);
  const out: string[] = [];
  const done = new Set<string>();
  for (const name of columns) {
    if (done.has(name)) continue;
    const group = doc.groups.find((g) => g.pattern && g.key === columnDoc(doc, name)?.group);
    const members = group ? doc.columns.filter((c) => c.group === group.key).map((c) => c.name) : [];
    if (group && members.every((m) => present.has(m))) {
      out.push(`${group.pattern} (${members.length})`);
      for (const m of members) done.add(m);
    } else {
      out.push(name);
      done.add(name);
    }
  }
  return out.join(', ');
}

function values(s: ColumnSummary, rows: number): string {
  const n = `${formatCount(s.n)} of ${formatCount(rows)} rows`;
  if (s.type === 'empty') return `no values (${n})`;
  if (s.type === 'numeric') return `numeric, ${n}; min ${formatSignificant(s.min)}, median ${formatSignificant(s.median)}, max ${formatSignificant(s.max)}`;
  const levels = s.levels!;
  const shown = levels.slice(0, 12).map(([l, k]) => `${l} ${formatCount(k)}`).join('; ');
  return `categorical, ${n}, ${levels.length} level${levels.length === 1 ? '' : 's'}: ${shown}${levels.length > 12 ? '; …' : ''}`;
}

function sameCite(columns: ColumnDoc[]): boolean {
  return columns.every((c) => c.cite.join() === columns[0].cite.join());
}

export function showTableText(t: LoadedTable): string {
  const { doc, summary } = t;
  const refs = new Map(doc.citations.map((c) => [c.key, c]));
  const short = (keys: string[]) => keys.map((k) => refs.get(k)?.short ?? k).join('; ');
  const out: string[] = [
    `${doc.name} (built in): ${doc.description}`,
    `File:    ${doc.path}`,
    ...wrap(`${formatCount(summary.rows)} (${formatCount(summary.patients)} patients), ${summary.columns} columns, ` +
      `${summary.cancerTypes.length} cancer types: ${summary.cancerTypes.join(', ')}`, ' '.repeat(9), 'Rows:    '),
    `Keys:    ID column ${doc.idColumn}, cancer column ${doc.cancerColumn}${doc.sampleColumn ? `, sample column ${doc.sampleColumn}` : ''}`,
    `Use:     ${doc.options.map((o) => `${o} ${doc.name}`).join(' or ')}`,
    '',
    ...wrap(doc.summary, ''),
    '',
    `Columns (n = rows with a value; numeric when every value is a number, as associate reads them):`,
  ];
  for (const group of doc.groups) {
    const cols = doc.columns.filter((c) => c.group === group.key);
    if (cols.length === 0) continue;
    const groupCite = sameCite(cols) && cols[0].cite.length > 0;
    out.push('', `${group.title}${groupCite ? ` (cite ${short(cols[0].cite)})` : ''}`);
    if (group.note) out.push(...wrap(group.note, '  '));
    const width = Math.max(...cols.map((c) => c.name.length));
    for (const c of cols) {
      const s = summariseColumn(t.data, c.name);
      out.push(`  ${c.name.padEnd(width)}  ${s.type.padEnd(11)}  n ${formatCount(s.n).padStart(6)}  ${c.unit}`);
      out.push(...wrap(c.meaning, '      '));
      if (!groupCite && c.cite.length > 0) out.push(`      cite: ${short(c.cite)}`);
    }
  }
  out.push('', 'Whom to cite (the publications of the columns you analyse):');
  for (const { citation, columns } of citationsForColumns(doc, doc.columns.map((c) => c.name))) {
    out.push(...wrap(`${citation.short}${citation.role ? `, ${citation.role}` : ''}: ${compactColumns(doc, columns)}`, '      ', '  '));
    out.push(...wrap(`${citation.text} doi:${citation.doi}`, '      ', '    '));
  }
  if (doc.origins.length > 0) {
    out.push('', 'Source files (pinned; repository licence in brackets):');
    for (const o of doc.origins) {
      const cols = doc.columns.filter((c) => c.origin === o.key).map((c) => c.name);
      out.push(...wrap(`${compactColumns(doc, cols)} [${o.licence}]`, '      ', '  '));
      out.push(...wrap(o.file, '      ', '    '));
    }
  }
  out.push('', 'Licences:');
  for (const note of doc.licenceNotes) out.push(...wrap(note, '    ', '  - '));
  if (doc.caveats.length > 0) {
    out.push('', 'Caveats:');
    for (const note of doc.caveats) out.push(...wrap(note, '    ', '  - '));
  }
  out.push('', `Full provenance: ${join(dirname(doc.path), basename(doc.provenance))}`);
  return out.join('\n') + '\n';
}

export function columnReport(t: LoadedTable, column: string): string {
  const { doc } = t;
  const c = columnDoc(doc, column)!;
  const s = summariseColumn(t.data, column);
  const origin = doc.origins.find((o) => o.key === c.origin);
  const group = doc.groups.find((g) => g.key === c.group);
  const label = (name: string) => `${name}:`.padEnd(9);
  const out = [
    `${doc.name}: ${column}`,
    ...wrap(c.meaning, ' '.repeat(9), label('Meaning')),
    `${label('Unit')}${c.unit}`,
    `${label('Group')}${group?.title ?? c.group}`,
    ...wrap(values(s, t.summary.rows), ' '.repeat(9), label('Values')),
  ];
  if (group?.note) out.push(...wrap(group.note, ' '.repeat(9), label('Note')));
  if (origin) out.push(...wrap(`${origin.file}. Repository licence: ${origin.licence}.`, ' '.repeat(9), label('Source')));
  const refs = new Map(doc.citations.map((r) => [r.key, r]));
  for (const [i, citation] of c.cite.map((k) => refs.get(k)!).entries()) {
    out.push(...wrap(`${citation.text} doi:${citation.doi}${citation.role ? ` (${citation.role})` : ''}`, ' '.repeat(9), label(i === 0 ? 'Cite' : '')));
  }
  out.push('', `Rows with a value per cancer type (${doc.cancerColumn}):`);
  const coverage = coverageByCancer(t.data, column, doc.cancerColumn);
  const width = Math.max(...coverage.map((k) => k.cancer.length));
  for (const k of coverage) out.push(`  ${k.cancer.padEnd(width)}  ${formatCount(k.n).padStart(6)} / ${formatCount(k.rows)}`);
  return out.join('\n') + '\n';
}
