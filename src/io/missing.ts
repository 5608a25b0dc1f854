// The contract's missing-value tokens, including TCGA's bracketed ones (case-insensitive).
const MISSING = new Set([
  '', 'na', 'nan', 'null', 'n/a', '#n/a', '.',
  '[not available]', '[not applicable]', '[unknown]', '[discrepancy]', '[not evaluated]',
]);

export function isMissingToken(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}
