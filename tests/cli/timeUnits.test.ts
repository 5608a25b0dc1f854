// --time-in / --time-unit through `migrascore survival`: statistics on the times as given
// (as R on that column), every output naming the unit, warnings when the data contradict
// it, and --pdf.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { FIXTURES, readTsv } from '../helpers/fixtures.js';

const VETERAN = join(FIXTURES, 'survival', 'veteran-celltype', 'input.tsv');
const MONTH = 365.25 / 12;
let months = '';

function survival(args: string[]) {
  const out = join(tempDir(), 'out');
  const r = runCli(['survival', '--event', 'status', '--group', 'celltype', ...args, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  return { out, stderr: r.stderr, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')), svg: readFileSync(join(out, 'km.svg'), 'utf8') };
}

const medians = (s: { groups: { median: number | null }[] }) => s.groups.map((g) => g.median);

beforeAll(() => {
  // the veteran trial with its times in months, as cBioPortal names such a column
  const rows = readTsv(VETERAN);
  months = join(tempDir(), 'veteran-months.tsv');
  writeFileSync(months, ['id\tOS_MONTHS\tstatus\tcelltype', ...rows.map((r) => `${r.id}\t${Number(r.time) / MONTH}\t${r.status}\t${r.celltype}`)].join('\n') + '\n');
});

describe('survival --time-in', () => {
  it('computes on the months as given and shows months everywhere', () => {
    const days = survival(['--clinical', VETERAN, '--time', 'time']);
    const m = survival(['--clinical', months, '--time', 'OS_MONTHS', '--time-in', 'months']);
    // R on the months column: the same tests, medians and times in months
    expect(m.summary.logrank.chisq).toBeCloseTo(days.summary.logrank.chisq, 9);
    m.summary.cox.terms.forEach((t: { hr: number }, i: number) => expect(t.hr).toBeCloseTo(days.summary.cox.terms[i].hr, 9));
    medians(m.summary).forEach((v, i) => expect(v).toBeCloseTo(medians(days.summary)[i]! / MONTH, 12));
    const kmTimes = readTsv(join(m.out, 'km.tsv')).map((r) => Number(r.time));
    expect(Math.max(...kmTimes)).toBeCloseTo(999 / MONTH, 9);
    expect(m.summary.time_unit).toEqual({ input: 'months', display: 'months' });
    expect(days.summary.time_unit).toEqual({ input: 'days', display: 'days' });
    // stderr: adeno's median is 51 days = 1.676 months
    expect(m.stderr).toMatch(/adeno: n=27, events=26, median=1\.676 months/);
    expect(days.stderr).toMatch(/adeno: n=27, events=26, median=51 days/);
    expect(m.svg).toContain('>Time (months)<');
    expect(m.summary.warnings).toEqual([]);
    expect(m.stderr).not.toMatch(/warning/);
  });

  it('reads --times and --rmst-tau in the input unit', () => {
    const days = survival(['--clinical', VETERAN, '--time', 'time', '--times', String(6 * MONTH), '--rmst-tau', String(12 * MONTH)]);
    const m = survival(['--clinical', months, '--time', 'OS_MONTHS', '--time-in', 'months', '--times', '6', '--rmst-tau', '12']);
    expect(m.summary.at_times.map((a: { time: number }) => a.time)).toEqual([6, 6, 6, 6]);
    m.summary.at_times.forEach((a: { surv: number; n_risk: number }, i: number) => {
      expect(a.surv).toBeCloseTo(days.summary.at_times[i].surv, 12);
      expect(a.n_risk).toBe(days.summary.at_times[i].n_risk);
    });
    m.summary.groups.forEach((g: { rmst: number }, i: number) => expect(g.rmst).toBeCloseTo(days.summary.groups[i].rmst / MONTH, 9));
  });

  it('shows another display unit with --time-unit, keeping the tables in the input unit', () => {
    const m = survival(['--clinical', months, '--time', 'OS_MONTHS', '--time-in', 'months', '--time-unit', 'years']);
    expect(m.summary.time_unit).toEqual({ input: 'months', display: 'years' });
    expect(m.stderr).toMatch(/adeno: n=27, events=26, median=0\.1396 years/);
    expect(m.svg).toContain('>Time (years)<');
    expect(m.svg).not.toContain('>Time (months)<');
    const html = readFileSync(join(m.out, 'index.html'), 'utf8');
    expect(html).toContain('Median (years)');
    expect(html).toMatch(/adeno 0\.1396 years/);
    expect(html).toMatch(/months \(shown in years\)/);
    expect(Math.max(...readTsv(join(m.out, 'km.tsv')).map((r) => Number(r.time)))).toBeCloseTo(999 / MONTH, 9);
  });

  it('warns when a months column is read as days (stderr and summary.json)', () => {
    const m = survival(['--clinical', months, '--time', 'OS_MONTHS']);
    expect(m.stderr).toMatch(/warning: The time column "OS_MONTHS" is named like months but its times are read as days/);
    expect(m.stderr).toMatch(/warning: The longest follow-up in "OS_MONTHS" is 32\.82 days, shorter than 60 days/);
    expect(m.summary.warnings.some((w: string) => w.includes('add --time-in months'))).toBe(true);
    expect(readFileSync(join(m.out, 'index.html'), 'utf8')).toContain('named like months but its times are read as days');
    expect(m.summary.time_unit).toEqual({ input: 'days', display: 'days' });
  });

  it('refuses an unknown unit (usage error)', () => {
    const r = runCli(['survival', '--clinical', months, '--time', 'OS_MONTHS', '--event', 'status', '--group', 'celltype', '--time-in', 'hours', '--out', join(tempDir(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--time-in/);
  });
});

describe('survival figure options', () => {
  it('names what the figure shows, applies --title/--palette/--ci/--max-time, and writes km.pdf with --pdf', () => {
    const m = survival(['--clinical', months, '--time', 'OS_MONTHS', '--time-in', 'months', '--ci', 'on', '--max-time', '12', '--break-time', '3',
      '--palette', 'jco', '--title', 'Veteran lung cancer trial', '--width', '500', '--height', '300', '--pdf']);
    expect(m.svg).toContain('>Veteran lung cancer trial<');
    expect(m.svg).toContain('>Grouped by celltype<');
    expect(m.svg).toContain('stroke="#0073C2"');
    expect(m.svg).toContain('>Shaded: 95% confidence intervals<');
    const spec = JSON.parse(readFileSync(join(m.out, 'km.vl.json'), 'utf8'));
    expect(spec.vconcat[0].width).toBe(500);
    expect(spec.vconcat[0].height).toBe(300);
    expect(spec.vconcat[0].layer[1].encoding.x.axis.values).toEqual([0, 3, 6, 9, 12]);
    const pdf = readFileSync(join(m.out, 'km.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(m.stderr).toMatch(/wrote .*km\.svg, km\.pdf/);
    expect(readFileSync(join(m.out, 'index.html'), 'utf8')).toContain('km.pdf'); // linked from the report
    // the default: the endpoint in the title, no PDF
    const d = survival(['--clinical', VETERAN, '--time', 'time']);
    expect(d.svg).toContain('>Survival (time, status)<');
    expect(d.stderr).not.toMatch(/km\.pdf/);
  });
});
