/** `cxmap report`: the workshop report of each map, as Markdown, one self-contained HTML file, or JSON. */
import { Option, type Command } from 'commander';
import { loadFile } from '../load/index.js';
import { expandInputs, REPORT_FORMATS, writeReports, type ReportOptions } from '../workflows/index.js';
import { addSimulationOptions, configOption, estimatesFrom, stopOnInvalid, type CommandContext } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addSimulationOptions(program.command('report'))
    .summary('the workshop report of maps: scorecard, diagrams, steps, ranked opportunities')
    .description(
      'Write the report of each map: the scorecard against targets and benchmarks, where the time goes, the blueprint, journey and matrix, the step table, the opportunities ranked by value against effort (with the value/effort matrix), and how much of the map rests on assumptions. md reads well on GitHub; html is one self-contained file with its pictures drawn in (no browser needed; prints on A4 landscape, each picture whole at a readable size); json holds everything. Written to <out>/<map>.report.<format>, atomically, never over an input.',
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('html'))
    .option('-o, --out <folder>', 'where to write the reports', 'cxmap-out')
    .addOption(configOption())
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap report examples/*.cxmap.yaml\n  $ cxmap report loan.cxmap.yaml --format md --out docs/reports\n  $ cxmap report "maps/*.cxmap.yaml" --format json --out build',
    )
    .action(async (files: string[], options: ReportOptions & { config?: string }) => {
      const loaded = (await expandInputs(files)).map(loadFile);
      if (stopOnInvalid(loaded, context)) return;
      const { efforts, levers } = estimatesFrom(options.config);
      await writeReports(loaded, { ...options, efforts, levers }, (path) => context.write(`${path}\n`));
      context.exitCode = 0;
    });
}
