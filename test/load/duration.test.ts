import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, mean, parseDistribution, parseFixed, parseRatio } from '../../src/core/duration.js';

const WORK = { day: 8 * 3600, week: 5 * 8 * 3600 };

describe('durations', () => {
  it.each([
    [0, 0],
    ['0', 0],
    ['90s', 90],
    ['15m', 900],
    ['2h', 7200],
    ['1.5d', 129_600],
    ['3w', 1_814_400],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['2d4h', 187_200],
  ])('%j is %d seconds', (input, seconds) => {
    expect(parseFixed(input)).toEqual({ ok: true, value: seconds });
  });

  it('reads d and w in the map calendar', () => {
    expect(parseFixed('1d', WORK)).toEqual({ ok: true, value: 28_800 });
    expect(parseFixed('1w', WORK)).toEqual({ ok: true, value: 144_000 });
  });

  it.each([
    [15, '`15` has no unit: add one, for example 15m, 15h or 15d'],
    ['15', '`15` has no unit: add one, for example 15m, 15h or 15d'],
    ['2 days', '`2 days` is not a duration: did you mean `2d`? (durations look like 90s, 15m, 2h, 1.5d, 3w or 1h30m)'],
    ['1h1h', '`1h1h` gives the unit h twice'],
    ['-2d', '`-2d` is not a duration: write it like 90s, 15m, 2h, 1.5d, 3w or 1h30m'],
  ])('%j is refused', (input, problem) => {
    expect(parseFixed(input)).toEqual({ ok: false, problem });
  });

  it.each([
    ['', 'a duration is empty: write 0 or a time like 15m, 2h or 1.5d'],
    ['  ', 'a duration is empty: write 0 or a time like 15m, 2h or 1.5d'],
    ['..', 'the range `..` has no start and no end: write both ends, like 1d..3d'],
    ['..1d', 'the range `..1d` has no start: write both ends, like 1d..3d'],
    ['1d..', 'the range `1d..` has no end: write both ends, like 1d..3d'],
    ['1d.. ', 'the range `1d.. ` has no end: write both ends, like 1d..3d'],
    [
      '1-3 days',
      '`1-3 days` is not a duration: did you mean `1d..3d`? (durations look like 90s, 15m, 2h, 1.5d, 3w or 1h30m)',
    ],
    // Suggestions the grammar would itself refuse are not made: backwards, too long, a unit twice.
    ['3 to 1 days', '`3 to 1 days` is not a duration: write it like 90s, 15m, 2h, 1.5d, 3w or 1h30m'],
    ['99999999999 days', '`99999999999 days` is not a duration: write it like 90s, 15m, 2h, 1.5d, 3w or 1h30m'],
    ['1 day and 1 day', '`1 day and 1 day` is not a duration: write it like 90s, 15m, 2h, 1.5d, 3w or 1h30m'],
  ])('the duration %j is refused', (input, problem) => {
    expect(parseDistribution(input)).toEqual({ ok: false, problem });
  });

  it('suggests a range only where a range is taken', () => {
    expect(parseFixed('1-3 days')).toEqual({
      ok: false,
      problem: '`1-3 days` is not a duration: write it like 90s, 15m, 2h, 1.5d, 3w or 1h30m',
    });
    expect(parseFixed('')).toEqual({
      ok: false,
      problem: 'a duration is empty: write 0 or a time like 15m, 2h or 1.5d',
    });
  });

  it('makes only suggestions its own parser accepts', () => {
    const number = fc.oneof(fc.nat({ max: 200 }).map(String), fc.constantFrom('0.5', '99999999999', '1.25', '3'));
    const word = fc.constantFrom('s', 'sec', 'mins', 'minute', 'h', 'hours', 'd', 'day', 'days', 'wk', 'weeks', 'x');
    const glue = fc.constantFrom(' ', '', ', ', ' and ', ' to ', '-', '..');
    const text = fc
      .array(fc.tuple(number, fc.constantFrom(' ', ''), word, glue), { minLength: 1, maxLength: 3 })
      .map((parts) =>
        parts
          .map((p) => p.join(''))
          .join('')
          .trim(),
      );
    const calendar = fc.constantFrom(undefined, WORK);
    let suggested = 0;
    fc.assert(
      fc.property(text, calendar, (input, cal) => {
        for (const [parse, name] of [
          [parseDistribution, 'distribution'],
          [parseFixed, 'fixed'],
        ] as const) {
          const result = parse(input, cal);
          const meant = !result.ok && /did you mean `([^`]*)`/.exec(result.problem)?.[1];
          if (!meant) continue;
          suggested++;
          expect({ name, input, meant, accepted: parse(meant, cal).ok }).toEqual({
            name,
            input,
            meant,
            accepted: true,
          });
        }
      }),
      { numRuns: 2000 },
    );
    // The property saw suggestions, not only refusals without one.
    expect(suggested).toBeGreaterThan(100);
  });

  it('parses ranges, estimates and queues, with their means', () => {
    const range = parseDistribution('1d..3d');
    expect(range).toEqual({ ok: true, value: { kind: 'uniform', min: 86_400, max: 259_200 } });
    const tri = parseDistribution({ min: '1d', likely: '2d', max: '6d' }, WORK);
    expect(tri).toEqual({ ok: true, value: { kind: 'triangular', min: 28_800, likely: 57_600, max: 172_800 } });
    expect(tri.ok && mean(tri.value)).toBe(86_400);
    // Little's law: 400 cases ahead at 50 a day wait 8 days; in an 8-hour calendar that is 8 working days.
    const queue = parseDistribution({ queue: 400, rate: '50/d' }, WORK);
    expect(queue.ok && mean(queue.value)).toBe(8 * 28_800);
    expect(parseDistribution('2h..2h')).toEqual({ ok: true, value: { kind: 'fixed', value: 7200 } });
  });

  it('reads shares', () => {
    expect(parseRatio('80%')).toBe(0.8);
    expect(parseRatio(0.35)).toBe(0.35);
  });

  it.each([
    [0, '0'],
    [20, '20 s'],
    [2700, '45 m'],
    [11_400, '3 h 10 m'],
    [7200, '2 h'],
    [86_400 * 23.6, '23.6 d'],
  ])('formats %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('formats in the map calendar', () => {
    expect(formatDuration(3 * 28_800, WORK)).toBe('3.0 d');
  });
});
