/**
 * Personas a map names (`process.persona`, a segment's `persona:`) checked against the team's personas (`personas:`
 * of cxmap.config.yaml, or of a portfolio file). A map is valid without the team's configuration, so a persona no one
 * defines is a warning at the id as written, never an error.
 */
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

/** An `unknown-persona` warning at each persona the map names that `personas` does not define. */
export function personaFindings(loaded: LoadedMap, personas: Readonly<Record<string, Persona>>): Finding[] {
  const known = Object.keys(personas);
  return personaRefs(loaded)
    .filter((ref) => !Object.hasOwn(personas, ref.id))
    .map((ref) =>
      finding(
        'unknown-persona',
        known.length === 0
          ? `the persona \`${ref.id}\` has no card: no personas are defined: add them under personas: in cxmap.config.yaml`
          : `the persona \`${ref.id}\` is not one of the team's personas${didYouMean(ref.id, known)}: define it under personas: in cxmap.config.yaml`,
        loaded.source!.at(ref.path),
        'warning',
      ),
    );
}
