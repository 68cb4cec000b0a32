/** Wires the commands together and turns every failure into a one-line message and an exit code. */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import chalk from 'chalk';
import { UsageError } from './load/index.js';
import type { CommandContext } from './commands/shared.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerScore } from './commands/score.js';
import { register as registerRender } from './commands/render.js';
import { register as registerDoctor } from './commands/doctor.js';
import { register as registerImprove } from './commands/improve.js';
import { register as registerReport } from './commands/report.js';
import { register as registerCompare } from './commands/compare.js';
import { register as registerCheck } from './commands/check.js';
import { register as registerFmt } from './commands/fmt.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Runs the command line `argv` (as process.argv) and returns the exit code: 0 ok, 1 problems found, 2 usage or internal error. */
export async function run(argv: string[]): Promise<number> {
  const context: CommandContext = { write: (text) => process.stdout.write(text), exitCode: 0, colorLevel: chalk.level };
  const program = new Command('cxmap')
    .description('Map customer processes from the outside in: validate, score and render YAML process maps.')
    .version(version, '-V, --version')
    .option('--debug', 'show the internal details of an error')
    .option('--no-color', 'no colour in the output (also NO_COLOR=1)')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'cxmap: ')) })
    .addHelpText('after', '\nExamples:\n  $ cxmap validate examples/*.cxmap.yaml\n  $ cxmap score examples/home-loan.cxmap.yaml')
    .hook('preAction', () => {
      if (program.opts().color === false) context.colorLevel = 0;
    });
  registerValidate(program, context);
  registerCheck(program, context);
  registerScore(program, context);
  registerRender(program, context);
  registerReport(program, context);
  registerImprove(program, context);
  registerCompare(program, context);
  registerFmt(program, context);
  registerDoctor(program, context);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    const debug = argv.includes('--debug');
    if (error instanceof UsageError) {
      process.stderr.write(`cxmap: ${error.message}\n`);
    } else {
      process.stderr.write(`cxmap: internal error: ${(error as Error).message}${debug ? '' : ' (run again with --debug for details)'}\n`);
    }
    if (debug) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}
