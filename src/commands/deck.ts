/** `cxmap deck`: an editable PowerPoint deck of maps for a management meeting. */
import { type Command } from 'commander';
import { UsageError } from '../core/index.js';
import { loadFile } from '../load/index.js';
import { MIN_TEXT_PT } from '../render/index.js';
import { DECK_TOP } from '../report/index.js';
import { expandInputs, refuseExisting, writeDeck, type DeckOptions } from '../workflows/index.js';
import { addRunOptions, runFrom, stopOnInvalid, type CommandContext, type RunOptions } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('deck'), { simulates: true })
    .summary('an editable PowerPoint deck of maps: scorecard, pictures, top opportunities')
    .description(
      `Write one PowerPoint deck (16:9) of the maps, per process: a title slide (process, customer, goal, trigger, owner); the scorecard against targets and benchmarks as an editable table; where the time goes; the service blueprint (as many slides as its parts, text never under ${MIN_TEXT_PT} pt); the journey; the value/delay matrix; the top ${DECK_TOP} opportunities with their computed savings, effort and yearly figures as an editable table; and the value-against-effort matrix. With --to-be, a slide of the figures before and after and the to-be blueprint. Speaker notes give the reasons behind the figures. The diagrams are native PowerPoint shapes (boxes with their text, lines, arrows, legends), editable like anything drawn in PowerPoint; no browser is needed. Written atomically, never over an input, and over an existing file only with --force.`,
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .requiredOption('-o, --out <file>', 'the deck to write (.pptx)')
    .option('--force', 'write over the deck when it exists (never over an input)')
    .option('--to-be <file>', 'a to-be map of the same process, compared against the one map given')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap deck examples/home-loan.cxmap.yaml -o home-loan.pptx\n  $ cxmap deck examples/*.cxmap.yaml -o all-processes.pptx\n  $ cxmap deck loan.cxmap.yaml --to-be loan-to-be.cxmap.yaml -o loan-before-after.pptx',
    )
    .action(
      async (files: string[], options: RunOptions & Omit<DeckOptions, 'run'> & { toBe?: string; force?: boolean }) => {
        if (!options.out.toLowerCase().endsWith('.pptx'))
          throw new UsageError(`--out names the deck to write, a .pptx file, not ${options.out}`);
        refuseExisting(options.out, 'deck', options.force === true);
        const loaded = (await expandInputs(files)).map(loadFile);
        const toBe = options.toBe === undefined ? undefined : loadFile(options.toBe);
        if (stopOnInvalid([...loaded, ...(toBe ? [toBe] : [])], context)) return;
        if (toBe && loaded.length !== 1)
          throw new UsageError(`--to-be compares against one as-is map; ${loaded.length} were given`);
        const run = runFrom(options);
        await writeDeck(loaded, toBe, { out: options.out, run }, (path) => context.write(`${path}\n`));
      },
    );
}
