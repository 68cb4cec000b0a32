/**
 * The business case of a map, from the optional figures it gives: the yearly volume of cases, what an hour of each
 * actor's work costs (and a cost per step), and what an hour of the customer's own work is worth.
 *
 * - Staff hours per case: expected visits × work, summed over the steps of everyone but the customer (partners and
 *   systems included, as the map states their work).
 * - Cost to serve per case: expected visits × (work in hours × the actor's hourly cost + the step's own cost),
 *   summed over the same steps. Only when every actor that works there has a cost: a partial sum would understate.
 * - Per year: per case × volume; customer days = lead time (in days of the map's calendar) × volume; the
 *   customers' own hours = their own work (customer effort) in hours × volume, and what those hours are worth =
 *   that × the value of their hour.
 */
import type { ProcessMap } from '../load/index.js';
import { mean } from '../core/index.js';
import type { EffortFigures } from './effort.js';
import type { TimeFigures } from './time.js';

export interface BusinessFigures {
  /** Hours of work per case by everyone but the customer. */
  staffHours: number;
  /** Cost to serve one case; undefined unless every actor that works has a cost. */
  costPerCase?: number;
  /** The actors that do work but have no cost in the map. */
  uncosted: string[];
  /** The yearly figures, when the map gives the volume. */
  yearly?: {
    volume: number;
    staffHours: number;
    cost?: number;
    customerDays: number;
    /** The customers' own hours of work. */
    customerHours: number;
    /** What the customer's own hours are worth, when the map values them. */
    customerCost?: number;
  };
}

export function businessFigures(map: ProcessMap, time: TimeFigures, effort: EffortFigures): BusinessFigures {
  let staffSeconds = 0;
  let cost = 0;
  const uncosted = new Set<string>();
  for (const s of map.steps) {
    if (s.actor.kind === 'customer') continue;
    const visits = time.visits[s.index]!;
    const work = mean(s.work);
    staffSeconds += visits * work;
    if (work > 0 && s.actor.hourlyCost === undefined) uncosted.add(s.actor.name);
    cost += visits * ((work / 3600) * (s.actor.hourlyCost ?? 0) + (s.cost ?? 0));
  }
  const staffHours = staffSeconds / 3600;
  const costPerCase = uncosted.size === 0 ? cost : undefined;
  const { volume, customerHour, calendar } = map.process;
  return {
    staffHours,
    ...(costPerCase === undefined ? {} : { costPerCase }),
    uncosted: [...uncosted],
    ...(volume === undefined
      ? {}
      : {
          yearly: {
            volume,
            staffHours: staffHours * volume,
            ...(costPerCase === undefined ? {} : { cost: costPerCase * volume }),
            customerDays: (time.leadTime / calendar.day) * volume,
            customerHours: (effort.customerEffort / 3600) * volume,
            ...(customerHour === undefined
              ? {}
              : { customerCost: (effort.customerEffort / 3600) * volume * customerHour }),
          },
        }),
  };
}
