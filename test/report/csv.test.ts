/**
 * `cxmap report --format csv`: the scorecard, the steps and the opportunities as tables a spreadsheet opens, with
 * figures as plain numbers in the unit each column names, worked by hand on a map of three steps.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { analyzeExact } from '../../src/analysis/index.js';
import { opportunities } from '../../src/rules/index.js';
import { csvFiles, csvText } from '../../src/report/index.js';
import { printable } from '../../src/core/index.js';
import { mapOf } from '../helpers/analyze.js';

// Lead time: 30 m + 2 d + 1 h = 2.0625 d; process time 1.5 h = 0.0625 d. The clerk's hour at EUR 60 is the cost to
// serve; 1,000 cases a year. The review holds 49 h of 49.5 h (98.99 %), and 1 d of its 2 d wait is dark (news is
// awaited after one day).
const MAP = `cxmap: 1
process:
  name: Tiny
  customer: Buyer
  goal: Done
  volume: 1000/y
  currency: EUR
  targets: { leadTime: 2d }
actors:
  me: { kind: customer, name: Buyer }
  clerk: { kind: backstage, name: Clerk, cost: 60/h }
steps:
  - id: ask
    name: "=SUM(A1) request"
    actor: me
    channel: web
    work: 30m
    value: customer
    next: review
  - id: review
    name: Review the request
    actor: clerk
    wait: 2d
    work: 1h
    value: business
    fails: 'Lost, "again"'
    next: done
  - id: done
    name: Receive the answer
    actor: me
    value: customer
`;

const files = () => {
  const analysis = analyzeExact(mapOf(MAP));
  return Object.fromEntries(csvFiles(analysis, opportunities(analysis)).map((f) => [f.name, f.text]));
};
const lines = (text: string) => text.slice(1).split('\r\n');

describe('the report as CSV', () => {
  it('starts each file with a byte-order mark and ends every line with CRLF', () => {
    const { scorecard } = files();
    expect(scorecard!.startsWith('\uFEFFMetric,Value,Unit,Target,Target met\r\n')).toBe(true);
    expect(scorecard!.endsWith('\r\n')).toBe(true);
    expect(scorecard!.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('gives the scorecard (exact figures, no percentiles) in days of the calendar, percent and the currency, with the target', () => {
    const rows = lines(files().scorecard!);
    expect(rows.slice(1, 5)).toEqual([
      'Lead time,2.063,d: calendar days,2,no',
      'Process time,0.063,d: calendar days,,',
      // 30 m of value-adding work: 0.0208 d, and 0.5 h / 49.5 h = 1.01 %.
      'Value-added time,0.021,d: calendar days,,',
      'PCE,1.01,%,,',
    ]);
    expect(rows).toContain('Cost to serve a case,60,EUR,,');
    expect(rows).toContain('Cost a year,60000,EUR,,');
    expect(rows).toContain('Success rate,100,%,,');
  });

  it('gives each step its figures, quotes a comma or a quote, and defuses a formula', () => {
    const rows = lines(files().steps!);
    expect(rows[0]).toBe(
      'Step id,Step,Stage,Lane,Actor,"Wait, days","Work, hours",Visits per case,"Share of the lead time, %","Value for the customer, 0-100",Verdict,"Dark wait, days",Asked again,Fail point,Moment of truth,Why',
    );
    expect(rows[1]!.startsWith("ask,'=SUM(A1) request,Tiny,customer,Buyer,0,0.5,1,1.01,100,keep,0,,,,")).toBe(true);
    expect(
      rows[2]!.startsWith(
        'review,Review the request,Tiny,backstage,Clerk,2,1,1,98.99,30,rethink,1,,"Lost, ""again""",,',
      ),
    ).toBe(true);
  });

  it('gives each opportunity its savings as the low and high end of its assumed size, in plain words', () => {
    const table: string[][] = parse(files().opportunities!.slice(1));
    const [head, first] = table;
    const cell = (name: string) => first![head!.indexOf(name)];
    // Cutting the 2 d wait by 25-50 %: 0.5-1 d saved a case, 500-1,000 customer days a year; clearing that share of
    // the backlog once: 2 d x 25 % x 1,000 / 365 cases a day x 1 h x EUR 60 = EUR 82.19 (164.38 at 50 %).
    expect(cell('Opportunity')).toBe('Cut the wait before review (2.0 d now)');
    expect(cell('Lead time saved, days (low)')).toBe('0.5');
    expect(cell('Lead time saved, days (high)')).toBe('1');
    expect(cell('Customer days saved a year (low)')).toBe('500');
    expect(cell('Customer days saved a year (high)')).toBe('1000');
    expect(cell('One-off cost (low), EUR')).toBe('82.19');
    expect(cell('One-off cost (high), EUR')).toBe('164.38');
    expect(cell('Assumes')).toBe('the wait cut by 25-50% (assumed; set levers: in the map)');
    expect(cell('Steps')).toBe('Review the request');
  });

  it('reads back as written, whatever the text (a property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.oneof(
              fc.string({ unit: 'binary' }),
              fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => Number(x.toFixed(3)) + 0),
            ),
            { minLength: 1, maxLength: 4 },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (rows) => {
          const width = Math.max(...rows.map((r) => r.length));
          const square = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
          const read: string[][] = parse(csvText(square).slice(1));
          const expected = square.map((r) =>
            r.map((v) =>
              typeof v === 'number' ? String(v) : /^[=+\-@]/.test(printable(v)) ? `'${printable(v)}` : printable(v),
            ),
          );
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
