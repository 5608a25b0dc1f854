// Escaping and number formatting of the report: every text of the model goes through
// escapeHtml; numbers print as everywhere else (format/numbers.ts).


/** Text for HTML content and (quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** "2024-05-01T12:34:56.789Z" → "2024-05-01 12:34 UTC"; anything unparseable as given. */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}
