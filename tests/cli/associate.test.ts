// `migrascore associate` as a user runs it: numeric, two-level and categorical variables,
// levels below --min-level, ties, the n = 1290 boundary of R's exact Spearman p, all-missing
// and constant variables, a covariate table keyed by sample barcodes, and refused or bad
// input (clear message, exit code, nothing half-written). The numbers are R 4.2.2's on the
// same data (cor.test / wilcox.test / kruskal.test / pairwise.wilcox.test, BH); the R fixtures
// in tests/fixtures/associate check the rest (pipeline/associateCases.test.ts).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { expectClose, readTsv, type Row } from '../helpers/fixtures.js';

// 54 patients, cancers AAA (1–30) and BBB (31–54); every value a closed form R reproduces:
// score = ((i·37) mod 101)/10, age = (i·13) mod 59 (no ties), nodes = ⌊((i·29) mod 53)/9⌋ (ties),
// sex by parity, grade G1–G3 with G4 for i = 3, 10, 17 (3 samples of AAA).
const I = Array.from({ length: 54 }, (_, k) => k + 1);
const patient = (i: number) => `TCGA-AA-${String(i).padStart(4, '0')}`;
const cancer = (i: number) => (i <= 30 ? 'AAA' : 'BBB');
const score = (i: number) => ((i * 37) % 101) / 10;
const grade = (i: number) => ([3, 10, 17].includes(i) ? 'G4' : ['G1', 'G2', 'G3'][((i * 7) % 11) % 3]);
const COLUMNS = ['patient', 'project', 'age', 'nodes', 'sex', 'grade', 'empty_in_bbb', 'constant_num', 'constant_cat', 'mixed'];
const covariateRow = (i: number, id: string) => [
  id, cancer(i), (i * 13) % 59, Math.floor(((i * 29) % 53) / 9), i % 2 === 1 ? 'male' : 'female', grade(i),
  cancer(i) === 'AAA' ? i % 7 : '[Not Available]', 7, 'yes', i % 4 === 0 ? 'high' : String(i % 4),
].join('\t');

