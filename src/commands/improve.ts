/** `cxmap improve`: the to-be map, with the opportunities of the chosen rules made, comments and layout kept. */
import type { Command } from 'commander';
import { printable, UsageError } from '../core/index.js';
import { Chalk } from 'chalk';
import { loadFile } from '../load/index.js';
import { analyzeExact, compareMetrics } from '../analysis/index.js';
import { improve, madeAt, RECOMMENDED_SET, scoreText, targetNames } from '../rules/index.js';
import { comparisonTable, toText, unitsNote } from '../report/index.js';
import { Outputs, refuseExisting } from '../workflows/index.js';
import { addRunOptions, runFrom, stopOnInvalid, type CommandContext, type RunOptions } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('improve'), { simulates: false })
    .summary('write the to-be map with the chosen improvements made')
    .description(
      'Make the chosen opportunities on a map and write the to-be map: recommended makes every change the ranking recommends (each gains something for the customer and none changes what a better one changes). A change with a size (a wait cut by a share, a rework loop made smaller) is made at the middle of its assumed range, or at the size `levers:` sets in the map or the configuration. The lines it does not change stay as they were, comments included (a comment describing a value it replaces goes with the value), and every changed step gets a comment saying what changed and why. Prints the figures before and after. An existing file is written over only with --force, and the input never.',
    )
    .argument('<map>', 'the as-is map')
    .requiredOption(
      '--apply <changes>',
      'recommended (the changes the ranking recommends), or rule ids and opportunity ids (cut-wait:mri) separated by commas, as the report names them',
      (v: string) => {
        const changes = v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        if (changes.length === 0)
          throw new UsageError(
            `--apply names no change: give ${RECOMMENDED_SET}, or rule ids and opportunity ids separated by commas`,
          );
        return changes;
      },
    )
    .requiredOption('-o, --output <file>', 'where to write the to-be map')
    .option('--force', 'write over the output file when it exists (never over an input)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap improve examples/home-loan.cxmap.yaml --apply recommended -o home-loan.to-be.cxmap.yaml\n  $ cxmap improve loan.cxmap.yaml --apply ask-once,cut-wait:valuation -o loan.to-be.cxmap.yaml',
    )
    .action((file: string, options: RunOptions & { apply: string[]; output: string; force?: boolean }) => {
      const outputs = new Outputs([file]);
      const path = outputs.plan(options.output, 'the to-be map');
      refuseExisting(path, 'improve', options.force === true);
      const run = runFrom(options);
      const loaded = loadFile(file);
      if (stopOnInvalid([loaded], context) || !loaded.map) return;
      const analysis = analyzeExact(loaded.map, run);
      const result = improve(analysis, loaded.source!, file, options.apply, run.efforts, run.levers);
      const c = new Chalk({ level: context.colorLevel });
      // A line of text for the terminal: the titles and reasons hold the map's text (names, fail points).
      const say = (line: string) => context.write(`${printable(line)}\n`);
      const leftOut = () => {
        for (const { ranked, because } of result.left)
          say(`Left out: ${ranked.opportunity.title} (${ranked.opportunity.id}): ${because}.`);
      };
      if (!('text' in result)) {
        say(`No change of ${options.apply.join(', ')} to make in ${file}: nothing written.`);
        leftOut();
        context.exitCode = 0;
        return;
      }
      outputs.write(path, result.text, loaded.layout);
      say(`Wrote ${path} with ${result.changes.length} change${result.changes.length === 1 ? '' : 's'}, best first:`);
      result.changes.forEach((r, k) =>
        say(
          `  ${k + 1}. ${r.opportunity.title} (${r.opportunity.id}): ${scoreText(r)}${r.meets.length ? `; meets ${targetNames(r.meets)}` : ''}${r.sizes.length ? `; made with ${madeAt(r.sizes)}` : ''}`,
        ),
      );
      if (result.changes.some((r) => r.sizes.length > 0))
        say(
          'Each change with a size is made at the middle of its range, or at the size `levers:` sets; `cxmap report` gives the savings over the whole range.',
        );
      leftOut();
      context.write('\n');
      context.write(
        toText(
          [
            comparisonTable(compareMetrics(analysis, analyzeExact(result.map, run)), analysis.map.process),
            { kind: 'paragraph', text: unitsNote(analysis) },
          ],
          c,
        ),
      );
      context.exitCode = 0;
    });
}
