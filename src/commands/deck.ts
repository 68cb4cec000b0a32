/** `cxmap deck`: an editable PowerPoint deck of maps for a board meeting. */
import { Option, type Command } from 'commander';
import { UsageError } from '../core/index.js';
import { loadPortfolio } from '../load/index.js';
import { DECK_TOP, type AppendixChoice } from '../report/index.js';
import {
  expandInputs,
  isPortfolioFile,
  loadForRun,
  refuseExisting,
  writeDeck,
  writePortfolioDeck,
  writtenAt,
  type DeckOptions,
} from '../workflows/index.js';
import { addRunOptions, runFrom, stopOnInvalid, type CommandContext, type RunOptions } from './shared.js';

const APPENDIX: AppendixChoice[] = ['all', 'none'];

/** The date the title slide names: the one given, else the day the deck says it is written, as "6 December 2026". */
const deckDate = (given: string | undefined): string =>
  given ?? writtenAt().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('deck'), { simulates: true })
    .summary(
      'a board deck of maps or of a portfolio: the story in about a dozen slides a map, the detail in an appendix',
    )
    .description(
      `Write one PowerPoint deck (16:9) of the maps for a board meeting, the answer first. The main slides each state one message in their title, a sentence with its figure: the title slide (process, customer, goal, owner, date); the executive summary (the headline figures against target and benchmark, what the recommended changes do together, the decision asked); where the time goes; what hurts (moments of truth, fail points, silence, effort); the top ${DECK_TOP} recommended changes in plain words, each with its saving as a range and what it rests on; all changes by value and effort; with --to-be, the figures before and after; and the next steps. After a divider, the appendix (leave it out with --appendix none): the full scorecard, every change considered, the service blueprint and the journey in their parts (each part's speaker notes about that part), the steps by value and delay, and how the figures are computed. The diagrams are native PowerPoint shapes, editable; no browser is needed. The look (brand colour, font, logo, footer, confidentiality mark) comes from the deck: section of cxmap.config.yaml. Given a portfolio file (cxmap.portfolio.yaml), the deck starts with the portfolio: its name and the date, the journeys ranked by customer days a year, the lifecycle strip, the personas, the programmes across journeys, each team's load and every change on one value/effort chart; then each journey's main slides in lifecycle order, then one divider and the appendices (docs/portfolio.md). Written atomically, never over an input, and over an existing file only with --force.`,
    )
    .argument('<files...>', 'map files, folders or globs, or one portfolio file; - reads standard input')
    .requiredOption('-o, --out <file>', 'the deck to write (.pptx)')
    .option('--force', 'write over the deck when it exists (never over an input)')
    .option('--to-be <file>', 'a to-be map of the same process, compared against the one map given')
    .addOption(
      new Option('--appendix <part>', 'all: the appendix after the main slides; none: the main slides alone')
        .choices(APPENDIX)
        .default('all'),
    )
    .option('--date <text>', 'the date on the title slide, as written (default: today)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap deck examples/home-loan.cxmap.yaml -o home-loan.pptx\n  $ cxmap deck loan.cxmap.yaml --to-be loan-to-be.cxmap.yaml -o loan-board.pptx --date "12 January 2027"\n  $ cxmap deck examples/*.cxmap.yaml --appendix none -c client/cxmap.config.yaml -o all-processes.pptx\n  $ cxmap deck examples/lifecycle/cxmap.portfolio.yaml -o lifecycle.pptx',
    )
    .action(
      async (
        files: string[],
        options: RunOptions & Omit<DeckOptions, 'run' | 'date'> & { toBe?: string; force?: boolean; date?: string },
      ) => {
        if (!options.out.toLowerCase().endsWith('.pptx'))
          throw new UsageError(`--out names the deck to write, a .pptx file, not ${options.out}`);
        refuseExisting(options.out, 'deck', options.force === true);
        const run = runFrom(options);
        const date = deckDate(options.date);
        const inputs = await expandInputs(files);
        // A portfolio file (`portfolio:` at its top): its own deck, the portfolio first, then each journey.
        const portfolio = inputs.find(isPortfolioFile);
        if (portfolio) {
          if (inputs.length > 1 || options.toBe !== undefined)
            throw new UsageError(
              `${portfolio} is a portfolio: its deck takes the portfolio file alone, without other maps or --to-be`,
            );
          const journeys = loadPortfolio(portfolio);
          if (stopOnInvalid([journeys, ...journeys.journeys], context)) return;
          await writePortfolioDeck(journeys, { out: options.out, run, appendix: options.appendix, date }, (path) =>
            context.write(`${path}\n`),
          );
          return;
        }
        const loaded = inputs.map((f) => loadForRun(f, run));
        const toBe = options.toBe === undefined ? undefined : loadForRun(options.toBe, run);
        if (stopOnInvalid([...loaded, ...(toBe ? [toBe] : [])], context)) return;
        if (toBe && loaded.length !== 1)
          throw new UsageError(`--to-be compares against one as-is map; ${loaded.length} were given`);
        await writeDeck(loaded, toBe, { out: options.out, run, appendix: options.appendix, date }, (path) =>
          context.write(`${path}\n`),
        );
      },
    );
}
