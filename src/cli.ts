/** Wires the commands together and turns every failure into a one-line message and an exit code. */
import { Command, CommanderError } from 'commander';
import chalk from 'chalk';
import { UsageError, VERSION as version } from './core/index.js';
import type { CommandContext } from './commands/shared.js';

type Register = (program: Command, context: CommandContext) => void;

/**
 * The commands, in the order of the help. Each is loaded only when needed: a run of one command loads that
 * command alone (start-up time matters in workshops and CI); help and unknown commands load them all.
 */
const COMMANDS: Record<string, () => Promise<{ register: Register }>> = {
  validate: () => import('./commands/validate.js'),
  check: () => import('./commands/check.js'),
  score: () => import('./commands/score.js'),
  render: () => import('./commands/render.js'),
  report: () => import('./commands/report.js'),
  deck: () => import('./commands/deck.js'),
  portfolio: () => import('./commands/portfolio.js'),
  improve: () => import('./commands/improve.js'),
  compare: () => import('./commands/compare.js'),
  init: () => import('./commands/init.js'),
  import: () => import('./commands/import.js'),
  serve: () => import('./commands/serve.js'),
  watch: () => import('./commands/watch.js'),
  fmt: () => import('./commands/fmt.js'),
  doctor: () => import('./commands/doctor.js'),
};

/** Runs the command line `argv` (as process.argv) and returns the exit code: 0 ok, 1 problems found, 2 usage or internal error. */
export async function run(argv: string[]): Promise<number> {
  const context: CommandContext = {
    write: (text) => process.stdout.write(text),
    exitCode: 0,
    colorLevel: chalk.level,
    version,
  };
  const program = new Command('cxmap')
    .description(
      'Map customer processes from the outside in: validate, score, render, report and improve YAML process maps; check them in CI; preview them live in workshops.',
    )
    .version(version, '-V, --version')
    .option('--debug', 'show the internal details of an error')
    .option('--no-color', 'no colour in the output (also NO_COLOR=1)')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'cxmap: ')) })
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap report examples/*.cxmap.yaml\n  $ cxmap init loan.cxmap.yaml --template application\n  $ cxmap serve loan.cxmap.yaml --open\n  $ cxmap check --against origin/main',
    )
    .hook('preAction', () => {
      if (program.opts().color === false) context.colorLevel = 0;
    });
  const named = argv.slice(2).find((a) => !a.startsWith('-'));
  const names = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const module of await Promise.all(names.map((n) => COMMANDS[n]!()))) module.register(program, context);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? 0
        : 2;
    }
    const debug = argv.includes('--debug');
    if (error instanceof UsageError) {
      process.stderr.write(`cxmap: ${error.message}\n`);
    } else {
      process.stderr.write(
        `cxmap: internal error: ${(error as Error).message}${debug ? '' : ' (run again with --debug for details)'}\n`,
      );
    }
    if (debug) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}