function write(dir: string, name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** The synthetic covariates (keyed by patient, or by sample barcode) and scores (full aliquot barcodes). */
function inputs(keyedBy: 'patient' | 'sample' = 'patient', extraScores: string[] = []) {
  const dir = tempDir();
  const withFile = write(dir, 'covariates.tsv', [COLUMNS.join('\t'), ...I.map((i) => covariateRow(i, keyedBy === 'patient' ? patient(i) : `${patient(i)}-01A`))]);
  const scores = write(dir, 'scores.tsv', ['sample\tmigrasome-core', ...I.map((i) => `${patient(i)}-01A-11R-A00${i % 10}-07\t${score(i)}`), ...extraScores]);
  return { dir, withFile, scores };
}

function run(args: string[]) {
  const out = join(tempDir(), 'out');
  const r = runCli(['associate', ...args, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  const table = (name: string) => readTsv(join(out, name));
  return { out, r, rows: table('associate.tsv'), pairs: table('associate_pairs.tsv'), skipped: table('associate_skipped.tsv') };
}

const row = (rows: Row[], c: string, v: string) => {
  const found = rows.filter((r) => r.cancer === c && r.variable === v);
  expect(found.length, `${c} ${v}`).toBe(1);
  return found[0];
};
const num = (x: string) => (x === 'NA' ? null : Number(x));
function expectRow(r: Row, want: { n: number; type: string; method: string; estimate?: number; statistic: number; df?: number; p: number }) {
  expect({ n: Number(r.n), type: r.type, method: r.method }).toEqual({ n: want.n, type: want.type, method: want.method });
  expectClose(num(r.estimate), want.estimate ?? null, 1e-9, 'estimate');
  expectClose(num(r.statistic), want.statistic, 1e-9, 'statistic');
  expectClose(num(r.df), want.df ?? null, 1e-9, 'df');
  expectClose(num(r.p), want.p, 1e-6, 'p');
}
const pairMap = (pairs: Row[], c: string, v: string) =>
  Object.fromEntries(pairs.filter((p) => p.cancer === c && p.variable === v).map((p) => [`${p.level1}|${p.level2}`, Number(p.p_adjusted)]));

describe('associate: variables and tests, equal to R', () => {
  const { withFile, scores } = inputs();
  const base = ['--scores', scores, '--with', withFile, '--cancer-col', 'project'];

  it('numeric (Spearman, exact), two-level (Wilcoxon, x = first sorted level) and categorical (Kruskal + pairwise BH) variables per cancer', () => {
    const { rows, pairs, skipped, out } = run([...base, '--vars', 'age,sex,grade']);
    expect(rows.map((r) => `${r.cancer}/${r.variable}`)).toEqual(['AAA/age', 'AAA/sex', 'AAA/grade', 'BBB/age', 'BBB/sex', 'BBB/grade']);
    expectRow(row(rows, 'AAA', 'age'), { n: 30, type: 'numeric', method: 'spearman-exact', estimate: 0.035817575083426027, statistic: 4334, p: 0.8509166869664585 });
    expectRow(row(rows, 'BBB', 'age'), { n: 24, type: 'numeric', method: 'spearman-exact', estimate: 0.1034782608695652, statistic: 2062, p: 0.6292250874500469 });
    // wilcox.test(female, male): W counts female > male
    expectRow(row(rows, 'AAA', 'sex'), { n: 30, type: 'categorical', method: 'wilcoxon-exact', statistic: 120, p: 0.7748403017273614 });
    expectRow(row(rows, 'BBB', 'sex'), { n: 24, type: 'categorical', method: 'wilcoxon-exact', statistic: 77, p: 0.79874533865649755 });
    expectRow(row(rows, 'AAA', 'grade'), { n: 27, type: 'categorical', method: 'kruskal', statistic: 2.0372134038800738, df: 2, p: 0.36109770657404533 });
    expectRow(row(rows, 'BBB', 'grade'), { n: 24, type: 'categorical', method: 'kruskal', statistic: 2.1414285714285768, df: 2, p: 0.34276359881617791 });
    for (const r of rows) expectClose(num(r.fdr), 0.8509166869664585, 1e-6, `fdr ${r.cancer} ${r.variable}`); // p.adjust(all six p, "BH")
    // R's p-value matrix: rows = later levels (level1), columns = earlier (level2)
    const a = pairMap(pairs, 'AAA', 'grade');
    expect(Object.keys(a).sort()).toEqual(['G2|G1', 'G3|G1', 'G3|G2']);
    expectClose(a['G2|G1'], 0.82344281105891026, 1e-6, 'G2|G1');
    expectClose(a['G3|G1'], 0.30330453859865625, 1e-6, 'G3|G1');
    expectClose(a['G3|G2'], 0.96256684491978595, 1e-6, 'G3|G2');
    const b = pairMap(pairs, 'BBB', 'grade');
    expectClose(b['G2|G1'], 0.60584121760592347, 1e-6, 'BBB G2|G1');
    expectClose(b['G3|G1'], 0.44868881118881121, 1e-6, 'BBB G3|G1');
    expectClose(b['G3|G2'], 0.44868881118881121, 1e-6, 'BBB G3|G2');
    expect(pairs.length).toBe(6);
    expect(skipped).toEqual([{ cancer: 'AAA', variable: 'grade', level: 'G4', n: '3', reason: 'min-level' }]);
    const json = JSON.parse(readFileSync(join(out, 'associate.json'), 'utf8'));
    expect(json.variables).toEqual([{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'grade', type: 'categorical' }]);
  });

  it('levels below --min-level are dropped and listed (level, n); --min-level 3 keeps them', () => {
    const dropped = run([...base, '--vars', 'grade']);
    expect(dropped.skipped).toEqual([{ cancer: 'AAA', variable: 'grade', level: 'G4', n: '3', reason: 'min-level' }]);
    expect(row(dropped.rows, 'AAA', 'grade').n).toBe('27');
    expect(dropped.pairs.some((p) => p.level1 === 'G4' || p.level2 === 'G4')).toBe(false);
    const kept = run([...base, '--vars', 'grade', '--min-level', '3']);
    expect(kept.skipped).toEqual([]);
    expectRow(row(kept.rows, 'AAA', 'grade'), { n: 30, type: 'categorical', method: 'kruskal', statistic: 3.3512903225806525, df: 3, p: 0.34056754693417662 });
    expect(Object.keys(pairMap(kept.pairs, 'AAA', 'grade')).sort()).toEqual(['G2|G1', 'G3|G1', 'G3|G2', 'G4|G1', 'G4|G2', 'G4|G3']);
  });

  it('ties: the t approximation (spearman-asymptotic), not the exact p', () => {
    const { rows } = run([...base, '--vars', 'nodes']);
    expectRow(row(rows, 'AAA', 'nodes'), { n: 30, type: 'numeric', method: 'spearman-asymptotic', estimate: 0.078744433042792675, statistic: 4141.0437734726465, p: 0.67915412503846095 });
    expectRow(row(rows, 'BBB', 'nodes'), { n: 24, type: 'numeric', method: 'spearman-asymptotic', estimate: 0.19005419170435997, statistic: 1862.8753590799722, p: 0.37372681884766379 });
  });

  it('a variable missing in every sample of one cancer (TCGA token) is tested in the other and listed as all-missing', () => {
    const { rows, skipped } = run([...base, '--vars', 'empty_in_bbb']);
    expect(rows.map((r) => r.cancer)).toEqual(['AAA']);
    expect(row(rows, 'AAA', 'empty_in_bbb')).toMatchObject({ n: '30', method: 'spearman-asymptotic' });
    expect(skipped).toEqual([{ cancer: 'BBB', variable: 'empty_in_bbb', level: 'NA', n: '0', reason: 'all-missing' }]);
  });

  it('constant variables (numeric or text) are not tested: a skipped row with n, nothing in associate.tsv; the pairs file is its header', () => {
    const { rows, skipped, out } = run([...base, '--vars', 'constant_num,constant_cat']);
    expect(rows).toEqual([]);
    expect(skipped).toEqual([
      { cancer: 'AAA', variable: 'constant_num', level: 'NA', n: '30', reason: 'constant' },
      { cancer: 'AAA', variable: 'constant_cat', level: 'NA', n: '30', reason: 'constant' },
      { cancer: 'BBB', variable: 'constant_num', level: 'NA', n: '24', reason: 'constant' },
      { cancer: 'BBB', variable: 'constant_cat', level: 'NA', n: '24', reason: 'constant' },
    ]);
    expect(readFileSync(join(out, 'associate_pairs.tsv'), 'utf8')).toBe('cancer\tvariable\tlevel1\tlevel2\tp_adjusted\n');
  });

  it('a column with one non-number is categorical; --min-samples turns a test into a skipped row', () => {
    const { rows, skipped, out } = run([...base, '--vars', 'mixed,age', '--min-samples', '25']);
    expect(row(rows, 'AAA', 'mixed')).toMatchObject({ type: 'categorical', method: 'kruskal', df: '3' });
    expect(JSON.parse(readFileSync(join(out, 'associate.json'), 'utf8')).variables[0]).toEqual({ name: 'mixed', type: 'categorical' });
    // BBB has 24 samples: below --min-samples 25
    expect(skipped).toEqual([
      { cancer: 'BBB', variable: 'mixed', level: 'NA', n: '24', reason: 'min-samples' },
      { cancer: 'BBB', variable: 'age', level: 'NA', n: '24', reason: 'min-samples' },
    ]);
  });

  it('without a cancer column (or with --pooled) all samples are one cohort, "all"', () => {
    const { rows } = run(['--scores', scores, '--with', withFile, '--vars', 'age']);
    expect(rows.map((r) => [r.cancer, r.n])).toEqual([['all', '54']]);
  });
});

describe('associate: n = 1290 is the last exact Spearman p (R cor.test)', () => {
  it('1,291 samples without ties: t approximation; 1,290: AS 89', () => {
    // score j and the permutation v = (j·7919) mod 1291 (1291 is prime): no ties
    const dir = tempDir();
    const J = Array.from({ length: 1291 }, (_, j) => j);
    const id = (j: number) => `TCGA-BB-${String(j).padStart(4, '0')}`;
    const v = (j: number) => (j * 7919) % 1291;
    const withFile = write(dir, 'big.tsv', ['patient\tv1291\tv1290', ...J.map((j) => `${id(j)}\t${v(j)}\t${j === 0 ? 'NA' : v(j)}`)]);
    const scores = write(dir, 'scores.tsv', ['sample\tscore', ...J.map((j) => `${id(j)}-01A\t${j}`)]);
    const { rows } = run(['--scores', scores, '--with', withFile, '--vars', 'v1291,v1290']);
    expectRow(row(rows, 'all', 'v1291'), { n: 1291, type: 'numeric', method: 'spearman-asymptotic', estimate: 0.0058823529411764696, statistic: 356504486, p: 0.83276795745099574 });
    expectRow(row(rows, 'all', 'v1290'), { n: 1290, type: 'numeric', method: 'spearman-exact', estimate: 0.0035686578743211795, statistic: 356504486, p: 0.89809531204646853 });
  });
});

describe('associate: a covariate table keyed by sample barcodes', () => {
  it('joins aliquot barcodes at the patient level, tumours only, one per patient: the same answer as the patient-keyed table', () => {
    // a normal (11A) of patient 1 and a second vial (01B) of patient 2, with scores that would change every test
    const extra = [`${patient(1)}-11A-11R-A001-07\t99`, `${patient(2)}-01B-11R-A002-07\t-99`];
    const bySample = inputs('sample', extra);
    const byPatient = inputs('patient');
    const vars = ['--cancer-col', 'project', '--vars', 'age,sex,grade,nodes'];
    const a = run(['--scores', bySample.scores, '--with', bySample.withFile, '--id', 'patient', ...vars]);
    const b = run(['--scores', byPatient.scores, '--with', byPatient.withFile, ...vars]);
    for (const f of ['associate.tsv', 'associate_pairs.tsv', 'associate_skipped.tsv']) {
      expect(readFileSync(join(a.out, f), 'utf8'), f).toBe(readFileSync(join(b.out, f), 'utf8'));
    }
    expect(row(a.rows, 'AAA', 'age').n).toBe('30');
    const join_ = JSON.parse(readFileSync(join(a.out, 'associate.json'), 'utf8')).join;
    expect(join_).toMatchObject({ matched: 54, matched_by_patient: 54, dropped: { excluded_sample_type: 1, duplicate_samples: 1 } });
    const scored = readTsv(join(a.out, 'scores.tsv'));
    expect(scored.length).toBe(54);
    // patient 2's score is its 01A's, not the 01B's -99; patient 1's not its normal's 99
    expect(scored.find((s) => s.patient === patient(2))).toMatchObject({ cancer: 'AAA', 'migrasome-core': String(score(2)) });
    expect(scored.find((s) => s.patient === patient(1))).toMatchObject({ cancer: 'AAA', 'migrasome-core': String(score(1)) });
  });
});

describe('associate: refused and bad input', () => {
  const { withFile, scores, dir } = inputs();
  const fails = (args: string[], code: number, message: RegExp) => {
    const out = join(tempDir(), 'out');
    const r = runCli(['associate', ...args, '--out', out]);
    expect(r.status, r.stderr).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out), 'nothing written').toBe(false);
    return r.stderr;
  };

  it('an unknown --vars column: exit 2, names it and lists the available columns (and a case-folded near match)', () => {
    const msg = fails(['--scores', scores, '--with', withFile, '--vars', 'age,tumour_grade'], 2, /no column "tumour_grade"/);
    expect(msg).toContain('Available columns: project, age, nodes, sex, grade, empty_in_bbb, constant_num, constant_cat, mixed');
    expect(msg).toContain(withFile);
    fails(['--scores', scores, '--with', withFile, '--vars', 'AGE'], 2, /Did you mean "age"/);
  });

  it('--scores with --genes: exit 2 (a score table has no genes)', () => {
    fails(['--scores', scores, '--with', withFile, '--vars', 'age', '--genes'], 2, /--genes.*--expr/);
  });

  it('--pooled with --cancer-col: exit 2', () => {
    fails(['--scores', scores, '--with', withFile, '--vars', 'age', '--pooled', '--cancer-col', 'project'], 2, /--cancer-col.*--pooled.*not both/);
  });

  it('neither or both of --expr and --scores: exit 2', () => {
    fails(['--with', withFile, '--vars', 'age'], 2, /--expr FILE.*--scores FILE/);
    fails(['--expr', scores, '--scores', scores, '--with', withFile, '--vars', 'age'], 2, /not both/);
  });

  it('a score that is not a number: exit 1 naming the file, line and column', () => {
    const bad = write(dir, 'bad-scores.tsv', ['sample\tmigrasome-core', `${patient(1)}-01A\t0.5`, `${patient(2)}-01A\tabc`]);
    fails(['--scores', bad, '--with', withFile, '--vars', 'age'], 1, /bad-scores\.tsv, line 3, column "migrasome-core": "abc" is not a number/);
  });

  it('a failure after the analysis leaves the previous run untouched and no stray files', () => {
    const out = join(tempDir(), 'out');
    expect(runCli(['associate', '--scores', scores, '--with', withFile, '--cancer-col', 'project', '--vars', 'age,grade', '--out', out]).status).toBe(0);
    const files = (readdirSync(out, { recursive: true }) as string[]).filter((f) => statSync(join(out, f)).isFile());
    expect(files).toEqual(expect.arrayContaining(['associate.tsv', 'associate_pairs.tsv', 'associate_skipped.tsv', 'associate.json']));
    const before = Object.fromEntries(files.map((f) => [f, readFileSync(join(out, f))]));
    // a quoted CSV level holding a line break cannot be written to associate_pairs.tsv: the run fails at the output stage
    const csv = write(dir, 'broken.csv', ['patient,project,grade', ...I.map((i) => `${patient(i)},${cancer(i)},${['"G1\nsee notes"', 'G2', 'G3'][i % 3]}`)]);
    const r = runCli(['associate', '--scores', scores, '--with', csv, '--cancer-col', 'project', '--vars', 'grade', '--out', out]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/line break/);
    expect((readdirSync(out, { recursive: true }) as string[]).filter((f) => statSync(join(out, f)).isFile()).sort()).toEqual(Object.keys(before).sort());
    for (const [f, content] of Object.entries(before)) expect(readFileSync(join(out, f)).equals(content), f).toBe(true);
    expect(readdirSync(dirname(out))).toEqual(['out']);
  });
});
