// Compares migrascore outputs with R's expected outputs using the reference
// tolerances (relative 1e-6, p-values 1e-4, absolute 1e-9), matching list items by key.
const P_KEYS = new Set(['p', 'p_adjusted', 'logrank_p', 'fdr', 'p_continuous', 'fdr_continuous']);
const LIST_KEYS: Record<string, string[]> = { groups: ['group'], terms: ['term'], ph_test: ['term'], at_times: ['group', 'time'], time_roc: ['time'] };
const SKIP = new Set(['conf_type', 'expected_join', 'ties', 'p_method', 'method']);

export function closeEnough(actual: unknown, expected: unknown, key: string): boolean {
  if (expected === null || actual === null || actual === undefined) return expected === null && (actual === null || actual === undefined);
  if (typeof expected === 'string' || typeof actual === 'string') return String(actual) === String(expected);
  const a = Number(actual);
  const b = Number(expected);
  if (Number.isNaN(b)) return Number.isNaN(a);
  // As the shared runner: p-values (and FDRs) relative to 1e-4 all the way down, others 1e-6 + 1e-9.
  const pValue = P_KEYS.has(key) || key.startsWith('p_') || key.startsWith('fdr') || key.endsWith('_p') || key.endsWith('_fdr');
  return Math.abs(a - b) <= (pValue ? 1e-300 + 1e-4 * Math.abs(b) : 1e-9 + 1e-6 * Math.abs(b));
}

/** Every difference between R's expected JSON and ours, as readable paths. */
export function jsonDifferences(expected: unknown, actual: unknown, path = 'summary', errs: string[] = []): string[] {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object') { errs.push(`${path}: expected an object`); return errs; }
    for (const [k, v] of Object.entries(expected)) {
      if (SKIP.has(k)) continue;
      const act = (actual as Record<string, unknown>)[k];
      if (act === undefined) { errs.push(`${path}.${k}: missing`); continue; }
      if (LIST_KEYS[k] && Array.isArray(v)) {
        const id = (x: Record<string, unknown>) => LIST_KEYS[k].map((f) => String(x[f])).join('/');
        const index = new Map((act as Record<string, unknown>[]).map((x) => [id(x), x]));
        for (const item of v as Record<string, unknown>[]) {
          const match = index.get(id(item));
          if (!match) errs.push(`${path}.${k}[${id(item)}]: missing`);
          else jsonDifferences(item, match, `${path}.${k}[${id(item)}]`, errs);
        }
      } else jsonDifferences(v, act, `${path}.${k}`, errs);
    }
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) { errs.push(`${path}: expected ${expected.length} items`); return errs; }
    expected.forEach((e, i) => jsonDifferences(e, actual[i], `${path}[${i}]`, errs));
  } else if (!closeEnough(actual, expected, path.split('.').pop()!.replace(/\[.*$/, ''))) {
    errs.push(`${path}: expected ${expected}, got ${actual}`);
  }
  return errs;
}

/** Row-by-row comparison of two TSV tables keyed by the given columns (`subset`: R's rows are a sample of ours). */
export function tableDifferences(expected: Record<string, string>[], actual: Record<string, string>[], keys: string[], name: string, subset = false): string[] {
  const errs: string[] = [];
  const numOrText = (v: string | undefined) => (v === undefined || v === '' || v === 'NA' ? 'null' : Number.isNaN(Number(v)) ? v : String(Number(v)));
  const id = (r: Record<string, string>) => keys.map((k) => numOrText(r[k])).join('/');
  const index = new Map(actual.map((r) => [id(r), r]));
  if (!subset && expected.length !== actual.length) errs.push(`${name}: expected ${expected.length} rows, got ${actual.length}`);
  for (const r of expected) {
    const a = index.get(id(r));
    if (!a) { errs.push(`${name}: row ${id(r)} missing`); continue; }
    for (const [col, v] of Object.entries(r)) {
      if (keys.includes(col)) continue;
      const cell = (x: string | undefined) => (x === undefined || x === 'NA' || x === '' || x === 'NaN' || x === 'null' ? null : Number.isNaN(Number(x)) ? x : Number(x));
      const av = cell(a[col]);
      const ev = cell(v);
      if (!closeEnough(av, ev, col)) errs.push(`${name} ${id(r)} ${col}: expected ${v}, got ${a[col]}`);
    }
  }
  return errs;
}
