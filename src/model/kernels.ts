// The solver's vector kernels over one block of memory: the optional native build
// (native/kernels.c, 256-bit vectors where the CPU has AVX2) when `npm install` could compile
// it, else WebAssembly SIMD (kernels.wat), else the same loops in JavaScript. Arguments are
// byte offsets into the workspace; all give the same per-element arithmetic (sums may differ
// in rounding). MIGRASCORE_KERNELS=wasm|js chooses one explicitly.
import { createRequire } from 'node:module';
import { KERNELS_WASM_BASE64 } from './kernelsWasm.js';

export interface Kernels {
  /** Σ a_i b_i over n values. */
  dot(a: number, b: number, n: number): number;
  /** wr ← wr − (del·w)·xj, then Σ wr·xk. */
  resdot(wr: number, w: number, xj: number, del: number, xk: number, n: number): number;
  /** resdot, also storing Σ w (xk xk) at byte offset vout. */
  resdotwsq(wr: number, w: number, xj: number, del: number, xk: number, n: number, vout: number): number;
  /** dot(a, b), also storing Σ w (b b) at byte offset vout. */
  dotwsq(a: number, b: number, w: number, n: number, vout: number): number;
  /** wr ← wr − (del·w)·xj. */
  res(wr: number, w: number, xj: number, del: number, n: number): void;
  /** Σ w (x x). */
  wsq(w: number, x: number, n: number): number;
  /** y ← y + c·x. */
  axpy(y: number, x: number, c: number, n: number): void;
  /** Four axpy in one sweep (the same sums in the same order). */
  axpy4(y: number, x1: number, c1: number, x2: number, c2: number, x3: number, c3: number, x4: number, c4: number, n: number): void;
  /**
   * One coordinate-descent pass over the m column numbers (i32) at byte offset cols, on
   * the solver state laid out by the header (HEADER); returns max v_j Δ_j².
   */
  pass(cols: number, m: number, sa: number, omal: number, round: number): number;
  /**
   * Native only (one call where JavaScript would make many): the end of an IRLS round, f at
   * byte offset f += Σ (a_j − as_j) x_j over the moved columns as the solver's loop does it;
   * returns 1 when some v_j Δ_j² ≥ cthr.
   */
  fupdate?(f: number, cthr: number): number;
  /** Native only: |x_jᵀ wr| for the m column numbers (i32) at byte offset cols, into f64s at byte offset out. */
  gradients?(cols: number, m: number, out: number): void;
  /** Where offset 0 lies in the buffer (native: its first 64-byte boundary; else 0). */
  byteOffset?: number;
}

/**
 * The header: i32 cells at the start of the workspace giving the solver state's layout
 * (byte offsets) and its two counters, read by pass().
 */
export const HEADER = {
  n: 0, x: 1, colBytes: 2, w: 3, wr: 4, a: 5, v: 6, vRound: 7, movedRound: 8, moved: 9, as: 10, entered: 11, active: 12,
  nMoved: 13, nin: 14, vOut: 15,
} as const;
const HEADER_BYTES = 64;

/** A block of memory the kernels work in, with regions handed out 64-byte aligned after the header. */
export interface Workspace {
  kernels: Kernels;
  header: Int32Array;
  /** Allocate `count` f64 (or i32) values; returns the byte offset. */
  alloc(count: number): number;
  allocI32(count: number): number;
  /** A Float64Array (Int32Array) view of `count` values at byte offset `offset`. */
  view(offset: number, count: number): Float64Array;
  viewI32(offset: number, count: number): Int32Array;
}

/** Which kernels run: 'native' (with its instruction set), 'wasm' or 'js'. */
export type KernelEngine = 'native' | 'wasm' | 'js';

interface NativeKernels {
  isa: string;
  bind(buffer: ArrayBuffer): Kernels;
}

let native: NativeKernels | null | undefined;

/** The native kernels built by scripts/build-native.js, or null where they were not built. */
export function nativeKernels(): NativeKernels | null {
  if (native !== undefined) return native;
  try {
    // dist/model/ and src/model/ both sit two levels below the package root.
    native = createRequire(import.meta.url)('../../native/build/migrascore_kernels.node') as NativeKernels;
  } catch {
    native = null;
  }
  return native;
}

/** The engine a workspace gets by default: MIGRASCORE_KERNELS=wasm|js if set, else the fastest present. */
export function defaultEngine(): KernelEngine {
  const asked = process.env.MIGRASCORE_KERNELS;
  if (asked === 'js' || asked === 'wasm') return asked;
  return nativeKernels() ? 'native' : wasmModule() ? 'wasm' : 'js';
}

