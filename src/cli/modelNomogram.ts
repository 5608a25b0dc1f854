// `migrascore model nomogram`: flags, help with examples, and a one-screen result on stderr.
// Self-contained so `model` (src/cli/model.ts) can add it: .addCommand(nomogramCommand()).
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { writeOutputFolder } from '../io/output.js';
import { formatHr, pEquals } from '../format/numbers.js';
import { runNomogram, type NomogramRun, type NomogramRunOptions } from '../pipeline/nomogram.js';
import { nomogramFiles, survivalLabel } from '../pipeline/nomogramOutputs.js';
import { resolveClinical } from '../tcga/cdr.js';
import { TIME_UNITS, type TimeUnit } from '../plots/timeUnits.js';
import { FORCE_HELP, checkFolderRun } from './outOptions.js';
import { addFigureOptions, figureFormats } from './figureOptions.js';
import { list, numberIn, positiveInt, timeList } from './parsers.js';

const EXAMPLES = `
Examples:
  # The risk score of \`model fit\` with age and stage, TCGA-CDR overall survival:
  # 1-, 3- and 5-year survival axes, calibration at 3 years in 5 risk groups
  migrascore model nomogram --scores lihc-model/risk.tsv --clinical tcga-cdr --endpoint OS \\
      --covariates age_at_initial_pathologic_diagnosis,ajcc_pathologic_tumor_stage \\
      --times 365,1095,1825 --calibrate-time 1095 --groups 5 --time-unit years --out lihc-nomogram

  # Clinical covariates only (no score table), survival at 1 and 2 years, 0.9 … 0.1 marked
  migrascore model nomogram --clinical lung.tsv --id id --time time --event status \\
      --covariates age,sex,ph.ecog --times 365,730 --surv-at 0.9,0.7,0.5,0.3,0.1 --out lung-nomogram

Outputs in --out: nomogram.json (the cph fit: coefficients, HR and CI; the points of every
predictor value; total points → survival per time; the calibration groups), nomogram.tsv
(axis, value, points), predictions.tsv (per patient: linear predictor, total points,
predicted survival), calibration.tsv, nomogram.svg and calibration.svg (with .vl.json specs).
R equivalent: rms 6.5 cph(Surv ~ score + covariates, surv = TRUE) with datadist of the
modelled patients; nomogram(fit, fun = function(x) surv(t, x)); calibrate(fit,
cmethod = "KM", u = t, m = n/groups) without the bootstrap. Times are read in the
--time-in unit (default days).`;

export function nomogramCommand(): Command {
  return addFigureOptions(new Command('nomogram')
    .description('Nomogram and calibration of a Cox model of a score plus clinical covariates (rms cph / nomogram / calibrate numbers).')
    .requiredOption('--clinical <file>', 'clinical table (TSV/CSV, optionally .gz), one row per patient, or tcga-cdr (built in)')
    .option('--id <col>', 'ID column of the clinical table (default: its first column)')
    .option('--time <col>', 'survival time column (unit: --time-in, default days)')
    .option('--event <col>', 'event column: 0/1, 1/2 (R Surv), TRUE/FALSE, alive/dead, 0:LIVING/1:DECEASED')
    .option('--endpoint <E>', 'TCGA-CDR endpoint: shorthand for --time E.time --event E (OS, DSS, DFI, PFI)')
    .option('--scores <file>', 'score table: sample column + score columns (risk.tsv of `model fit`, scores.tsv of `score`)')
    .option('--score <col>', 'score column of --scores (default: the first)')
    .option('--covariates <cols>', 'clinical columns entering the model (comma-separated; text columns become factors, first sorted level the reference)', list)
    .requiredOption('--times <t1,t2,...>', 'survival axes of the nomogram at these times, in the --time-in unit', timeList('--times'))
    .option('--calibrate-time <t>', 'time of the calibration plot, in the --time-in unit (default: the first of --times)', numberIn('--calibrate-time', 0, Infinity))
    .option('--groups <g>', 'calibration: number of groups of predicted survival (quantile groups)', positiveInt('--groups'), 5)
    .option('--surv-at <p1,p2,...>', 'survival probabilities marked on the survival axes (rms fun.at; default: pretty values)', probabilityList)
    .addOption(new Option('--ties <method>', 'Cox tie handling (cph method)').choices(['efron', 'breslow']).default('efron'))
    .option('--conf-level <level>', 'confidence level of hazard-ratio and calibration intervals', numberIn('--conf-level', 0, 1), 0.95)
    .addOption(new Option('--time-in <unit>', 'unit of the clinical table\'s survival times').choices([...TIME_UNITS]).default('days'))
    .addOption(new Option('--time-unit <unit>', 'unit shown in figures and on stderr (default: the --time-in unit)').choices([...TIME_UNITS]))
    .option('--cancer <C>', 'model only this cancer type; needs --cancer-col or --clinical tcga-cdr')
    .option('--cancer-col <col>', 'cancer-type column of the clinical table (tcga-cdr: type)')
    .option('--sample-types <codes>', 'TCGA sample types kept when matching samples (default 01–09, tumours)', list)
    .requiredOption('--out <dir>', 'output folder')
    .option('--force', FORCE_HELP))
    .addHelpText('after', EXAMPLES)
    .action(async (o) => {
      const opts = nomogramOptions(o);
      checkFolderRun(o, [opts.clinical, o.scores], {});
      const run = await runNomogram(opts);
      const files = await nomogramFiles(run, opts, { command: `migrascore ${process.argv.slice(2).join(' ')}`, ...figureFormats(o) });
      await writeOutputFolder(o.out, files, [opts.clinical, ...run.cohort.inputPaths], { force: o.force });
      printSummary(run, opts, o.out, files.map((f) => f.name));
    });
}

