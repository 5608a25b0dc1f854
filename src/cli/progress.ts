// Progress of a per-cancer loop on stderr: a bar redrawn in place on a terminal, one plain
// line per step otherwise (logs, CI), shared by the commands that loop over cancers.

/** Reports step `index` (0-based) of `total`: `label` on the bar, `line` as the plain-text line. */
export function reportProgress(index: number, total: number, label: string, line: () => string): void {
  const done = index + 1;
  if (process.stderr.isTTY) {
    const width = 24;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`);
    if (done === total) process.stderr.write('\n');
  } else {
    process.stderr.write(`${line()}\n`);
  }
}
