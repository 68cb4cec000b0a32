/** `cxmap validate`: checks maps against the format and reports every problem with its position. */
import type { Command } from 'commander';
import { expandInputs, loadForRun } from '../workflows/index.js';
import {
  addRunOptions,
  formatFindings,
  findingFormatOption,
  runFrom,
  type CommandContext,
  type RunOptions,
} from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('validate'), { simulates: false })
    .summary('check maps against the format')
    .description(
      'Check maps against the cxmap format: the shape of every key, the references between steps, actors and stages, and the flow (one start, every step reachable, every loop has a way out, parallel work re-joins); and the personas a map names against those of cxmap.config.yaml (a warning).\nExits 0 when every map is valid, 1 when any is not, 2 when the command is used wrongly.',
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .addOption(findingFormatOption())
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap validate examples/*.cxmap.yaml\n  $ cxmap validate "maps/**/*.cxmap.yaml" --format json\n  $ cat loan.cxmap.yaml | cxmap validate -',
    )
    .action(async (files: string[], options: RunOptions & { format: string }) => {
      const run = runFrom(options);
      const results = (await expandInputs(files)).map((f) => loadForRun(f, run));
      context.write(formatFindings(options.format, results, context));
      context.exitCode = results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
    });
}
