/** `cxmap compare`: what a change to a map does for the customer, before and after, from files or git. */
import { Option, type Command } from 'commander';
import { Chalk } from 'chalk';
import { loadSpec } from '../load/index.js';
import { analyzeInParallel, type Analysis } from '../analysis/index.js';
import { flowPictures, viewDiagrams, type Diagram, type Drawn } from '../render/index.js';
import {
  COMPARE_VIEWS,
  compareBlocks,
  compareJson,
  longLabels,
  type Side,
  toHtml,
  toMarkdown,
  toText,
} from '../report/index.js';
import { Outputs } from '../workflows/index.js';
import { addRunOptions, runFrom, stopOnInvalid, type CommandContext, type RunOptions } from './shared.js';

const FORMATS = ['text', 'md', 'html', 'json'] as const;

interface CompareOptions extends RunOptions {
  format: (typeof FORMATS)[number];
  output?: string;
}

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('compare'), { simulates: true })
    .summary('before and after: what a change to a map does for the customer')
    .description(
      'Compare two versions of a map: every metric before and after with its change (green when better for the customer, red when worse), the steps removed, added and changed, and (md, html) the diagrams of both. Either side may be a file or ref:path from git: main:maps/loan.cxmap.yaml (path from the repository root) or HEAD~1:./loan.cxmap.yaml (from the current folder).',
    )
    .argument('<before>', 'the as-is map: a file, or ref:path')
    .argument('<after>', 'the to-be map: a file, or ref:path')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap compare main:maps/loan.cxmap.yaml maps/loan.cxmap.yaml\n  $ cxmap compare loan.cxmap.yaml loan.to-be.cxmap.yaml --format md > compare.md\n  $ cxmap compare HEAD~1:./loan.cxmap.yaml loan.cxmap.yaml --format html -o compare.html',
    )
    .action(async (beforeSpec: string, afterSpec: string, options: CompareOptions) => {
      const outputs = new Outputs([beforeSpec, afterSpec]);
      const path = options.output === undefined ? undefined : outputs.plan(options.output, 'the comparison');
      const loaded = [loadSpec(beforeSpec), loadSpec(afterSpec)];
      if (
        stopOnInvalid(
          loaded.filter((l) => !l.map),
          context,
        )
      )
        return;
      const run = runFrom(options);
      const analysed: { name: string; analysis: Analysis }[] = [];
      for (const l of loaded)
        analysed.push({
          name: l.file,
          analysis: await analyzeInParallel(l.map!, run),
        });
      // Each side with its pictures: Mermaid text for Markdown and JSON, drawn by cxmap for HTML, none for text.
      const sides = <P extends Diagram | Drawn>(pictures: (a: Analysis) => P[]): [Side<P>, Side<P>] => {
        const [before, after] = analysed.map((side) => ({ ...side, diagrams: pictures(side.analysis) }));
        return [before!, after!];
      };
      const mermaid = (a: Analysis) => COMPARE_VIEWS.flatMap((v) => viewDiagrams(a, v));
      const text =
        options.format === 'json'
          ? `${JSON.stringify(compareJson(...sides(mermaid)), null, 2)}\n`
          : options.format === 'md'
            ? toMarkdown(compareBlocks(...sides(mermaid)))
            : options.format === 'text'
              ? toText(compareBlocks(...sides(() => [])), new Chalk({ level: context.colorLevel }))
              : toHtml(
                  compareBlocks(...sides((a) => flowPictures(a, COMPARE_VIEWS))),
                  longLabels(...analysed.map((side) => side.analysis.map)),
                );
      if (path === undefined) context.write(text);
      else {
        outputs.write(path, text);
        context.write(`${path}\n`);
      }
      context.exitCode = 0;
    });
}
