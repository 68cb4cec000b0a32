/** `cxmap compare`: what a change to a map does for the customer, before and after, from files or git. */
import { Option, type Command } from 'commander';
import { Chalk } from 'chalk';
import { loadSpec } from '../load/index.js';
import { analyzeInParallel } from '../analysis/index.js';
import { viewDiagrams, type Diagram } from '../render/index.js';
import { COMPARE_VIEWS, compareBlocks, compareJson, type Side, toMarkdown, toText } from '../report/index.js';
import { drawSvgs, htmlPage, Outputs, type PageOptions } from '../workflows/index.js';
import { addPageOptions, stopOnInvalid, type CommandContext } from './shared.js';

const FORMATS = ['text', 'md', 'html', 'json'] as const;

interface CompareOptions extends PageOptions {
  format: (typeof FORMATS)[number];
  output?: string;
}

export function register(program: Command, context: CommandContext): void {
  addPageOptions(program.command('compare'))
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
      const withDiagrams = options.format === 'md' || options.format === 'html' || options.format === 'json';
      const sides: Side[] = [];
      for (const l of loaded) {
        const analysis = await analyzeInParallel(l.map!, { runs: options.runs, seed: options.seed });
        sides.push({
          name: l.file,
          analysis,
          diagrams: withDiagrams ? COMPARE_VIEWS.flatMap((v) => viewDiagrams(analysis, v)) : [],
        });
      }
      const [before, after] = sides as [Side, Side];
      let text: string;
      if (options.format === 'json') text = `${JSON.stringify(compareJson(before, after), null, 2)}\n`;
      else if (options.format === 'md') text = toMarkdown(compareBlocks(before, after));
      else if (options.format === 'text')
        text = toText(compareBlocks(before, after), new Chalk({ level: context.colorLevel }));
      else {
        const id = (d: Diagram) =>
          `cxmap-${before.diagrams.includes(d) ? 'before' : 'after'}-${d.view}${d.part ? `-${d.part.index}` : ''}`;
        const svgs = options.svg
          ? await drawSvgs([...before.diagrams, ...after.diagrams], id, options.theme)
          : undefined;
        text = htmlPage(compareBlocks(before, after), svgs, options.theme);
      }
      if (path === undefined) context.write(text);
      else {
        outputs.write(path, text);
        context.write(`${path}\n`);
      }
      context.exitCode = 0;
    });
}
