/** `cxmap improve`: the to-be map, with the opportunities of the chosen rules made, comments and layout kept. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/index.js';
import { Chalk } from 'chalk';
import { loadFile } from '../load/index.js';
import { analyzeExact, compareMetrics } from '../analysis/index.js';
import { improve } from '../rules/index.js';
import { comparisonTable, toText } from '../report/index.js';
import { Outputs } from '../workflows/index.js';
import { stopOnInvalid, type CommandContext } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  program
    .command('improve')
    .summary('write the to-be map with the chosen improvements made')
    .description(
      'Make the opportunities of the chosen rules on a map and write the to-be map: the lines it does not change stay as they were, comments included, and every changed step gets a comment saying what changed and why. Prints the figures before and after. An existing file is written over only with --force, and the input never.',
    )
    .argument('<map>', 'the as-is map')
    .requiredOption('--apply <rules>', 'rule ids separated by commas, or all (see docs/rules)', (v: string) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .requiredOption('-o, --output <file>', 'where to write the to-be map')
    .option('--force', 'write over the output file when it exists (never over an input)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap improve examples/home-loan.cxmap.yaml --apply ask-once,keep-informed -o home-loan.to-be.cxmap.yaml\n  $ cxmap improve loan.cxmap.yaml --apply all -o loan.to-be.cxmap.yaml',
    )
    .action((file: string, options: { apply: string[]; output: string; force?: boolean }) => {
      const outputs = new Outputs([file]);
      const path = outputs.plan(options.output, 'the to-be map');
      if (!options.force && existsSync(path))
        throw new UsageError(
          `${path} already exists: cxmap improve writes over a file only with --force (it may hold your edits); choose another -o, or add --force`,
        );
      const loaded = loadFile(file);
      if (stopOnInvalid([loaded], context) || !loaded.map) return;
      const analysis = analyzeExact(loaded.map);
      const result = improve(analysis, loaded.source!, file, options.apply);
      if (!result) {
        context.write(
          `No opportunities of ${options.apply.join(', ')} in ${file}: nothing to change, nothing written.\n`,
        );
        context.exitCode = 0;
        return;
      }
      outputs.write(path, result.text, loaded.layout);
      const c = new Chalk({ level: context.colorLevel });
      context.write(`Wrote ${path} with ${result.changes.length} change${result.changes.length === 1 ? '' : 's'}.\n`);
      for (const { opportunity, because } of result.left)
        context.write(
          `Left out: ${opportunity.title} (${opportunity.rule}): ${because.title} (${because.rule}) already changes the same thing.\n`,
        );
      context.write('\n');
      context.write(
        toText([comparisonTable(compareMetrics(analysis, analyzeExact(result.map)), analysis.map.process.calendar)], c),
      );
      context.exitCode = 0;
    });
}
