/** `cxmap report`: the workshop report of each map, as Markdown, one self-contained HTML file, or JSON. */
import { Option, type Command } from 'commander';
import { expandInputs, loadForRun, REPORT_FORMATS, writeReports, type ReportOptions } from '../workflows/index.js';
import { addRunOptions, runFrom, stopOnInvalid, type CommandContext, type RunOptions } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('report'), { simulates: true })
    .summary('the workshop report of maps: scorecard, diagrams, steps, ranked opportunities')
    .description(
      'Write the report of each map: the executive summary (what the customer lives in one sentence, the headline figures against target and benchmark, what the recommended changes do together, the decision asked), the scorecard against targets and benchmarks, where the time goes, the blueprint, journey and matrix, the step table, the opportunities ranked by value against effort (with the value/effort matrix), and how much of the map rests on assumptions. md reads well on GitHub; html is one self-contained file with its pictures drawn in (no browser needed; prints on A4 landscape, each picture whole at a readable size); json holds everything; csv writes the scorecard, the steps and the opportunities as three tables for a spreadsheet (<map>.scorecard.csv, <map>.steps.csv, <map>.opportunities.csv), figures as plain numbers in the unit each column names. Written to <out>/<map>.report.<format>, atomically, never over an input.',
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('html'))
    .option('-o, --out <folder>', 'where to write the reports', 'cxmap-out')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap report examples/*.cxmap.yaml\n  $ cxmap report loan.cxmap.yaml --format md --out docs/reports\n  $ cxmap report "maps/*.cxmap.yaml" --format json --out build\n  $ cxmap report loan.cxmap.yaml --format csv --out tables',
    )
    .action(async (files: string[], options: RunOptions & Omit<ReportOptions, 'run'>) => {
      const run = runFrom(options);
      const loaded = (await expandInputs(files)).map((f) => loadForRun(f, run));
      if (stopOnInvalid(loaded, context)) return;
      await writeReports(loaded, { format: options.format, out: options.out, run }, (path) =>
        context.write(`${path}\n`),
      );
      context.exitCode = 0;
    });
}
