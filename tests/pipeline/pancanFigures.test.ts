// `migrascore pancan` with a clinical table in months: --time-in through the report,
// pancan.json and stderr, the warning when months are read as days, figures that name
// what they show, and --pdf beside every SVG.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');
const CANCERS = ['ACC', 'DLBC', 'UCS', 'UVM'];
let clinical = '';

function pancan(args: string[]) {
  const out = join(tempDir(), 'pancan');
  const r = runCli(['pancan', '--expr', EXPR, '--clinical', clinical, '--id', 'patient', '--cancer-col', 'cancer', '--time', 'OS_MONTHS', '--event', 'OS', ...args, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  return { out, stderr: r.stderr, json: JSON.parse(readFileSync(join(out, 'pancan.json'), 'utf8')), html: readFileSync(join(out, 'index.html'), 'utf8') };
}

beforeAll(() => {
  // the four demo cancers of TCGA-CDR with OS in months
  const cdr = gunzipSync(readFileSync(join(ROOT, 'data', 'tcga-cdr.tsv.gz'))).toString('utf8').split('\n');
  const h = cdr[0].split('\t');
  const [id, type, time, os] = ['bcr_patient_barcode', 'type', 'OS.time', 'OS'].map((c) => h.indexOf(c));
  const rows = cdr.slice(1).map((l) => l.split('\t')).filter((c) => CANCERS.includes(c[type]));
  clinical = join(tempDir(), 'clinical-months.tsv');
  writeFileSync(clinical, ['patient\tcancer\tOS_MONTHS\tOS', ...rows.map((c) => `${c[id]}\t${c[type]}\t${c[time] === 'NA' ? 'NA' : Number(c[time]) / (365.25 / 12)}\t${c[os]}`)].join('\n') + '\n');
});

describe('pancan --time-in and figures', () => {
  it('reports medians in months, records the units, writes a PDF beside every SVG', () => {
    const p = pancan(['--time-in', 'months', '--pdf', '--palette', 'jco', '--title', '{cancer}, {endpoint}']);
    expect(p.json.time_unit).toEqual({ input: 'months', display: 'months' });
    expect(p.json.warnings).toEqual([]);
    expect(p.stderr).not.toMatch(/warning/);
    // the report's per-cancer text: ACC's low-score median is 2385 days = 78.36 months
    expect(p.html).toMatch(/Median OS: low 78\.36 months/);
    expect(p.html).not.toMatch(/Median OS:[^<]* days/);
    expect(p.html).toMatch(/Time unit/);
    for (const f of ['forest', 'score_distribution']) {
      expect(readFileSync(join(p.out, `${f}.pdf`)).subarray(0, 5).toString(), f).toBe('%PDF-');
    }
    for (const c of CANCERS) {
      expect(existsSync(join(p.out, c, 'km.pdf')), c).toBe(true);
      const svg = readFileSync(join(p.out, c, 'km.svg'), 'utf8');
      expect(svg).toContain(`>${c}, OS<`);
      expect(svg).toContain('>migrasome-core score (ssGSEA), median split<');
      expect(svg).toContain('>Time (months)<');
      expect(svg).toContain('stroke="#0073C2"');
      expect(JSON.parse(readFileSync(join(p.out, c, 'summary.json'), 'utf8')).time_unit).toEqual({ input: 'months', display: 'months' });
    }
    const svgs = readdirSync(p.out).filter((f) => f.endsWith('.svg'));
    for (const s of svgs) expect(existsSync(join(p.out, s.replace(/\.svg$/, '.pdf'))), s).toBe(true);
  });

  it('warns when the months column is read as days, in stderr, pancan.json and the report', () => {
    const p = pancan(['--split', 'optimal', '--per-gene']);
    expect(p.stderr).toMatch(/warning: The time column "OS_MONTHS" is named like months but its times are read as days/);
    expect(p.json.warnings.some((w: string) => w.includes('--time-in months'))).toBe(true);
    expect(p.html).toContain('named like months but its times are read as days');
    expect(existsSync(join(p.out, 'forest.pdf'))).toBe(false);
    // figures say what they show: cancer and endpoint, score method and set, cut rule
    const km = readFileSync(join(p.out, 'ACC', 'km.svg'), 'utf8');
    expect(km).toContain('>ACC \u00b7 Overall survival (OS)<');
    expect(km).toContain('>migrasome-core score (ssGSEA), optimal cutpoint (maxstat, data-driven)<');
    const cut = readFileSync(join(p.out, 'ACC', 'cutpoint.svg'), 'utf8');
    expect(cut).toContain('>ACC \u00b7 Overall survival (OS): optimal cutpoint<');
    expect(cut).toContain('>migrasome-core score (ssGSEA), maxstat log-rank cutpoint search<');
    const forest = readFileSync(join(p.out, 'forest.svg'), 'utf8');
    expect(forest).toContain('Overall survival (OS); migrasome-core score (ssGSEA), optimal cutpoint (maxstat, data-driven) within each cancer');
    const dist = readFileSync(join(p.out, 'score_distribution.svg'), 'utf8');
    expect(dist).toContain('>migrasome-core score (ssGSEA) by cancer<');
    expect(dist).toContain('optimal cutpoint (maxstat, data-driven) within each cancer');
    const heat = readFileSync(join(p.out, 'heatmap.svg'), 'utf8');
    expect(heat).toContain('>Genes of migrasome-core; Overall survival (OS)<');
  });

  it('three score groups: the forest, report and stderr show the high vs low term of the Cox model of all groups; pancan.tsv keeps hr NA and says why', () => {
    const p = pancan(['--split', 'quantiles:0.33,0.67']);
    const tsv = readFileSync(join(p.out, 'pancan.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const col = (name: string) => tsv[0].indexOf(name);
    for (const row of tsv.slice(1)) {
      const cancer = row[0];
      expect(row[col('hr')], cancer).toBe('NA');
      expect(row[col('note')]).toMatch(/^3 score groups: no single group HR \(hr NA\); the high vs low term/);
      const high = JSON.parse(readFileSync(join(p.out, cancer, 'summary.json'), 'utf8')).cox.terms.find((t: any) => t.term === 'group=high');
      const shown = `${high.hr.toFixed(2)} (${high.hr_lower.toFixed(2)}\u2013${high.hr_upper.toFixed(2)})`;
      expect(p.stderr).toMatch(new RegExp(`${cancer} +n= *\\d+ +HR high vs low ${shown.replace(/[()]/g, '\\$&')}`));
      expect(readFileSync(join(p.out, 'forest.svg'), 'utf8')).toContain(`>${shown}<`);
      expect(p.html).toContain(`${shown}<div class="small muted">high vs low</div>`);
    }
    const forest = readFileSync(join(p.out, 'forest.svg'), 'utf8');
    expect(forest).not.toContain('not estimable');
    expect(forest).toContain('HR: the high versus low term of the Cox model of all 3 groups.');
  });
});
