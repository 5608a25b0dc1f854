// Harrell's concordance of a risk score with right-censored survival, and its
// standard error, as survival 3.5 concordancefit() computes it for coxph /
// summary.coxph (R/concordance.R, src/concordance3.c), unweighted, one stratum,
// timewt = "n"; and Uno's C, timewt = "n/G2" (Uno et al. 2011, Stat Med 30:1105):
// each event time's pairs weighted by 1/Ĝ(t−)², Ĝ the censoring Kaplan–Meier as
// survival's fastkm1 computes it (./censoringKm.ts).
import { censoringBefore, censoringKaplanMeier } from './censoringKm.js';
import { fixTiedTimes } from './timefix.js';

export interface Concordance {
  /** The concordance C (ties in the predictor count 1/2). NaN without events. */
  c: number;
  /** sqrt of concordancefit's infinitesimal-jackknife variance. */
  se: number;
  /** Pair counts as in coxph's fit$concordance (after the reverse flip). */
  counts: { concordant: number; discordant: number; tiedX: number; tiedY: number; tiedXY: number };
}

/** A Fenwick tree of counts over ranks 0..m-1. */
class RankCounts {
  private readonly tree: Float64Array;
  private readonly node: Float64Array;
  total = 0;
  constructor(m: number) {
    this.tree = new Float64Array(m + 1);
    this.node = new Float64Array(m);
  }
  add(rank: number, weight = 1): void {
    this.node[rank] += weight;
    this.total += weight;
    for (let i = rank + 1; i < this.tree.length; i += i & -i) this.tree[i] += weight;
  }
  /** Count at ranks below `rank`. */
  below(rank: number): number {
    let s = 0;
    for (let i = rank; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }
  /** Count at exactly `rank`. */
  at(rank: number): number {
    return this.node[rank];
  }
}

/**
 * Concordance of `predictor` with survival (R: concordance / concordancefit, as
 * coxph stores it and summary.coxph prints C and se(C)). A pair is comparable when
 * the shorter time is an event; censored-at-the-same-time subjects count as still at
 * risk, tied event times are not compared. With `reverse` (the default, coxph's
 * choice for a linear predictor) a higher predictor should mean a shorter survival.
 * O(n log n): Fenwick trees over the ranked predictor replace R's balanced tree.
 */
export function concordance(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  predictor: ArrayLike<number>,
  options: { reverse?: boolean; timewt?: 'n' | 'n/G2' } = {},
): Concordance {
  const reverse = options.reverse ?? true;
  const n = time.length;
  if (event.length !== n || predictor.length !== n) {
    throw new Error('concordance: time, event and predictor must have the same length');
  }
  const y = fixTiedTimes(time);
  const status = new Uint8Array(n);
  const byValue = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    status[i] = event[i] ? 1 : 0;
    byValue[i] = i;
  }

  // Dense ranks of the predictor: equal values share a rank (tied.x).
  byValue.sort((a, b) => predictor[a] - predictor[b]);
  const rank = new Int32Array(n);
  let nranks = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && predictor[byValue[k]] !== predictor[byValue[k - 1]]) nranks++;
    rank[byValue[k]] = nranks;
  }
  nranks = n > 0 ? nranks + 1 : 0;

  const timeWeight = eventTimeWeights(y, status, options.timewt ?? 'n');

  // Reverse time, censored before events at a tied time (R: order(-time, status, x)).
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(
    (a, b) => y[b] - y[a] || status[a] - status[b] || rank[a] - rank[b] || a - b,
  );

  const atRisk = new RankCounts(nranks); // everyone with a later time
  const deaths = new RankCounts(nranks); // events already passed
  // Per subject: pairs it is in that are concordant / discordant / tied on x.
  const inf0 = new Float64Array(n);
  const inf1 = new Float64Array(n);
  const inf2 = new Float64Array(n);
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  let tiedXY = 0;

  // A subject's pairs with earlier events are those events added to `deaths` after
  // it joined the risk set: subtract the event counts now, add the final ones at the end.
  const enter = (i: number) => {
    const less = deaths.below(rank[i]);
    const tied = deaths.at(rank[i]);
    inf0[i] -= less;
    inf1[i] -= deaths.total - less - tied;
    inf2[i] -= tied;
  };

  for (let k = 0; k < n; ) {
    const i = order[k];
    if (status[i] === 0) {
      enter(i);
      atRisk.add(rank[i]);
      k++;
      continue;
    }
    let end = k;
    while (end < n && status[order[end]] === 1 && y[order[end]] === y[i]) end++;
    const w = timeWeight(y[i]);
    // Deaths at one time are sorted by rank, so equal predictors form runs.
    let run = 0;
    for (let j = k; j < end; j++) {
      const d = order[j];
      const less = atRisk.below(rank[d]);
      const tied = atRisk.at(rank[d]);
      const greater = atRisk.total - less - tied;
      concordant += w * greater;
      discordant += w * less;
      tiedX += w * tied;
      inf0[d] += w * greater;
      inf1[d] += w * less;
      inf2[d] += w * tied;
      tiedY += w * (j - k);
      run = j > k && rank[d] === rank[order[j - 1]] ? run + 1 : 0;
      tiedXY += w * run;
      deaths.add(rank[d], w);
    }
    for (let j = k; j < end; j++) {
      enter(order[j]);
      atRisk.add(rank[order[j]]);
    }
    k = end;
  }
  tiedY -= tiedXY;
  for (let i = 0; i < n; i++) {
    const less = deaths.below(rank[i]);
    const tied = deaths.at(rank[i]);
    inf0[i] += less;
    inf1[i] += deaths.total - less - tied;
    inf2[i] += tied;
  }

  const npair = concordant + discordant + tiedX;
  const somer = (concordant - discordant) / npair;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const dfbeta = (inf0[i] - inf1[i]) / npair - (somer / npair) * (inf0[i] + inf1[i] + inf2[i]);
    variance += dfbeta * dfbeta;
  }
  variance /= 4;
  const c = (somer + 1) / 2;
  return {
    c: reverse ? 1 - c : c,
    se: Math.sqrt(variance),
    counts: {
      concordant: reverse ? discordant : concordant,
      discordant: reverse ? concordant : discordant,
      tiedX,
      tiedY,
      tiedXY,
    },
  };
}

/**
 * The weight of the pairs at each event time: 1 (timewt "n"), or 1/Ĝ(t−)² ("n/G2"), as
 * concordancefit, which falls back to "n" with fewer than two events.
 */
function eventTimeWeights(y: Float64Array, status: Uint8Array, timewt: 'n' | 'n/G2'): (t: number) => number {
  let events = 0;
  for (const s of status) events += s;
  if (timewt === 'n' || events < 2) return () => 1;
  const g = censoringKaplanMeier(y, status);
  const weight = new Map<number, number>();
  g.times.forEach((t, k) => weight.set(t, 1 / censoringBefore(g, k) ** 2));
  return (t) => weight.get(t)!;
}
