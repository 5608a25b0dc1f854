// Hints for a gene that matched no row: row IDs equal to it after ignoring case, spaces
// and a trailing version (`tspan4` → TSPAN4, `Tspan4` in a mouse matrix, `TSPAN4 `
// pasted with a space, `ENSG….3` against `ENSG….12`). Only a hint: resolution stays
// exact, as R's match() is, so nothing suggested here is ever scored.
import { idParts } from './identifiers.js';

const MAX_HINTS = 3;

/** Upper case, no whitespace or quotes, no `.N` version suffix. */
export function nearKey(id: string): string {
  return id.normalize('NFKC').replace(/[\s"'\u00a0]+/g, '').toUpperCase().replace(/\.\d+$/, '');
}

export interface NearMatchIndex {
  /** Row IDs (at most 3) that differ from `gene` only in case, spaces or a version. */
  suggest(gene: string): string[];
}

export function nearMatchIndex(rowIds: readonly string[]): NearMatchIndex {
  let byKey: Map<string, string[]> | undefined;
  const add = (key: string, id: string) => {
    if (key === '') return;
    const list = byKey!.get(key);
    if (list === undefined) byKey!.set(key, [id]);
    else if (list.length < MAX_HINTS && !list.includes(id)) list.push(id);
  };
  // Built on the first missing gene only: most runs never need it.
  const build = () => {
    byKey = new Map();
    for (const id of rowIds) {
      add(nearKey(id), id);
      if (id.includes('|')) {
        const p = idParts(id);
        if (p.symbol !== undefined) add(nearKey(p.symbol), id);
      }
    }
  };
  return {
    suggest(gene: string): string[] {
      if (byKey === undefined) build();
      const key = nearKey(gene);
      const parts = gene.includes('|') ? idParts(gene) : undefined;
      const hits = [...(byKey!.get(key) ?? []), ...(parts?.symbol !== undefined ? byKey!.get(nearKey(parts.symbol)) ?? [] : [])];
      return [...new Set(hits)].filter((id) => id !== gene).slice(0, MAX_HINTS);
    },
  };
}

/** True for row IDs that could be a near match of some set gene (to keep their IDs for hints when rows are skipped). */
export function nearMatchFilter(genes: Iterable<string>): (rowId: string) => boolean {
  const keys = new Set<string>();
  for (const g of genes) {
    keys.add(nearKey(g));
    if (g.includes('|')) {
      const p = idParts(g);
      if (p.symbol !== undefined) keys.add(nearKey(p.symbol));
    }
  }
  return (rowId) => {
    if (keys.has(nearKey(rowId))) return true;
    if (!rowId.includes('|')) return false;
    const p = idParts(rowId);
    return p.symbol !== undefined && keys.has(nearKey(p.symbol));
  };
}
