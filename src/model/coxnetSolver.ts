// One lambda of glmnet 4.1-6's Cox solver (coxnet1's inner loops): strong-rule
// screening, IRLS rounds of cyclic coordinate descent on the standardised columns,
// and the KKT check that ends a lambda. The passes, their order and the convergence
// tests are glmnet's, so that the result stops where glmnet's stops.
//
// Same iterates, less work than the Fortran (results agree to rounding): SIMD kernels
// (kernels.ts) with partial sums, each residual update fused with the next column's dot
// product, v_j = Σ w x_j² computed only for columns that move, and the linear predictor
// f brought up to date once per IRLS round instead of after every step.
import { workspace, type Kernels } from './kernels.js';
import type { CoxRiskSets } from './riskSets.js';

/** The solver's working state, carried from one lambda to the next (warm starts). */
export interface SolverState {
  n: number;
  p: number;
  /** Vector kernels and the byte offsets of their operands in the workspace. */
  K: Kernels;
  /** Standardised column j starts at byte xOff + j * colBytes. */
  xOff: number;
  colBytes: number;
  wOff: number;
  wrOff: number;
  fOff: number;
  /** Byte offset of one f64 the fused kernels write v_j to. */
  vOut: number;
  vOutView: Float64Array;
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

/** Fresh solver state over standardised columns x (n × p, column-major), copied into a kernel workspace. */
export function solverState(x: Float64Array, n: number, p: number, sets: CoxRiskSets, dq: Float64Array, dk: Float64Array, varies: Uint8Array, alpha: number, maxit: number, options: { js?: boolean } = {}): SolverState {
  const q = 1 / n;
  const stride = n + (n & 1);
  const ws = workspace(8 * (stride * p + 3 * stride) + 64, options);
  const xOff = ws.alloc(stride * p);
  const xs = ws.view(xOff, stride * p);
  for (let j = 0; j < p; j++) xs.set(x.subarray(j * n, (j + 1) * n), j * stride);
  const wOff = ws.alloc(stride);
  const wrOff = ws.alloc(stride);
  const fOff = ws.alloc(stride);
  const vOut = ws.alloc(1);
  return {
    n, p, K: ws.kernels, xOff, colBytes: 8 * stride, wOff, wrOff, fOff, vOut, vOutView: ws.view(vOut, 1), sets, q, dq, dk,
    f: ws.view(fOff, n), e: new Float64Array(n).fill(q), w: ws.view(wOff, n), wr: ws.view(wrOff, n),
    u: new Float64Array(sets.groupEnd.length), a: new Float64Array(p), as: new Float64Array(p),
    v: new Float64Array(p), vRound: new Int32Array(p).fill(-1), movedRound: new Int32Array(p).fill(-1), moved: new Int32Array(p), nMoved: 0, round: 0,
    ga: new Float64Array(p), strong: new Uint8Array(p), strongList: new Int32Array(p), nStrong: 0,
    entered: new Int32Array(p), active: new Int32Array(p), nin: 0, passes: 0,
    varies, alpha, cthr: 0, maxit,
  };
}

/** |x_jᵀ wr| for column j. */
export function gradient(st: SolverState, j: number): number {
  return Math.abs(st.K.dot(st.wrOff, st.xOff + j * st.colBytes, st.n));
}

/**
 * One cyclic pass over `cols` (count m): coordinate steps as glmnet's, returning
 * max v_j Δ_j² (0 if nothing moved).
 */
function pass(st: SolverState, cols: Int32Array, m: number, sa: number, omal: number): number {
  const { n, K, a, v, vRound, round, xOff, colBytes, wOff, wrOff } = st;
  let dli = 0;
  let pending = -1;
  let pendingDel = 0;
  for (let t = 0; t < m; t++) {
    const j = cols[t];
    const o = xOff + j * colBytes;
    const aj = a[j];
    let g: number;
    if (aj !== 0 && vRound[j] !== round) {
      // A nonzero coefficient needs v_j: compute it in the same sweep as the product.
      g = pending >= 0 ? K.resdotwsq(wrOff, wOff, pending, pendingDel, o, n, st.vOut) : K.dotwsq(wrOff, o, wOff, n, st.vOut);
      v[j] = st.vOutView[0];
      vRound[j] = round;
    } else g = pending >= 0 ? K.resdot(wrOff, wOff, pending, pendingDel, o, n) : K.dot(wrOff, o, n);
    pending = -1;
    if (aj === 0 && Math.abs(g) <= sa) continue;
    if (vRound[j] !== round) {
      v[j] = K.wsq(wOff, o, n);
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
    pending = o;
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
  if (pending >= 0) K.res(wrOff, wOff, pending, pendingDel, n);
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
  const { n, p, a, as, v, f, e, ga, strong, varies, active } = st;
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
      if (del !== 0) st.K.axpy(st.fOff, st.xOff + j * st.colBytes, del, n);
    }
    for (let i = 0; i < n; i++) {
      const fi = f[i];
      e[i] = st.q * Math.exp(fi >= 0 ? Math.min(fi, FMAX) : -Math.min(-fi, FMAX));
    }
    if (!outer(st)) return 'numerical';
    if (again) continue;
    for (let k = 0; k < p; k++) {
      if (strong[k] || !varies[k]) continue;
      ga[k] = gradient(st, k);
      if (ga[k] > sa) {
        addStrong(st, k);
        again = true;
      }
    }
    if (!again) return 'ok';
  }
}
