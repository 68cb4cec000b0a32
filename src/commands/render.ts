/**
 * `cxmap render`: the diagrams of each map as Mermaid text, Markdown, or SVG, PNG and PDF drawn by cxmap (no
 * browser), or by Mermaid in a browser with `--engine mermaid`.
 */
import { Option, type Command } from 'commander';
import { loadFile } from '../load/index.js';
import { MIN_TEXT_PT, PAGE_NAMES, VIEWS } from '../render/index.js';
import { expandInputs, RENDER_ENGINES, RENDER_FORMATS, renderMaps, type RenderOptions } from '../workflows/index.js';
import {
  addRunOptions,
  parseScale,
  parseViews,
  runFrom,
  stopOnInvalid,
  themeOption,
  type CommandContext,
  type RunOptions,
} from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('render'), { simulates: false })
    .summary('draw the diagrams of maps: blueprint, journey, timeline, matrix, time')
    .description(
      'Draw the diagrams of each map: the service blueprint, the customer journey, the timeline of the most likely path, the value/delay matrix, and where the time goes (time). mmd and md are Mermaid text; svg, png and pdf are drawn by cxmap itself, with the font it ships (Arimo), and need no browser. With --engine mermaid, Mermaid draws its own picture of the Mermaid text instead, in a browser (see `cxmap doctor`). Outputs are named <map>.<view>.<format> (one <map>.md for md), written atomically, never over an input.',
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .addOption(
      new Option('--view <views>', `views, separated by commas: ${VIEWS.join(', ')}`)
        .default(['blueprint'], 'blueprint')
        .argParser(parseViews),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(RENDER_FORMATS).default('mmd'))
    .option('-o, --out <folder>', 'where to write the files', 'cxmap-out')
    .addOption(themeOption())
    .addOption(
      new Option(
        '--page <page>',
        `the page of svg, png and pdf: a slide (16:9 is 13.33 x 7.5 in, 4:3 is 10 x 7.5 in), A4, or none (the diagram's own size). A view whose text would be smaller than ${MIN_TEXT_PT} pt on the page is split into parts: pages of one PDF, or <map>.blueprint-1.png, -2... (default: 16:9 for png and pdf, none for svg)`,
      ).choices(PAGE_NAMES),
    )
    .option('--scale <n>', 'pixels per point for png (at least 1800 pixels wide whatever the scale)', parseScale, 2)
    .addOption(
      new Option(
        '--engine <engine>',
        "who draws svg, png and pdf: cxmap (no browser needed) or mermaid (Mermaid's own drawing of the Mermaid text, as GitHub shows it; needs npm install @mermaid-js/mermaid-cli and Chromium)",
      )
        .choices(RENDER_ENGINES)
        .default('cxmap'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap render examples/home-loan.cxmap.yaml --view blueprint,journey --format md\n  $ cxmap render examples/home-loan.cxmap.yaml --format pdf --page 16:9      # one slide-sized page per part\n  $ cxmap render examples/home-loan.cxmap.yaml --format svg --page none      # the whole blueprint, deck-safe SVG\n  $ cxmap render "maps/*.cxmap.yaml" --view blueprint,journey,timeline,matrix --format svg --out diagrams\n  $ cxmap render loan.cxmap.yaml --format png --scale 3\n  $ cxmap render loan.cxmap.yaml --view journey --format svg --engine mermaid   # Mermaid\'s own drawing',
    )
    .action(async (files: string[], options: RunOptions & Omit<RenderOptions, 'run'>) => {
      const loaded = (await expandInputs(files)).map(loadFile);
      if (stopOnInvalid(loaded, context)) return;
      const run = runFrom(options);
      context.exitCode = await renderMaps(loaded, { ...options, run }, (path) => context.write(`${path}\n`));
    });
}
