// One lambda of glmnet 4.1-6's Cox solver (coxnet1's inner loops): strong-rule
// screening, IRLS rounds of cyclic coordinate descent on the standardised columns,
// and the KKT check that ends a lambda. The passes, their order and the convergence
// tests are glmnet's, so that the result stops where glmnet's stops.
//
// Same iterates, less work than the Fortran (results agree to rounding): the passes run
// in native 256-bit vector code where `npm install` built it (native/kernels.c), else in
// WebAssembly SIMD (kernels.wat; kernels.ts has the same in JavaScript), with partial
// sums, each residual update fused with the next column's dot product, v_j = Σ w x_j²
// computed only for columns that move, and the linear predictor f brought up to date
// once per IRLS round instead of after every step.
import { HEADER, workspace, type KernelEngine, type Kernels } from './kernels.js';
import type { CoxRiskSets } from './riskSets.js';

/** The solver's working state, carried from one lambda to the next (warm starts). */
export interface SolverState {
  n: number;
  p: number;
  /** Vector kernels; the arrays below marked (ws) are views of their workspace. */
  K: Kernels;
  /** Layout and counters (nin, nMoved) of the workspace, as kernels.ts HEADER. */
  header: Int32Array;
  /** Standardised column j starts at byte xOff + j * colBytes. */
  xOff: number;
  colBytes: number;
  wrOff: number;
  fOff: number;
  /** Byte offsets of the strong list and the active list (i32). */
  strongOff: number;
  activeOff: number;
  sets: CoxRiskSets;
  /** Case weight 1/n. */
  q: number;
  /** Event indicator × q, per row. */
  dq: Float64Array;
  /** Σ dq per event-time group. */
  dk: Float64Array;
  /** Linear predictor (ws), e = q·exp(f), IRLS weights w and working residuals wr (ws), per row. */
  f: Float64Array;
  e: Float64Array;
  w: Float64Array;
  wr: Float64Array;
  /** Risk-set sums per group (scratch). */
  u: Float64Array;
  /** Coefficients (standardised scale) and their values at the start of the IRLS round (ws). */
  a: Float64Array;
  as: Float64Array;
  /** v_j = Σ w x_j², valid for this round when vRound[j] === round (ws). */
  v: Float64Array;
  vRound: Int32Array;
  /** Round in which j last moved, and the columns that moved this round (ws). */
  movedRound: Int32Array;
  moved: Int32Array;
  round: number;
  /** |x_jᵀ wr| as last computed, for the strong rule. */
  ga: Float64Array;
  /** 1 when j is in the strong (working) set; never removed. */
  strong: Uint8Array;
  /** The strong set in column order (ws). */
  strongList: Int32Array;
  nStrong: number;
  /** 1-based entry rank of j in the ever-nonzero set, 0 if never nonzero (ws). */
  entered: Int32Array;
  /** The ever-nonzero columns in order of entry, header[HEADER.nin] of them (ws). */
  active: Int32Array;
  /** Scratch of the KKT check: the columns to check (ws, i32) and their |x_jᵀ wr| (ws). */
  kktOff: number;
  kktOutOff: number;
  kktOut: Float64Array;
  kktList: Int32Array;
  /** Scratch for the once-per-round update of f. */
  fCols: Int32Array;
  fDels: Float64Array;
  passes: number;
  varies: Uint8Array;
  alpha: number;
  cthr: number;
  maxit: number;
}

export type LambdaStatus = 'ok' | 'maxit' | 'numerical';

const FMAX = Math.log(Number.MAX_VALUE * Math.fround(0.1));

/** Fresh solver state over standardised columns x (n × p, column-major), copied into a kernel workspace. */
export function solverState(x: Float64Array, n: number, p: number, sets: CoxRiskSets, dq: Float64Array, dk: Float64Array, varies: Uint8Array, alpha: number, maxit: number, options: { engine?: KernelEngine } = {}): SolverState {
  const q = 1 / n;
  // Columns start on cache lines: a multiple of 8 doubles (the native kernels load 4 at a time).
  const stride = (n + 7) & ~7;
  const ws = workspace(8 * (stride * p + 3 * stride + 4 * p + 2) + 4 * 7 * p + 64 * 20, options);
  const xOff = ws.alloc(stride * p);
  const xs = ws.view(xOff, stride * p);
  for (let j = 0; j < p; j++) xs.set(x.subarray(j * n, (j + 1) * n), j * stride);
  const f64 = (count: number) => ws.alloc(count);
  const i32 = (count: number) => ws.allocI32(count);
  const H = HEADER;
  const h = ws.header;
  h[H.n] = n;
  h[H.x] = xOff;
  h[H.colBytes] = 8 * stride;
  for (const [cell, off] of [[H.w, f64(stride)], [H.wr, f64(stride)], [H.a, f64(p)], [H.v, f64(p)], [H.as, f64(p)], [H.vOut, f64(2)],
    [H.vRound, i32(p)], [H.movedRound, i32(p)], [H.moved, i32(p)], [H.entered, i32(p)], [H.active, i32(p)]] as const) h[cell] = off;
  const fOff = f64(stride);
  const strongOff = i32(p);
  const kktOff = i32(p);
  const kktOutOff = f64(p);
  const st: SolverState = {
    n, p, K: ws.kernels, header: h, xOff, colBytes: 8 * stride, wrOff: h[H.wr], fOff, strongOff, activeOff: h[H.active], sets, q, dq, dk,
    f: ws.view(fOff, n), e: new Float64Array(n).fill(q), w: ws.view(h[H.w], n), wr: ws.view(h[H.wr], n),
    u: new Float64Array(sets.groupEnd.length), a: ws.view(h[H.a], p), as: ws.view(h[H.as], p), v: ws.view(h[H.v], p),
    vRound: ws.viewI32(h[H.vRound], p).fill(-1), movedRound: ws.viewI32(h[H.movedRound], p).fill(-1), moved: ws.viewI32(h[H.moved], p), round: 0,
    ga: new Float64Array(p), strong: new Uint8Array(p), strongList: ws.viewI32(strongOff, p), nStrong: 0,
    entered: ws.viewI32(h[H.entered], p), active: ws.viewI32(h[H.active], p),
    kktOff, kktOutOff, kktOut: ws.view(kktOutOff, p), kktList: ws.viewI32(kktOff, p), fCols: new Int32Array(4), fDels: new Float64Array(4), passes: 0,
    varies, alpha, cthr: 0, maxit,
  };
  return st;
}

