/**
 * What the journeys of a portfolio share: the actors and channels of its `cxmap.portfolio.yaml`, given to each map
 * it lists, the map's own winning (with a warning where it differs). A map that the portfolio in its own folder
 * lists gets them when it is loaded alone too: one stat of `cxmap.portfolio.yaml` per map loaded, and the file read
 * again only when it changed (docs/portfolio.md).
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { finding, sortFindings, type Finding } from '../core/index.js';
import { parseYaml, type SourceMap } from './parse.js';
import { readMap } from './read.js';
import { checkShape } from './schema.js';
import type { Persona, RawMap } from './types.js';

/** The name of a portfolio file, which a map in the same folder is looked up in. */
const PORTFOLIO_FILE = 'cxmap.portfolio.yaml';

/** A portfolio file as written, once it has passed its schema. */
export interface RawPortfolio {
  portfolio: 1;
  name: string;
  journeys: string[];
  actors?: RawMap['actors'];
  channels?: NonNullable<RawMap['channels']>;
  personas?: Record<string, Persona>;
}

/** The actors, channels and personas a portfolio gives the maps it lists, and the file they come from (for messages). */
export interface Shared {
  file: string;
  actors: RawMap['actors'];
  channels: NonNullable<RawMap['channels']>;
  personas: Readonly<Record<string, Persona>>;
}

export const sharedOf = (file: string, raw: RawPortfolio): Shared => ({
  file,
  actors: raw.actors ?? {},
  channels: raw.channels ?? {},
  personas: raw.personas ?? {},
});

/** A value as text with its keys in order, so that two definitions written in another order are equal. */
const canonical = (value: unknown): string =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(value);

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * The map's data with the shared definitions added: the shared actors its steps name and it does not define, and
 * the shared channels it does not define. An actor or channel the map defines otherwise than the portfolio is a
 * warning at the map's definition. Only the actors a map uses are added, so that its figures (which count the kinds
 * of actors it has) are those of the map alone with the same actors written in.
 */
export function withShared(data: unknown, shared: Shared, source: SourceMap): { data: unknown; findings: Finding[] } {
  // What is not a block of keys where one is expected is the schema's to report, as written.
  if (
    !isObject(data) ||
    ('actors' in data && !isObject(data.actors)) ||
    ('channels' in data && !isObject(data.channels))
  )
    return { data, findings: [] };
  const findings: Finding[] = [];
  const differs = (key: 'actors' | 'channels', what: string, id: string) =>
    findings.push(
      finding(
        'differs-from-portfolio',
        `${what} \`${id}\` differs from the one ${shared.file} shares: this map uses its own; remove it here to use the shared one, or give it another id`,
        source.keyAt([key], id),
        'warning',
      ),
    );
  const own = isObject(data.actors) ? data.actors : undefined;
  const actors: Record<string, unknown> = { ...own };
  const steps = Array.isArray(data.steps) ? (data.steps as unknown[]) : [];
  for (const step of steps) {
    const id = isObject(step) && typeof step.actor === 'string' ? step.actor : undefined;
    if (id !== undefined && !Object.hasOwn(actors, id) && Object.hasOwn(shared.actors, id))
      actors[id] = shared.actors[id];
  }
  for (const id of Object.keys(own ?? {}))
    if (Object.hasOwn(shared.actors, id) && canonical(own![id]) !== canonical(shared.actors[id]))
      differs('actors', 'actor', id);
  const ownChannels = isObject(data.channels) ? data.channels : undefined;
  for (const id of Object.keys(ownChannels ?? {}))
    if (Object.hasOwn(shared.channels, id) && ownChannels![id] !== shared.channels[id])
      differs('channels', 'channel', id);
  const channels = { ...shared.channels, ...ownChannels };
  return {
    data: {
      ...data,
      ...(own === undefined && Object.keys(actors).length === 0 ? {} : { actors }),
      ...(Object.keys(channels).length === 0 ? {} : { channels }),
    },
    findings,
  };
}

/** The portfolio files read so far, by path, with the time they were changed: a map in their folder reads it once. */
const beside = new Map<string, { changed: number; raw?: RawPortfolio }>();

/**
 * What the portfolio in the map's own folder shares with it, when that portfolio is valid and lists the map;
 * otherwise undefined (`cxmap portfolio` says what is wrong with a portfolio).
 */
export function sharedBeside(path: string): Shared | undefined {
  const file = join(dirname(path), PORTFOLIO_FILE);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  let known = beside.get(file);
  if (known?.changed !== stat.mtimeMs) {
    const read = readPortfolio(file);
    known = { changed: stat.mtimeMs, raw: read.findings.some((f) => f.severity === 'error') ? undefined : read.raw };
    beside.set(file, known);
  }
  const raw = known.raw;
  if (!raw?.journeys.some((j) => resolve(dirname(file), j) === resolve(path))) return undefined;
  return sharedOf(file, raw);
}

/**
 * A portfolio file read, parsed and checked against its schema: its findings so far (not there, not YAML, a map
 * rather than a portfolio, the wrong shape) and, when it has the right shape, its data. `loadPortfolio` goes on to
 * its journeys; a map beside it takes only what a valid portfolio shares.
 */
export function readPortfolio(file: string): { source?: SourceMap; findings: Finding[]; raw?: RawPortfolio } {
  const read = readMap(file);
  if ('finding' in read) return { findings: [read.finding] };
  const parsed = parseYaml(read.text);
  const { source } = parsed;
  if (parsed.data === undefined) return { source, findings: sortFindings(parsed.findings) };
  if (isObject(parsed.data) && 'cxmap' in parsed.data && !('portfolio' in parsed.data)) {
    const message =
      'this is a map (it starts with `cxmap: 1`), not a portfolio: a portfolio file starts with `portfolio: 1` and lists the maps under `journeys` (docs/portfolio.md)';
    return { source, findings: [finding('not-a-portfolio', message, source.keyAt([], 'cxmap'))] };
  }
  const shape = checkShape(parsed.data, source, 'cxmap.portfolio').findings.map((f) => ({
    ...f,
    message: f.message.replace(/\bthe map\b/g, 'the portfolio'),
  }));
  if (shape.length > 0) return { source, findings: sortFindings([...parsed.findings, ...shape]) };
  return { source, findings: parsed.findings, raw: parsed.data as RawPortfolio };
}
