// A grouping or factor covariate with very many levels (typically the ID column named
// by mistake) makes one Kaplan–Meier curve and one Cox coefficient per level: minutes
// of work and gigabytes for a model nobody can estimate. Refused up front.
// --group: more than 50 groups is no longer a comparison of groups (survminer draws
// at most a few dozen curves; the log-rank test has levels − 1 df). Factor covariates:
// more than 100 levels means more than 99 coefficients, beyond any cohort's events
// (the usual 10 events per coefficient would need 1000 events).
import { MigrascoreError } from '../errors.js';
import type { DesignTerm } from '../survival/design.js';

export const GROUP_LEVEL_CAP = 50;
export const COVARIATE_LEVEL_CAP = 100;

function levelCount(values: readonly (string | null)[]): { levels: number; present: number } {
  const distinct = new Set<string>();
  let present = 0;
  for (const v of values) if (v !== null) { distinct.add(v); present++; }
  return { levels: distinct.size, present };
}

function idHint(levels: number, present: number): string {
  return levels === present ? ` (every value is different: is it an ID column?)` : '';
}

export function assertGroupLevels(values: readonly (string | null)[], column: string): void {
  const { levels, present } = levelCount(values);
  if (levels <= GROUP_LEVEL_CAP) return;
  throw new MigrascoreError(
    `--group "${column}" has ${levels} distinct values${idHint(levels, present)}; more than ${GROUP_LEVEL_CAP} groups cannot be compared ` +
      `(one Kaplan–Meier curve and one Cox coefficient per group). Choose a column of a few categories, or split a numeric column with --value COL --split median.`,
  );
}

export function assertCovariateLevels(term: DesignTerm): void {
  if (term.kind !== 'factor') return;
  const { levels, present } = levelCount(term.values);
  if (levels <= COVARIATE_LEVEL_CAP) return;
  throw new MigrascoreError(
    `--covariates "${term.name}" is a text column with ${levels} levels${idHint(levels, present)}; as a factor it would add ${levels - 1} Cox coefficients ` +
      `(at most ${COVARIATE_LEVEL_CAP} levels are accepted). Leave it out, or recode it into a few categories (a numeric column enters the model as one term).`,
  );
}
