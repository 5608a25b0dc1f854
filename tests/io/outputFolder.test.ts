// The output writer itself refuses any name that would land outside the target folder,
// whatever the caller builds (the last line of defence behind pancan's safe names).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFolder } from '../../src/io/output.js';
import { tempDir } from '../helpers/cli.js';

describe('writeOutputFolder', () => {
  it.each(['../x.tsv', '../../x', '/etc/x', 'a/../../x', 'a//b', './a', 'a/./b', '', 'a\\b', 'a/..'])('refuses the name %j', async (name) => {
    const parent = tempDir();
    const out = join(parent, 'out');
    await expect(writeOutputFolder(out, [{ name: 'ok.tsv', content: 'x' }, { name, content: 'x' }], [])).rejects.toThrow(/must stay inside the --out folder/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses duplicate names and a name that is both a file and a folder', async () => {
    const out = join(tempDir(), 'out');
    await expect(writeOutputFolder(out, [{ name: 'a', content: '1' }, { name: 'a', content: '2' }], [])).rejects.toThrow(/both named "a"/);
    await expect(writeOutputFolder(out, [{ name: 'a', content: '1' }, { name: 'a/b', content: '2' }], [])).rejects.toThrow(/both a file and a folder/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes nested names and the marker', async () => {
    const out = join(tempDir(), 'out');
    await writeOutputFolder(out, [{ name: 'A/km.tsv', content: '1' }, { name: 'top.tsv', content: '2' }], []);
    expect(readdirSync(out).sort()).toEqual(['.migrascore', 'A', 'top.tsv']);
  });
});
