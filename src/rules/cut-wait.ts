/**
 * cut-wait: the queues that hold most of the customer's lead time; the what-if halves each of them. Only a queue
 * (work waiting for capacity) is cut by working faster or adding capacity: a scheduled cycle, a transport and the
 * customer's own time are not, so the rule leaves them alone.
 */
import { formatDuration, mean } from '../core/index.js';
import type { Rule } from './types.js';
import { isQueue } from './feasible.js';

/** A wait holding at least this share of the lead time is worth cutting. */
const SHARE = 0.1;

export const cutWait: Rule = {
  id: 'cut-wait',
  kind: 'opportunity',
  effort: 3,
  lever: (n) => `Halve the ${n} longest waits`,
  description:
    'Queues (waits for capacity) that hold at least 10% of the lead time: what halving each of them would give. Scheduled cycles, transport and the customer’s own time are left alone.',
  find({ map, time }) {
    return map.steps
      .map((s) => ({ s, share: time.leadTime > 0 ? (time.critical[s.index]! * mean(s.wait)) / time.leadTime : 0 }))
      .filter(({ s, share }) => share >= SHARE && isQueue(s))
      .map(({ s, share }) => ({
        rule: 'cut-wait',
        title: `Halve the wait before \`${s.id}\` (${formatDuration(mean(s.wait), map.process.calendar)} now)`,
        why: `the customer waits ${formatDuration(mean(s.wait), map.process.calendar)} before \`${s.id}\` (${s.name}): ${(100 * share).toFixed(0)}% of the lead time; it is a queue${s.actor.kind === 'customer' ? '' : ` for ${s.actor.name}'s capacity`}${s.waitKind ? '' : ' (the map gives no other kind of wait)'}, which working faster or adding capacity cuts`,
        steps: [s.id],
        change: (copy) => {
          const w = copy.steps[s.index]!;
          w.wait = { kind: 'fixed', value: mean(w.wait) / 2 };
          return copy;
        },
      }));
  },
};
