// Every bad input named in the survival issue: message (file, line, column, what to
// do), exit code, and no output folder left behind.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

function clinical(text: string, name = 'clinical.tsv'): { dir: string; file: string; out: string } {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file, out: join(dir, 'out') };
}

const GOOD = ['id\ttime\tstatus\tarm', 'p1\t10\t1\tA', 'p2\t20\t0\tA', 'p3\t15\t1\tB', 'p4\t30\t1\tB', 'p5\t25\t0\tA', 'p6\t5\t1\tB'];

function run(text: string, extra: string[], base = ['--time', 'time', '--event', 'status', '--group', 'arm']) {
  const c = clinical(text);
  const r = runCli(['survival', '--clinical', c.file, ...base, ...extra, '--out', c.out]);
  return { ...r, ...c };
}

function expectFailure(r: ReturnType<typeof run>, code: number, ...patterns: RegExp[]) {
  expect(r.status, r.stderr).toBe(code);
  for (const p of patterns) expect(r.stderr).toMatch(p);
  expect(existsSync(r.out), 'no output folder after a failure').toBe(false);
}

describe('survival: bad input', () => {
  it('accepts the good table (control)', () => {
    const r = run(GOOD.join('\n'), []);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(r.out, 'summary.json'))).toBe(true);
  });

  it('names a missing column and lists the columns that exist', () => {
    const r = run(GOOD.join('\n'), [], ['--time', 'days', '--event', 'status', '--group', 'arm']);
    expectFailure(r, 1, /clinical\.tsv/, /no column "days"/, /"id", "time", "status", "arm"/);
  });

  it('suggests the right case for a column name', () => {
    const r = run(GOOD.join('\n'), [], ['--time', 'Time', '--event', 'status', '--group', 'arm']);
    expectFailure(r, 1, /Did you mean "time"/);
  });

  it('rejects a non-numeric time with its line and column', () => {
    const rows = [...GOOD];
    rows[3] = 'p3\tsoon\t1\tB';
    expectFailure(run(rows.join('\n'), []), 1, /line 4, column "time"/, /"soon" is not a number/);
  });

  it('rejects a negative time with its line', () => {
    const rows = [...GOOD];
    rows[2] = 'p2\t-20\t0\tA';
    expectFailure(run(rows.join('\n'), []), 1, /line 3, column "time"/, /negative/);
  });

  it('lists unknown event codes with their lines', () => {
    const rows = [...GOOD];
    rows[1] = 'p1\t10\tyes\tA';
    rows[4] = 'p4\t30\t3\tB';
    expectFailure(run(rows.join('\n'), []), 1, /column "status"/, /"yes" \(line 2\)/, /"3" \(line 5\)/, /0\/1/);
  });

  it('rejects duplicate IDs naming both lines', () => {
    const rows = [...GOOD];
    rows[5] = 'p2\t25\t0\tA';
    expectFailure(run(rows.join('\n'), []), 1, /ID "p2" appears twice \(lines 3 and 6\)/, /--id/);
  });

  it('needs two groups after filtering', () => {
    const rows = GOOD.map((r, i) => (i > 0 && r.endsWith('B') ? r.replace(/\t1\tB$/, '\tNA\tB') : r));
    expectFailure(run(rows.join('\n'), []), 1, /only one group \("A", \d+ rows\) remains of --group column "arm"/, /3 rows without time or event/, /at least two groups/);
  });

  it('needs at least one event', () => {
    const rows = GOOD.map((r, i) => (i > 0 ? r.replace(/\t1\t/, '\t0\t') : r));
    expectFailure(run(rows.join('\n'), []), 1, /none of the 6 patients has an event/);
  });

  it('reports a cutpoint that --minprop makes impossible', () => {
    const rows = ['id\ttime\tstatus\tx', ...Array.from({ length: 20 }, (_, i) => `p${i}\t${10 + i}\t${i % 2}\t${i < 19 ? 1 : 2}`)];
    const r = run(rows.join('\n'), ['--split', 'optimal', '--minprop', '0.2'], ['--time', 'time', '--event', 'status', '--value', 'x']);
    expectFailure(r, 1, /--minprop 0\.2/, /"x"/, /Lower --minprop/);
  });

  it('rejects a non-numeric --value cell', () => {
    const rows = ['id\ttime\tstatus\tx', 'a\t1\t1\t1.5', 'b\t2\t0\thigh', 'c\t3\t1\t2'];
    const r = run(rows.join('\n'), [], ['--time', 'time', '--event', 'status', '--value', 'x']);
    expectFailure(r, 1, /line 3, column "x"/, /"high" is not a number/);
  });

  it('names a row with the wrong number of fields', () => {
    const rows = [...GOOD];
    rows[2] = 'p2\t20\t0\tA\textra';
    expectFailure(run(rows.join('\n'), []), 1, /line 3: 5 tab-separated fields, but the header has 4/);
  });

  it('reports a missing file', () => {
    const dir = tempDir();
    const r = runCli(['survival', '--clinical', join(dir, 'nope.tsv'), '--time', 't', '--event', 'e', '--group', 'g', '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not found: .*nope\.tsv/);
  });

  it('exits 2 on usage errors', () => {
    expectFailure(run(GOOD.join('\n'), [], ['--time', 'time', '--event', 'status']), 2, /exactly one grouping/);
    expectFailure(run(GOOD.join('\n'), ['--split', 'thirds'], ['--time', 'time', '--event', 'status', '--value', 'time']), 2, /--split "thirds"/);
    expectFailure(run(GOOD.join('\n'), ['--ties', 'exact']), 2, /efron/);
    const noOut = runCli(['survival', '--clinical', 'x.tsv', '--time', 't', '--event', 'e', '--group', 'g']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
  });

  it('never overwrites an input file', () => {
    const c = clinical(GOOD.join('\n'), 'summary.json');
    const before = readFileSync(c.file, 'utf8');
    const r = runCli(['survival', '--clinical', c.file, '--time', 'time', '--event', 'status', '--group', 'arm', '--out', c.dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/input .*summary\.json lies inside --out/);
    expect(readFileSync(c.file, 'utf8')).toBe(before);
  });
});
