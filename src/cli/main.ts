// Entry point: builds the commander program, runs one command, maps failures to the
// contract's exit codes (2 usage, 1 bad input / failed analysis).
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { MigrascoreError } from '../errors.js';
import { describeSystemError, isSystemError, systemErrorMessage } from '../io/fsErrors.js';
import { survivalCommand } from './survival.js';
import { dataCommand } from './data.js';
import { genesetsCommand } from './genesets.js';
import { scoreCommand } from './score.js';
import { pancanCommand } from './pancan.js';
import { compareCommand } from './compare.js';
import { associateCommand } from './associate.js';
import { modelCommand } from './model.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export function buildProgram(): Command {
  const program = new Command('migrascore')
    .description('Does a migrasome gene-signature score predict survival, in one cancer or across TCGA? Scores (GSVA-exact), Kaplan–Meier, log-rank, Cox and maxstat with R-exact numbers, figures and reports.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage and examples)');
  for (const command of [scoreCommand(), survivalCommand(), pancanCommand(), compareCommand(), associateCommand(), modelCommand(), genesetsCommand()]) {
    // addCommand does not inherit exitOverride and friends; without it commander exits 1 on usage errors.
    program.addCommand(command.copyInheritedSettings(program));
    // Subcommands (model fit, model apply) need the same settings from their parent.
    for (const sub of command.commands) sub.copyInheritedSettings(command);
  }
  program.addCommand(dataCommand().copyInheritedSettings(program));
  program.addHelpText('after', `
Examples:
  migrascore pancan --expr examples/tcga-mini-pancan.rsem.tsv.gz --clinical tcga-cdr \\
      --endpoint OS --out pancan-demo
  migrascore survival --clinical examples/tcga-lgg-clinical.tsv --id bcr_patient_barcode \\
      --endpoint OS --value age_at_initial_pathologic_diagnosis --split median --out lgg-age
  migrascore score --expr tcga.rsem.tsv.gz --geneset migrasome-core --out scores.tsv
  migrascore genesets list
  migrascore <command> --help      every option of a command, with examples`);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `migrascore score ... | head` closes stdout early: that is not an error. Any other
  // failure of stdout (a full disk, /dev/full, a file-size limit) is one line, exit 1.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    const why = isSystemError(e) ? describeSystemError(e) : { reason: String((e as Error).message), todo: 'Redirect the output elsewhere' };
    try { process.stderr.write(`migrascore: cannot write to standard output: ${why.reason}. ${why.todo}, or use --out FILE.\n`); } catch { /* stderr gone too */ }
    process.exit(1);
  });
  // Nothing can be reported when stderr itself fails; do not crash over it.
  process.stderr.on('error', () => {});
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; everything else commander rejects is a usage error.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof MigrascoreError) {
      process.stderr.write(`migrascore: ${e.message}\n`);
      return e.exitCode;
    }
    if (isSystemError(e)) {
      process.stderr.write(`migrascore: ${systemErrorMessage(e)}\n`);
      return 1;
    }
    process.stderr.write(`migrascore: unexpected failure: ${(e as Error).stack ?? e}\nPlease report this with the command you ran.\n`);
    return 1;
  }
}
