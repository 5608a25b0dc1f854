import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { expectAllClose, NOMOGRAM_CASES, NOMOGRAM_DIR, nomogramExpected } from '../helpers/nomogramCases.js';

const runNomogramCli = (args: string[], cwd = ROOT) => runCli(['model', 'nomogram', ...args], cwd);

function readTsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

describe.each(NOMOGRAM_CASES)('migrascore model nomogram vs rms 6.5: %s', (name) => {
  const e = nomogramExpected(name);
  const out = join(tempDir('migrascore-nomogram-'), 'out');
  let run: ReturnType<typeof runNomogramCli>;
  let json: any;
  beforeAll(() => {
    run = runNomogramCli([...e.args, '--out', out], join(NOMOGRAM_DIR, name));
    if (run.status === 0) json = JSON.parse(readFileSync(join(out, 'nomogram.json'), 'utf8'));
  });

  test('exits 0 and writes every output', () => {
    expect(run.status, run.stderr).toBe(0);
    for (const f of ['nomogram.json', 'nomogram.tsv', 'predictions.tsv', 'calibration.tsv', 'nomogram.svg', 'calibration.svg', 'nomogram.vl.json', 'calibration.vl.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(run.stderr).toContain(`on ${e.n} patients, ${e.events} events`);
  });

  test('cph coefficients, SEs and hazard-ratio intervals', () => {
    expect(json.n).toBe(e.n);
    expect(json.events).toBe(e.events);
    expect(json.cph.terms.map((t: any) => t.term)).toEqual(e.terms);
    expectAllClose(json.cph.terms.map((t: any) => t.coef), e.coef, 1e-9, 'coef');
    expectAllClose(json.cph.terms.map((t: any) => t.se), e.se, 1e-9, 'se');
    expectAllClose(json.cph.terms.map((t: any) => t.hr), e.hr, 1e-9, 'hr');
    expectAllClose(json.cph.terms.map((t: any) => t.hr_lower), e.hr_lower, 1e-9, 'hr_lower');
    expectAllClose(json.cph.terms.map((t: any) => t.hr_upper), e.hr_upper, 1e-9, 'hr_upper');
    expectAllClose(json.cph.loglik, e.loglik, 1e-12, 'loglik');
    expectAllClose(json.baseline.map((b: any) => b.surv), e.baseline.surv, 1e-10, 'baseline surv');
  });

  test('points per predictor value, total points and the survival axes', () => {
    const nom = json.nomogram;
    expect(nom.points_per_unit_lp).toBeCloseTo(e.nomogram.scale, 8);
    e.nomogram.predictors.forEach((p, k) => {
      expect(nom.predictors[k].name).toBe(p.name);
      expect(nom.predictors[k].values.map((v: any) => v.value)).toEqual(p.values);
      expectAllClose(nom.predictors[k].values.map((v: any) => v.points), p.points, 1e-9, `${p.name} points`);
    });
    expect(nom.total_points).toEqual(e.nomogram.total_points);
    expectAllClose(nom.linear_predictor.map((t: any) => t.points), e.nomogram.lp.points, 1e-9, 'lp points');
    e.nomogram.survival.forEach((s, k) => {
      expect(nom.survival[k].time).toBe(s.time);
      expectAllClose(nom.survival[k].axis.map((t: any) => t.survival), s.values, 0, `S(${s.time}) values`);
      expectAllClose(nom.survival[k].axis.map((t: any) => t.points), s.points, 1e-8, `S(${s.time}) points`);
      expectAllClose(nom.survival[k].at_total_points.map((t: any) => t.survival ?? NaN), s.surv_at_total_points, 1e-10, `S(${s.time}) at total points`);
    });
    // nomogram.tsv holds the same axes, one row per tick.
    const rows = readTsv(join(out, 'nomogram.tsv'));
    const first = e.nomogram.predictors[0];
    const mine = rows.filter((r) => r.axis === first.name);
    expectAllClose(mine.map((r) => Number(r.points)), first.points, 1e-9, 'nomogram.tsv points');
  });

  test('calibration groups as calibrate(cmethod = "KM") / groupkm', () => {
    const rows = readTsv(join(out, 'calibration.tsv'));
    const c = e.calibration;
    expect(rows.map((r) => Number(r.n))).toEqual(c.n);
    expect(rows.map((r) => Number(r.events))).toEqual(c.events);
    expectAllClose(rows.map((r) => Number(r.predicted)), c.mean_predicted, 1e-10, 'mean predicted');
    expectAllClose(rows.map((r) => Number(r.observed)), c.observed, 1e-10, 'KM observed');
    expectAllClose(rows.map((r) => Number(r.std_err)), c.std_err, 1e-9, 'std.err');
    expectAllClose(json.calibration.cuts, c.cuts, 1e-12, 'cuts');
    expect(json.calibration.time).toBe(c.time);
  });

  test('predictions.tsv: each patient\'s linear predictor and predicted survival at the calibration time', () => {
    const rows = readTsv(join(out, 'predictions.tsv'));
    expect(rows).toHaveLength(e.n);
    expectAllClose(rows.map((r) => Number(r.linear_predictor)), e.linear_predictors, 1e-9, 'lp');
    expectAllClose(rows.map((r) => Number(r[`surv_${e.calibration.time}`])), e.calibration.predicted, 1e-9, 'predicted S(u)');
  });

  test('figures say what they show', () => {
    const nomSvg = readFileSync(join(out, 'nomogram.svg'), 'utf8');
    for (const label of ['Points', 'Total Points', 'Linear Predictor', ...e.nomogram.predictors.map((p) => p.name)]) expect(nomSvg).toContain(label);
    expect(nomSvg).toMatch(/survival probability/);
    const calSvg = readFileSync(join(out, 'calibration.svg'), 'utf8');
    expect(calSvg).toContain('Kaplan–Meier');
    expect(calSvg).toContain(`n=${e.calibration.n[0]}`);
  });
});

describe('migrascore model nomogram: input errors', () => {
  const lung = join(NOMOGRAM_DIR, 'lung');
  const base = ['--clinical', 'clinical.tsv', '--id', 'id', '--time', 'time', '--event', 'status'];

  test('no predictor at all is a usage error (exit 2)', () => {
    const r = runNomogramCli([...base, '--times', '365', '--out', join(tempDir(), 'o')], lung);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--scores FILE.*--covariates/);
  });

  test('a time beyond the follow-up is refused with the longest follow-up named (exit 1), nothing written', () => {
    const out = join(tempDir(), 'o');
    const r = runNomogramCli([...base, '--covariates', 'age', '--times', '365,5000', '--out', out], lung);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--times 5000');
    expect(r.stderr).toContain('1022');
    expect(existsSync(out)).toBe(false);
  });

  test('an unknown covariate column is named', () => {
    const r = runNomogramCli([...base, '--covariates', 'age,weight', '--times', '365', '--out', join(tempDir(), 'o')], lung);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('weight');
  });

  test('collinear predictors are refused as cph refuses a singular X', () => {
    const dir = tempDir();
    const text = readFileSync(join(lung, 'clinical.tsv'), 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'c.tsv'), [`${text[0]}\tage2`, ...text.slice(1).map((l) => { const age = l.split('\t')[3]; return `${l}\t${age === 'NA' ? 'NA' : 2 * Number(age)}`; })].join('\n') + '\n');
    const r = runNomogramCli(['--clinical', 'c.tsv', '--id', 'id', '--time', 'time', '--event', 'status', '--covariates', 'age,age2', '--times', '365', '--out', join(dir, 'o')], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/collinear: age2/);
  });

  test('--surv-at marks the chosen probabilities only', () => {
    const out = join(tempDir(), 'o');
    const r = runNomogramCli([...base, '--covariates', 'age,sex,ph.ecog', '--times', '365', '--surv-at', '0.7,0.5,0.3', '--out', out], lung);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'nomogram.json'), 'utf8'));
    expect(json.nomogram.survival[0].axis.map((t: any) => t.survival)).toEqual([0.7, 0.5, 0.3]);
    const R = nomogramExpected('lung').nomogram.survival[0];
    expect(json.nomogram.survival[0].axis[1].points).toBeCloseTo(R.points[R.values.indexOf(0.5)], 8);
  });
});
