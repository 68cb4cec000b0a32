/**
 * The persona cards of a map: for each persona it names (`process.persona`, a segment's `persona:`) that the team
 * defines (`personas:` of cxmap.config.yaml), who they are, what they want, need and suffer, their words, and which
 * of the map's customers they stand for. One model, shown by the report (a section and its JSON) and the deck (one
 * slide of cards).
 */
import { wholePercent, wordList } from '../core/index.js';
import type { Persona, ProcessMap } from '../load/index.js';
import type { TextBlock } from './document.js';

export interface PersonaCard {
  /** The persona's id, for the JSON only: no slide names it. */
  id: string;
  persona: Persona;
  /** The segments it stands for, in the map's order, with their shares; none when only the process names it. */
  segments: { id: string; name: string; share: number }[];
  /** The share of the map's customers it stands for: its segments' shares added up, or all of them (1). */
  share: number;
}

/**
 * The cards of the personas the map names and `personas` defines, in the map's order: the process's first, then
 * the segments'; a persona named by several segments once. A persona that is not defined has no card (it is an
 * `unknown-persona` warning where the map names it).
 */
export function personaCards(map: ProcessMap, personas: Readonly<Record<string, Persona>>): PersonaCard[] {
  const ids = [map.process.persona, ...(map.segments ?? []).map((s) => s.persona)].filter(
    (id): id is string => id !== undefined && Object.hasOwn(personas, id),
  );
  return [...new Set(ids)].map((id) => {
    const segments = (map.segments ?? [])
      .filter((s) => s.persona === id)
      .map((s) => ({ id: s.id, name: s.name, share: s.share }));
    return {
      id,
      persona: personas[id]!,
      segments,
      share: segments.length === 0 ? 1 : segments.reduce((sum, s) => sum + s.share, 0),
    };
  });
}

/** Which customers a card stands for, in words: "Re-mortgager, 40% of the customers", or "every customer of the map". */
export const standsFor = (card: PersonaCard): string =>
  card.segments.length === 0
    ? 'every customer of the map'
    : `${card.segments.length === 1 ? card.segments[0]!.name : wordList(card.segments.map((s) => `${s.name} (${wholePercent(s.share)})`))}, ${wholePercent(card.share)} of the customers`;

/** A card's lines as a lead-in and its text: what they want, need and suffer; their words. */
export function cardPoints(p: Persona): [string, string][] {
  const list = (items: readonly string[] | undefined) => (items && items.length > 0 ? items.join('; ') : undefined);
  const points: [string, string | undefined][] = [
    ['Goals', list(p.goals)],
    ['Needs', list(p.needs)],
    ['Pains', list(p.pains)],
  ];
  return points.filter((x): x is [string, string] => x[1] !== undefined);
}

/** The report's section "Who the customers are": a card per persona; nothing when the map names none defined. */
export function personaBlocks(cards: readonly PersonaCard[]): TextBlock[] {
  if (cards.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Who the customers are' },
    ...cards.flatMap((card): TextBlock[] => {
      const p = card.persona;
      const points = cardPoints(p);
      return [
        { kind: 'heading', level: 3, text: p.name },
        ...(p.description ? [{ kind: 'paragraph' as const, text: p.description }] : []),
        { kind: 'paragraph', text: `Stands for ${standsFor(card)}.` },
        ...(points.length > 0 ? [{ kind: 'list' as const, items: points.map(([k, v]) => `${k}: ${v}`) }] : []),
        ...(p.quote ? [{ kind: 'paragraph' as const, text: `“${p.quote}”` }] : []),
      ];
    }),
  ];
}

/** The cards in the report's JSON: each persona as the configuration gives it, and the segments it stands for. */
export const personasJson = (cards: readonly PersonaCard[]) =>
  cards.map((c) => ({
    id: c.id,
    name: c.persona.name,
    description: c.persona.description ?? null,
    goals: c.persona.goals ?? [],
    needs: c.persona.needs ?? [],
    pains: c.persona.pains ?? [],
    quote: c.persona.quote ?? null,
    share: Math.round(c.share * 1e6) / 1e6,
    segments: c.segments.map((s) => ({ id: s.id, name: s.name, share: s.share })),
  }));
