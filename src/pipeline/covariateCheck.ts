// Before an adjusted Cox model: a covariate missing for every patient (or covariates
// never present together) leaves no complete case. R's coxph stops there ("No
// (non-missing) observations"); we say which covariate, instead of a misleading
// "no events" from fitting zero rows.
import { MigrascoreError } from '../errors.js';
import type { DesignTerm } from '../survival/design.js';

function present(term: DesignTerm, i: number): boolean {
  return term.kind === 'numeric' ? !Number.isNaN(term.values[i]) : term.values[i] !== null;
}

/** Throws when the covariates leave no complete case, or no event among the complete cases. */
export function requireCompleteCases(covariates: DesignTerm[], event: ArrayLike<number>, context: string): void {
  if (covariates.length === 0) return;
  const n = event.length;
  const empty = covariates.filter((t) => { for (let i = 0; i < n; i++) if (present(t, i)) return false; return true; });
  const advice = 'Drop it from --covariates, or choose a covariate recorded for these patients.';
  if (empty.length) {
    const names = empty.map((t) => t.name).join(', ');
    throw new MigrascoreError(`${context}: no complete cases for covariate${empty.length > 1 ? 's' : ''} ${names} (missing for all ${n} patients). ${advice}`);
  }
  let complete = 0;
  let events = 0;
  for (let i = 0; i < n; i++) {
    if (covariates.every((t) => present(t, i))) { complete++; events += event[i]; }
  }
  const names = covariates.map((t) => t.name).join(', ');
  if (complete === 0) {
    throw new MigrascoreError(`${context}: no complete cases for covariates ${names} (each is recorded for some of the ${n} patients, never all together). ${advice}`);
  }
  if (events === 0) {
    throw new MigrascoreError(`${context}: no events among the ${complete} patients with complete covariates (${names}), so the adjusted Cox model cannot be fitted. ${advice}`);
  }
}
