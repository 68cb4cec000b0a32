/**
 * off-cycle: a scheduled wait (a fixed cycle: a billing run, a weekly committee) that holds much of the lead time.
 * Working faster or adding capacity does not cut it, so cut-wait leaves it alone; only changing the schedule does
 * (method.md, "Capacity is not free"): a run of its own for the case (the final bill made when the customer leaves,
 * not at the next monthly run), or a shorter cycle. The lever's size is the share of the wait it takes away: 50-90%
 * unless the team says (a monthly cycle made fortnightly halves the wait; a run for the case within days of a
 * 28-day cycle takes away about 90%).
 */
import { formatDuration, mean } from '../core/index.js';
import { waitKindOf } from '../load/index.js';
import type { Rule } from './types.js';
import { longWaits, waitTo } from './cut-wait.js';

export const offCycle: Rule = {
  id: 'off-cycle',
  kind: 'opportunity',
  effort: 3,
  size: { of: 'the scheduled wait', cut: [0.5, 0.9] },
  lever: (n) => `Take the case out of ${n} fixed cycles`,
  description:
    'Scheduled waits (a fixed cycle: a billing run, a weekly committee) that hold at least 10% of the lead time: take the case out of the cycle with a run of its own, or shorten the cycle.',
  find(analysis) {
    const cal = analysis.map.process.calendar;
    return longWaits(analysis, (s) => waitKindOf(s) === 'scheduled').map(({ s, share }) => {
      const wait = formatDuration(mean(s.wait), cal);
      return {
        rule: 'off-cycle',
        title: `Take \`${s.id}\` out of its fixed cycle: a run for the case, or a shorter cycle (${wait} now)`,
        why: `the customer waits ${wait} for the cycle before \`${s.id}\` (${s.name}): ${(100 * share).toFixed(0)}% of the lead time; a scheduled wait, which only a change of the schedule cuts`,
        steps: [s.id],
        sized: {
          what: `the scheduled wait before \`${s.id}\` (${wait})`,
          now: mean(s.wait),
          unit: 'duration',
          change: waitTo(s),
        },
      };
    });
  },
};
