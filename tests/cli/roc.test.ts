// --roc-times through the CLI (issue 10): tied markers and a death at t, t beyond
// follow-up (AUC null, said why), missing marker values, bad --roc-times (exit 2),
// Uno's C beside Harrell's, and pancan's auc_<T> columns on the bundled data. R values:
// riskRegression 2022.11.28 Score(..., metrics = "auc", cens.model = "km", se.fit = TRUE),
// survival 3.5-3 concordance(fit, timewt = "n/G2").
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { expectClose, FIXTURES, num, readTsv } from '../helpers/fixtures.js';

const PBC = join(FIXTURES, 'roc', 'pbc-bili', 'input.tsv');
const LUNG = join(FIXTURES, 'roc', 'lung-ties', 'input.tsv');
const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');

const survival = (input: string, out: string, ...extra: string[]) =>
  runCli(['survival', '--clinical', input, '--id', 'id', '--time', 'time', '--event', 'status', '--value', 'marker', ...extra, '--out', out]);
const summary = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

type Entry = { time: number; auc: number | null; se: number | null; lower: number | null; upper: number | null; cases: number; controls: number; note?: string };

describe('survival --roc-times', () => {
  it('tied markers and a death exactly at t: the death is a case, one ROC row per distinct value, the trapezoid gives the AUC', () => {
    // lung: a death at day 180 (L177), 100 - ph.karno takes six values.
    expect(readTsv(LUNG).filter((r) => r.time === '180').map((r) => r.status)).toEqual(['2']);
    const out = join(tempDir(), 'out');
    const r = survival(LUNG, out, '--roc-times', '180,365');
    expect(r.status, r.stderr).toBe(0);
    const [t180, t365] = summary(out).time_roc as Entry[];
    // riskRegression counts the death at 180 as a case (timeROC 0.4.1, T < t, has 61 and AUC 0.641575).
    expect([t180.cases, t180.controls]).toEqual([62, 159]);
    expectClose(t180.auc, 0.646888569815709, 1e-6, 'AUC(180)');
    expectClose(t365.se, 0.0422873004690628, 1e-6, 'se(365)');
    const roc = readTsv(join(out, 'roc.tsv'));
    for (const t of ['180', '365']) {
      const rows = roc.filter((x) => x.time === t);
      expect(rows.map((x) => x.threshold)).toEqual(['50', '40', '30', '20', '10', '0', '-Inf']);
      let area = 0;
      for (let i = 1; i < rows.length; i++) area += ((num(rows[i].fpr) - num(rows[i - 1].fpr)) * (num(rows[i].tpr) + num(rows[i - 1].tpr))) / 2;
      expectClose(area, (t === '180' ? t180 : t365).auc, 1e-12, `trapezoid ${t}`);
    }
    expect(r.stderr).toMatch(/time-dependent AUC of marker at 180 days: 0\.647 \(95% CI 0\.567–0\.727\), 62 cases, 159 controls/);
  });

  it('t before the first event or beyond the last follow-up: AUC null with the reason in summary.json and on stderr', () => {
    const out = join(tempDir(), 'out');
    const r = survival(PBC, out, '--roc-times', '10,365,5000', '--png');
    expect(r.status, r.stderr).toBe(0);
    const [early, year, late] = summary(out).time_roc as Entry[];
    expect([early.auc, early.se, early.lower, early.upper, early.cases, early.controls]).toEqual([null, null, null, null, 0, 312]);
    expect(early.note).toMatch(/no cases: no event at or before 10 days \(the first event is at 41 days\)/);
    expect([late.auc, late.se, late.cases, late.controls]).toEqual([null, null, 125, 0]);
    expect(late.note).toMatch(/no controls: 5000 days is at or beyond the end of follow-up \(last observed time 4556 days\)/);
    expect(year.note).toBeUndefined();
    expectClose(year.auc, 0.855877742946708, 1e-6, 'AUC(365)');
    expect(r.stderr).toMatch(/AUC of marker at 5000 days: NA \(no controls: 5000 days is at or beyond the end of follow-up/);
    expect(r.stderr).toMatch(/AUC of marker at 10 days: NA \(no cases/);
    // roc.tsv: rows for 365 only; a ROC figure (one curve), no AUC(t) curve from one time.
    const roc = readTsv(join(out, 'roc.tsv'));
    expect(new Set(roc.map((x) => x.time))).toEqual(new Set(['365']));
    expect(existsSync(join(out, 'roc.svg')) && existsSync(join(out, 'roc.png'))).toBe(true);
    expect(existsSync(join(out, 'auc.svg'))).toBe(false);
    expect(readFileSync(join(out, 'roc.svg'), 'utf8')).toContain('No AUC at 10 days (no cases: first event at 41 days), 5000 days (no controls: last follow-up 4556 days).');
  });

  it('--time-unit years: the stderr lines give the times (and the reasons) in years, the tables stay in days', () => {
    const out = join(tempDir(), 'out');
    const r = survival(PBC, out, '--roc-times', '365,5000', '--time-unit', 'years');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/AUC of marker at 365 days \(1\.0 years\): 0\.856 /);
    expect(r.stderr).toMatch(/AUC of marker at 5000 days \(13\.69 years\): NA \(no controls: 13\.69 years is at or beyond the end of follow-up \(last observed time 12\.47 years\)/);
    expect((summary(out).time_roc as Entry[]).map((e) => e.time)).toEqual([365, 5000]);
    expect((summary(out).time_roc as Entry[])[1].note).toMatch(/5000 days is at or beyond/);
  });

  it('two or more times: ROC figure with AUC (CI) per time in the legend and the AUC(t) curve with its band; the report lists both', () => {
    const out = join(tempDir(), 'out');
    const r = survival(PBC, out, '--roc-times', '365,1095,1825', '--conf-level', '0.9');
    expect(r.status, r.stderr).toBe(0);
    const entries = summary(out).time_roc as Entry[];
    // lower/upper at --conf-level 0.9: auc ∓ qnorm(0.95)·se.
    for (const e of entries) expectClose(e.lower, e.auc! - 1.6448536269514722 * e.se!, 1e-12, 'lower');
    const svg = readFileSync(join(out, 'roc.svg'), 'utf8');
    for (const label of ['365 days: AUC 0.856', '1095 days: AUC 0.850', '1825 days: AUC 0.876', 'Time: AUC (90% CI)']) expect(svg).toContain(label);
    const auc = JSON.parse(readFileSync(join(out, 'auc.vl.json'), 'utf8'));
    const band = auc.layer.find((l: { mark: { type: string } }) => l.mark.type === 'area');
    expect(band.data.values.map((p: { lower: number; upper: number }) => [p.lower, p.upper])).toEqual(entries.map((e) => [e.lower, e.upper]));
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('roc.svg');
    expect(html).toContain('auc.svg');
  });

  it('drops rows with a missing marker before anything else, the censoring curve included', () => {
    const rows = readFileSync(LUNG, 'utf8').trim().split('\n');
    const dir = tempDir();
    const complete = join(dir, 'complete.tsv');
    writeFileSync(complete, rows.filter((l) => !/\tNA$/.test(l)).join('\n') + '\n');
    expect(rows.length - readFileSync(complete, 'utf8').trim().split('\n').length).toBe(1);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect(survival(LUNG, a, '--roc-times', '180,365').status).toBe(0);
    expect(survival(complete, b, '--roc-times', '180,365').status).toBe(0);
    expect(summary(a).time_roc).toEqual(summary(b).time_roc);
    expect(summary(a).dropped.missing_group).toBe(1);
    expect(summary(a).time_roc_method.n).toBe(227);
    // Kept with a value, the same row (a death at day 105) would be one more case at 180.
    const filled = join(dir, 'filled.tsv');
    writeFileSync(filled, rows.map((l) => l.replace(/\tNA\tNA$/, '\t60\t40')).join('\n') + '\n');
    const c = join(dir, 'c');
    expect(survival(filled, c, '--roc-times', '180,365').status).toBe(0);
    expect(summary(c).time_roc[0].cases).toBe(63);
  });

  it("Uno's C beside Harrell's in every Cox model, as concordance(fit, timewt = \"n/G2\")", () => {
    const out = join(tempDir(), 'out');
    expect(survival(PBC, out).status).toBe(0);
    const s = summary(out);
    // coxph(Surv(time, status) ~ group) on the median split, and ~ marker.
    expectClose(s.cox.concordance.c, 0.709905188622634742, 1e-6, 'Harrell');
    expectClose(s.cox.concordance_uno.c, 0.700129739096502224, 1e-6, 'Uno group');
    expectClose(s.cox.concordance_uno.se, 0.020030482483070312, 1e-6, 'Uno group se');
    expectClose(s.cox_continuous.concordance_uno.c, 0.76800895913445988, 1e-6, 'Uno marker');
    expectClose(s.cox_continuous.concordance_uno.se, 0.02176122292109231, 1e-6, 'Uno marker se');
    expect(s.time_roc).toBeUndefined();
    expect(existsSync(join(out, 'roc.tsv'))).toBe(false);
  });

  describe('bad --roc-times: usage error (exit 2), nothing written', () => {
    const cases: [string[], RegExp][] = [
      [['--roc-times', 'abc'], /--roc-times "abc" must be a comma-separated list of times above 0.*not a positive number: "abc"/],
      [['--roc-times', '365,-30'], /not a positive number: "-30"/],
      [['--roc-times', '0'], /not a positive number: "0"/],
      [['--roc-times', '365,,730'], /not a positive number: ""/],
      [['--roc-times', '365,1e3,365'], /gives the time 365 more than once/],
      [['--roc-times', 'Infinity'], /not a positive number: "Infinity"/],
    ];
    for (const [args, message] of cases) {
      it(args.join(' '), () => {
        const out = join(tempDir(), 'out');
        const r = survival(PBC, out, ...args);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(existsSync(out)).toBe(false);
      });
    }
    it('with --group', () => {
      const out = join(tempDir(), 'out');
      const r = runCli(['survival', '--clinical', PBC, '--id', 'id', '--time', 'time', '--event', 'status', '--group', 'status', '--roc-times', '365', '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--roc-times ROCs a continuous value.*--group has categories only/);
      expect(existsSync(out)).toBe(false);
    });
  });
});

describe('pancan --roc-times on the bundled data', () => {
  let out: string;
  let stderr: string;
  beforeAll(() => {
    out = join(tempDir(), 'out');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--roc-times', '365,1095', '--out', out]);
    stderr = r.stderr;
    expect(r.status, r.stderr).toBe(0);
  });

  it('adds auc_365 and auc_1095 after the contract columns, equal to riskRegression on each cancer', () => {
    const lines = readFileSync(join(out, 'pancan.tsv'), 'utf8').trim().split('\n');
    const header = lines[0].split('\t');
    expect(header.slice(header.indexOf('cutpoint') + 1)).toEqual(['auc_365', 'auc_1095', 'hr_estimable', 'note']);
    // R: Score(list(m = value), Hist(OS.time, OS) ~ 1, <cancer>/groups.tsv joined to TCGA-CDR, times = c(365, 1095), ...)
    const R: Record<string, [number, number]> = {
      ACC: [0.432432432432432, 0.383692252485232],
      DLBC: [0.472071558205859, 0.480856837343467],
      UCS: [0.52531381287975, 0.383870816037485],
      UVM: [0.58562186136438, 0.676549372556514],
    };
    const rows = readTsv(join(out, 'pancan.tsv'));
    expect(rows.map((r) => r.cancer)).toEqual(Object.keys(R));
    for (const row of rows) {
      expectClose(num(row.auc_365), R[row.cancer][0], 1e-6, `${row.cancer} auc_365`);
      expectClose(num(row.auc_1095), R[row.cancer][1], 1e-6, `${row.cancer} auc_1095`);
    }
  });

  it('writes each cancer its roc.tsv, figures and time_roc (UVM se and Uno C as R)', () => {
    for (const c of ['ACC', 'DLBC', 'UCS', 'UVM']) {
      for (const f of ['roc.tsv', 'roc.svg', 'auc.svg']) expect(existsSync(join(out, c, f)), `${c}/${f}`).toBe(true);
    }
    const uvm = summary(join(out, 'UVM'));
    expectClose(uvm.time_roc[0].se, 0.107619694690427, 1e-6, 'UVM se(365)');
    expectClose(uvm.time_roc[1].se, 0.0819704885218572, 1e-6, 'UVM se(1095)');
    expectClose(uvm.cox_continuous.concordance_uno.c, 0.633815576632302, 1e-6, 'UVM Uno C');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('UVM/roc.svg');
    expect(stderr).not.toMatch(/unexpected/);
  });
});
