// `pancan --covariates`: the group's hazard ratio adjusted for the covariates (the
// cox_adjusted model) in pancan.tsv's extra columns, a forest plot and a report table;
// a cancer where a covariate is missing for everyone is skipped, naming the covariate.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PANCAN_COLUMNS, PANCAN_EXTRA_COLUMNS } from '../../src/pipeline/pancanOutputs.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { readTsv } from '../helpers/fixtures.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const AGE = 'age_at_initial_pathologic_diagnosis';
const ADJUSTED = ['hr_covariate_adjusted', 'hr_covariate_adjusted_lower', 'hr_covariate_adjusted_upper', 'p_covariate_adjusted'];
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const num = (s: string) => (s === 'NA' ? null : Number(s));

describe('pancan --covariates', () => {
  let out = '';
  beforeAll(() => {
    out = join(tempDir(), 'cov');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--covariates', AGE, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it('adds the adjusted group HR after the contract columns, equal to survival --cancer C --covariates', () => {
    const header = readFileSync(join(out, 'pancan.tsv'), 'utf8').split('\n')[0].split('\t');
    expect(header).toEqual([...PANCAN_COLUMNS, ...ADJUSTED, ...PANCAN_EXTRA_COLUMNS]);
    const rows = readTsv(join(out, 'pancan.tsv'));
    expect(rows.map((r) => r.cancer)).toEqual(['ACC', 'DLBC', 'UCS', 'UVM']);
    for (const row of rows) {
      const alone = join(tempDir(), row.cancer);
      const r = runCli(['survival', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--cancer', row.cancer, '--covariates', AGE, '--out', alone]);
      expect(r.status, r.stderr).toBe(0);
      const adjusted = json(join(alone, 'summary.json')).cox_adjusted;
      expect(adjusted.formula).toBe(`Surv ~ group + ${AGE}`);
      const term = adjusted.terms.find((t: { term: string }) => t.term === 'group=high');
      expect([row.hr_covariate_adjusted, row.hr_covariate_adjusted_lower, row.hr_covariate_adjusted_upper, row.p_covariate_adjusted].map(num), row.cancer)
        .toEqual([term.hr, term.hr_lower, term.hr_upper, term.p]);
      // and it is not the unadjusted HR
      expect(num(row.hr_covariate_adjusted)).not.toBe(num(row.hr));
      expect(json(join(out, row.cancer, 'summary.json')).cox_adjusted).toEqual(adjusted);
    }
  });

  it('draws a forest plot of the adjusted HRs and a report table', () => {
    for (const f of ['forest_adjusted.vl.json', 'forest_adjusted.svg']) expect(existsSync(join(out, f)), f).toBe(true);
    const svg = readFileSync(join(out, 'forest_adjusted.svg'), 'utf8');
    for (const c of ['ACC', 'DLBC', 'UCS', 'UVM']) expect(svg).toContain(`>${c}<`);
    expect(svg).toContain(`adjusted for ${AGE}`);
    const rows = readTsv(join(out, 'pancan.tsv'));
    const spec = readFileSync(join(out, 'forest_adjusted.vl.json'), 'utf8');
    expect(spec).toContain(`"hr": ${Number(rows.find((r) => r.cancer === 'UCS')!.hr_covariate_adjusted)}`);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain(`>Adjusted for ${AGE}</h4>`);
    expect(html.match(/<table class="data adjusted">[\s\S]*?<\/table>/)![0].match(/<tr/g)).toHaveLength(1 + 4);
    expect(html).toContain('data-figure="forest_adjusted"');
  });

  it('has no extra columns without --covariates', () => {
    const plain = join(tempDir(), 'plain');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--cancers', 'UCS,UVM', '--min-samples', '5', '--out', plain]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(plain, 'pancan.tsv'), 'utf8').split('\n')[0].split('\t')).toEqual([...PANCAN_COLUMNS, ...PANCAN_EXTRA_COLUMNS]);
    expect(existsSync(join(plain, 'forest_adjusted.svg'))).toBe(false);
  });
});

describe('a covariate missing for everyone in a cancer', () => {
  it('skips that cancer with "no complete cases for covariate X", not "no events"', () => {
    // menopause_status is recorded for UCS (women) only
    const out = join(tempDir(), 'meno');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--covariates', `${AGE},menopause_status`, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readTsv(join(out, 'pancan.tsv')).map((x) => x.cancer)).toEqual(['UCS']);
    const skipped = readTsv(join(out, 'pancan_skipped.tsv'));
    expect(skipped.map((s) => s.cancer)).toEqual(['ACC', 'DLBC', 'UVM']);
    for (const s of skipped) {
      expect(s.reason).toMatch(new RegExp(`^no complete cases for covariate menopause_status \\(missing for all ${s.n} patients\\)`));
      expect(s.reason).not.toMatch(/no events/);
    }
    expect(r.stderr).toMatch(/ACC: skipped: no complete cases for covariate menopause_status/);
  });

  it('is an error naming the covariate for survival (as R\'s coxph stops)', () => {
    const r = runCli(['survival', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--cancer', 'ACC', '--covariates', 'menopause_status', '--out', join(tempDir(), 'x')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no complete cases for covariate menopause_status \(missing for all 79 patients\)\. Drop it from --covariates/);
  });
});
