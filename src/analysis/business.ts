/**
 * The business case of a map, from the optional figures it gives: the yearly volume of cases, what an hour of each
 * actor's work costs (and a cost per step), and what an hour of the customer's own work is worth.
 *
 * - Who does the work decides where its hours go (`partyOf`): staff hours are the company's own people; the hours
 *   of other organisations (partners, regulators, other suppliers: their people and systems alike) and the time of
 *   the company's own systems are counted apart, never as staff.
 * - Hours per case: expected visits × work, summed over the steps of each party.
 * - Cost to serve per case: expected visits × (work in hours × the actor's hourly cost + the step's own cost),
 *   summed over every step but the customer's. Only when every actor that works has a cost: a partial sum would
 *   understate. Partners' cost (their hours at their rate and the costs of their steps: their fees) is the part of
 *   it that goes to other organisations, given when every partner that works has a cost.
 * - Per year: per case × volume; customer days = lead time (in days of the map's calendar) × volume; the
 *   customers' own hours = their own work (customer effort) in hours × volume, and what those hours are worth =
 *   that × the value of their hour.
 */
import { partyOf, type ProcessMap } from '../load/index.js';
import { mean } from '../core/index.js';
import type { EffortFigures } from './effort.js';
import type { TimeFigures } from './time.js';

/** Figures per case that are also given a year. */
interface PerCase {
  /** Hours of work per case by the company's own people. */
  staffHours: number;
  /** Hours of work per case by other organisations; undefined when the map names none (no actor with `org`). */
  partnerHours?: number;
  /** What other organisations' work and steps cost a case; undefined without partners, or without their costs. */
  partnerCost?: number;
  /** Hours of the company's own systems per case; undefined when the map has no actor of `type: system`. */
  systemHours?: number;
}

export interface BusinessFigures extends PerCase {
  /** Cost to serve one case; undefined unless every actor that works has a cost. */
  costPerCase?: number;
  /** The actors that do work but have no cost in the map. */
  uncosted: string[];
  /** The yearly figures, when the map gives the volume. */
  yearly?: PerCase & {
    volume: number;
    cost?: number;
    customerDays: number;
    /** The customers' own hours of work. */
    customerHours: number;
    /** What the customer's own hours are worth, when the map values them. */
    customerCost?: number;
  };
}

export function businessFigures(map: ProcessMap, time: TimeFigures, effort: EffortFigures): BusinessFigures {
  const seconds = { staff: 0, system: 0, partner: 0 };
  let cost = 0;
  let partnerCost = 0;
  const uncosted = new Set<string>();
  let partnerUncosted = false;
  for (const s of map.steps) {
    const party = partyOf(s.actor);
    if (party === 'customer') continue;
    const visits = time.visits[s.index]!;
    const work = mean(s.work);
    seconds[party] += visits * work;
    if (work > 0 && s.actor.hourlyCost === undefined) {
      uncosted.add(s.actor.name);
      if (party === 'partner') partnerUncosted = true;
    }
    const stepCost = visits * ((work / 3600) * (s.actor.hourlyCost ?? 0) + (s.cost ?? 0));
    cost += stepCost;
    if (party === 'partner') partnerCost += stepCost;
  }
  const parties = new Set(map.actors.map(partyOf));
  /** The figures per case, times `v` cases. */
  const times = (v: number): PerCase => ({
    staffHours: (seconds.staff / 3600) * v,
    ...(parties.has('partner') ? { partnerHours: (seconds.partner / 3600) * v } : {}),
    ...(parties.has('partner') && !partnerUncosted ? { partnerCost: partnerCost * v } : {}),
    ...(parties.has('system') ? { systemHours: (seconds.system / 3600) * v } : {}),
  });
  const costPerCase = uncosted.size === 0 ? cost : undefined;
  const { volume, customerHour, calendar } = map.process;
  return {
    ...times(1),
    ...(costPerCase === undefined ? {} : { costPerCase }),
    uncosted: [...uncosted],
    ...(volume === undefined
      ? {}
      : {
          yearly: {
            volume,
            ...times(volume),
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
