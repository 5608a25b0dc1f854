// `migrascore model fit` / `model apply` through the CLI: the shared R reference case
// (uvm-core-os, matrix cut to its rows and samples), the empty model at lambda.1se, bad
// folds and times, apply on the same matrix and on matrices with Ensembl, Entrez or
// symbol row IDs, missing genes, and `survival --scores` on apply's output.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadGeneIdTable } from '../../src/genes/resolve.js';
import { nativeKernels } from '../../src/model/kernels.js';
import { readTsv } from '../helpers/fixtures.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { expectRelative, MODEL_FIXTURES } from '../helpers/modelCases.js';
import { writeModelData } from '../helpers/modelData.js';

const CASE = join(MODEL_FIXTURES, 'uvm-core-os', 'reference');
const EXPR = join(CASE, 'expr.tsv');
const dir = tempDir('migrascore-model-');
const out = join(dir, 'uvm');
const FIT = ['model', 'fit', '--expr', EXPR, '--clinical', 'tcga-cdr', '--cancer', 'UVM', '--endpoint', 'OS', '--genes', join(CASE, 'candidates.gmt'),
  '--log2', 'yes', '--foldid', join(CASE, 'folds.tsv'), '--lambda', 'min'];
let fit: ReturnType<typeof runCli>;
let model: any;

const riskOf = (path: string) => new Map(readTsv(path).map((r) => [r.sample, Number(r.risk)]));

beforeAll(() => {
  fit = runCli([...FIT, '--out', out]);
  model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
});

