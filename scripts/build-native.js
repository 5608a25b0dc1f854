#!/usr/bin/env node
// Builds the optional native solver kernels (native/kernels.c) into
// native/build/migrascore_kernels.node with the system C compiler and Node's own Node-API
// headers: no node-gyp, nothing downloaded. Run by `npm install` (prepare). Never fails the
// install: without a compiler or headers it says so in one line and the WebAssembly
// kernels are used (same results to rounding, about half the speed of the LASSO Cox fits).
// Usage: node scripts/build-native.js [--quiet]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'native', 'kernels.c');
const outDir = join(root, 'native', 'build');
const out = join(outDir, 'migrascore_kernels.node');
const quiet = process.argv.includes('--quiet');

// An earlier build goes first: a failed or skipped build must not leave a stale module behind.
rmSync(out, { force: true });

function skip(reason) {
  console.log(`migrascore: native solver kernels not built (${reason}); the WebAssembly kernels will be used.`);
  process.exit(0);
}

if (process.env.MIGRASCORE_NO_NATIVE) skip('MIGRASCORE_NO_NATIVE is set');
if (process.platform === 'win32') skip('not built on Windows');
const include = [join(dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node', '/usr/local/include/node']
  .find((dir) => existsSync(join(dir, 'node_api.h')));
if (!include) skip("Node's headers (node_api.h) not found next to this node");
const compiler = process.env.CC || 'cc';
const flags = ['-O2', '-std=gnu11', '-ffp-contract=off', '-fPIC', '-shared', '-pthread', '-Wall', '-Wno-psabi',
  `-I${include}`, '-DNODE_GYP_MODULE_NAME=migrascore_kernels', source, '-lm'];
if (process.platform === 'darwin') flags.push('-undefined', 'dynamic_lookup');
mkdirSync(outDir, { recursive: true });
const partial = `${out}.${process.pid}.tmp`;
try {
  execFileSync(compiler, [...flags, '-o', partial], { stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'] });
  renameSync(partial, out);
} catch (err) {
  rmSync(partial, { force: true });
  skip(`${compiler} failed: ${err.code === 'ENOENT' ? 'no C compiler' : 'see the messages above'}`);
}
// Load it once here, so that a module this node cannot load is removed, not used later.
try {
  const { createRequire } = await import('node:module');
  const mod = createRequire(import.meta.url)(out);
  console.log(`migrascore: native solver kernels built (${mod.isa}): ${out}`);
} catch (err) {
  rmSync(out, { force: true });
  skip(`the built module does not load: ${err.message.split('\n')[0]}`);
}
