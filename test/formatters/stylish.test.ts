/** stylish: findings grouped by map, each on one line with its code frame, then the summary. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stylish } from '../../src/formatters/stylish.js';
import { RESULTS } from '../helpers/findings.js';

describe('stylish', () => {
  it('shows each finding on one line with a caret under its span, and counts maps with problems', () => {
    expect(stylish(RESULTS, { colorLevel: 0 })).toBe(
      [
        'maps/account.cxmap.yaml',
        '  2:18  warning  PCE is 2.0%, below the 5.0% required: <98%> of the time "adds" nothing  min-pce',
        '    2 | process: { name: Open an account }',
        '      |                  ^^^^^^^^^^^^^^^',
        '  4:25  error  the actor `clerk` is not one of the actors: me, desk  unknown-actor',
        '    4 |   - { id: apply, actor: clerk }',
        '      |                         ^^^^^',
        '',
        '✖ 2 problems (1 error, 1 warning) in 1 of 2 maps',
        '',
      ].join('\n'),
    );
  });

  it('says the map is valid, or that all are', () => {
    expect(stylish([RESULTS[1]!], { colorLevel: 0 })).toBe('✔ the map is valid\n');
    expect(stylish([RESULTS[1]!, RESULTS[1]!], { colorLevel: 0 })).toBe('✔ all 2 maps are valid\n');
  });

  it('cuts a long line to a window of 100 characters around the column', () => {
    const long = `${'x'.repeat(150)}bad${'y'.repeat(50)}`;
    const out = stylish(
      [
        {
          file: 'm.yaml',
          source: { lineText: () => long },
          findings: [{ line: 1, column: 151, endLine: 1, endColumn: 154, severity: 'error', code: 'c', message: 'm' }],
        },
      ],
      { colorLevel: 0 },
    ).split('\n');
    // The window ends with the line (203 characters): the last 100, the caret under `bad`.
    expect(out[2]).toBe(`    1 | ...${'x'.repeat(47)}bad${'y'.repeat(50)}`);
    expect(out[3]).toBe(`      | ${' '.repeat(50)}^^^`);
  });

  it('colours only at a colour level above 0', () => {
    expect(stylish(RESULTS, { colorLevel: 0 })).not.toContain('\u001b[');
    expect(stylish(RESULTS, { colorLevel: 1 })).toContain('\u001b[31merror\u001b[39m');
  });

  it('passes nothing a terminal would act on, whatever the file name, message or line holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, text) => {
        const out = stylish(
          [
            {
              file: name,
              source: { lineText: () => text },
              findings: [{ line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'c', message: text }],
            },
          ],
          { colorLevel: 0 },
        );
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
        // One line for the file, one for the finding, two for its frame (none for a blank line), the summary.
        expect([5, 7]).toContain(out.split('\n').length);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
