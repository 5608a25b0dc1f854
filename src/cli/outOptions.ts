// --out/--force for the commands that write a folder (survival, pancan): the folder is
// checked before any computation, so a wrong --out fails in a second, not after the run.
// Also pancan's "nothing analysed" failure, decided before anything is written.
import { existsSync } from 'node:fs';
import { MigrascoreError } from '../errors.js';
import { assertRegularInput } from '../io/inputPaths.js';
import { checkOutputFolder } from '../io/outputPaths.js';

export const FORCE_HELP = 'replace --out even when it is a non-empty folder migrascore did not write (a run replaces its --out folder whole)';

/** Checks --out and the inputs that must be regular files; `inputs` may hold undefined or built-in names. */
export function checkFolderRun(o: Record<string, any>, inputs: (string | undefined)[], regular: Record<string, string | undefined>): void {
  for (const [flag, path] of Object.entries(regular)) assertRegularInput(path, flag);
  const files = [...inputs, ...((o.geneset as string[] | undefined) ?? [])].filter((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
  checkOutputFolder(o.out, { force: Boolean(o.force), inputs: files });
}

/** pancan with no cancer analysed (for any endpoint) is a failed run: exit 1 with the reasons. */
export function noCancerAnalysedError(endpoints: { endpoint: { name: string }; results: unknown[]; skipped: { cancer: string; reason: string }[] }[], minSamples: number): MigrascoreError | null {
  if (endpoints.some((ep) => ep.results.length > 0)) return null;
  const reasons = endpoints.map((ep) => {
    const list = ep.skipped.slice(0, 12).map((s) => `${s.cancer}: ${s.reason}`).join('; ');
    const more = ep.skipped.length > 12 ? `; … (${ep.skipped.length} in all)` : '';
    return `${endpoints.length > 1 ? `${ep.endpoint.name}: ` : ''}${list || 'no cancer type to analyse'}${more}`;
  });
  return new MigrascoreError(
    `No cancer type could be analysed, so nothing was written (${reasons.join(' | ')}). ` +
      `Check the endpoint and cancer columns, choose other --cancers, or lower --min-samples (now ${minSamples}).`,
  );
}
