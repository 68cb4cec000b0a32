/**
 * The business-case figures of the format: a yearly volume of cases (`12000/y`), amounts of money per hour of work
 * (`45/h`) and the currency they are in (`EUR`, `€`); and how amounts are written for people.
 */
import type { Calendar, Parsed as ParsedAs } from './duration.js';
import { didYouMean } from './suggest.js';

type Parsed = { ok: true; value: number } | { ok: false; problem: string };

/**
 * The largest amounts a map may give (docs/format.md, Limits): far beyond any real process, yet small enough that
 * every product of the business case stays a finite number: 1,000 passes of a million steps, each of 10 years'
 * work at the largest rate plus the largest cost of a step (1e9, schemas/cxmap.schema.json), times the largest
 * volume, is about 1e35.
 */
const MAX_VOLUME = 1e12;
const MAX_HOURLY = 1e9;

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
  if (!Number.isFinite(value) || value > MAX_VOLUME)
    return {
      ok: false,
      problem: `\`${String(input)}\` is more cases than cxmap takes: give a volume of at most ${formatAmount(MAX_VOLUME)} a year`,
    };
  return { ok: true, value };
}

/** An amount per hour of work: `45/h`, or per day of the map's calendar: `360/d`. Returns the amount per hour. */
export function parseHourly(input: unknown, calendar: Calendar): Parsed {
  const match = typeof input === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*(h|d)\s*$/.exec(input) : null;
  if (!match)
    return { ok: false, problem: `\`${String(input)}\` is not an amount per hour: write it like 45/h (or 360/d)` };
  const value = match[2] === 'h' ? Number(match[1]) : (Number(match[1]) * 3600) / calendar.day;
  if (!Number.isFinite(value) || value > MAX_HOURLY)
    return {
      ok: false,
      problem: `\`${String(input)}\` is more than cxmap takes: give an amount of at most ${formatAmount(MAX_HOURLY)} an hour`,
    };
  return { ok: true, value };
}

/** The ISO 4217 currency codes the runtime knows (Node's ICU: EUR, GBP, USD, JPY...). */
const ISO_CODES = new Set(Intl.supportedValuesOf('currency'));

/**
 * The currency of a map's amounts: three letters that are an ISO 4217 code, in capitals (`eur` is `EUR`), or a
 * symbol as written (`€`, `£`, `$`, `kr`). The schema has already checked the form: up to three characters, no
 * space or digit.
 */
export function parseCurrency(input: string): ParsedAs<string> {
  if (!/^[a-z]{3}$/i.test(input)) return { ok: true, value: input };
  const code = input.toUpperCase();
  if (ISO_CODES.has(code)) return { ok: true, value: code };
  return {
    ok: false,
    problem: `\`${input}\` is not an ISO 4217 currency code${didYouMean(code, ISO_CODES)}: write a code like EUR, GBP or USD, or the symbol, like €, £ or $`,
  };
}

/** A figure as people read it: with cents below 1,000 (190.90, 4.13), whole above (4,581,623), thousands separated. */
export function formatAmount(x: number, cents = true): string {
  const digits = cents && Math.abs(x) < 1000 && !Number.isInteger(Math.round(x * 100) / 100) ? 2 : 0;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * An amount of money in the map's currency: a code before it and a space (`EUR 190.90`), a symbol before it
 * (`€190.90`, `R$190.90`; `kr 190.90` where the symbol ends in a letter), bare when the map names no currency. A
 * currency without minor units (JPY) is never written with cents.
 */
export function formatMoney(x: number, currency?: string): string {
  if (currency === undefined) return formatAmount(x);
  const cents = !ISO_CODES.has(currency) || minorDigits(currency) > 0;
  const space = /\p{Sc}$/u.test(currency) ? '' : ' ';
  return `${currency}${space}${formatAmount(x, cents)}`;
}

const minorDigits = (code: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * A share as a whole percentage for a sentence (`95%`), never rounded to all or nothing: a share short of the
 * whole reads `over 99%`, a share above none `under 1%`.
 */
export function wholePercent(share: number): string {
  const whole = Math.round(100 * share);
  if (whole === 100 && share < 1) return 'over 99%';
  if (whole === 0 && share > 0) return 'under 1%';
  return `${whole}%`;
}
