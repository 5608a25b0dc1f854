// The pan-cancer report through the CLI: every output file linked, times in the display
// unit in the text, and the cancer types left out by --cancers as a collapsed note.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/format/numbers.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const EXPR = join(ROOT, 'examples', 'tcga-mini-pancan.rsem.tsv.gz');

/** Every file under `dir`, relative to it. */
function walk(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f), root) : [relative(root, join(dir, f))]));
}

const fileHrefs = (html: string) => [...html.matchAll(/<a href="([^"]*)" class="file">/g)].map((m) => decodeURIComponent(m[1]));
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe('pancan report', () => {
  it('with --cancers: the other cancer types are a collapsed note, every file is linked, medians in months', () => {
    const out = join(tempDir(), 'chosen');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS,PFI', '--cancers', 'UVM,UCS', '--time-unit', 'months', '--png', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = unescape(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(html).toContain('<details class="note"><summary>31 other cancer types of the clinical table not analysed (--cancers chose UVM, UCS)</summary>' +
      '<p>Chosen with --cancers: UVM, UCS. Cancer types with samples, not chosen: ACC, DLBC. 29 cancer types of the clinical table had no sample in the matrix: BLCA');
    expect(html.match(/<ul class="messages">[\s\S]*?<\/ul>/)![0]).not.toMatch(/had no sample/);
    // every written file is linked, and every link names a written file
    const written = walk(out).filter((f) => f !== '.migrascore').sort(); // the marker is not a result
    expect(written).toContain('PFI/UVM/km.png');
    expect([...new Set(fileHrefs(html))].sort()).toEqual(written);
    // medians in the display unit, in the text as in summary.json (days / 30.4375)
    const s = JSON.parse(readFileSync(join(out, 'OS', 'UVM', 'summary.json'), 'utf8'));
    const high = s.groups.find((g: { group: string }) => g.group === 'high');
    expect(high.median).not.toBeNull();
    expect(html).toContain(`high ${formatTime(high.median / 30.4375, 'months')}`);
    expect(html).not.toMatch(/Median OS: [^<]*days/);
  });

  it('without --cancers: cancer types without samples stay a visible message', () => {
    const out = join(tempDir(), 'all');
    const r = runCli(['pancan', '--expr', EXPR, '--clinical', 'tcga-cdr', '--endpoint', 'OS', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html.match(/<ul class="messages">[\s\S]*?<\/ul>/)![0]).toMatch(/<li>29 cancer types of the clinical table had no sample in the matrix: BLCA, BRCA/);
    expect(html).not.toContain('<details class="note">');
    // the per-cancer details: groups, tests and Cox models of each cancer
    expect(html.match(/<details class="cohort-details">/g)).toHaveLength(4);
  });
});
