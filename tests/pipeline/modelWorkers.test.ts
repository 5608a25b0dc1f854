// `model fit` with the cross-validation fits in worker threads gives the same model,
// number for number, as in one thread (the fits are the same functions on the same data).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MIN_CELLS_FOR_WORKERS } from '../../src/pipeline/coxnetWorkers.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeModelData } from '../helpers/modelData.js';

describe('model fit in worker threads', () => {
  test('--threads 2 and --threads 1 write identical numbers', () => {
    const genes = Array.from({ length: 220 }, (_, j) => `GX${String(j + 1).padStart(4, '0')}`);
    const n = 200;
    expect(n * genes.length).toBeGreaterThanOrEqual(MIN_CELLS_FOR_WORKERS);
    const dir = tempDir();
    const d = writeModelData(dir, { n, genes, signal: 0.8, seed: 11 });
    const fit = (threads: string) => {
      const out = join(dir, `t${threads}`);
      const r = runCli(['model', 'fit', '--expr', d.expr, '--clinical', d.clinical, '--time', 'time', '--event', 'status', '--genes', `all=${genes.join(',')}`,
        '--log2', 'no', '--nfolds', '5', '--seed', '3', '--threads', threads, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      return { r, model: JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')), risk: readFileSync(join(out, 'risk.tsv'), 'utf8') };
    };
    const one = fit('1');
    const two = fit('2');
    expect(two.model.provenance.threads).toBe(2);
    expect(one.model.provenance.threads).toBe(1);
    expect(two.r.stderr).toMatch(/2 threads/);
    expect(two.model.genes.length).toBeGreaterThan(0);
    expect(two.model.genes[0].gene).toBe('GX0001');
    for (const k of ['lambda_min', 'lambda_1se', 'genes', 'cv']) expect(two.model[k], k).toEqual(one.model[k]);
    expect(two.risk).toBe(one.risk);
  });

  // The workers start before the matrix is read, from clinical rows × candidate genes (an upper bound).
  test('workers started before reading are dropped when the design turns out small', () => {
    const genes = Array.from({ length: 150 }, (_, j) => `GX${String(j + 1).padStart(4, '0')}`);
    const asked = [...genes, ...Array.from({ length: 70 }, (_, j) => `ABSENT${j + 1}`)];
    const n = 200;
    expect(n * asked.length).toBeGreaterThanOrEqual(MIN_CELLS_FOR_WORKERS);
    expect(n * genes.length).toBeLessThan(MIN_CELLS_FOR_WORKERS);
    const dir = tempDir();
    const d = writeModelData(dir, { n, genes, signal: 0.8, seed: 5 });
    const fit = (threads: string) => {
      const out = join(dir, `t${threads}`);
      const r = runCli(['model', 'fit', '--expr', d.expr, '--clinical', d.clinical, '--time', 'time', '--event', 'status', '--genes', `all=${asked.join(',')}`,
        '--log2', 'no', '--nfolds', '4', '--seed', '3', '--threads', threads, '--out', out], undefined, { timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
    };
    const two = fit('2');
    expect(two.provenance.threads).toBe(1);
    expect(two.genes.length).toBeGreaterThan(0);
    expect(two.cv).toEqual(fit('1').cv);
  });

  test('a reading error after the workers started exits 1 without waiting on them', () => {
    const genes = Array.from({ length: 220 }, (_, j) => `GX${String(j + 1).padStart(4, '0')}`);
    const dir = tempDir();
    const d = writeModelData(dir, { n: 200, genes, seed: 7 });
    const absent = Array.from({ length: 220 }, (_, j) => `ABSENT${j + 1}`);
    const t0 = Date.now();
    const r = runCli(['model', 'fit', '--expr', d.expr, '--clinical', d.clinical, '--time', 'time', '--event', 'status', '--genes', `none=${absent.join(',')}`,
      '--log2', 'no', '--threads', '2', '--out', join(dir, 'out')], undefined, { timeout: 60_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/No candidate gene is in/);
    expect(Date.now() - t0).toBeLessThan(60_000);
  });
});
