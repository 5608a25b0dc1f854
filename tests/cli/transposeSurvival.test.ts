// --transpose for `survival --expr` and `pancan --expr`: the demo matrix written with
// samples in rows gives exactly the results of the original; a transposed file without
// the flag is explained; one-group and constant-gene failures name what to look at.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const DEMO = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
let dir = '';
let transposed = '';

beforeAll(() => {
  dir = tempDir();
  const rows = gunzipSync(readFileSync(DEMO)).toString('utf8').split('\n').filter((l) => l).map((l) => l.split('\t'));
  const out: string[] = [];
  for (let j = 0; j < rows[0].length; j++) out.push(rows.map((r) => r[j]).join('\t'));
  transposed = join(dir, 'samples-by-genes.tsv.gz');
  writeFileSync(transposed, gzipSync(out.join('\n') + '\n'));
});

describe('--transpose in survival and pancan', () => {
  it('pancan --expr --transpose equals pancan on the original matrix; the report warns about a set mostly missing', () => {
    const set = ['--geneset', 'x=TSPAN4,ITGB1,NDST1,nope1,Nope2,NOPE3,NOPE4'];
    const a = runCli(['pancan', '--expr', DEMO, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--method', 'zscore', ...set, '--out', join(dir, 'pa')]);
    const b = runCli(['pancan', '--expr', transposed, '--transpose', '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--method', 'zscore', ...set, '--out', join(dir, 'pb')]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(readFileSync(join(dir, 'pb', 'pancan.tsv'), 'utf8')).toBe(readFileSync(join(dir, 'pa', 'pancan.tsv'), 'utf8'));
    expect(b.stderr).toMatch(/WARNING: gene set "x" is scored on only 3 of its 7 genes; not in the matrix: nope1, Nope2, NOPE3, NOPE4/);
    const html = readFileSync(join(dir, 'pb', 'index.html'), 'utf8');
    expect(html).toMatch(/WARNING: gene set (&quot;|&#34;|")x(&quot;|&#34;|") is scored on only 3 of its 7 genes/);
  });

  it('survival --expr explains a transposed matrix, then reads it with --transpose', () => {
    const common = ['survival', '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--method', 'meanz'];
    const r = runCli([...common, '--expr', transposed, '--out', join(dir, 'sx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/looks transposed: its header names genes/);
    expect(r.stderr).toMatch(/first column holds "TCGA-/);
    expect(r.stderr).toMatch(/Add --transpose/);
    const a = runCli([...common, '--expr', DEMO, '--out', join(dir, 'sa')]);
    const b = runCli([...common, '--expr', transposed, '--transpose', '--out', join(dir, 'sb')]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const sa = JSON.parse(readFileSync(join(dir, 'sa', 'summary.json'), 'utf8'));
    const sb = JSON.parse(readFileSync(join(dir, 'sb', 'summary.json'), 'utf8'));
    for (const key of ['n', 'events', 'groups', 'logrank', 'cox', 'cox_continuous']) expect(sb[key], key).toEqual(sa[key]);
  });
});

describe('survival: messages that say what to do', () => {
  it('names the split value, the cut and the range when only one group remains', () => {
    const d = tempDir();
    const clinical = join(d, 'c.tsv');
    writeFileSync(clinical, ['id\ttime\tstatus\tage', 'p1\t10\t1\t50', 'p2\t20\t0\t50', 'p3\t\t1\t61', 'p4\t15\t1\t50', 'p5\t30\t1\t50'].join('\n') + '\n');
    const r = runCli(['survival', '--clinical', clinical, '--time', 'time', '--event', 'status', '--value', 'age', '--out', join(d, 'o')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/only one group \("low", 4 rows\) remains of --value column "age" split by median at 50 \(all 4 values equal 50; left out before: 1 row without time or event, 0 without a value\)/);
  });

  it('fails with the reason when the scored set has only constant genes in the cohort', () => {
    const d = tempDir();
    const samples = ['TCGA-AA-0001-01A', 'TCGA-AA-0002-01A', 'TCGA-AA-0003-01A', 'TCGA-AA-0004-01A'];
    const expr = join(d, 'e.tsv');
    writeFileSync(expr, [['gene', ...samples].join('\t'), 'TSPAN4\t5\t5\t5\t5', 'ITGB1\t2\t2\t2\t2', 'GAPDH\t1\t2\t3\t4', 'ACTB\t4\t1\t3\t2', 'NDST1\t2\t3\t1\t5'].join('\n') + '\n');
    const clinical = join(d, 'c.tsv');
    writeFileSync(clinical, ['id\ttime\tstatus', 'TCGA-AA-0001\t10\t1', 'TCGA-AA-0002\t20\t0', 'TCGA-AA-0003\t15\t1', 'TCGA-AA-0004\t30\t1'].join('\n') + '\n');
    const r = runCli(['survival', '--clinical', clinical, '--time', 'time', '--event', 'status', '--expr', expr, '--geneset', 'x=TSPAN4,ITGB1', '--method', 'gsva', '--out', join(d, 'o')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/all 2 of its genes found have the same value in every sample \(TSPAN4, ITGB1\), and gsva leaves constant genes out/);
  });
});
