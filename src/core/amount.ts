/**
 * The business-case figures of the format: a yearly volume of cases (`12000/y`) and amounts of money per hour of
 * work (`45/h`). Money has no currency here: the figures come out in whatever the map's amounts are in.
 */
import type { Calendar } from './duration.js';

type Parsed = { ok: true; value: number } | { ok: false; problem: string };

/** Periods a volume can be given per, as the share of a year they are (a year of 365 calendar days). */
const PER_YEAR: Record<string, number> = { y: 1, mo: 12, w: 365 / 7, d: 365 };

/** A volume of cases: `12000/y`, `1000/mo`, `250/w`, `40/d`. Returns cases per year. */
export function parseVolume(input: unknown): Parsed {
  const match = typeof input === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*(y|mo|w|d)\s*$/.exec(input) : null;
  if (!match)
    return {
      ok: false,
      problem: `\`${String(input)}\` is not a volume: write cases per year, month, week or day, like 12000/y or 250/w`,
    };
  const value = Number(match[1]) * PER_YEAR[match[2]!]!;
  if (!Number.isFinite(value) || value > 1e12)
    return { ok: false, problem: `\`${String(input)}\` is more cases than cxmap can count` };
  return { ok: true, value };
}

/** An amount per hour of work: `45/h`, or per day of the map's calendar: `360/d`. Returns the amount per hour. */
export function parseHourly(input: unknown, calendar: Calendar): Parsed {
  const match = typeof input === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*(h|d)\s*$/.exec(input) : null;
  if (!match)
    return { ok: false, problem: `\`${String(input)}\` is not an amount per hour: write it like 45/h (or 360/d)` };
  const value = match[2] === 'h' ? Number(match[1]) : (Number(match[1]) * 3600) / calendar.day;
  if (!Number.isFinite(value) || value > 1e9)
    return { ok: false, problem: `\`${String(input)}\` is more than cxmap can count` };
  return { ok: true, value };
}
