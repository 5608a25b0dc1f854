import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultEngine, nativeKernels, workspace, type KernelEngine } from '../../src/model/kernels.js';

const hasNative = nativeKernels() !== null;
if (!hasNative) console.warn('native solver kernels not built (no C compiler or Node headers at npm install): their tests are skipped');

/** Every kernel once on fixed inputs, under one engine. */
function runKernels(engine: KernelEngine, n: number) {
  const ws = workspace(8 * 6 * (n + 8) + 512, { engine });
  const k = ws.kernels;
  const [a, b, c, w, out] = [0, 1, 2, 3, 4].map(() => ws.alloc(n));
  const fill = (off: number, f: (i: number) => number) => ws.view(off, n).set(Array.from({ length: n }, (_, i) => f(i)));
  fill(a, (i) => Math.sin(i + 1));
  fill(b, (i) => Math.cos(3 * i) / (i + 1));
  fill(c, (i) => (i % 5) - 2);
  fill(w, (i) => 0.01 + (i % 7) / 100);
  const r = [k.dot(a, b, n), k.wsq(w, c, n), k.resdot(a, w, c, 0.3, b, n)];
  r.push(k.resdotwsq(a, w, b, -0.2, c, n, out), ws.view(out, 1)[0], k.dotwsq(a, b, w, n, out), ws.view(out, 1)[0]);
  k.res(a, w, c, 1.5, n);
  k.axpy(b, c, 0.25, n);
  k.axpy4(b, a, 0.5, c, -1.25, w, 3, a, 0.125, n);
  return { r, a: Array.from(ws.view(a, n)), b: Array.from(ws.view(b, n)) };
}

function expectAgree(x: ReturnType<typeof runKernels>, y: ReturnType<typeof runKernels>) {
  x.r.forEach((v, i) => expect(Math.abs(v - y.r[i])).toBeLessThan(1e-12 * Math.max(1, Math.abs(v))));
  // Element-wise updates are the same operations in the same order: equal to the bit.
  expect(x.a).toEqual(y.a);
  expect(x.b).toEqual(y.b);
}

describe('solver kernels', () => {
  test('kernelsWasm.ts is built from kernels.wat', () => {
    const out = execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build-wasm.js'), '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  });

  test.each([7, 8, 501])('WebAssembly and JavaScript kernels agree (n = %i)', (n) => {
    expectAgree(runKernels('wasm', n), runKernels('js', n));
  });

  test.skipIf(!hasNative).each([3, 7, 8, 9, 450, 501])('native and JavaScript kernels agree (n = %i)', (n) => {
    expectAgree(runKernels('native', n), runKernels('js', n));
  });

  test.skipIf(!hasNative)('the native build is the default, and MIGRASCORE_KERNELS overrides it', () => {
    const saved = process.env.MIGRASCORE_KERNELS;
    try {
      delete process.env.MIGRASCORE_KERNELS;
      expect(defaultEngine()).toBe('native');
      process.env.MIGRASCORE_KERNELS = 'wasm';
      expect(defaultEngine()).toBe('wasm');
      process.env.MIGRASCORE_KERNELS = 'js';
      expect(defaultEngine()).toBe('js');
    } finally {
      if (saved === undefined) delete process.env.MIGRASCORE_KERNELS;
      else process.env.MIGRASCORE_KERNELS = saved;
    }
  });

  test.skipIf(!hasNative)('native kernels address the buffer from a 64-byte boundary', () => {
    const ws = workspace(4096, { engine: 'native' });
    const offset = ws.kernels.byteOffset ?? -1;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(64);
    // The header the kernels read is the one JavaScript writes.
    const x = ws.alloc(8);
    const view = ws.view(x, 8);
    view.set([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ws.kernels.dot(x, x, 8)).toBe(204);
  });
});
