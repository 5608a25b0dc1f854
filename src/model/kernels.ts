// The solver's vector kernels over one block of memory: WebAssembly SIMD (kernels.wat)
// where available, else the same loops in JavaScript. Arguments are byte offsets into
// the workspace; both give the same per-element arithmetic (sums may differ in rounding).
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
}

/** A block of memory the kernels work in, with f64 regions handed out 16-byte aligned. */
export interface Workspace {
  kernels: Kernels;
  /** Allocate `count` f64 values; returns the byte offset. */
  alloc(count: number): number;
  /** A Float64Array view of `count` values at byte offset `offset`. */
  view(offset: number, count: number): Float64Array;
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

/** A workspace of `bytes` bytes (plus alignment slack); WebAssembly kernels unless `js` is set. */
export function workspace(bytes: number, options: { js?: boolean } = {}): Workspace {
  const pages = Math.ceil((bytes + 4096) / 65536);
  const mod = options.js ? null : wasmModule();
  let buffer: ArrayBuffer;
  let kernels: Kernels;
  if (mod) {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    kernels = instance.exports as unknown as Kernels;
    buffer = memory.buffer;
  } else {
    buffer = new ArrayBuffer(pages * 65536);
    kernels = jsKernels(new Float64Array(buffer));
  }
  let next = 0;
  return {
    kernels,
    alloc(count: number): number {
      const offset = next;
      next += Math.ceil((count * 8) / 16) * 16;
      if (next > buffer.byteLength) throw new RangeError('coxnet workspace: out of memory');
      return offset;
    },
    view: (offset: number, count: number) => new Float64Array(buffer, offset, count),
  };
}

/** The kernels in JavaScript over a Float64Array of the whole workspace. */
function jsKernels(m: Float64Array): Kernels {
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
  };
}
