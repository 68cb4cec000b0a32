/**
 * The configuration of a run: one object that every command that scores maps resolves once, from the team's
 * `cxmap.config.yaml` (found from the current folder upward, or named with `--config`) and the command line, and
 * hands to every stage that needs a part of it. What a map says of itself stays in the map and is read from it:
 * its targets and benchmarks, `darkAfter`, its calendar, volume, costs and the currency they are in; and its own
 * `effort:` estimates, which win over the configuration's (`opportunities`).
 */
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_WEIGHTS, type ScoreWeights } from '../analysis/index.js';
import { parseLever, type LoadedConfig, type Logo, type Persona } from '../load/index.js';
import type { Efforts } from './opportunities.js';
import type { Levers } from './size.js';

/** What a configuration sets for scoring steps and ranking opportunities: its weights, effort estimates and lever sizes. */
export interface Judgement {
  /** The weights and thresholds of a step's score (docs/scoring.md), the defaults where the configuration says none. */
  weights: ScoreWeights;
  /** The team's effort estimates, by opportunity id or rule id. */
  efforts: Efforts;
  /** The team's lever sizes, by opportunity id or rule id (the map's own `levers:` win over them). */
  levers: Levers;
}

export function judgementOf(loaded: LoadedConfig): Judgement {
  const w = (loaded.config.weights ?? {}) as Partial<ScoreWeights>;
  return {
    weights: { ...DEFAULT_WEIGHTS, ...w, base: { ...DEFAULT_WEIGHTS.base, ...w.base } },
    efforts: loaded.config.effort ?? {},
    // loadConfig has checked every size: each reads.
    levers: Object.fromEntries(
      Object.entries(loaded.config.levers ?? {}).flatMap(([id, raw]) => {
        const lever = parseLever(raw);
        return lever.ok ? [[id, lever.value]] : [];
      }),
    ),
  };
}

/** The simulation behind the figures: how many customers, drawn from which seed. */
export interface SimulationOptions {
  runs: number;
  seed: number;
}

/**
 * One run's configuration. It is plain data (worker threads get a copy), and it is the options of the analysis as
 * it stands: `analyze(map, run)` scores with its weights and simulates its runs from its seed.
 */
export interface RunConfig extends Judgement, SimulationOptions {
  /** The configuration as read: its file (none: the recommended preset), and the rules and overrides that `settingsFor` turns on for each map. */
  config: LoadedConfig;
  /** The client's look of the deck. */
  deck: DeckLook;
  /** The team's personas (`personas:` of the configuration), by id: what a map's `persona:` names, and its card. */
  personas: Readonly<Record<string, Persona>>;
}

/** The client's look of `cxmap deck` (the configuration's `deck:` section), every part resolved. */
export interface DeckLook {
  /** The brand colour as six upper-case hex digits (no '#'); none: the sober look, ink on white. */
  colour?: string;
  /** The font of every text: Arial, whose widths the layouts measure with, unless the configuration names another. */
  font: string;
  /** The logo, top right on every slide. */
  logo?: Logo;
  /** Text at the foot of every slide, on the left. */
  footer?: string;
  /** The confidentiality mark at the foot of every slide. */
  confidential?: string;
  /** Whether the slides are numbered (bottom right). */
  slideNumbers: boolean;
}

/** The look without a `deck:` section: Arial, ink on white, numbered slides, nothing else. */
export const DEFAULT_LOOK: DeckLook = { font: 'Arial', slideNumbers: true };

export function deckLookOf(loaded: LoadedConfig): DeckLook {
  const deck = loaded.config.deck ?? {};
  return {
    ...(deck.colour ? { colour: deck.colour.slice(1).toUpperCase() } : {}),
    font: deck.font?.trim() ?? DEFAULT_LOOK.font,
    ...(loaded.logo ? { logo: loaded.logo } : {}),
    ...(deck.footer ? { footer: deck.footer } : {}),
    ...(deck.confidential ? { confidential: deck.confidential } : {}),
    slideNumbers: deck.slideNumbers ?? DEFAULT_LOOK.slideNumbers,
  };
}

/** The run's configuration from the configuration read and the command line's simulation options, if any. */
export const resolveRun = (config: LoadedConfig, simulation: Partial<SimulationOptions> = {}): RunConfig => ({
  config,
  ...judgementOf(config),
  deck: deckLookOf(config),
  personas: config.config.personas ?? {},
  runs: simulation.runs ?? DEFAULT_RUNS,
  seed: simulation.seed ?? DEFAULT_SEED,
});
