/**
 * The duration grammar of the format: fixed durations (`0`, `90s`, `1h30m`, `1.5d`), uniform ranges (`1d..3d`),
 * triangular estimates (`{min, likely, max}`) and Little's-law queues (`{queue: 400, rate: 50/d}`).
 * Everything is turned into seconds using the map's calendar (how long a day and a week are).
 */

export interface Calendar {
  /** Seconds in a day `d`: 86,400 by default, 28,800 for an 8-hour working day. */
  day: number;
  /** Seconds in a week `w`: 7 days by default. */
  week: number;
}

export const DEFAULT_CALENDAR: Calendar = { day: 86_400, week: 7 * 86_400 };

export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; likely: number; max: number }
  /** Little's law: the wait is the cases ahead divided by the rate at which they are done. */
  | { kind: 'queue'; queue: number; perSecond: number };

export const ZERO: Distribution = { kind: 'fixed', value: 0 };

/** The longest duration the format accepts, in seconds: 10 years of 365 24-hour days. */
export const MAX_SECONDS = 10 * 365 * 86_400;
const TOO_LONG = 'is longer than the 10 years a duration may be';

export function mean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.likely + d.max) / 3;
    case 'queue':
      return d.queue / d.perSecond;
  }
}

/** A parse result: the value, or a sentence saying what is wrong with the text. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

type Unit = 's' | 'm' | 'h' | 'd' | 'w';
function unitSeconds(unit: Unit, calendar: Calendar): number {
  switch (unit) {
    case 's':
      return 1;
    case 'm':
      return 60;
    case 'h':
      return 3600;
    case 'd':
      return calendar.day;
    case 'w':
      return calendar.week;
  }
}

const PART = /(\d+(?:\.\d+)?)\s*([smhdw])/y;

/** Text for a message: on one line, and cut when it is long (a 400-digit number is not worth repeating). */
const oneLine = (text: string) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
};

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(s|secs?|seconds?)$/, 's'],
  [/^(m|mins?|minutes?)$/, 'm'],
  [/^(h|hrs?|hours?)$/, 'h'],
  [/^(d|days?)$/, 'd'],
  [/^(w|wks?|weeks?)$/, 'w'],
];
const unitOf = (word: string) => UNIT_WORDS.find(([pattern]) => pattern.test(word.toLowerCase()))?.[1];

/**
 * The duration a person most likely meant by text the grammar does not take: `2 days` -> `2d`, `1 hour 30 mins`
 * -> `1h30m`, `1-3 days` or `1 to 3 days` -> `1d..3d`; undefined when it is not that kind of text.
 */