describe('model fit on the uvm-core-os reference (R glmnet 4.1-6)', () => {
  const expected = JSON.parse(readFileSync(join(CASE, 'expected', 'model.json'), 'utf8'));

  test('exit 0 and a stderr summary naming n, events, genes and lambdas', () => {
    expect(fit.status, fit.stderr).toBe(0);
    expect(fit.stderr).toMatch(/LASSO Cox on 80 samples \(UVM\), 23 events, 31 candidate genes, 10-fold CV/);
    expect(fit.stderr).toMatch(/lambda\.min = 0\.0473834 \(9 genes\), lambda\.1se = 0\.120134 \(2 genes\)/);
    expect(fit.stderr).toMatch(/9 genes selected: ITGA5 \+0\.8727, HOOK3/);
    expect(fit.stderr).toMatch(/EOGT → C3orf64\|285203/);
  });

  test('model.json: lambdas, genes and the cv table as R, to the README tolerances', () => {
    expectRelative([model.lambda_min, model.lambda_1se, model.lambda], [expected.lambda_min, expected.lambda_1se, expected.lambda], 1e-6, 'lambdas');
    expect(model.genes.map((g: any) => g.gene)).toEqual(expected.genes.map((g: any) => g.gene));
    expectRelative(model.genes.map((g: any) => g.coef), expected.genes.map((g: any) => g.coef), 1e-5, 'coef');
    expect(model.cv.length).toBe(expected.cv.length);
    expectRelative(model.cv.map((r: any) => r.cvm), expected.cv.map((r: any) => r.cvm), 1e-5, 'cvm');
    expectRelative(model.cv.map((r: any) => r.cvsd), expected.cv.map((r: any) => r.cvsd), 1e-5, 'cvsd');
    expectRelative(model.cv.map((r: any) => r.lambda), expected.cv.map((r: any) => r.lambda), 1e-6, 'cv lambda');
    expect(model.cv.map((r: any) => r.nzero)).toEqual(expected.cv.map((r: any) => r.nzero));
  });

  test('model.json keeps what applying it elsewhere needs', () => {
    const itga5 = model.genes.find((g: any) => g.gene === 'ITGA5');
    expect(itga5).toMatchObject({ row: 'ITGA5|3678', symbol: 'ITGA5', entrez: '3678', ensembl: ['ENSG00000161638'] });
    expect(model.scale.log2).toMatchObject({ mode: 'yes', applied: true });
    expect(model.candidates.used).toHaveLength(31);
    expect(model.candidates.used.find((c: any) => c.gene === 'EOGT').row).toBe('C3orf64|285203');
    expect(model.glmnet).toMatchObject({ alpha: 1, nfolds: 10, thresh: 1e-7, foldid: { source: 'file' }, lambda_rule: 'min' });
    expect(model.cohort).toMatchObject({ n: 80, events: 23, cancer: 'UVM', endpoint: 'OS' });
    const roles = model.provenance.inputs.map((i: any) => i.role);
    expect(roles).toEqual(['expression matrix', 'clinical table (built-in TCGA-CDR)', 'folds (--foldid)', 'gene set file']);
    expect(model.provenance.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.provenance.migrascore).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('risk.tsv equals R\'s predict(type = "link"), in matrix column order', () => {
    const rows = readTsv(join(out, 'risk.tsv'));
    const ref = readTsv(join(CASE, 'expected', 'risk.tsv'));
    expect(rows.map((r) => r.sample)).toEqual(ref.map((r) => r.sample));
    expectRelative(rows.map((r) => Number(r.risk)), ref.map((r) => Number(r.risk)), 1e-5, 'risk');
  });

  test('figures and the survival analysis of the median-split risk', () => {
    for (const f of ['cv.svg', 'cv.vl.json', 'coefficients.svg', 'coefficients.vl.json', 'survival/km.svg', 'survival/index.html']) expect(existsSync(join(out, f)), f).toBe(true);
    const cv = readFileSync(join(out, 'cv.svg'), 'utf8');
    expect(cv).toContain('λ.min = 0.04738');
    const spec = JSON.parse(readFileSync(join(out, 'coefficients.vl.json'), 'utf8'));
    const bars = spec.layer[0].data.values.map((v: any) => v.coef);
    expect(bars).toEqual([...bars].sort((a: number, b: number) => b - a));
    expect(bars).toHaveLength(9);
    const summary = JSON.parse(readFileSync(join(out, 'survival', 'summary.json'), 'utf8'));
    expect(summary.n).toBe(80);
    expect(summary.events).toBe(23);
    expect(summary.groups.map((g: any) => g.n)).toEqual([40, 40]);
  });

  test('the risk report says what the risk was made from, that it is in-sample, and cites glmnet', () => {
    const html = readFileSync(join(out, 'survival', 'index.html'), 'utf8');
    expect(html).toContain('survival of the LASSO Cox risk score');
    // The expression matrix is an input of the risk (not mislabelled a score table), with the fold table.
    expect(html).toMatch(/expression matrix \(the risk score: model\.json, risk\.tsv\)/);
    expect(html).not.toMatch(/>score table</);
    expect(html).toContain('fold table (--foldid)');
    expect(html).toContain('fitted on these same patients');
    expect(html).toContain('10.18637/jss.v039.i05');
  });
});

describe('model fit with each engine of the solver kernels', () => {
  // The same fit with the WebAssembly kernels and, where `npm install` built them, the native
  // kernels' portable (non-AVX2) build: the same genes, coefficients to rounding, and
  // model.json says which kernels ran.
  const hasNative = nativeKernels() !== null;
  const engines: [string, NodeJS.ProcessEnv][] = [['wasm', { MIGRASCORE_KERNELS: 'wasm' }], ...(hasNative ? [['native base', { MIGRASCORE_NATIVE_ISA: 'base' }] as [string, NodeJS.ProcessEnv]] : [])];
  if (!hasNative) console.warn('native solver kernels not built: the portable native build is not tested here');

  test.each(engines)('%s kernels give the same model', (name, env) => {
    const o = join(dir, `engine-${name.replace(' ', '-')}`);
    const r = runCli([...FIT, '--out', o], ROOT, { env: { ...process.env, ...env } });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(join(o, 'model.json'), 'utf8'));
    expect(m.glmnet.solver_kernels).toBe(name === 'wasm' ? 'WebAssembly SIMD' : 'native (base)');
    expect(m.genes.map((g: any) => g.gene)).toEqual(model.genes.map((g: any) => g.gene));
    expectRelative(m.genes.map((g: any) => g.coef), model.genes.map((g: any) => g.coef), 1e-10, 'coef');
    expectRelative(m.cv.map((r: any) => r.cvm), model.cv.map((r: any) => r.cvm), 1e-10, 'cvm');
  });
});

describe('model apply', () => {
  const table = loadGeneIdTable();
  /** The fixture matrix with its row IDs rewritten by `rename` (SYMBOL|ENTREZ → another ID). */
  const renamed = (name: string, rename: (symbol: string, entrez: string) => string) => {
    const lines = readFileSync(EXPR, 'utf8').trimEnd().split('\n');
    const path = join(dir, name);
    writeFileSync(path, [lines[0], ...lines.slice(1).map((l) => {
      const [id, ...rest] = l.split('\t');
      const [symbol, entrez] = id.split('|');
      return [rename(symbol, entrez), ...rest].join('\t');
    })].join('\n') + '\n');
    return path;
  };
  const apply = (expr: string, extra: string[] = []) => {
    const file = join(dir, `risk-${Math.random().toString(36).slice(2)}.tsv`);
    return { file, r: runCli(['model', 'apply', '--model', join(out, 'model.json'), '--expr', expr, '--log2', 'yes', '--out', file, ...extra]) };
  };
  let fitted: Map<string, number>;
  beforeAll(() => { fitted = riskOf(join(out, 'risk.tsv')); });

  test('on the fitted matrix: every sample in column order, the fitted ones as risk.tsv', () => {
    const { file, r } = apply(EXPR);
    expect(r.status, r.stderr).toBe(0);
    const rows = readTsv(file);
    expect(rows).toHaveLength(88);
    expect(rows.map((x) => x.sample)).toEqual(readFileSync(EXPR, 'utf8').split('\n')[0].split('\t').slice(1));
    const risk = riskOf(file);
    for (const [s, v] of fitted) expect(risk.get(s), s).toBe(v);
  });

  test.each([
    ['Entrez IDs', (_s: string, e: string) => e],
    ['Ensembl IDs (versioned)', (_s: string, e: string) => `${table.byEntrez.get(e)!.ensembl[0]}.7`],
    ['current symbols', (_s: string, e: string) => table.byEntrez.get(e)!.symbol],
  ])('on the same matrix with %s as row names: the same genes, the same risks', (name, rename) => {
    const { file, r } = apply(renamed(`expr-${name.split(' ')[0]}.tsv`, rename));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/scored with 9 of the 9 model genes/);
    const risk = riskOf(file);
    for (const [s, v] of fitted) expect(risk.get(s), s).toBeCloseTo(v, 12);
  });

  test('a missing gene is an error naming it; --allow-missing scores without it, loudly', () => {
    const path = join(dir, 'no-itga5.tsv');
    writeFileSync(path, readFileSync(EXPR, 'utf8').split('\n').filter((l) => !l.startsWith('ITGA5|')).join('\n'));
    const { file, r } = apply(path);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 of the 9 model genes is not in .*no-itga5\.tsv: ITGA5/);
    expect(r.stderr).toMatch(/--allow-missing/);
    expect(existsSync(file)).toBe(false);
    const allowed = apply(path, ['--allow-missing']);
    expect(allowed.r.status, allowed.r.stderr).toBe(0);
    expect(allowed.r.stderr).toMatch(/WARNING: 1 of the 9 model genes is not in .*ITGA5.*contribute 0.*NOT the model's/s);
    const coef = model.genes.find((g: any) => g.gene === 'ITGA5').coef;
    const itga5 = readFileSync(EXPR, 'utf8').split('\n').find((l) => l.startsWith('ITGA5|'))!.split('\t').slice(1).map(Number);
    const samples = readFileSync(EXPR, 'utf8').split('\n')[0].split('\t').slice(1);
    const risk = riskOf(allowed.file);
    samples.forEach((s, j) => { if (fitted.has(s)) expect(risk.get(s)).toBeCloseTo(fitted.get(s)! - coef * Math.log2(itga5[j] + 1), 10); });
  });

  test('a model of no gene: risk 0 for every sample, said so, and no scale check (no false log2 warning)', () => {
    // As fitted (log2 yes) but with no gene selected; --log2 auto would judge an empty row block.
    const empty = join(dir, 'model-no-gene.json');
    writeFileSync(empty, JSON.stringify({ ...model, genes: [] }));
    const file = join(dir, 'risk-no-gene.tsv');
    const r = runCli(['model', 'apply', '--model', empty, '--expr', EXPR, '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/88 samples scored with a model of no gene .*every risk is 0.*scale was not checked/);
    expect(r.stderr).not.toMatch(/WARNING|no non-missing values/);
    const rows = readTsv(file);
    expect(rows).toHaveLength(88);
    expect(rows.every((x) => x.risk === '0')).toBe(true);
  });

  test('survival --scores reads apply\'s output (the risk column)', () => {
    const { file } = apply(EXPR);
    const sout = join(dir, 'risk-survival');
    const r = runCli(['survival', '--scores', file, '--clinical', 'tcga-cdr', '--cancer', 'UVM', '--endpoint', 'OS', '--out', sout]);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(sout, 'summary.json'), 'utf8'));
    expect(summary.n).toBe(80);
    // The same split and test as model fit's own survival/ analysis of risk.tsv.
    const own = JSON.parse(readFileSync(join(out, 'survival', 'summary.json'), 'utf8'));
    expect(summary.logrank.p).toBeCloseTo(own.logrank.p, 12);
  });
});

