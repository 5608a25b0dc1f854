// Row selection on columnar data (typed arrays and plain arrays alike).
import type { DesignTerm } from '../survival/design.js';

type Indexable<T> = { readonly length: number; readonly [i: number]: T };

export function pickNumbers(values: Indexable<number>, rows: Indexable<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

export function pickItems<T>(values: Indexable<T>, rows: Indexable<number>): T[] {
  const out: T[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/** Indices i where keep(i) holds. */
export function rowsWhere(n: number, keep: (i: number) => boolean): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) idx.push(i);
  return Int32Array.from(idx);
}

/** The same rows of every model term. */
export function pickTerms(terms: readonly DesignTerm[], rows: Indexable<number>): DesignTerm[] {
  return terms.map((t) => (t.kind === 'numeric' ? { ...t, values: pickNumbers(t.values, rows) } : { ...t, values: pickItems(t.values, rows) }));
}