export function meantDuration(text: string): string | undefined {
  const written = text.trim();
  if (written.length > 64) return undefined;
  const range = /^(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(written);
  if (range) {
    const unit = unitOf(range[3]!);
    return unit && `${range[1]}${unit}..${range[2]}${unit}`;
  }
  const word = /(\d+(?:\.\d+)?)\s*([a-z]+)[\s,]*(?:and\s+)?/gi;
  if (!new RegExp(`^(?:${word.source})+$`, 'i').test(written)) return undefined;
  const parts = [...written.matchAll(word)];
  const units = parts.map((p) => unitOf(p[2]!));
  if (units.some((u) => u === undefined)) return undefined;
  return parts.map((p, k) => `${p[1]}${units[k]}`).join('');
}

/** A fixed duration: `0`, `90s`, `15m`, `2h`, `1.5d`, `3w`, `1h30m`. */
export function parseFixed(input: unknown, calendar: Calendar = DEFAULT_CALENDAR): Parsed<number> {
  return readFixed(input, calendar, (meant) => readFixed(meant, calendar, () => false).ok);
}

/** A fixed duration, suggesting what was meant only when `accepts` takes the suggestion. */
function readFixed(input: unknown, calendar: Calendar, accepts: (meant: string) => boolean): Parsed<number> {
  if (input === 0 || input === '0') return ok(0);
  if (typeof input === 'number') {
    return no(`\`${oneLine(String(input))}\` has no unit: add one, for example ${input}m, ${input}h or ${input}d`);
  }
  if (typeof input !== 'string') return no('a duration is text like 15m, 2h or 1.5d');
  const text = input.trim();
  if (text === '') return no('a duration is empty: write 0 or a time like 15m, 2h or 1.5d');
  if (/^\d+(\.\d+)?$/.test(text))
    return no(
      `\`${oneLine(text)}\` has no unit: add one, for example ${oneLine(text)}m, ${oneLine(text)}h or ${oneLine(text)}d`,
    );
  let seconds = 0;
  let position = 0;
  const seen = new Set<string>();
  while (position < text.length) {
    PART.lastIndex = position;
    const match = PART.exec(text);
    if (!match) {
      const meant = meantDuration(text);
      return no(
        meant !== undefined && accepts(meant)
          ? `\`${oneLine(String(input))}\` is not a duration: did you mean \`${meant}\`? (durations look like 90s, 15m, 2h, 1.5d, 3w or 1h30m)`
          : `\`${oneLine(String(input))}\` is not a duration: write it like 90s, 15m, 2h, 1.5d, 3w or 1h30m`,
      );
    }
    const unit = match[2] as Unit;
    if (seen.has(unit)) return no(`\`${oneLine(String(input))}\` gives the unit ${unit} twice`);
    seen.add(unit);
    seconds += Number(match[1]) * unitSeconds(unit, calendar);
    position = PART.lastIndex;
    while (text[position] === ' ') position++;
  }
  // Also catches a number too large to hold (a 400-digit `9...9d` reads as Infinity).
  if (!(seconds <= MAX_SECONDS)) return no(`\`${oneLine(text)}\` ${TOO_LONG}`);
  return ok(seconds);
}

/** A rate of work for a queue: `50/d`, `6/h`. Returns cases per second. */
function parseRate(input: unknown): Parsed<number> & { per?: Unit } {
  const match = typeof input === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*([smhdw])\s*$/.exec(input) : null;
  if (!match) return no(`\`${String(input)}\` is not a rate: write cases per unit of time, like 50/d or 6/h`);
  const count = Number(match[1]);
  if (count === 0) return no('a rate of 0 means the queue never moves: give how many cases are done per unit of time');
  if (!Number.isFinite(count)) return no(`\`${oneLine(input as string)}\` is not a rate cxmap can hold`);
  return { ok: true, value: count, per: match[2] as Unit };
}

export type DurationInput =
  string | number | { min?: unknown; likely?: unknown; max?: unknown; queue?: unknown; rate?: unknown };

/** Any duration of a step: fixed, a range `a..b`, `{min, likely, max}`, or (for waits) `{queue, rate}`. */
export function parseDistribution(input: DurationInput, calendar: Calendar = DEFAULT_CALENDAR): Parsed<Distribution> {
  if (typeof input === 'string' && input.includes('..')) {
    const [low, high, ...rest] = input.split('..') as [string, string, ...string[]];
    if (rest.length > 0) return no(`\`${oneLine(input)}\` is not a range: write it like 1d..3d`);
    const missing = [low.trim() === '' && 'start', high.trim() === '' && 'end'].filter(Boolean);
    if (missing.length > 0)
      return no(`the range \`${oneLine(input)}\` has no ${missing.join(' and no ')}: write both ends, like 1d..3d`);
    const min = parseFixed(low, calendar);
    if (!min.ok) return min;
    const max = parseFixed(high, calendar);
    if (!max.ok) return max;
    if (min.value > max.value)
      return no(`the range \`${oneLine(String(input))}\` runs backwards: put the shorter duration first`);
    return ok(
      min.value === max.value
        ? { kind: 'fixed', value: min.value }
        : { kind: 'uniform', min: min.value, max: max.value },
    );
  }
  if (typeof input === 'object' && input !== null) {
    if ('queue' in input || 'rate' in input) {
      if ('min' in input || 'likely' in input || 'max' in input)
        return no('a wait is either a queue {queue, rate} or an estimate {min, likely, max}, not both');
      if (typeof input.queue !== 'number') return no('a queue needs `queue`: how many cases wait ahead');
      if (input.rate === undefined)
        return no('a queue needs `rate`: how many cases are done per unit of time, like 50/d');
      if (!(input.queue >= 0 && Number.isFinite(input.queue)))
        return no('`queue` is how many cases wait ahead: a number from 0 up');
      const rate = parseRate(input.rate);
      if (!rate.ok) return rate;
      const queue: Distribution = {
        kind: 'queue',
        queue: input.queue,
        perSecond: rate.value / unitSeconds(rate.per!, calendar),
      };
      // Little's law: the wait is queue / rate, and it may not be longer than any other duration.
      if (!(mean(queue) <= MAX_SECONDS))
        return no(`a queue of ${input.queue} cases at ${oneLine(input.rate as string)} ${TOO_LONG}`);
      return ok(queue);
    }
    const parts: number[] = [];
    for (const key of ['min', 'likely', 'max'] as const) {
      if (input[key] === undefined) return no(`an estimate needs min, likely and max; \`${key}\` is missing`);
      const part = parseFixed(input[key], calendar);
      if (!part.ok) return part;
      parts.push(part.value);
    }
    const [min, likely, max] = parts as [number, number, number];
    if (!(min <= likely && likely <= max)) return no('an estimate needs min <= likely <= max');
    return ok(min === max ? { kind: 'fixed', value: min } : { kind: 'triangular', min, likely, max });
  }
  // A fixed duration here may be meant as a range (`1-3 days`): suggest whatever this parser takes.
  const fixed = readFixed(input, calendar, (meant) => parseDistribution(meant, calendar).ok);
  return fixed.ok ? ok({ kind: 'fixed', value: fixed.value }) : fixed;
}

/** A share written as 0.8 or 80%: the value from 0 to 1. The schema has already checked the form. */
export function parseRatio(input: number | string): number {
  return typeof input === 'number' ? input : Number(input.slice(0, -1)) / 100;
}

/**
 * A duration for people, in the map's calendar: `23.6 d`, `3 h 10 m`, `45 m`, `20 s`.
 * Durations of a day or more are given in days with one decimal; shorter ones in hours and minutes.
 */
export function formatDuration(seconds: number, calendar: Calendar = DEFAULT_CALENDAR): string {
  if (seconds <= 0) return '0';
  if (seconds >= calendar.day) return `${(seconds / calendar.day).toFixed(1)} d`;
  const minutes = Math.round(seconds / 60);
  if (minutes === 0) return `${Math.round(seconds)} s`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} m`;
  return m === 0 ? `${h} h` : `${h} h ${m} m`;
}

/** A calendar other than 24-hour days, 7 a week: its days are working days. */
export const isWorkingCalendar = (calendar: Calendar) =>
  calendar.day !== DEFAULT_CALENDAR.day || calendar.week !== DEFAULT_CALENDAR.week;

/**
 * What a day (`d`) of the calendar is, in words for a note beside the figures: `calendar days`, or
 * `working days of 8 hours, 5 a week`.
 */
export function dayWords(calendar: Calendar): string {
  if (!isWorkingCalendar(calendar)) return 'calendar days';
  const figure = (x: number) => String(Math.round(x * 100) / 100);
  const hours = calendar.day / 3600;
  return `working days of ${figure(hours)} ${hours === 1 ? 'hour' : 'hours'}, ${figure(calendar.week / calendar.day)} a week`;
}

/**
 * A duration in a sentence, its days named (`24.0 working days`, `3.5 days`, `1.0 working day`): a title or a
 * headline that stands alone, with no note beside it to say what `d` is.
 */
export function durationInWords(seconds: number, calendar: Calendar = DEFAULT_CALENDAR): string {
  const text = formatDuration(seconds, calendar);
  if (!text.endsWith(' d')) return text;
  const figure = text.slice(0, -2);
  return `${figure} ${isWorkingCalendar(calendar) ? 'working ' : ''}${figure === '1.0' ? 'day' : 'days'}`;
}
