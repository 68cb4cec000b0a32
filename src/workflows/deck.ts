/** A PowerPoint deck of one or more maps: their slides, the pictures drawn as PNG in one browser, one .pptx file. */
import type { LoadedMap } from '../load/index.js';
import { analyzeInParallel } from '../analysis/index.js';
import { opportunities, RULES, type RunConfig } from '../rules/index.js';
import { NO_BROWSER, PAGES, type Drawn } from '../render/index.js';
import { deckSlides, pptxOf, type Slide } from '../report/index.js';
import { UsageError } from '../core/index.js';
import { drawAll } from './draw.js';
import { Outputs } from './output.js';

export interface DeckOptions {
  out: string;
  /** The run's configuration: weights, effort estimates, the simulation. */
  run: RunConfig;
}

/** PNG at two pixels a point: a 16:9 slide picture is 2560 x 1440, sharp on a projector and in print. */
const PNG_SCALE = 2;

/**
 * Writes the deck of the (valid) maps, with `toBe` compared against the one as-is map when given; returns the
 * exit code (2 when a picture could not be drawn, naming it).
 */
export async function writeDeck(
  loaded: readonly LoadedMap[],
  toBe: LoadedMap | undefined,
  options: DeckOptions,
  wrote: (path: string) => void,
): Promise<number> {
  const outputs = new Outputs([...loaded, ...(toBe ? [toBe] : [])].map((l) => l.file));
  const path = outputs.plan(options.out, 'the deck');
  const analyse = (l: LoadedMap) => analyzeInParallel(l.map!, options.run);
  // The to-be map is compared against the one as-is map (the command allows no more).
  const toBeAnalysis = toBe ? await analyse(toBe) : undefined;
  const slides: Slide[] = [];
  for (const l of loaded) {
    const analysis = await analyse(l);
    slides.push(
      ...deckSlides({
        analysis,
        ranking: opportunities(analysis, RULES, options.run.efforts, options.run.levers),
        toBe: toBeAnalysis,
      }),
    );
  }
  const pictures = slides.flatMap((s) => (s.kind === 'picture' ? [s.picture] : []));
  const pngs = new Map<Drawn, Uint8Array>();
  const failures = await drawAll(
    pictures.map((p) => ({ diagrams: [p], id: `cxmap-${p.view}`, format: 'png' as const, page: PAGES['16:9'] })),
    { theme: 'default', scale: PNG_SCALE },
    (index, data) => pngs.set(pictures[index]!, data as Uint8Array),
  );
  if (!failures) throw new UsageError(NO_BROWSER);
  if (failures.size > 0) {
    for (const [index, error] of failures)
      process.stderr.write(`cxmap: could not draw the ${pictures[index]!.caption} for the deck: ${error}\n`);
    return 2;
  }
  const title = loaded.map((l) => l.map!.process.name).join(', ');
  outputs.write(path, await pptxOf(slides, (p) => pngs.get(p)!, title));
  wrote(path);
  return 0;
}
