/**
 * Every amount of money carries the map's currency and nothing else does; the customers' own time is time, with
 * its worth only beside it; what a day is, is said once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyzeExact, compareMetrics, METRICS } from '../../src/analysis/index.js';
import { cellText, comparisonTable, scorecardBlocks, unitFacts, unitsNote } from '../../src/report/index.js';
import { mapOf } from '../helpers/analyze.js';

const REFERENCE = readFileSync('test/fixtures/reference.cxmap.yaml', 'utf8');

/** The reference map with another currency, costs and value of the customer's hour (or none). */
const variant = (currency: string, cost: number, customerTime: number | undefined) =>
  mapOf(
    // (A function, since `$'` in a replacement string means the rest of the text.)
    REFERENCE.replace('  currency: EUR\n', () => `  currency: '${currency}'\n`)
      .replace('cost: 45/h', `cost: ${cost}/h`)
      .replace('  customerTime: 30/h\n', customerTime === undefined ? '' : `  customerTime: ${customerTime}/h\n`),
  );

const MONEY = new Set(METRICS.filter((m) => m.unit === 'money').map((m) => m.label));

describe('amounts in the scorecard and the comparison', () => {
  it("each money figure starts with the currency, no other figure has it; the customers' worth follows their hours", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('EUR', 'GBP', 'JPY', 'CHF', '€', '£', '$', 'kr'),
        fc.integer({ min: 1, max: 5000 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        (currency, cost, customerTime) => {
          const analysis = analyzeExact(variant(currency, cost, customerTime));
          const table = scorecardBlocks(analysis).find((b) => b.kind === 'table' && b.head[0] === 'Metric')!;
          const rows = table.kind === 'table' ? table.rows.map((r) => r.map(cellText)) : [];
          const compared = comparisonTable(compareMetrics(analysis, analysis), analysis.map.process).rows.map((r) =>
            r.map(cellText),
          );
          for (const [label, value] of [...rows, ...compared])
            expect(value!.startsWith(currency), `${label} ${value}`).toBe(MONEY.has(label!));
          const labels = rows.map((r) => r[0]);
          const hours = labels.indexOf("Customers' own hours a year");
          expect(hours).toBeGreaterThan(0);
          expect(labels[hours + 1] === "Value of customers' own hours a year").toBe(customerTime !== undefined);
          expect(labels.filter((l) => MONEY.has(l!))).toHaveLength(customerTime === undefined ? 2 : 3);
        },
      ),
      { seed: 25, numRuns: 40 },
    );
  });
});

describe('what the days and amounts are in, said once', () => {
  it('calendar days, and a currency named', () => {
    const analysis = analyzeExact(mapOf(REFERENCE));
    expect(unitFacts(analysis)).toEqual([['Days', 'calendar days']]);
    expect(unitsNote(analysis)).toBe('Days (d) are calendar days.');
  });

  it('working days; amounts without a currency say so', () => {
    const analysis = analyzeExact(mapOf(REFERENCE.replace('  currency: EUR\n', '  calendar: { day: 8h, week: 5d }\n')));
    expect(unitFacts(analysis)).toEqual([
      ['Days', 'working days of 8 hours, 5 a week'],
      ['Currency', 'not given in the map, so amounts are shown without one'],
    ]);
    expect(unitsNote(analysis)).toBe(
      'Days (d) are working days of 8 hours, 5 a week. Currency not given in the map, so amounts are shown without one.',
    );
  });
});