/** |x_jᵀ wr| for column j. */
export function gradient(st: SolverState, j: number): number {
  return Math.abs(st.K.dot(st.wrOff, st.xOff + j * st.colBytes, st.n));
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

/**
 * Solve at lambda `al` (previous lambda `al0`), updating `st` in place: glmnet's rounds of
 * { a pass over the strong set in column order; passes over the ever-nonzero set in order
 * of entry until they settle; again } until a full pass settles, then new IRLS weights,
 * until no coefficient moved by v Δ² >= cthr over the round and the KKT check passes.
 */
export function coordinateDescent(st: SolverState, al: number, al0: number, outer: (st: SolverState) => boolean): LambdaStatus {
  const { n, p, f, e, ga, strong, varies, K, header } = st;
  const sa = st.alpha * al;
  const omal = (1 - st.alpha) * al;
  const tlam = st.alpha * (2 * al - al0);
  for (let k = 0; k < p; k++) if (!strong[k] && varies[k] && ga[k] > tlam) addStrong(st, k);
  for (;;) {
    if (st.passes > st.maxit) return 'maxit';
    st.round++;
    header[HEADER.nMoved] = 0;
    for (;;) {
      st.passes++;
      let dli = K.pass(st.strongOff, st.nStrong, sa, omal, st.round);
      if (dli < st.cthr) break;
      if (st.passes > st.maxit) return 'maxit';
      for (;;) {
        st.passes++;
        dli = K.pass(st.activeOff, header[HEADER.nin], sa, omal, st.round);
        if (dli < st.cthr) break;
        if (st.passes > st.maxit) return 'maxit';
      }
    }
    // f += Σ (a_j − a_j at round start) x_j over the columns that moved, four at a time.
    let again = K.fupdate ? K.fupdate(st.fOff, st.cthr) === 1 : moveF(st);
    for (let i = 0; i < n; i++) {
      const fi = f[i];
      e[i] = st.q * Math.exp(fi >= 0 ? Math.min(fi, FMAX) : -Math.min(-fi, FMAX));
    }
    if (!outer(st)) return 'numerical';
    if (again) continue;
    if (K.gradients) {
      // One native call for the whole check; the same sums as gradient() per column.
      let m = 0;
      for (let k = 0; k < p; k++) if (!strong[k] && varies[k]) st.kktList[m++] = k;
      K.gradients(st.kktOff, m, st.kktOutOff);
      for (let t = 0; t < m; t++) ga[st.kktList[t]] = st.kktOut[t];
    } else {
      for (let k = 0; k < p; k++) if (!strong[k] && varies[k]) ga[k] = gradient(st, k);
    }
    for (let k = 0; k < p; k++) {
      if (strong[k] || !varies[k] || !(ga[k] > sa)) continue;
      addStrong(st, k);
      again = true;
    }
    if (!again) return 'ok';
  }
}

/** f += Σ (a_j − a_j at round start) x_j over the columns that moved this round, four per sweep; true when some v_j Δ_j² ≥ cthr. */
function moveF(st: SolverState): boolean {
  const { n, a, as, v, K, header } = st;
  const cols = st.fCols;
  const dels = st.fDels;
  let again = false;
  let q = 0;
  for (let t = 0; t < header[HEADER.nMoved]; t++) {
    const j = st.moved[t];
    const del = a[j] - as[j];
    if (v[j] * (del * del) >= st.cthr) again = true;
    if (del === 0) continue;
    cols[q] = st.xOff + j * st.colBytes;
    dels[q++] = del;
    if (q === 4) {
      K.axpy4(st.fOff, cols[0], dels[0], cols[1], dels[1], cols[2], dels[2], cols[3], dels[3], n);
      q = 0;
    }
  }
  for (let t = 0; t < q; t++) K.axpy(st.fOff, cols[t], dels[t], n);
  return again;
}
