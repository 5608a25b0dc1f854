#!/usr/bin/env node
// Derives data/gene-ids.tsv.gz (the bundled identifier table used to resolve gene-set
// genes against expression-matrix row IDs) from the org.Hs.eg.db 3.16 export
// human-gene-ids.tsv.gz (columns symbol, entrez, ensembl, aliases, type).
//
//   node scripts/build-gene-ids.js SOURCE.tsv.gz [OUT.tsv.gz]
//
// What it keeps and why (see data/README.md):
//   - columns entrez, symbol, ensembl, aliases (what resolution needs); `type` is
//     dropped except as the reason for dropping rows;
//   - every gene except
//       * NCBI "biological-region" records (enhancers, fragile sites, LOC regions: no
//         Ensembl gene, never a row of an expression matrix), and
//       * records that carry nothing but their Entrez ID: symbol "LOC<entrez>", no
//         Ensembl ID, no alias. The resolver derives them (src/genes/identifiers.ts:
//         a name LOC<n> that is no symbol or alias in the table means Entrez n), so
//         dropping them loses nothing. A LOC record whose symbol is also another
//         gene's alias is kept, so that rule never changes a name's meaning;
//   - aliases de-duplicated, without the gene's own symbol, in source order;
//   - Ensembl IDs de-duplicated, in source order.
// The output is deterministic (gzip level 9, no timestamp). A summary, including every
// name whose meaning changes because a biological-region record was dropped, goes to
// stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DROPPED_TYPES = new Set(['biological-region']);
const COLUMNS = ['entrez', 'symbol', 'ensembl', 'aliases'];

function fail(message) {
  process.stderr.write(`build-gene-ids: ${message}\n`);
  process.exit(1);
}

const [source, outArg] = process.argv.slice(2);
if (!source) fail('usage: node scripts/build-gene-ids.js SOURCE.tsv.gz [OUT.tsv.gz]  (SOURCE: the org.Hs.eg.db 3.16 export human-gene-ids.tsv.gz)');
const out = outArg ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'gene-ids.tsv.gz');

let bytes;
try {
  bytes = readFileSync(source);
} catch (e) {
  fail(`cannot read ${source}: ${e.message}`);
}
if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
const header = lines[0].split('\t');
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) fail(`${source}: no column "${name}" in the header (${header.join(', ')})`);
  return i;
};
const [iSymbol, iEntrez, iEnsembl, iAliases, iType] = ['symbol', 'entrez', 'ensembl', 'aliases', 'type'].map(col);

const split = (s) => (s ? s.split(';').map((x) => x.trim()).filter((x) => x.length > 0) : []);
const unique = (xs) => [...new Set(xs)];

const kept = [];
const dropped = [];
const typeCounts = {};
for (let n = 1; n < lines.length; n++) {
  const f = lines[n].split('\t');
  const gene = {
    entrez: f[iEntrez].trim(),
    symbol: f[iSymbol].trim(),
    ensembl: unique(split(f[iEnsembl])),
    aliases: [],
    type: f[iType].trim(),
  };
  if (!/^\d+$/.test(gene.entrez)) fail(`${source}, line ${n + 1}: Entrez ID "${gene.entrez}" is not a number`);
  gene.aliases = unique(split(f[iAliases])).filter((a) => a !== gene.symbol);
  typeCounts[gene.type] = (typeCounts[gene.type] ?? 0) + 1;
  (DROPPED_TYPES.has(gene.type) ? dropped : kept).push(gene);
}

// LOC<entrez> records with no other information, unless their symbol is also an alias
// of a kept gene (then the table must say it is a current symbol).
const aliasNames = new Set(kept.flatMap((g) => g.aliases));
const derivable = (g) => g.symbol === `LOC${g.entrez}` && g.ensembl.length === 0 && g.aliases.length === 0 && !aliasNames.has(g.symbol);
const locOnly = kept.filter(derivable).length;
kept.splice(0, kept.length, ...kept.filter((g) => !derivable(g)));
kept.sort((a, b) => Number(a.entrez) - Number(b.entrez));

// Names (symbol or alias) of dropped records that are also names of kept genes: their
// resolution can differ from the full table. Listed so the choice stays visible.
const keptNames = new Map();
for (const g of kept) for (const name of [g.symbol, ...g.aliases]) keptNames.set(name, [...(keptNames.get(name) ?? []), g.symbol]);
const changed = [];
for (const g of dropped) {
  for (const name of [g.symbol, ...g.aliases]) {
    if (keptNames.has(name)) changed.push(`${name} (${g.symbol === name ? 'symbol' : 'alias'} of dropped ${g.symbol}/${g.entrez}; kept: ${unique(keptNames.get(name)).join(', ')})`);
  }
}

const text = [COLUMNS.join('\t'), ...kept.map((g) => [g.entrez, g.symbol, g.ensembl.join(';'), g.aliases.join(';')].join('\t'))].join('\n') + '\n';
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
writeFileSync(out, gz);

const aliasCount = kept.reduce((s, g) => s + g.aliases.length, 0);
const ensemblCount = kept.reduce((s, g) => s + g.ensembl.length, 0);
process.stderr.write(
  [
    `build-gene-ids: read ${lines.length - 1} genes from ${source}`,
    `  types: ${Object.entries(typeCounts).sort((a, b) => b[1] - a[1]).map(([t, c]) => `${t} ${c}`).join(', ')}`,
    `  dropped ${dropped.length} (${[...DROPPED_TYPES].join(', ')}) and ${locOnly} LOC<entrez> records with no Ensembl ID or alias`,
    `  kept ${kept.length} genes, ${ensemblCount} Ensembl IDs, ${aliasCount} aliases`,
    `  names shared with dropped records (${changed.length}): ${changed.join('; ')}`,
    `  wrote ${out}: ${text.length} bytes uncompressed, ${gz.length} bytes gzip`,
  ].join('\n') + '\n',
);
