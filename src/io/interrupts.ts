// While outputs are being written, SIGINT/SIGTERM/SIGHUP run a cleanup (remove the
// staging folder, put an old output back) before the process exits with 128+signal,
// as a shell reports a killed command. Writing is asynchronous so a signal is handled
// between two files rather than after the whole write.
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function withInterruptCleanup<T>(cleanup: () => string | undefined, work: () => Promise<T>): Promise<T> {
  const handler = (signal: NodeJS.Signals) => {
    let note: string | undefined;
    try { note = cleanup(); } catch (e) { note = `cleanup failed: ${(e as Error).message}`; }
    try { process.stderr.write(`migrascore: interrupted (${signal})${note ? `; ${note}` : ''}.\n`); } catch { /* stderr gone */ }
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  for (const s of SIGNALS) process.on(s, handler);
  try {
    return await work();
  } finally {
    // A signal that arrived during the last synchronous step is delivered on this turn.
    await new Promise((r) => setImmediate(r));
    for (const s of SIGNALS) process.off(s, handler);
  }
}
