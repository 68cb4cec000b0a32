/**
 * The figures of a portfolio that need only the analysis of its journeys (docs/portfolio.md): the load of each team
 * across the journeys, and the lifecycle strip. A journey is given as the analyses whose figures add up to it: a map
 * with segments as its segments' maps (each with its share of the volume), any other map as itself.
 */
import { partyOf, type Party } from '../load/index.js';
import { mean } from '../core/index.js';
import type { ExactAnalysis } from './analyze.js';

/** The analyses that make up one journey: the map's own, or one per segment. */
export type JourneyParts = readonly ExactAnalysis[];

/** A team's (an actor's) work a year across the journeys that give their volume. */
export interface TeamLoad {
  /** The actor's id, the same in every journey (a portfolio's shared actors). */
  actor: string;
  name: string;
  party: Exclude<Party, 'customer'>;
  /** Hours of work a year: Σ over its steps of expected visits × work × cases a year. */
  hours: number;
  /** What those hours cost a year at the actor's hourly cost; undefined when a journey it works in gives no cost. */
  cost?: number;
  /** Its hours a year in each journey it works in, by the journey's index in the lifecycle. */
  journeys: { journey: number; hours: number }[];
}

/**
 * Each actor's (but the customer's) hours and their cost a year, summed over the journeys that give a volume; the
 * busiest first. Journeys without a volume have no year to count in and are left out (the report says which).
 */
export function teamLoads(journeys: readonly JourneyParts[]): TeamLoad[] {
  const teams = new Map<string, TeamLoad & { uncosted: boolean }>();
  journeys.forEach((parts, journey) => {
    for (const { map, time } of parts) {
      const volume = map.process.volume;
      if (volume === undefined) continue;
      for (const step of map.steps) {
        const party = partyOf(step.actor);
        if (party === 'customer') continue;
        const hours = (time.visits[step.index]! * mean(step.work) * volume) / 3600;
        if (hours === 0) continue;
        const id = step.actor.id;
        const team = teams.get(id) ?? {
          actor: id,
          name: step.actor.name,
          party,
          hours: 0,
          journeys: [],
          uncosted: false,
        };
        teams.set(id, team);
        team.hours += hours;
        if (step.actor.hourlyCost === undefined) team.uncosted = true;
        else team.cost = (team.cost ?? 0) + hours * step.actor.hourlyCost;
        const own = team.journeys.find((j) => j.journey === journey);
        if (own) own.hours += hours;
        else team.journeys.push({ journey, hours });
      }
    }
  });
  return [...teams.values()]
    .map(({ uncosted, cost, ...team }) => ({ ...team, ...(uncosted || cost === undefined ? {} : { cost }) }))
    .sort((a, b) => b.hours - a.hours || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A stage of a journey on the lifecycle strip, with the worst feeling recorded in it. */
export interface StripStage {
  stage: string;
  /** The lowest `feeling` of its steps (in any segment's way through it); undefined when none is recorded. */
  feeling?: number;
  /** The step where that feeling is recorded, by name. */
  at?: string;
}

/** A journey on the lifecycle strip: its stages in order, where the customer enters it and where they leave it. */
export interface StripJourney {
  stages: StripStage[];
  /** The first step, by name. */
  starts: string;
  /** The steps where it ends well (every end step not marked `outcome: failure`), by name. */
  ends: string[];
}

/** One journey of the lifecycle strip. */
export function stripJourney(parts: JourneyParts): StripJourney {
  const map = parts[0]!.map;
  const stages = map.stages.map((stage): StripStage => {
    let worst: StripStage = { stage };
    for (const part of parts)
      for (const step of part.map.steps)
        if (
          step.stage === stage &&
          step.feeling !== undefined &&
          (worst.feeling === undefined || step.feeling < worst.feeling)
        )
          worst = { stage, feeling: step.feeling, at: step.name };
    return worst;
  });
  const ends = map.steps.filter((s) => s.next.kind === 'end' && s.outcome !== 'failure').map((s) => s.name);
  return { stages, starts: map.steps[map.start]!.name, ends };
}
