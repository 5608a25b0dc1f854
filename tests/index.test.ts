// The library surface: README's "Use as a library" table lists exactly what src/index.ts
// exports, and its example runs against the built package as `import … from 'migrascore'`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Use as a library'), readme.indexOf('\n## ', readme.indexOf('## Use as a library') + 5));

/** Names exported by src/index.ts, types included. */
function indexExports(): string[] {
  const src = readFileSync(join(ROOT, 'src/index.ts'), 'utf8');
  const names: string[] = [];
  for (const m of src.matchAll(/export\s*\{([^}]*)\}\s*from/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (name) names.push(name);
    }
  }
  return names.sort();
}

/** Names in the first column of the README table. */
function readmeNames(): string[] {
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])).sort();
}

describe('library surface', () => {
  it('README lists exactly the exports of src/index.ts', () => {
    expect(readmeNames()).toEqual(indexExports());
  });

  it('every runtime export exists', () => {
    const runtime = Object.keys(library).sort();
    expect(runtime.length).toBeGreaterThan(30);
    for (const name of runtime) expect(indexExports()).toContain(name);
  });

  it("README's example runs against the built package and prints R's numbers", () => {
    const code = section.match(/```js\n([\s\S]*?)```/)![1];
    // Inside the project folder so that 'migrascore' resolves to this package (package.json exports).
    const dir = mkdtempSync(join(ROOT, '.tmp-example-'));
    try {
      writeFileSync(join(dir, 'example.mjs'), code);
      const r = spawnSync(process.execPath, [join(dir, 'example.mjs')], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      // survfit: S = 0.184 after week 48; survdiff chisq 3.4 on 1 df; coxph exp(coef) 2.50
      expect(r.stdout.trim()).toBe('0.184 3.40 2.50');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
