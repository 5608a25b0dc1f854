// `pancan --scores FILE`: precomputed scores instead of --expr, split and modelled within
// each cancer. Fed the very scores `pancan --expr` computed per cancer, it gives the same
// results; fed scores of the whole matrix, it still cuts within each cancer.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { quantileType7 } from '../../src/stats/quantile.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { readTsv } from '../helpers/fixtures.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const CANCERS = ['ACC', 'DLBC', 'UCS', 'UVM'];
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('pancan --scores with the scores pancan --expr computed within each cancer', () => {
  let fromExpr = '';
  let fromScores = '';
  let stderr = '';
  beforeAll(() => {
    const dir = tempDir();
    fromExpr = join(dir, 'expr');
    const common = ['--clinical', 'tcga-cdr', '--endpoint', 'OS', '--split', 'optimal', '--covariates', 'age_at_initial_pathologic_diagnosis'];
    const a = runCli(['pancan', '--expr', EXPR, ...common, '--out', fromExpr]);
    expect(a.status, a.stderr).toBe(0);
    // groups.tsv of each cancer holds the score of each analysed patient (column value)
    const lines = ['sample\tcore'];
    for (const c of CANCERS) for (const r of readTsv(join(fromExpr, c, 'groups.tsv'))) lines.push(`${r.sample}\t${r.value}`);
    const scores = join(dir, 'scores.tsv');
    writeFileSync(scores, lines.join('\n') + '\n');
    fromScores = join(dir, 'scores');
    const b = runCli(['pancan', '--scores', scores, '--score', 'core', ...common, '--out', fromScores]);
    expect(b.status, b.stderr).toBe(0);
    stderr = b.stderr;
  }, 120_000); // two pancan runs: more than the 10 s hook default on a loaded machine

  it('gives the same pancan.tsv and the same per-cancer analyses', () => {
    expect(readFileSync(join(fromScores, 'pancan.tsv'), 'utf8')).toBe(readFileSync(join(fromExpr, 'pancan.tsv'), 'utf8'));
    for (const c of CANCERS) {
      const a = json(join(fromExpr, c, 'summary.json'));
      const b = json(join(fromScores, c, 'summary.json'));
      for (const key of ['n', 'events', 'groups', 'logrank', 'cutpoint', 'cox', 'cox_adjusted']) expect(b[key], `${c} ${key}`).toEqual(a[key]);
      // the continuous model's term is named after the score column
      expect(b.cox_continuous.terms[0].term).toBe('core');
      expect(b.cox_continuous.terms[0].hr).toBe(a.cox_continuous.terms[0].hr);
      expect(b.input.grouping).toMatchObject({ source: 'scores', column: 'core' });
      expect(readFileSync(join(fromScores, c, 'km.tsv'), 'utf8')).toBe(readFileSync(join(fromExpr, c, 'km.tsv'), 'utf8'));
    }
    expect(stderr).toMatch(/score "core" of .*scores\.tsv/);
  });

  it('records the score table as the input and has no gene matching to report', () => {
    const run = json(join(fromScores, 'pancan.json'));
    expect(run.scores.column).toBe('core');
    expect(run.scoring).toBeUndefined();
    expect(run.inputs.map((i: { role: string }) => i.role)).toEqual(['clinical table (built-in TCGA-CDR)', 'score table']);
    const html = readFileSync(join(fromScores, 'index.html'), 'utf8');
    expect(html).toContain('No gene set was scored (scores given).');
    expect(html).toContain('<dt>Scores</dt>');
    expect(html).not.toContain('GSVA');
    for (const f of ['forest.svg', 'score_distribution.svg', 'ACC/cutpoint.svg']) expect(existsSync(join(fromScores, f)), f).toBe(true);
  });
});

describe('pancan --scores from the whole matrix', () => {
  it('splits within each cancer: each median cut is that cancer\'s own', () => {
    const dir = tempDir();
    const scores = join(dir, 'scores.tsv');
    const s = runCli(['score', '--expr', EXPR, '--out', scores]);
    expect(s.status, s.stderr).toBe(0);
    const out = join(dir, 'out');
    const r = runCli(['pancan', '--scores', scores, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    // the cancer of each sample, from TCGA-CDR by patient barcode
    const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').trim().split('\n').map((l) => l.split('\t'));
    const type = cdr[0].indexOf('type');
    const cancerOf = new Map(cdr.slice(1).map((row) => [row[1], row[type]]));
    const table = readTsv(scores);
    const set = Object.keys(table[0])[1];
    const rows = readTsv(join(out, 'pancan.tsv'));
    expect(rows.map((x) => x.cancer)).toEqual(CANCERS);
    for (const row of rows) {
      const groups = readTsv(join(out, row.cancer, 'groups.tsv'));
      const values = Float64Array.from(groups.map((g) => Number(g.value)));
      expect(Number(row.cutpoint)).toBe(quantileType7(values, 0.5));
      // every analysed patient is of this cancer, and their scores are the table's
      const bySample = new Map(table.map((t) => [t.sample.slice(0, 12), Number(t[set])]));
      for (const g of groups) {
        expect(cancerOf.get(g.sample)).toBe(row.cancer);
        expect(Number(g.value)).toBe(bySample.get(g.sample));
      }
    }
  });
});

describe('pancan --scores usage', () => {
  const base = ['pancan', '--clinical', 'tcga-cdr', '--endpoint', 'OS'];
  it('has no per-gene analysis without a matrix, and wants exactly one score source (exit 2)', () => {
    const scores = join(tempDir(), 's.tsv');
    writeFileSync(scores, 'sample\tx\nTCGA-OR-A5J1\t1\n');
    const perGene = runCli([...base, '--scores', scores, '--per-gene', '--out', join(tempDir(), 'x')]);
    expect(perGene.status).toBe(2);
    expect(perGene.stderr).toMatch(/--per-gene fits a Cox model to each gene's expression, which a score table does not have/);
    const both = runCli([...base, '--scores', scores, '--expr', EXPR, '--out', join(tempDir(), 'x')]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/either --expr FILE or --scores FILE, not both/);
    const none = runCli([...base, '--out', join(tempDir(), 'x')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--expr FILE .* or --scores FILE/);
    const method = runCli([...base, '--scores', scores, '--method', 'gsva', '--out', join(tempDir(), 'x')]);
    expect(method.status).toBe(2);
  });
});
