// Small synthetic cohorts for `model fit` tests: a matrix (genes × samples, log scale) and a
// clinical table (id, time, status), from a seeded generator. `signal` genes raise the hazard.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModelData { expr: string; clinical: string; samples: string[]; genes: string[] }

export function writeModelData(dir: string, o: { n: number; genes: string[]; signal?: number; seed: number; times?: (t: number[]) => void }): ModelData {
  let state = o.seed;
  const rnd = (): number => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const samples = Array.from({ length: o.n }, (_, i) => `S${i + 1}`);
  const x = o.genes.map(() => samples.map(() => Math.round((6 + normal()) * 1e4) / 1e4));
  const time: number[] = [];
  const status: number[] = [];
  samples.forEach((_, i) => {
    const eta = (o.signal ?? 0) * (x[0][i] - 6);
    const t = -Math.log(rnd()) / (0.002 * Math.exp(eta));
    const c = 200 + 1500 * rnd();
    time.push(Math.max(1, Math.round(Math.min(t, c))));
    status.push(t <= c ? 1 : 0);
  });
  o.times?.(time);
  const expr = join(dir, 'expr.tsv');
  const clinical = join(dir, 'clinical.tsv');
  writeFileSync(expr, [['gene', ...samples].join('\t'), ...o.genes.map((g, j) => [g, ...x[j]].join('\t'))].join('\n') + '\n');
  writeFileSync(clinical, ['id\ttime\tstatus', ...samples.map((s, i) => `${s}\t${time[i]}\t${status[i]}`)].join('\n') + '\n');
  return { expr, clinical, samples, genes: o.genes };
}
