/**
 * Personas a map names (`process.persona`, a segment's `persona:`) checked against the team's personas (`personas:`
 * of cxmap.config.yaml, or of a portfolio file). A map is valid without the team's configuration, so a persona no one
 * defines is a warning at the id as written, never an error.
 */
import { basename } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { didYouMean, finding, type Finding } from '../core/index.js';
import type { LoadedMap } from './load.js';
import type { Path } from './parse.js';
import type { Persona } from './types.js';

/**
 * Where a map names a persona: the path of each `persona:` value and the id written there, read from the YAML as
 * written, so that a map with errors gets its persona warnings in the same pass.
 */
export function personaRefs(loaded: LoadedMap): { path: Path; id: string }[] {
  const doc = loaded.source?.doc;
  if (!doc) return [];
  const text = (path: Path) => {
    const value: unknown = doc.getIn(path);
    return typeof value === 'string' ? [{ path, id: value }] : [];
  };
  const segments = doc.get('segments');
  const ids = isMap(segments) ? segments.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])) : [];
  return [...text(['process', 'persona']), ...ids.flatMap((id) => text(['segments', id, 'persona']))];
}

/** The personas a map may name: the configuration's, and those of the portfolio it was loaded with, which win. */
export const knownPersonas = (
  loaded: LoadedMap,
  configured: Readonly<Record<string, Persona>>,
): Readonly<Record<string, Persona>> => ({ ...configured, ...loaded.shared?.personas });

/**
 * An `unknown-persona` warning at each persona the map names that `personas` does not define (`knownPersonas`:
 * the configuration's and the portfolio's).
 */
export function personaFindings(loaded: LoadedMap, personas: Readonly<Record<string, Persona>>): Finding[] {
  const known = Object.keys(personas);
  const where = `cxmap.config.yaml${loaded.shared ? ` or ${basename(loaded.shared.file)}` : ''}`;
  return personaRefs(loaded)
    .filter((ref) => !Object.hasOwn(personas, ref.id))
    .map((ref) =>
      finding(
        'unknown-persona',
        known.length === 0
          ? `the persona \`${ref.id}\` has no card: no personas are defined: add them under personas: in ${where}`
          : `the persona \`${ref.id}\` is not one of the team's personas${didYouMean(ref.id, known)}: define it under personas: in ${where}`,
        loaded.source!.at(ref.path),
        'warning',
      ),
    );
}