function probabilityList(value: string): number[] {
  const xs = list(value).map(Number);
  if (xs.length === 0 || xs.some((x) => !(x > 0 && x < 1))) throw new UsageError(`--surv-at "${value}" must be a comma-separated list of probabilities between 0 and 1, e.g. 0.9,0.7,0.5.`);
  return xs;
}

export function nomogramOptions(o: Record<string, any>): NomogramRunOptions {
  const clinical = resolveClinical(o.clinical);
  if (o.endpoint && (o.time || o.event)) throw new UsageError('Give either --endpoint or --time/--event, not both.');
  const time = o.endpoint ? `${o.endpoint}.time` : o.time;
  const event = o.endpoint ? o.endpoint : o.event;
  if (!time || !event) throw new UsageError('Say which columns hold survival: --time COL --event COL, or --endpoint E (TCGA-CDR naming).');
  if (o.score !== undefined && o.scores === undefined) throw new UsageError('--score names a column of --scores FILE; add --scores.');
  const cancerColumn: string | undefined = o.cancerCol ?? clinical.cancerColumn;
  if (o.cancer !== undefined && !cancerColumn) throw new UsageError(`--cancer ${o.cancer}: say which clinical column holds the cancer type with --cancer-col COL (known for --clinical tcga-cdr).`);
  const timeIn = o.timeIn as TimeUnit;
  return {
    clinical: clinical.path,
    id: o.id ?? clinical.idColumn,
    time,
    event,
    scores: o.scores,
    score: o.score,
    covariates: o.covariates ?? [],
    sampleTypes: o.sampleTypes,
    ...(cancerColumn ? { cancer: { column: cancerColumn, value: o.cancer } } : {}),
    times: o.times.times,
    calibrateTime: o.calibrateTime,
    groups: o.groups,
    survAt: o.survAt,
    ties: o.ties,
    confLevel: o.confLevel,
    timeIn,
    timeUnit: (o.timeUnit as TimeUnit | undefined) ?? timeIn,
  };
}

function printSummary(run: NomogramRun, opts: NomogramRunOptions, out: string, written: string[]): void {
  const { fit, calibration: cal } = run;
  const lines = [`migrascore model nomogram: cph of ${run.predictors.join(' + ')} on ${fit.cox.n} patients, ${fit.cox.events} events`];
  for (const t of fit.cox.terms) lines.push(`  ${t.term}: HR ${formatHr(t.hr)} (${formatHr(t.hr_lower)}\u2013${formatHr(t.hr_upper)}), ${pEquals(t.p)}`);
  lines.push(`  nomogram: ${run.nomogram.predictors.map((p) => `${p.name} ${Math.round(Math.max(...p.ticks.map((x) => x.points)))} pts`).join(', ')}; ${opts.times.map((t) => survivalLabel(t, opts.timeIn, opts.timeUnit)).join(', ')}`);
  const calLabel = survivalLabel(cal.time, opts.timeIn, opts.timeUnit);
  lines.push(`  calibration (${calLabel}, ${cal.groups.length} groups): ` + cal.groups.map((g) => `${fmt(g.predicted)}\u2192${fmt(g.observed)} (n=${g.n})`).join(', '));
  if (run.cohort.join) {
    const j = run.cohort.join;
    lines.push(`  join: ${j.matched} of ${j.samples} samples matched ${j.clinical_rows} clinical rows`);
  }
  for (const w of run.warnings) lines.push(`  warning: ${w}`);
  lines.push(`  wrote ${written.join(', ')} to ${out}`);
  process.stderr.write(lines.join('\n') + '\n');
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'NA');
