// Runs `migrascore model nomogram ARGS` from the built dist/ until the lead wires
// nomogramCommand() into the program (src/cli/main.ts): the program of main.ts plus a
// `model` command holding `nomogram`, with main()'s exit codes (2 usage, 1 bad input).
import { Command, CommanderError } from 'commander';
import { buildProgram } from '../../dist/cli/main.js';
import { nomogramCommand } from '../../dist/cli/modelNomogram.js';
import { MigrascoreError } from '../../dist/errors.js';

const program = buildProgram();
let model = program.commands.find((c) => c.name() === 'model');
if (!model) {
  model = new Command('model').copyInheritedSettings(program);
  program.addCommand(model);
}
if (!model.commands.some((c) => c.name() === 'nomogram')) model.addCommand(nomogramCommand().copyInheritedSettings(model));
try {
  await program.parseAsync(process.argv);
  process.exitCode = 0;
} catch (e) {
  if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 || e.code === 'commander.helpDisplayed' ? 0 : 2;
  else if (e instanceof MigrascoreError) {
    process.stderr.write(`migrascore: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else throw e;
}
