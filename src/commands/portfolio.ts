/** `cxmap portfolio`: the journeys of a lifecycle ranked, the lifecycle strip, programmes across journeys, team load. */
import { Option, type Command } from 'commander';
import { loadPortfolio } from '../load/index.js';
import { PORTFOLIO_FORMATS, writePortfolio, type PortfolioOptions } from '../workflows/index.js';
import { addRunOptions, runFrom, stopOnInvalid, type CommandContext, type RunOptions } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('portfolio'), { simulates: true })
    .summary('the report of a portfolio of journeys: ranked, the lifecycle, programmes, team load')
    .description(
      "Write the report of a portfolio file (cxmap.portfolio.yaml: its journeys in lifecycle order, the actors, channels and personas they share): the journeys ranked by the days customers spend in them a year, then their cost a year and dark time, with their targets met or missed (journeys without a volume last, unranked); the lifecycle strip (each journey's stages with the worst feeling in each, and where one journey hands on to the next); every journey's opportunities on one value/effort matrix; the changes that act on the same team or channel in several journeys as programmes; each team's hours and cost a year across journeys. Each journey's figures are those of `cxmap score` for its map. md reads well on GitHub; html is one self-contained file; json holds everything. Written to <out>/<portfolio>.<format>. See docs/portfolio.md.",
    )
    .argument('<file>', 'the portfolio file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(PORTFOLIO_FORMATS).default('html'))
    .option('-o, --out <folder>', 'where to write the report', 'cxmap-out')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap portfolio examples/lifecycle/cxmap.portfolio.yaml\n  $ cxmap portfolio journeys/cxmap.portfolio.yaml --format md --out docs/reports\n  $ cxmap portfolio cxmap.portfolio.yaml --format json --out build',
    )
    .action(async (file: string, options: RunOptions & Omit<PortfolioOptions, 'run'>) => {
      const loaded = loadPortfolio(file);
      // The portfolio's own findings, then each journey's, as `cxmap validate` writes them.
      if (stopOnInvalid([loaded, ...loaded.journeys], context)) return;
      const run = runFrom(options);
      await writePortfolio(loaded, { format: options.format, out: options.out, run }, (path) =>
        context.write(`${path}\n`),
      );
      context.exitCode = 0;
    });
}
