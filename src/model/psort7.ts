// The sort glmnet 4.1-6 orders Cox rows with (its Fortran psort7): R. C. Singleton's
// modified Hoare quicksort, CACM Algorithm 347 (1969) — median of three, segments of
// 11 or fewer finished by insertion. It is not stable, and glmnet's risk sets depend on
// where it leaves a censoring tied with an event (one sorted before the event leaves
// that event's risk set), so the exact sequence of swaps is what is reproduced here.

/** Reorders `a` (row indices) so that v[a[0]] ≤ v[a[1]] ≤ …, exactly as psort7(v, a, 1, n). */
export function psort7(v: ArrayLike<number>, a: Int32Array): void {
  const n = a.length;
  if (n < 2) return;
  // 1-based positions as the algorithm is written; A[0] is never read.
  const A = new Int32Array(n + 1);
  A.set(a, 1);
  const il: number[] = [];
  const iu: number[] = [];
  let m = 0;
  let i = 1;
  let j = n;
  let segment = i < j; // label 10: a segment to split
  for (;;) {
    if (segment) {
      // label 20: median of three at i, (i+j)/2, j
      let k = i;
      const ij = (i + j) >> 1;
      let t = A[ij];
      let vt = v[t];
      if (v[A[i]] > vt) { A[ij] = A[i]; A[i] = t; t = A[ij]; vt = v[t]; }
      let l = j;
      if (v[A[j]] < vt) {
        A[ij] = A[j]; A[j] = t; t = A[ij]; vt = v[t];
        if (v[A[i]] > vt) { A[ij] = A[i]; A[i] = t; t = A[ij]; vt = v[t]; }
      }
      let tt = 0;
      let first = true;
      for (;;) {
        if (!first) { A[l] = A[k]; A[k] = tt; }
        first = false;
        do l--; while (v[A[l]] > vt);
        tt = A[l];
        do k++; while (v[A[k]] < vt);
        if (k > l) break;
      }
      // push the larger part, go on with the smaller
      if (l - i <= j - k) { il[m] = k; iu[m] = j; j = l; } else { il[m] = i; iu[m] = l; i = k; }
      m++;
    } else {
      // label 80: pop a segment
      if (m === 0) break;
      m--;
      i = il[m];
      j = iu[m];
    }
    // label 90
    if (j - i > 10) { segment = true; continue; }
    if (i === 1) { segment = i < j; continue; }
    // insertion sort of a short segment (the element before it is a sentinel)
    for (let s = i; s < j; s++) {
      const t = A[s + 1];
      const vt = v[t];
      if (v[A[s]] <= vt) continue;
      let k = s;
      do { A[k + 1] = A[k]; k--; } while (vt < v[A[k]]);
      A[k + 1] = t;
    }
    segment = false;
  }
  a.set(A.subarray(1));
}
