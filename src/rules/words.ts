/**
 * A change in plain words, for a reader who does not know the map's ids (a board, a chart's key): a rule's text
 * names steps by their ids in code marks (`register`), the report an opportunity by its id in brackets after its
 * title. Here a step's id becomes the step's name in quotes, an id in brackets that is not a step's goes, and other
 * code marks are dropped.
 */
import type { ProcessMap } from '../load/index.js';

export function plainWords(text: string, map: Pick<ProcessMap, 'steps'>): string {
  const names = new Map(map.steps.map((s) => [s.id, s.name]));
  return (
    text
      .replace(/ \(`([^`]+)`\)/g, (all, id: string) => (names.has(id) ? all : ''))
      .replace(/`([^`]*)`/g, (_, code: string) => (names.has(code) ? `“${names.get(code)!}”` : code))
      // A title that named the step by its id, then its name: the name once.
      .replace(/“([^”]+)” \(\1\)/g, '“$1”')
  );
}
