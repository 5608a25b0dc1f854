#!/usr/bin/env node
// Survival benchmark: 10,000 synthetic patients, a score split at the median and at the
// optimal (maxstat) cutpoint, Cox adjusted for 3 covariates. Times the whole CLI call
// (process start to exit) over several runs and reports the median.
// Usage: node bench/survival.js [runs=7]   (after npm install; results go in bench/README.md)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'out');
const runs = Number(process.argv[2] ?? 7);
mkdirSync(work, { recursive: true });

// Deterministic synthetic cohort: hazard rises with score and age; ~35% censored.
function makeCohort(n) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['id\tOS.time\tOS\tscore\tage\tstage\tgender'];
  for (let i = 0; i < n; i++) {
    const score = rand() * 2 - 1 + (rand() - 0.5);
    const age = Math.round(30 + rand() * 50);
    const stage = ['Stage I', 'Stage II', 'Stage III', 'Stage IV'][Math.floor(rand() * 4)];
    const gender = rand() < 0.5 ? 'FEMALE' : 'MALE';
    const rate = 0.0005 * Math.exp(0.6 * score + 0.02 * (age - 55));
    const t = Math.max(1, Math.round(-Math.log(1 - rand()) / rate));
    const c = Math.round(rand() * 4000);
    lines.push(`P${String(i).padStart(5, '0')}\t${Math.min(t, c)}\t${t <= c ? 1 : 0}\t${score.toFixed(4)}\t${age}\t${stage}\t${gender}`);
  }
  return lines.join('\n') + '\n';
}

const clinical = join(work, 'clinical-10000.tsv');
writeFileSync(clinical, makeCohort(10_000));

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function measure(args) {
  const wall = [];
  const rss = [];
  for (let r = 0; r < runs; r++) {
    const cmd = [process.execPath, join(root, 'bin', 'migrascore.js'), ...args];
    const t0 = process.hrtime.bigint();
    const p = timeBin ? spawnSync(timeBin, ['-f', '%M', ...cmd], { encoding: 'utf8' }) : spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (p.status !== 0) throw new Error(`failed: ${p.stderr}`);
    wall.push(seconds);
    if (timeBin) rss.push(Number(p.stderr.trim().split('\n').pop()) / 1024);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall_s: median(wall), min_s: Math.min(...wall), max_s: Math.max(...wall), peak_rss_mb: rss.length ? median(rss) : null };
}

const base = ['survival', '--clinical', clinical, '--id', 'id', '--endpoint', 'OS', '--value', 'score', '--covariates', 'age,stage,gender'];
const results = {
  'median split + Cox (3 covariates)': measure([...base, '--split', 'median', '--out', join(work, 'median')]),
  'optimal split + Cox (3 covariates)': measure([...base, '--split', 'optimal', '--out', join(work, 'optimal')]),
};
console.log(`# survival benchmark: 10,000 patients, ${runs} runs each, ${cpus()[0].model}, ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log('| case | median wall (s) | min–max (s) | peak RSS (MB) |\n|---|---|---|---|');
for (const [name, r] of Object.entries(results)) {
  console.log(`| ${name} | ${r.wall_s.toFixed(3)} | ${r.min_s.toFixed(3)}–${r.max_s.toFixed(3)} | ${r.peak_rss_mb?.toFixed(0) ?? 'n/a'} |`);
}
