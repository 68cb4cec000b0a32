/** cut-wait: the waits that hold most of the customer's lead time; the what-if halves each of them. */
import { formatDuration, mean } from '../core/index.js';
import type { Rule } from './types.js';

/** A wait holding at least this share of the lead time is worth cutting. */
const SHARE = 0.1;

export const cutWait: Rule = {
  id: 'cut-wait',
  kind: 'opportunity',
  lever: (n) => `Halve the ${n} longest waits`,
  description: 'Waits that hold at least 10% of the lead time: what halving each of them would give.',
  find({ map, time }) {
    return map.steps
      .map((s) => ({ s, share: time.leadTime > 0 ? (time.critical[s.index]! * mean(s.wait)) / time.leadTime : 0 }))
      .filter(({ share }) => share >= SHARE)
      .map(({ s, share }) => ({
        rule: 'cut-wait',
        title: `Halve the wait before \`${s.id}\` (${formatDuration(mean(s.wait), map.process.calendar)} now)`,
        why: `the customer waits ${formatDuration(mean(s.wait), map.process.calendar)} before \`${s.id}\` (${s.name}): ${(100 * share).toFixed(0)}% of the lead time`,
        steps: [s.id],
        change: (copy) => {
          const w = copy.steps[s.index]!;
          w.wait = { kind: 'fixed', value: mean(w.wait) / 2 };
          return copy;
        },
      }));
  },
};
