// Fault injection for the output writer's tests, enabled only by the environment
// variable MIGRASCORE_TEST_WRITE_HOOK (never set in normal use):
// - "pause": after the first staged file, say so on stderr and wait, so a test can
//   send a signal while the run is writing;
// - "fail-swap": fail between moving the old output aside and moving the new one in,
//   so a test can see the old output restored.
const hook = () => process.env.MIGRASCORE_TEST_WRITE_HOOK;

export async function afterStagedFile(index: number, staging: string): Promise<void> {
  if (hook() !== 'pause' || index !== 0) return;
  process.stderr.write(`migrascore-test-hook: paused while writing ${staging}\n`);
  await new Promise((r) => setTimeout(r, 30_000));
}

export function beforeSwapIn(target: string): void {
  if (hook() !== 'fail-swap') return;
  throw Object.assign(new Error(`EIO: i/o error, rename '${target}'`), { code: 'EIO', syscall: 'rename', path: target });
}
