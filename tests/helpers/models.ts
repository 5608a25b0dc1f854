// The analyses of an R reference case (tests/fixtures/survival/<name>), built from its
// input.tsv and call.txt as the CLI contract says, for the survival unit tests. Kept
// here because test files cannot import one another without re-registering their tests.
import type { ConfType } from '../../src/survival/kaplanMeier.js';
import type { CoxTies } from '../../src/survival/cox.js';
import { buildDesign, covariateTerm, sortLevels, type DesignTerm } from '../../src/survival/design.js';
import { num, survivalCase, type Row } from './fixtures.js';

const text = (v: string | undefined) => (v === undefined || v === '' || v === 'NA' ? null : v);

/**
 * The cohort of a reference case: the rows with time, event and group. The group is
 * the --group column (levels sorted, the first the reference) or, for value splits,
 * 'low' / 'high' at the expected cutpoint (high = value > cutpoint).
 */
export function fixtureCohort(name: string) {
  const c = survivalCase(name);
  const args = c.call.split(/\s+/);
  /** The word after `flag` in call.txt. */
  const arg = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const [timeCol, eventCol, groupCol, valueCol] = ['--time', '--event', '--group', '--value'].map(arg);
  const groupOf = (r: Row) => {
    if (groupCol) return text(r[groupCol]);
    const v = num(r[valueCol!]);
    return Number.isNaN(v) ? null : v > c.expected.cutpoint.value ? 'high' : 'low';
  };
  const cohort = c.input.filter((r) => !Number.isNaN(num(r[timeCol!])) && !Number.isNaN(num(r[eventCol!])) && groupOf(r) !== null);
  const group = cohort.map((r) => groupOf(r)!);
  return {
    ...c,
    arg,
    timeCol: timeCol!,
    eventCol: eventCol!,
    valueCol,
    cohort,
    time: cohort.map((r) => num(r[timeCol!])),
    event: cohort.map((r) => num(r[eventCol!])),
    /** Group label of each cohort row. */
    group,
    levels: valueCol ? ['low', 'high'] : sortLevels(group),
  };
}

/** The cohort of a reference case split into its groups, with the curve options of its call. */
export function fixtureGroups(name: string) {
  const c = fixtureCohort(name);
  const groups = c.levels.map((level) => {
    const members = c.group.flatMap((g, i) => (g === level ? [i] : []));
    return { level, time: members.map((i) => c.time[i]), event: members.map((i) => c.event[i]) };
  });
  return {
    ...c,
    groups,
    confType: (c.arg('--conf-type') ?? 'log') as ConfType,
    times: c.arg('--times')?.split(',').map(Number),
    tau: c.arg('--rmst-tau') === undefined ? undefined : Number(c.arg('--rmst-tau')),
  };
}

/**
 * The Cox models of a reference case (those its expected.json reports): the group
 * alone, the value as a continuous term, and the group with the --covariates
 * (numeric or text); complete cases per model.
 */
export function fixtureModels(name: string) {
  const { arg, expected, cohort, group: groups, levels, timeCol, eventCol, valueCol } = fixtureCohort(name);
  const group: DesignTerm = { name: 'group', kind: 'factor', values: groups, levels };
  const models: [string, DesignTerm[]][] = [['cox', [group]]];
  if (valueCol) models.push(['cox_continuous', [{ name: valueCol, kind: 'numeric', values: Float64Array.from(cohort, (r) => num(r[valueCol])) }]]);
  const covariates = arg('--covariates')?.split(',') ?? [];
  if (covariates.length > 0) models.push(['cox_adjusted', [group, ...covariates.map((c) => covariateTerm(c, cohort.map((r) => text(r[c]))))]]);
  return models
    .filter(([key]) => expected[key] !== undefined)
    .map(([key, terms]) => {
      const d = buildDesign(terms, cohort.length);
      return {
        key,
        expected: expected[key],
        ties: (arg('--ties') ?? 'efron') as CoxTies,
        time: Float64Array.from(d.rows, (i) => num(cohort[i][timeCol])),
        event: Float64Array.from(d.rows, (i) => num(cohort[i][eventCol])),
        columns: d.columns,
        termNames: d.termNames,
      };
    });
}
