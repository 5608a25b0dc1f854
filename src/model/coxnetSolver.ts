// One lambda of glmnet 4.1-6's Cox solver (coxnet1's inner loops): strong-rule
// screening, IRLS rounds of cyclic coordinate descent on the standardised columns,
// and the KKT check that ends a lambda. The passes, their order and the convergence
// tests are glmnet's, so that the result stops where glmnet's stops.
//
// Same iterates, less work than the Fortran (results agree to rounding): dot products
// with four partial sums, each residual update fused with the next column's dot
// product, v_j = Σ w x_j² computed only for columns that move, and the linear predictor
// f brought up to date once per IRLS round instead of after every step.
import type { CoxRiskSets } from './riskSets.js';

/** The solver's working state, carried from one lambda to the next (warm starts). */
export interface SolverState {
  n: number;
  p: number;
  /** Standardised columns, column-major. */
  x: Float64Array;
  sets: CoxRiskSets;
  /** Case weight 1/n. */
  q: number;
  /** Event indicator × q, per row. */
  dq: Float64Array;
  /** Σ dq per event-time group. */
  dk: Float64Array;
  /** Linear predictor, e = q·exp(f), IRLS weights w and working residuals wr, per row. */
  f: Float64Array;
  e: Float64Array;
  w: Float64Array;
  wr: Float64Array;
  /** Risk-set sums per group (scratch). */
  u: Float64Array;
  /** Coefficients (standardised scale) and their values at the start of the IRLS round. */
  a: Float64Array;
  as: Float64Array;
  /** v_j = Σ w x_j², valid for this round when vRound[j] === round. */
  v: Float64Array;
  vRound: Int32Array;
  /** Round in which j last moved (for the once-per-round update of f). */
  movedRound: Int32Array;
  moved: Int32Array;
  nMoved: number;
  round: number;
  /** |x_jᵀ wr| as last computed, for the strong rule. */
  ga: Float64Array;
  /** 1 when j is in the strong (working) set; never removed. */
  strong: Uint8Array;
  /** The strong set in column order. */
  strongList: Int32Array;
  nStrong: number;
  /** 1-based entry rank of j in the ever-nonzero set, 0 if never nonzero. */
  entered: Int32Array;
  /** The ever-nonzero columns in order of entry; nin of them. */
  active: Int32Array;
  nin: number;
  passes: number;
  varies: Uint8Array;
  alpha: number;
  cthr: number;
  maxit: number;
}

export type LambdaStatus = 'ok' | 'maxit' | 'numerical';

const FMAX = Math.log(Number.MAX_VALUE * Math.fround(0.1));

/** Fresh solver state over standardised columns x (n × p). */
export function solverState(x: Float64Array, n: number, p: number, sets: CoxRiskSets, dq: Float64Array, dk: Float64Array, varies: Uint8Array, alpha: number, maxit: number): SolverState {
  const q = 1 / n;
  return {
    n, p, x, sets, q, dq, dk,
    f: new Float64Array(n), e: new Float64Array(n).fill(q), w: new Float64Array(n), wr: new Float64Array(n),
    u: new Float64Array(sets.groupEnd.length), a: new Float64Array(p), as: new Float64Array(p),
    v: new Float64Array(p), vRound: new Int32Array(p).fill(-1), movedRound: new Int32Array(p).fill(-1), moved: new Int32Array(p), nMoved: 0, round: 0,
    ga: new Float64Array(p), strong: new Uint8Array(p), strongList: new Int32Array(p), nStrong: 0,
    entered: new Int32Array(p), active: new Int32Array(p), nin: 0, passes: 0,
    varies, alpha, cthr: 0, maxit,
  };
}

/** Σ_i r_i x_{o+i}, with four partial sums. */
export function dot(r: Float64Array, x: Float64Array, o: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += r[i] * x[o + i];
    s1 += r[i + 1] * x[o + i + 1];
    s2 += r[i + 2] * x[o + i + 2];
    s3 += r[i + 3] * x[o + i + 3];
  }
  for (; i < n; i++) s0 += r[i] * x[o + i];
  return s0 + s1 + (s2 + s3);
}

/** wr −= del·w∘x_j (glmnet's order of operations), returning x_kᵀ wr afterwards. */
function residualThenDot(wr: Float64Array, w: Float64Array, x: Float64Array, oj: number, del: number, ok: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = wr[i] - del * w[i] * x[oj + i];
    const r1 = wr[i + 1] - del * w[i + 1] * x[oj + i + 1];
    wr[i] = r0;
    wr[i + 1] = r1;
    s0 += r0 * x[ok + i];
    s1 += r1 * x[ok + i + 1];
  }
  for (; i < n; i++) {
    const r0 = wr[i] - del * w[i] * x[oj + i];
    wr[i] = r0;
    s0 += r0 * x[ok + i];
  }
  return s0 + s1;
}

