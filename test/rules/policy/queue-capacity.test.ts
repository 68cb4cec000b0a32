import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

/** The bad example of docs/rules/queue-capacity.md: 12,000 applications a year against underwriting at 15 a day. */
const BAD = /## Bad\n\n```yaml\n([\s\S]*?)```/.exec(readFileSync('docs/rules/queue-capacity.md', 'utf8'))![1]!;

describe('queue-capacity', () => {
  it("reports a queue that more cases reach than it serves, at its rate, with Little's law worked out", () => {
    // Working days of 8 h, 5 a week: a year of 365 / 7 weeks is 260.71 days; 12,000 / 260.71 = 46.03 a day, each
    // underwritten once, against 15 a day.
    expect(policyFindings('queue-capacity', { yaml: BAD })).toEqual([
      "13:86 about 46 cases reach `underwrite` a day (12,000 a year × 1.00 visits), more than the 15 a day its queue is served at: the queue grows and its wait of 2.0 d cannot hold; check the rate or the volume (Little's law: queue = arrivals a day × wait)",
    ]);
  });
  it('counts the visits of a loop back: 30% sent back makes 1.43 visits a case', () => {
    // 50 a day served, 46.03 a day applying: held alone, not with 1/0.7 = 1.43 visits (65.76 a day).
    const served = BAD.replace('{ queue: 30, rate: 15/d }', '{ queue: 80, rate: 50/d }');
    expect(policyFindings('queue-capacity', { yaml: served })).toEqual([]);
    const looped = served
      .replace('work: 1h }\n', 'work: 1h, next: [{ to: fix, chance: 30% }, { to: done, chance: 70% }] }\n')
      .concat(
        '  - { id: fix, name: Send what is missing, actor: me, channel: web, work: 10m, next: underwrite }\n',
        '  - { id: done, name: Receive the offer, actor: me, channel: web }\n',
      );
    expect(policyFindings('queue-capacity', { yaml: looped })).toEqual([
      "13:86 about 66 cases reach `underwrite` a day (12,000 a year × 1.43 visits), more than the 50 a day its queue is served at: the queue grows and its wait of 1.6 d cannot hold; check the rate or the volume (Little's law: queue = arrivals a day × wait)",
    ]);
  });
  it('says nothing of a map without a volume', () => {
    expect(policyFindings('queue-capacity', { yaml: BAD.replace('  volume: 12000/y\n', '') })).toEqual([]);
  });
});