/** A one-line description of the default engine, for reports and benches. */
export function engineLabel(engine: KernelEngine = defaultEngine()): string {
  if (engine === 'native') return `native (${nativeKernels()?.isa ?? '?'})`;
  return engine === 'wasm' ? 'WebAssembly SIMD' : 'JavaScript';
}

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** A workspace of `bytes` bytes (plus alignment slack), with the default engine's kernels unless `engine` (or `js`) says otherwise. */
export function workspace(bytes: number, options: { js?: boolean; engine?: KernelEngine } = {}): Workspace {
  const pages = Math.ceil((bytes + 4096) / 65536);
  const engine = options.js ? 'js' : (options.engine ?? defaultEngine());
  const nat = engine === 'native' ? nativeKernels() : null;
  const mod = engine === 'wasm' || (engine === 'native' && !nat) ? wasmModule() : null;
  let buffer: ArrayBuffer;
  let kernels: Kernels;
  if (nat) {
    buffer = new ArrayBuffer(pages * 65536 + 64);
    kernels = nat.bind(buffer);
  } else if (mod) {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    kernels = instance.exports as unknown as Kernels;
    buffer = memory.buffer;
  } else {
    buffer = new ArrayBuffer(pages * 65536);
    kernels = jsKernels(buffer);
  }
  const origin = kernels.byteOffset ?? 0;
  let next = HEADER_BYTES;
  // Regions start on 64-byte boundaries (cache lines, for the native kernels' 32-byte loads).
  const take = (bytes: number): number => {
    const offset = next;
    next += Math.ceil(bytes / 64) * 64;
    if (origin + next > buffer.byteLength) throw new RangeError('coxnet workspace: out of memory');
    return offset;
  };
  return {
    kernels,
    header: new Int32Array(buffer, origin, HEADER_BYTES / 4),
    alloc: (count: number) => take(count * 8),
    allocI32: (count: number) => take(count * 4),
    view: (offset: number, count: number) => new Float64Array(buffer, origin + offset, count),
    viewI32: (offset: number, count: number) => new Int32Array(buffer, origin + offset, count),
  };
}

/** The kernels in JavaScript over the whole workspace. */
function jsKernels(buffer: ArrayBuffer): Kernels {
  const m = new Float64Array(buffer);
  const h = new Int32Array(buffer);
  return {
    dot(a, b, n) {
      a >>= 3;
      b >>= 3;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let i = 0;
      for (; i + 3 < n; i += 4) {
        s0 += m[a + i] * m[b + i];
        s1 += m[a + i + 1] * m[b + i + 1];
        s2 += m[a + i + 2] * m[b + i + 2];
        s3 += m[a + i + 3] * m[b + i + 3];
      }
      let r = s0 + s2 + (s1 + s3);
      for (; i < n; i++) r += m[a + i] * m[b + i];
      return r;
    },
    resdot(wr, w, xj, del, xk, n) {
      wr >>= 3;
      w >>= 3;
      xj >>= 3;
      xk >>= 3;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const r = m[wr + i] - del * m[w + i] * m[xj + i];
        m[wr + i] = r;
        s += r * m[xk + i];
      }
      return s;
    },
    resdotwsq(wr, w, xj, del, xk, n, vout) {
      m[vout >> 3] = this.wsq(w, xk, n);
      return this.resdot(wr, w, xj, del, xk, n);
    },
    dotwsq(a, b, w, n, vout) {
      m[vout >> 3] = this.wsq(w, b, n);
      return this.dot(a, b, n);
    },
    res(wr, w, xj, del, n) {
      wr >>= 3;
      w >>= 3;
      xj >>= 3;
      for (let i = 0; i < n; i++) m[wr + i] -= del * m[w + i] * m[xj + i];
    },
    wsq(w, x, n) {
      w >>= 3;
      x >>= 3;
      let s = 0;
      for (let i = 0; i < n; i++) s += m[w + i] * (m[x + i] * m[x + i]);
      return s;
    },
    axpy(y, x, c, n) {
      y >>= 3;
      x >>= 3;
      for (let i = 0; i < n; i++) m[y + i] += c * m[x + i];
    },
    axpy4(y, x1, c1, x2, c2, x3, c3, x4, c4, n) {
      this.axpy(y, x1, c1, n);
      this.axpy(y, x2, c2, n);
      this.axpy(y, x3, c3, n);
      this.axpy(y, x4, c4, n);
    },
    pass(cols, m0, sa, omal, round) {
      const H = HEADER;
      const [n, xo, cb, w, wr, ao, vo, vro, mro, mvo, aso, eno, aco] = [h[H.n], h[H.x], h[H.colBytes], h[H.w], h[H.wr], h[H.a] >> 3, h[H.v] >> 3, h[H.vRound] >> 2, h[H.movedRound] >> 2, h[H.moved] >> 2, h[H.as] >> 3, h[H.entered] >> 2, h[H.active] >> 2];
      const vout = h[H.vOut];
      let dli = 0;
      let pending = -1;
      let pdel = 0;
      for (let t = 0; t < m0; t++) {
        const j = h[(cols >> 2) + t];
        const o = xo + j * cb;
        const aj = m[ao + j];
        let g: number;
        if (aj !== 0 && h[vro + j] !== round) {
          g = pending >= 0 ? this.resdotwsq(wr, w, pending, pdel, o, n, vout) : this.dotwsq(wr, o, w, n, vout);
          m[vo + j] = m[vout >> 3];
          h[vro + j] = round;
        } else g = pending >= 0 ? this.resdot(wr, w, pending, pdel, o, n) : this.dot(wr, o, n);
        pending = -1;
        if (aj === 0 && Math.abs(g) <= sa) continue;
        if (h[vro + j] !== round) {
          m[vo + j] = this.wsq(w, o, n);
          h[vro + j] = round;
        }
        const vj = m[vo + j];
        const u = aj * vj + g;
        const au = Math.abs(u);
        const at = au > sa ? (u >= 0 ? au - sa : -(au - sa)) / (vj + omal) : 0;
        if (at === aj) continue;
        const del = at - aj;
        m[ao + j] = at;
        const ch = vj * (del * del);
        if (ch > dli) dli = ch;
        pending = o;
        pdel = del;
        if (h[mro + j] !== round) {
          h[mro + j] = round;
          m[aso + j] = aj;
          h[mvo + h[H.nMoved]++] = j;
        }
        if (h[eno + j] === 0) {
          h[aco + h[H.nin]] = j;
          h[eno + j] = ++h[H.nin];
        }
      }
      if (pending >= 0) this.res(wr, w, pending, pdel, n);
      return dli;
    },
  };
}
