// Multiple-testing adjustment of p-values.

/**
 * Benjamini–Hochberg (1995) false discovery rate adjustment, as R's
 * p.adjust(p, method = "BH"): sort descending, scale the p-value of rank i
 * by m/i, take the running minimum and cap at 1. NaN (R's NA) entries stay
 * NaN and do not count towards m, as p.adjust's NA handling.
 */
export function benjaminiHochberg(p: ArrayLike<number>): number[] {
  const out = new Array<number>(p.length).fill(NaN);
  const present: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) present.push(i);
  const m = present.length;
  // Descending by p; ties keep input order (R's order(decreasing = TRUE) is
  // stable), which cannot change the result because the running minimum
  // gives tied p-values the same adjusted value.
  present.sort((a, b) => p[b] - p[a] || a - b);
  let running = Infinity;
  for (let r = 0; r < m; r++) {
    const rank = m - r; // rank of this p-value counted from the smallest
    running = Math.min(running, (m / rank) * p[present[r]]);
    out[present[r]] = Math.min(1, running);
  }
  return out;
}
