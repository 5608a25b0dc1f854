// Folder names made from data (cancer types, endpoint names) for pancan's outputs.
// A value such as `../../x` or `A/B` must not leave or nest inside --out, so each
// name becomes a safe slug: letters, digits, `.`, `_`, `-`; no leading dot; nothing
// that looks like one of the run's files (`pancan.tsv`). Names already safe are kept
// as they are (TCGA codes never change); the others are made unique (ignoring case,
// for case-insensitive disks) with -2, -3, …. The mapping goes into pancan.json.
const FILE_LIKE = /\.(tsv|json|svg|png|pdf|html|txt|gz)$/i;
const collator = new Intl.Collator('und');

export function folderSlug(name: string): string {
  let s = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  if (s.length > 80) s = s.slice(0, 80);
  if (s === '') s = '_';
  return FILE_LIKE.test(s) ? `${s}_` : s;
}

/** A unique safe folder for each distinct name; deterministic whatever the order given. */
export function folderNames(names: Iterable<string>): Map<string, string> {
  const distinct = [...new Set(names)].sort(collator.compare);
  const folders = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of distinct) {
    if (folderSlug(name) === name && !taken.has(name.toLowerCase())) {
      folders.set(name, name);
      taken.add(name.toLowerCase());
    }
  }
  for (const name of distinct) {
    if (folders.has(name)) continue;
    const slug = folderSlug(name);
    let folder = slug;
    for (let k = 2; taken.has(folder.toLowerCase()); k++) folder = `${slug}-${k}`;
    folders.set(name, folder);
    taken.add(folder.toLowerCase());
  }
  return folders;
}

/** Where each endpoint's outputs went (pancan.json), when several endpoints get a folder each. */
export function endpointFolders(endpoints: { endpoint: { name: string }; dir: string }[]): { endpoint_folders?: Record<string, string> } {
  return endpoints.length > 1 ? { endpoint_folders: Object.fromEntries(endpoints.map((ep) => [ep.endpoint.name, ep.dir.replace(/\/$/, '')])) } : {};
}
