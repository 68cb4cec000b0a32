/** A PowerPoint deck of one or more maps: their slides, the diagrams as native shapes, one .pptx file. No browser. */
import { knownPersonas, type LoadedMap, type LoadedPortfolio } from '../load/index.js';
import { analyzeInParallel } from '../analysis/index.js';
import { opportunities, RULES, type RunConfig } from '../rules/index.js';
import {
  deckSlides,
  deckStory,
  personaCards,
  portfolioAppendix,
  portfolioModel,
  portfolioStory,
  pptxOf,
  type AppendixChoice,
  type DeckStory,
} from '../report/index.js';
import { Outputs } from './output.js';
import { scoreJourneys } from './portfolio.js';

export interface DeckOptions {
  out: string;
  /** The run's configuration: weights, effort estimates, the simulation. */
  run: RunConfig;
  /** Whether the appendix follows the main slides. */
  appendix: AppendixChoice;
  /** The date on the title slide, as written there. */
  date: string;
}

/**
 * When the deck says it was written: at SOURCE_DATE_EPOCH (seconds since 1970, UTC) when it is set, as reproducible
 * builds fix their time, so that the same maps and configuration make the same bytes; else now.
 */
export function writtenAt(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/** Writes the deck of the (valid) maps, with `toBe` compared against the one as-is map when given. */
export async function writeDeck(
  loaded: readonly LoadedMap[],
  toBe: LoadedMap | undefined,
  options: DeckOptions,
  wrote: (path: string) => void,
): Promise<void> {
  const outputs = new Outputs([...loaded, ...(toBe ? [toBe] : [])].map((l) => l.file));
  const path = outputs.plan(options.out, 'the deck');
  const analyse = (l: LoadedMap) => analyzeInParallel(l.map!, options.run);
  // The to-be map is compared against the one as-is map (the command allows no more).
  const toBeAnalysis = toBe ? await analyse(toBe) : undefined;
  const stories: DeckStory[] = [];
  for (const l of loaded) {
    const analysis = await analyse(l);
    stories.push(
      deckStory({
        analysis,
        ranking: opportunities(analysis, RULES, options.run.efforts, options.run.levers),
        toBe: toBeAnalysis,
        segments: analysis.segmented,
        cards: personaCards(l.map!, knownPersonas(l, options.run.personas)),
        date: options.date,
      }),
    );
  }
  const title = loaded.map((l) => l.map!.process.name).join(', ');
  outputs.write(path, await pptxOf(deckSlides(stories, options.appendix), title, options.run.deck, writtenAt()));
  wrote(path);
}

/**
 * Writes the deck of a (valid) portfolio: the portfolio's slides first, then each journey's main slides in lifecycle
 * order (its personas are on the portfolio's slide of cards), then one divider and every journey's appendix.
 */
export async function writePortfolioDeck(
  loaded: LoadedPortfolio,
  options: DeckOptions,
  wrote: (path: string) => void,
): Promise<void> {
  const outputs = new Outputs([loaded.file, ...loaded.journeys.map((j) => j.file)]);
  const path = outputs.plan(options.out, 'the deck');
  const portfolio = loaded.portfolio!;
  const scored = await scoreJourneys(loaded, options.run);
  const model = portfolioModel(portfolio.name, loaded.file, scored);
  const stories: DeckStory[] = [
    {
      main: portfolioStory({
        model,
        // Each journey's personas: the portfolio's, over those of the configuration.
        cards: scored.map((j, k) =>
          personaCards(j.analysis.map, knownPersonas(loaded.journeys[k]!, options.run.personas)),
        ),
        date: options.date,
      }),
      appendix: portfolioAppendix(model),
    },
    ...scored.map((j) =>
      deckStory({ analysis: j.analysis, ranking: j.ranking, segments: j.analysis.segmented, date: options.date }),
    ),
  ];
  outputs.write(
    path,
    await pptxOf(deckSlides(stories, options.appendix), portfolio.name, options.run.deck, writtenAt()),
  );
  wrote(path);
}
