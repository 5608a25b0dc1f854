import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe.each([['survival', 30], ['score', 10], ['pancan', 30]])('migrascore %s --help', (command, minimum) => {
  it('lists every option and uses each one in an example', () => {
    const r = runCli([command as string, '--help']);
    expect(r.status).toBe(0);
    const [options, examples] = r.stdout.split('Examples:');
    const flags = [...options.matchAll(/^\s+(--[a-z0-9-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help');
    expect(flags.length).toBeGreaterThanOrEqual(minimum as number);
    for (const flag of flags) expect(examples, `${flag} has no example`).toContain(`${flag} `);
  });

});

describe('migrascore', () => {
  it('exits 0 for --version and 2 for an unknown command', () => {
    expect(runCli(['--version']).status).toBe(0);
    const r = runCli(['survive']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
