import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { workspace } from '../../src/model/kernels.js';

describe('solver kernels', () => {
  test('kernelsWasm.ts is built from kernels.wat', () => {
    const out = execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build-wasm.js'), '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  });

  test.each([7, 8, 501])('WebAssembly and JavaScript kernels agree (n = %i)', (n) => {
    const results = [false, true].map((js) => {
      const ws = workspace(8 * 6 * (n + 2), { js });
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
    });
    results[0].r.forEach((v, i) => expect(Math.abs(v - results[1].r[i])).toBeLessThan(1e-12 * Math.max(1, Math.abs(v))));
    // Element-wise updates are the same operations in the same order: equal to the bit.
    expect(results[0].a).toEqual(results[1].a);
    expect(results[0].b).toEqual(results[1].b);
  });
});
