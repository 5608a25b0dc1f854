// Mid-ranks with the tie summary the rank tests need, as R's rank(x) (ties.method =
// "average") followed by table(r): Wilcoxon, Kruskal–Wallis and Spearman share it.

export interface Ranked {
  /** R rank(x): 1-based, ties get the mean of their positions. */
  ranks: Float64Array;
  /** Σ (t³ − t) over groups of t tied values (R: sum(NTIES^3 - NTIES)). */
  tieSum: number;
  /** Some values are tied (R: length(r) != length(unique(r))). */
  ties: boolean;
}

/** Average ranks of finite values (callers drop missing values first, as R's tests do). */
export function rankWithTies(values: ArrayLike<number>): Ranked {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  let tieSum = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[order[j]] === values[order[i]]) j++;
    const t = j - i;
    const r = (i + 1 + j) / 2; // positions i+1..j
    for (let k = i; k < j; k++) ranks[order[k]] = r;
    if (t > 1) tieSum += t * t * t - t;
    i = j;
  }
  return { ranks, tieSum, ties: tieSum > 0 };
}
