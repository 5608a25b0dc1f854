// Deterministic synthetic cohort for the LASSO Cox benchmark (bench/coxnet.js, bench/coxnet.R):
// n patients × p genes of log2-like expression in correlated blocks of 20 genes (a shared
// factor per block, r ≈ 0.36), survival times in days (exponential, hazard driven by 10
// genes; continuous times so that no censoring ties an event), uniform censoring, and
// 10 folds. Values are written with fixed decimals and read back, so R and migrascore
// see the same numbers.
import { mulberry32 } from '../dist/random.js';
import { foldsFromSeed } from '../dist/model/folds.js';

export function makeCoxnetData(n = 500, p = 1000, seed = 20240611) {
  const rand = mulberry32(seed);
  const normal = () => {
    let u = 0;
    while (u === 0) u = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const round = (v, d) => Number(v.toFixed(d));
  const blocks = Math.ceil(p / 20);
  const factors = Array.from({ length: blocks }, () => Float64Array.from({ length: n }, normal));
  const columns = [];
  for (let j = 0; j < p; j++) {
    const f = factors[Math.floor(j / 20)];
    const level = 4 + 8 * rand();
    columns.push(Float64Array.from({ length: n }, (_, i) => round(Math.max(0, level + 1.2 * (0.6 * f[i] + 0.8 * normal())), 4)));
  }
  const effects = [[3, 0.5], [25, -0.4], [47, 0.35], [101, 0.3], [160, -0.3], [222, 0.25], [310, -0.25], [404, 0.2], [555, 0.2], [777, -0.2]];
  const time = new Float64Array(n);
  const status = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (const [j, b] of effects) if (j < p) eta += b * (columns[j][i] - 8);
    const t = (-Math.log(1 - rand()) / (0.0005 * Math.exp(eta)));
    const c = 200 + 3000 * rand();
    time[i] = round(Math.min(t, c), 3);
    status[i] = t <= c ? 1 : 0;
  }
  return { columns, time, status, foldid: foldsFromSeed(n, 10, seed), genes: columns.map((_, j) => `G${String(j + 1).padStart(4, '0')}`) };
}

/** The cohort as a TSV (patient, time, status, fold, then one column per gene) for R. */
export function coxnetDataTsv(data) {
  const lines = [['patient', 'time', 'status', 'fold', ...data.genes].join('\t')];
  for (let i = 0; i < data.time.length; i++) {
    const row = [`P${i + 1}`, data.time[i], data.status[i], data.foldid[i]];
    for (const c of data.columns) row.push(c[i]);
    lines.push(row.join('\t'));
  }
  return lines.join('\n') + '\n';
}