describe('model fit: edge cases and bad input', () => {
  test('no gene at lambda.1se: exit 0, a warning, genes [], risk 0, no survival/', () => {
    const d = writeModelData(tempDir(), { n: 60, genes: ['TSPAN4', 'ITGA5', 'NDST1', 'PIGK', 'RAB35'], seed: 1 });
    const o = join(dir, 'empty');
    const r = runCli(['model', 'fit', '--expr', d.expr, '--clinical', d.clinical, '--time', 'time', '--event', 'status', '--genes', 'g=TSPAN4,ITGA5,NDST1,PIGK,RAB35',
      '--log2', 'no', '--nfolds', '5', '--lambda', '1se', '--out', o]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/No gene is selected at lambda\.1se/);
    expect(r.stderr).toMatch(/WARNING: no gene selected at lambda\.1se/);
    const m = JSON.parse(readFileSync(join(o, 'model.json'), 'utf8'));
    expect(m.genes).toEqual([]);
    expect(m.lambda).toBe(m.lambda_1se);
    expect(m.glmnet.foldid).toMatchObject({ source: 'seed', seed: 1 });
    expect(m.warnings.join(' ')).toMatch(/No gene is selected/);
    expect(m.cv.length).toBeGreaterThan(5);
    const risk = readTsv(join(o, 'risk.tsv'));
    expect(risk).toHaveLength(60);
    expect(risk.every((x) => x.risk === '0')).toBe(true);
    expect(existsSync(join(o, 'cv.svg'))).toBe(true);
    expect(existsSync(join(o, 'coefficients.svg'))).toBe(true);
    expect(existsSync(join(o, 'survival'))).toBe(false);
  });

  test('--foldid naming samples that are not in the matrix: an error naming them', () => {
    const folds = join(dir, 'folds-bad.tsv');
    writeFileSync(folds, readFileSync(join(CASE, 'folds.tsv'), 'utf8') + 'TCGA-XX-0001-01A\t3\nSAMPLE_99\t4\n');
    const r = runCli([...FIT.map((a) => (a.endsWith('folds.tsv') ? folds : a)), '--out', join(dir, 'bad-folds')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--foldid .*folds-bad\.tsv: 2 samples are not a column of the matrix: TCGA-XX-0001-01A, SAMPLE_99/);
    expect(existsSync(join(dir, 'bad-folds'))).toBe(false);
  });

  test('--foldid leaving analysed samples without a fold: an error naming them', () => {
    const folds = join(dir, 'folds-short.tsv');
    const lines = readFileSync(join(CASE, 'folds.tsv'), 'utf8').trimEnd().split('\n');
    writeFileSync(folds, lines.slice(0, -2).join('\n') + '\n');
    const r = runCli([...FIT.map((a) => (a.endsWith('folds.tsv') ? folds : a)), '--out', join(dir, 'short-folds')]);
    expect(r.status).toBe(1);
    const missing = lines.slice(-2).map((l) => l.split('\t')[0]);
    expect(r.stderr).toContain(`2 of the 80 analysed samples have no fold: ${missing.join(', ')}`);
  });

  test('--foldid with a fold number no analysed sample has: an error naming the file, the fold and what to do', () => {
    // Fold 3 emptied into 4; only an ACC sample (left out by --cancer UVM) keeps fold 3.
    const folds = join(dir, 'folds-gap.tsv');
    const lines = readFileSync(join(CASE, 'folds.tsv'), 'utf8').trimEnd().split('\n');
    writeFileSync(folds, [...lines.map((l) => l.replace(/\t3$/, '\t4')), 'TCGA-OR-A5J1-01A-11R-A29S-07\t3'].join('\n') + '\n');
    const r = runCli([...FIT.map((a) => (a.endsWith('folds.tsv') ? folds : a)), '--out', join(dir, 'gap-folds')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--foldid \S*folds-gap\.tsv: fold 3 of 1\.\.10 has no analysed sample \(the file gives it only samples not analysed: TCGA-OR-A5J1-01A-11R-A29S-07\)/);
    expect(r.stderr).toMatch(/renumber the folds of the analysed samples 1\.\.9/);
    expect(existsSync(join(dir, 'gap-folds'))).toBe(false);
  });

  test('times of 0 or less: an error naming the samples and lines', () => {
    const d = writeModelData(tempDir(), { n: 40, genes: ['TSPAN4', 'ITGA5', 'NDST1'], seed: 3, times: (t) => { t[4] = 0; t[9] = 0; } });
    const r = runCli(['model', 'fit', '--expr', d.expr, '--clinical', d.clinical, '--time', 'time', '--event', 'status', '--genes', 'g=TSPAN4,ITGA5,NDST1', '--out', join(dir, 'bad-times')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2 of the 40 analysed samples have a survival time of 0 or less .*S5 \(S5, line 6: 0\), S10 \(S10, line 11: 0\)/);
  });

  test('times of 0 in the built-in TCGA-CDR: the advice is about the matrix, not editing the installed table', () => {
    const r = runCli(['model', 'fit', '--expr', join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz'), '--clinical', 'tcga-cdr', '--cancer', 'DLBC', '--endpoint', 'OS',
      '--genes', 'g=ITGA5,CD82', '--out', join(dir, 'cdr-zero')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 of the 48 analysed samples has a survival time of 0 or less in the built-in TCGA-CDR table \(--clinical tcga-cdr\): TCGA-VB-A8QN-01A-11R-A38C-07/);
    expect(r.stderr).toMatch(/leave those samples out of the matrix/);
    expect(r.stderr).not.toMatch(/data\/tcga-cdr\.tsv\.gz/);
    expect(existsSync(join(dir, 'cdr-zero'))).toBe(false);
  });

  test('one event in the cohort: the error names the fold and the events, not a bare row count', () => {
    const d = writeModelData(tempDir(), { n: 40, genes: ['TSPAN4', 'ITGA5', 'NDST1'], seed: 3 });
    const lines = readFileSync(d.clinical, 'utf8').trim().split('\n');
    let kept = 0;
    const one = lines.map((l, i) => { if (i === 0) return l; const f = l.split('\t'); if (f[2] === '1' && kept++ > 0) f[2] = '0'; return f.join('\t'); });
    writeFileSync(d.clinical, one.join('\n') + '\n');
    const r = runCli(['model', 'fit', '--expr', d.expr, '--clinical', d.clinical, '--time', 'time', '--event', 'status', '--genes', 'g=TSPAN4,ITGA5,NDST1', '--nfolds', '4', '--out', join(dir, 'one-event')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cross-validation cannot fit without fold \d: its 30 training samples hold 0 events \(1 in the cohort of 40\)/);
    expect(existsSync(join(dir, 'one-event'))).toBe(false);
  });

  test('--roc-times with --time-unit years: the AUC lines on stderr give the times in years (and as given)', () => {
    const r = runCli([...FIT, '--roc-times', '365,1095', '--time-unit', 'years', '--out', join(dir, 'roc-years')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/time-dependent AUC of risk at 365 days \(1\.0 years\): 0\.\d{3} /);
    expect(r.stderr).toMatch(/time-dependent AUC of risk at 1095 days \(3\.0 years\): 0\.\d{3} /);
    expect(r.stderr).not.toMatch(/AUC of risk at 365 days:/);
  });

  test('one candidate gene: a usage error (glmnet needs two columns), naming what was found of what was asked', () => {
    const base = ['model', 'fit', '--expr', EXPR, '--clinical', 'tcga-cdr', '--cancer', 'UVM', '--endpoint', 'OS'];
    const one = runCli([...base, '--genes', 'X=ITGA5', '--out', join(dir, 'one-gene')]);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/LASSO Cox needs at least two candidate genes .*glmnet.*the candidates are one gene, found in \S*expr\.tsv: ITGA5\. Give more candidate genes with --genes/);
    expect(existsSync(join(dir, 'one-gene'))).toBe(false);
    const found = runCli([...base, '--genes', 'X=ITGA5,NOTAGENE,TSPAN18', '--out', join(dir, 'one-found')]);
    expect(found.status).toBe(2);
    expect(found.stderr).toMatch(/only 1 of the 3 candidate genes asked for is in \S*expr\.tsv: ITGA5 \(not used: NOTAGENE: .*; TSPAN18: /);
  });

  test('usage errors: --seed with --foldid, --nfolds below 3', () => {
    expect(runCli([...FIT, '--seed', '3', '--out', join(dir, 'u1')]).status).toBe(2);
    const r = runCli(['model', 'fit', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--nfolds', '2', '--out', join(dir, 'u2')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/at least 3 folds/);
  });
});
