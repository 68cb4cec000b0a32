/**
 * Personas a map names (`process.persona`, a segment's `persona:`) checked against the team's personas (`personas:`
 * of cxmap.config.yaml, or of a portfolio file). A map is valid without the team's configuration, so a persona no one
 * defines is a warning at the id as written, never an error.
 */
import { didYouMean, finding, type Finding } from '../core/index.js';
import type { LoadedMap } from './load.js';
import type { Path } from './parse.js';
import type { Persona } from './types.js';

/** Where a map names a persona: the path of the `persona:` value, and the id written there. */
export function personaRefs(loaded: LoadedMap): { path: Path; id: string }[] {
  const map = loaded.map;
  if (!map) return [];
  return [
    ...(map.process.persona === undefined ? [] : [{ path: ['process', 'persona'], id: map.process.persona }]),
    ...(map.segments ?? []).flatMap((s) =>
      s.persona === undefined ? [] : [{ path: ['segments', s.id, 'persona'], id: s.persona }],
    ),
  ];
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
