/** Amounts of money and the days of a calendar, as every output writes them. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayWords,
  durationInWords,
  formatAmount,
  formatMoney,
  isWorkingCalendar,
  parseCurrency,
  wholePercent,
} from '../../src/core/index.js';

describe('formatMoney', () => {
  it('writes a code before the amount with a space, a symbol right before it, nothing when the map names none', () => {
    expect(formatMoney(190.9, 'EUR')).toBe('EUR 190.90');
    expect(formatMoney(4_581_623.4, 'GBP')).toBe('GBP 4,581,623');
    expect(formatMoney(190.9, '€')).toBe('€190.90');
    expect(formatMoney(31_200, '$')).toBe('$31,200');
    expect(formatMoney(12, 'R$')).toBe('R$12');
    // A symbol that ends in a letter is a word before the amount.
    expect(formatMoney(190.9, 'kr')).toBe('kr 190.90');
    expect(formatMoney(190.9)).toBe('190.90');
  });

  it('writes no cents in a currency that has none', () => {
    expect(formatMoney(191.6, 'JPY')).toBe('JPY 192');
    expect(formatMoney(191.6, 'EUR')).toBe('EUR 191.60');
  });

  it('carries the currency and the figure of formatAmount for every amount', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.constantFrom('EUR', 'GBP', 'USD', 'CHF', '€', '£', '$', 'kr'),
        (x, currency) => {
          const text = formatMoney(x, currency);
          expect(text.startsWith(currency)).toBe(true);
          expect(text.slice(currency.length).trim()).toBe(formatAmount(x));
        },
      ),
      { seed: 25, numRuns: 300 },
    );
  });
});

describe('parseCurrency', () => {
  it('takes an ISO 4217 code in any case as the code in capitals, and a symbol as written', () => {
    expect(parseCurrency('EUR')).toEqual({ ok: true, value: 'EUR' });
    expect(parseCurrency('gbp')).toEqual({ ok: true, value: 'GBP' });
    expect(parseCurrency('€')).toEqual({ ok: true, value: '€' });
    expect(parseCurrency('kr')).toEqual({ ok: true, value: 'kr' });
  });

  it('refuses three letters that are no code, with the closest code', () => {
    expect(parseCurrency('EUO')).toEqual({
      ok: false,
      problem:
        '`EUO` is not an ISO 4217 currency code (did you mean `EUR`?): write a code like EUR, GBP or USD, or the symbol, like €, £ or $',
    });
  });
});

describe('dayWords', () => {
  it('says what a day of the calendar is', () => {
    expect(dayWords({ day: 86_400, week: 7 * 86_400 })).toBe('calendar days');
    expect(dayWords({ day: 8 * 3600, week: 5 * 8 * 3600 })).toBe('working days of 8 hours, 5 a week');
    expect(dayWords({ day: 7.5 * 3600, week: 7 * 7.5 * 3600 })).toBe('working days of 7.5 hours, 7 a week');
    expect(dayWords({ day: 86_400, week: 5 * 86_400 })).toBe('working days of 24 hours, 5 a week');
    expect(isWorkingCalendar({ day: 86_400, week: 7 * 86_400 })).toBe(false);
  });

  it('durations in a sentence name their days', () => {
    const working = { day: 8 * 3600, week: 40 * 3600 };
    expect(durationInWords(24 * 8 * 3600, working)).toBe('24.0 working days');
    expect(durationInWords(8 * 3600, working)).toBe('1.0 working day');
    expect(durationInWords(3.5 * 86_400)).toBe('3.5 days');
    expect(durationInWords(2 * 3600)).toBe('2 h');
  });

  it('a share in a sentence is never rounded to all or nothing', () => {
    expect(wholePercent(0.948)).toBe('95%');
    expect(wholePercent(0.996)).toBe('over 99%');
    expect(wholePercent(1)).toBe('100%');
    expect(wholePercent(0.004)).toBe('under 1%');
    expect(wholePercent(0)).toBe('0%');
    // Whatever the share, the words say 100% only for all of it and 0% only for none.
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (share) => {
        const text = wholePercent(share);
        expect(text === '100%').toBe(share === 1);
        expect(text === '0%').toBe(share === 0);
      }),
    );
  });
});
