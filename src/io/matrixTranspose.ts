// `--transpose`: a matrix written with samples in rows and genes across the header
// (Python/pandas and many spreadsheets write it so), read by the ordinary streaming
// reader as samples × genes and turned here into the genes × samples matrix every
// method expects. The rules of the ordinary layout apply to genes, now columns: a gene
// with a missing or infinite cell is dropped and reported (its column instead of a
// line), repeated gene columns are averaged as limma::avereps does, and sample IDs
// (now the first column) must be unique.
import { MigrascoreError } from '../errors.js';
import { blockMatrix, newBlock } from '../matrix/blockMatrix.js';
import { printable } from './fileKind.js';
import type { DroppedRow, LoadedMatrix } from './loadedMatrix.js';

const clip = (s: string) => printable(s.length > 60 ? `${s.slice(0, 57)}...` : s);

export function transposeLoaded(m: LoadedMatrix, options: { keepRow?: (id: string) => boolean; hintRow?: (id: string) => boolean; rowsPerBlock: number }): LoadedMatrix {
  if (m.duplicates.length > 0) {
    const d = m.duplicates[0];
    throw new MigrascoreError(
      `Expression matrix ${m.path} (read with --transpose, samples in rows): sample IDs must be unique, but "${clip(d.id)}" is on ${d.count} lines` +
        `${m.duplicates.length > 1 ? ` (and ${m.duplicates.length - 1} more IDs repeat)` : ''}. Rename or remove the repeated rows.`,
    );
  }
  const S = m.nRows; // samples
  const G = m.nSamples; // gene columns
  const samples = m.rowIds.slice();
  const dropped: DroppedRow[] = [];
  const order: string[] = [];
  const columnsOf = new Map<string, number[]>();
  const skippedIds: string[] = [];
  const hintIds: string[] = [];
  let skipped = 0;
  for (let j = 0; j < G; j++) {
    const gene = m.samples[j];
    if (options.keepRow && !options.keepRow(gene)) {
      skipped++;
      if (skippedIds.length < 50) skippedIds.push(gene);
      if (options.hintRow && hintIds.length < 1000 && options.hintRow(gene)) hintIds.push(gene);
      continue;
    }
    let missing = 0;
    let nonFinite = 0;
    for (let i = 0; i < S; i++) {
      const v = m.row(i)[j];
      if (v !== v) missing++;
      else if (v === Infinity || v === -Infinity) nonFinite++;
    }
    if (missing > 0 || nonFinite > 0) {
      dropped.push({ id: gene, line: 1, column: j + 2, missing, ...(nonFinite > 0 ? { non_finite: nonFinite } : {}) });
      continue;
    }
    const cols = columnsOf.get(gene);
    if (cols) cols.push(j);
    else { columnsOf.set(gene, [j]); order.push(gene); }
  }
  const rpb = options.rowsPerBlock;
  const blocks: Float64Array[] = [];
  for (let start = 0; start < order.length; start += rpb) {
    const count = Math.min(rpb, order.length - start);
    const block = newBlock(count, S);
    for (let r = 0; r < count; r++) {
      const cols = columnsOf.get(order[start + r])!;
      const off = r * S;
      for (let i = 0; i < S; i++) {
        const row = m.row(i);
        let sum = 0;
        for (const c of cols) sum += row[c];
        block[off + i] = cols.length === 1 ? sum : sum / cols.length;
      }
    }
    blocks.push(block);
  }
  const duplicates = order.filter((g) => columnsOf.get(g)!.length > 1).map((id) => ({ id, count: columnsOf.get(id)!.length }));
  return {
    ...blockMatrix(order, samples, blocks, rpb),
    path: m.path,
    delimiter: m.delimiter,
    idColumn: m.idColumn,
    duplicates,
    droppedMissing: dropped,
    skippedRows: skipped,
    dataRows: m.dataRows,
    secondHeaderLine: m.secondHeaderLine,
    skippedIds,
    hintIds,
    transposed: true,
  };
}
