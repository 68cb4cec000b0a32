/**
 * Loading a portfolio (`cxmap.portfolio.yaml`): its shape against schemas/cxmap.portfolio.schema.json, its journeys
 * (a file that is not there, or listed twice, is a finding at its entry), and each journey's map loaded with the
 * actors and channels the portfolio shares (a map that fails keeps its own findings). docs/portfolio.md.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { closest, finding, sortFindings, type Finding } from '../core/index.js';
import { loadShared, type LoadedMap } from './load.js';
import type { SourceMap } from './parse.js';
import { readPortfolio, sharedOf } from './shared.js';
import type { Persona, RawMap } from './types.js';

/** A valid portfolio: its journeys' paths (relative to where cxmap runs) in lifecycle order, and what they share. */
export interface Portfolio {
  name: string;
  journeys: string[];
  actors: RawMap['actors'];
  channels: NonNullable<RawMap['channels']>;
  /** The personas its journeys' segments stand for, by id (checked against the maps by the persona check). */
  personas: Record<string, Persona>;
}

export interface LoadedPortfolio {
  file: string;
  source?: SourceMap;
  /** The portfolio file's own findings (its journeys' are in `journeys`). */
  findings: Finding[];
  /** Present when the portfolio file has no error. */
  portfolio?: Portfolio;
  /** Each journey that exists, loaded with what the portfolio shares, in lifecycle order. */
  journeys: LoadedMap[];
}

const MAP_NAME = /\.cxmap\.ya?ml$/;

/** Loads a portfolio file and its journeys. Throws UsageError when the file cannot be opened. */
export function loadPortfolio(file: string): LoadedPortfolio {
  const { source, findings: read, raw } = readPortfolio(file);
  if (!raw || !source) return { file, ...(source ? { source } : {}), findings: read, journeys: [] };
  const dir = dirname(file);
  const findings = [...read];
  const seen = new Map<string, number>();
  const journeys: string[] = [];
  raw.journeys.forEach((entry, i) => {
    const path = join(dir, entry);
    const first = seen.get(resolve(path));
    if (first !== undefined) {
      findings.push(
        finding(
          'duplicate-journey',
          `the journey ${entry} is listed twice (entries ${first + 1} and ${i + 1}); a journey comes once in the lifecycle`,
          source.at(['journeys', i]),
        ),
      );
      return;
    }
    seen.set(resolve(path), i);
    if (!existsSync(path) || !statSync(path).isFile()) {
      const near = closest(basename(entry), mapsIn(dirname(path)));
      findings.push(
        finding(
          'unknown-journey',
          `there is no map ${entry} beside the portfolio${near === undefined ? '' : ` (did you mean \`${join(dirname(entry), near)}\`?)`}`,
          source.at(['journeys', i]),
        ),
      );
      return;
    }
    journeys.push(path);
  });
  const shared = sharedOf(file, raw);
  const portfolio: Portfolio = {
    name: raw.name,
    journeys,
    actors: shared.actors,
    channels: shared.channels,
    personas: raw.personas ?? {},
  };
  const sorted = sortFindings(findings);
  return {
    file,
    source,
    findings: sorted,
    ...(sorted.some((f) => f.severity === 'error') ? {} : { portfolio }),
    journeys: journeys.map((path) => loadShared(path, shared)),
  };
}

/** The maps in a folder, by name (none when the folder is not there). */
function mapsIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => MAP_NAME.test(f));
  } catch {
    return [];
  }
}
