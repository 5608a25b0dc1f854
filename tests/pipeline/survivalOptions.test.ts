// Options beyond the reference calls, through the CLI: Peto–Peto, pairwise tests,
// time units in the figure, quantile splits and the cutpoint table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { expectClose, FIXTURES, readTsv } from '../helpers/fixtures.js';

const VETERAN = join(FIXTURES, 'survival', 'veteran-celltype', 'input.tsv');
const COLON = join(FIXTURES, 'survival', 'colon-nodes-optimal', 'input.tsv');

function survival(args: string[]) {
  const out = join(tempDir(), 'out');
  const r = runCli(['survival', ...args, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  return { out, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')), stderr: r.stderr };
}

describe('survival options', () => {
  it('--rho 1 gives the Peto–Peto test, with BH-adjusted pairwise tests for 4 groups', () => {
    const { summary } = survival(['--clinical', VETERAN, '--time', 'time', '--event', 'status', '--group', 'celltype', '--rho', '1']);
    // R: survdiff(Surv(time, status) ~ celltype, veteran, rho = 1)
    expectClose(summary.logrank.chisq, 19.7096224580615, 1e-6, 'chisq');
    expectClose(summary.logrank.p, 0.000194961588590466, 1e-4, 'p');
    expect(summary.logrank.df).toBe(3);
    const pairs = summary.pairwise_logrank.comparisons;
    expect(pairs).toHaveLength(6);
    expect(pairs[0]).toMatchObject({ group1: 'adeno', group2: 'large' });
    for (const c of pairs) expect(c.p_adjusted).toBeGreaterThanOrEqual(c.p);
  });

  it('quantile splits label Q1..Q4 and record the cutpoints', () => {
    const { out, summary } = survival(['--clinical', COLON, '--time', 'time', '--event', 'status', '--value', 'age', '--split', 'quantiles:0.25,0.5,0.75']);
    expect(summary.groups.map((g: { group: string }) => g.group)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(summary.cutpoint.value).toHaveLength(3);
    expect(summary.cox.terms.map((t: { term: string }) => t.term)).toEqual(['group=Q2', 'group=Q3', 'group=Q4']);
    const groups = readTsv(join(out, 'groups.tsv'));
    const [q1, q2] = summary.cutpoint.value;
    for (const g of groups) {
      const v = Number(g.value);
      if (g.group === 'Q1') expect(v).toBeLessThanOrEqual(q1);
      if (g.group === 'Q2') expect(v > q1 && v <= q2).toBe(true);
    }
  });

  it('writes every candidate cutpoint for --split optimal', () => {
    const { out, summary } = survival(['--clinical', COLON, '--time', 'time', '--event', 'status', '--value', 'nodes', '--split', 'optimal']);
    const rows = readTsv(join(out, 'cutpoint.tsv'));
    expect(rows.map((r) => Number(r.cutpoint))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const best = rows.find((r) => Number(r.cutpoint) === summary.cutpoint.value)!;
    expectClose(Number(best.statistic), summary.cutpoint.statistic, 1e-12, 'statistic');
    expect(Number(best.n_low) + Number(best.n_high)).toBe(summary.n);
  });

  it('converts the figure axis with --time-unit and keeps km.tsv in days', () => {
    const { out } = survival(['--clinical', COLON, '--time', 'time', '--event', 'status', '--value', 'nodes', '--time-unit', 'years']);
    expect(readFileSync(join(out, 'km.svg'), 'utf8')).toContain('Time (years)');
    const spec = JSON.parse(readFileSync(join(out, 'km.vl.json'), 'utf8'));
    expect(JSON.stringify(spec)).toContain('Number at risk');
    expect(Math.max(...readTsv(join(out, 'km.tsv')).map((r) => Number(r.time)))).toBeGreaterThan(3000);
  });

  it('accepts the clinical table as gzip-compressed CSV with R 1/2 event codes', async () => {
    const { gzipSync } = await import('node:zlib');
    const { writeFileSync } = await import('node:fs');
    const rows = readTsv(VETERAN);
    const csv = ['id,time,status,celltype', ...rows.map((r) => `${r.id},${r.time},${Number(r.status) + 1},"${r.celltype}"`)].join('\r\n');
    const file = join(tempDir(), 'veteran.csv.gz');
    writeFileSync(file, gzipSync('\ufeff' + csv));
    const a = survival(['--clinical', file, '--time', 'time', '--event', 'status', '--group', 'celltype']).summary;
    const b = survival(['--clinical', VETERAN, '--time', 'time', '--event', 'status', '--group', 'celltype']).summary;
    expect(a.logrank).toEqual(b.logrank);
    expect(a.cox.terms).toEqual(b.cox.terms);
  });
});

describe('groupLevels', () => {
  it('orders numeric group codes numerically and text by ICU root collation', async () => {
    const { groupLevels } = await import('../../src/pipeline/survival.js');
    expect(groupLevels(['10', '2', '1', null, '2'])).toEqual(['1', '2', '10']);
    expect(groupLevels(['b', 'A', 'a', '20-50', '>50', '<=20'])).toEqual(['<=20', '>50', '20-50', 'a', 'A', 'b']);
  });
});

describe('--clinical tcga-cdr', () => {
  it('uses the bundled TCGA-CDR table with its ID column, and cites it', () => {
    const { summary } = survival(['--clinical', 'tcga-cdr', '--endpoint', 'PFI', '--group', 'gender']);
    expect(summary.groups.map((g: { group: string }) => g.group)).toEqual(['FEMALE', 'MALE']);
    expect(summary.n).toBeGreaterThan(10_000);
    expect(summary.clinical_source).toMatchObject({ name: 'tcga-cdr', doi: '10.1016/j.cell.2018.02.052' });
  });
});