function residual(wr: Float64Array, w: Float64Array, x: Float64Array, oj: number, del: number, n: number): void {
  for (let i = 0; i < n; i++) wr[i] -= del * w[i] * x[oj + i];
}

function weightedSquares(w: Float64Array, x: Float64Array, o: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const x0 = x[o + i];
    const x1 = x[o + i + 1];
    s0 += w[i] * (x0 * x0);
    s1 += w[i + 1] * (x1 * x1);
  }
  if (i < n) s0 += w[i] * (x[o + i] * x[o + i]);
  return s0 + s1;
}

/**
 * One cyclic pass over `cols` (count m): coordinate steps as glmnet's, returning
 * max v_j Δ_j² (0 if nothing moved).
 */
function pass(st: SolverState, cols: Int32Array, m: number, sa: number, omal: number): number {
  const { n, x, a, v, vRound, w, wr, round } = st;
  let dli = 0;
  let pendingCol = -1;
  let pendingDel = 0;
  for (let t = 0; t < m; t++) {
    const j = cols[t];
    const o = j * n;
    const g = pendingCol >= 0 ? residualThenDot(wr, w, x, pendingCol * n, pendingDel, o, n) : dot(wr, x, o, n);
    pendingCol = -1;
    const aj = a[j];
    if (aj === 0 && Math.abs(g) <= sa) continue;
    if (vRound[j] !== round) {
      v[j] = weightedSquares(w, x, o, n);
      vRound[j] = round;
    }
    const u = aj * v[j] + g;
    const au = Math.abs(u);
    const at = au > sa ? (u >= 0 ? au - sa : -(au - sa)) / (v[j] + omal) : 0;
    if (at === aj) continue;
    const del = at - aj;
    a[j] = at;
    const change = v[j] * (del * del);
    if (change > dli) dli = change;
    pendingCol = j;
    pendingDel = del;
    if (st.movedRound[j] !== round) {
      st.movedRound[j] = round;
      st.as[j] = aj;
      st.moved[st.nMoved++] = j;
    }
    if (st.entered[j] === 0) {
      st.active[st.nin] = j;
      st.nin++;
      st.entered[j] = st.nin;
    }
  }
  if (pendingCol >= 0) residual(wr, w, x, pendingCol * n, pendingDel, n);
  return dli;
}

/** Add column k to the strong set, keeping the list in column order. */
function addStrong(st: SolverState, k: number): void {
  st.strong[k] = 1;
  const list = st.strongList;
  let t = st.nStrong++;
  while (t > 0 && list[t - 1] > k) {
    list[t] = list[t - 1];
    t--;
  }
  list[t] = k;
}

/** Solve at lambda `al` (previous lambda `al0`), updating `st` in place. */
export function coordinateDescent(st: SolverState, al: number, al0: number, outer: (st: SolverState) => boolean): LambdaStatus {
  const { n, p, x, a, as, v, f, e, wr, ga, strong, varies, active } = st;
  const sa = st.alpha * al;
  const omal = (1 - st.alpha) * al;
  const tlam = st.alpha * (2 * al - al0);
  for (let k = 0; k < p; k++) if (!strong[k] && varies[k] && ga[k] > tlam) addStrong(st, k);
  for (;;) {
    if (st.passes > st.maxit) return 'maxit';
    st.round++;
    st.nMoved = 0;
    for (;;) {
      st.passes++;
      let dli = pass(st, st.strongList, st.nStrong, sa, omal);
      if (dli < st.cthr) break;
      if (st.passes > st.maxit) return 'maxit';
      for (;;) {
        st.passes++;
        dli = pass(st, active, st.nin, sa, omal);
        if (dli < st.cthr) break;
        if (st.passes > st.maxit) return 'maxit';
      }
    }
    // f += Σ (a_j − a_j at round start) x_j over the columns that moved.
    let again = false;
    for (let t = 0; t < st.nMoved; t++) {
      const j = st.moved[t];
      const del = a[j] - as[j];
      if (v[j] * (del * del) >= st.cthr) again = true;
      if (del === 0) continue;
      const o = j * n;
      for (let i = 0; i < n; i++) f[i] += del * x[o + i];
    }
    for (let i = 0; i < n; i++) {
      const fi = f[i];
      e[i] = st.q * Math.exp(fi >= 0 ? Math.min(fi, FMAX) : -Math.min(-fi, FMAX));
    }
    if (!outer(st)) return 'numerical';
    if (again) continue;
    for (let k = 0; k < p; k++) {
      if (strong[k] || !varies[k]) continue;
      ga[k] = Math.abs(dot(wr, x, k * n, n));
      if (ga[k] > sa) {
        addStrong(st, k);
        again = true;
      }
    }
    if (!again) return 'ok';
  }
}
