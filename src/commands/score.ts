/** `cxmap score`: the Lean figures of each map, the effort it puts on the customer, and a score for every step. */
import { Option, type Command } from 'commander';
import { analyzeInParallel } from '../analysis/index.js';
import { rankingJson, scoreJson, scorecard } from '../report/index.js';
import { opportunities, RULES } from '../rules/index.js';
import { expandInputs, loadForRun } from '../workflows/index.js';
import { addRunOptions, runFrom, stopOnInvalid, type CommandContext, type RunOptions } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('score'), { simulates: true })
    .summary('score maps: lead time, PCE, customer effort, and every step')
    .description(
      'Compute the Lean value-stream figures of each map (lead time and its spread, process time, PCE, activity ratio, rolled %C&A, success rate), the drivers of customer effort, the business case, and a value, delay and verdict for every step with the reasons behind them. The JSON also holds the ranked opportunities, each saving as a range (low, mid, high) with the lever size it assumes.\nInvalid maps get the same findings and exit code as `cxmap validate`, and are not scored. See docs/scoring.md.',
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap score examples/home-loan.cxmap.yaml\n  $ cxmap score examples/*.cxmap.yaml --format json > scores.json\n  $ cxmap score loan.cxmap.yaml --runs 100000 --seed 7\n  $ cxmap score loan.cxmap.yaml --config ../team.cxmap.config.yaml   # weights and estimates from this file',
    )
    .action(async (files: string[], options: RunOptions & { format: string }) => {
      const run = runFrom(options);
      const loaded = (await expandInputs(files)).map((f) => loadForRun(f, run));
      if (stopOnInvalid(loaded, context, options.format === 'json' ? 'json' : 'stylish')) return;
      const analyses = [];
      for (const l of loaded) {
        const analysis = await analyzeInParallel(l.map!, run);
        // A map with segments: each segment's figures and the blend, shown in place of the map's as written.
        analyses.push({ file: l.file, analysis, segments: analysis.segmented });
      }
      if (options.format === 'json') {
        // The figures, and the opportunities with every saving as a range and the assumption behind it.
        const reports = analyses.map((a) => ({
          ...scoreJson(a.analysis, a.file, a.segments),
          ...rankingJson(opportunities(a.analysis, RULES, run.efforts, run.levers)),
        }));
        context.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
      } else {
        const width = process.stdout.isTTY ? process.stdout.columns : undefined;
        context.write(
          analyses
            .map((a) => scorecard(a.analysis, a.file, { colorLevel: context.colorLevel, width, segments: a.segments }))
            .join('\n'),
        );
      }
      context.exitCode = 0;
    });
}
