// Shared by the benchmarks that time whole commands (bench/gsva.js, bench/compare.js):
// hyperfine for the wall times when it is installed, /usr/bin/time for CPU and peak RSS.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;

/**
 * Wall seconds (median, min, max), user+system CPU seconds (median) and peak RSS (MB,
 * median) of a shell command over n runs; the RSS and CPU come from /usr/bin/time.
 * `work` holds the logs (<name>.time, <name>.hyperfine.json).
 */
export function measure(work, name, command, n) {
  const log = join(work, `${name}.time`);
  rmSync(log, { force: true });
  const timed = `/usr/bin/time -a -o ${log} -f '%M %U %S' ${command}`;
  let wall;
  if (hasHyperfine) {
    const json = join(work, `${name}.hyperfine.json`);
    const r = spawnSync('hyperfine', ['--runs', String(n), '--style', 'none', '--export-json', json, timed], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${command} failed:\n${r.stderr}`);
    wall = JSON.parse(readFileSync(json, 'utf8')).results[0].times;
  } else {
    wall = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync('sh', ['-c', timed], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${command} failed:\n${r.stderr}`);
      wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
  }
  const usage = readFileSync(log, 'utf8').trim().split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split(' ').map(Number));
  return {
    wall: median(wall), min: Math.min(...wall), max: Math.max(...wall),
    cpu: median(usage.map(([, u, s]) => u + s)), rss: median(usage.map(([kb]) => kb / 1024)),
  };
}
