/** markdown: the summary for a pull-request comment; a finding's text cannot break the table. */
import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/formatters/markdown.js';
import { RESULTS } from '../helpers/findings.js';

describe('markdown', () => {
  it('heads with the counts, then one table row per finding linked to its rule', () => {
    expect(markdown(RESULTS)).toBe(
      [
        '### cxmap check: 🔴 1 error, 1 warning in 1 of 2 maps',
        '',
        '| Map | Line | Severity | Rule | Finding |',
        '| --- | --: | --- | --- | --- |',
        '| `maps/account.cxmap.yaml` | 2:18 | 🟡 warning | [min-pce](https://github.com/cxmap/cxmap/blob/main/docs/rules/min-pce.md) | PCE is 2.0%, below the 5.0% required: \\<98%\\> of the time "adds" nothing |',
        '| `maps/account.cxmap.yaml` | 4:25 | 🔴 error | [unknown-actor](https://github.com/cxmap/cxmap/blob/main/docs/format.md#checks-and-their-codes) | the actor \\`clerk\\` is not one of the actors: me, desk |',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to fix, and stops the table at 200 rows', () => {
    expect(markdown([RESULTS[1]!])).toBe('### cxmap check: ✔ 1 map checked, no problems\n');
    const [result] = RESULTS;
    const many = markdown([{ ...result!, findings: Array.from({ length: 205 }, () => result!.findings[0]!) }]);
    expect(many.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(200);
    expect(many.trimEnd().split('\n').at(-1)).toBe('…and 5 more: run `cxmap check` to see them all.');
  });
});
