/**
 * self-service: a frontstage step of the company's own people that only takes or gives information on a channel that
 * can carry it; the customer could do it themselves, online. Never physical work, a company decision, or what carries
 * a decision out, nor the work of a system or of another organisation.
 */
import { formatDuration, mean } from '../core/index.js';
import { partyOf } from '../load/index.js';
import type { Rule } from './types.js';
import { carryingOutDecisions, isDecision, isQueue, isPhysical, remoteChannel } from './feasible.js';

export const selfService: Rule = {
  id: 'self-service',
  kind: 'opportunity',
  effort: 4,
  // A change made or not: the customer does the step, at once, so its queue for staff goes with it.
  size: 'none',
  lever: (n) => `Self-service: the customer does ${n} steps online`,
  description:
    'Frontstage steps of the company’s own people that only pass information to or from the customer on a channel that can carry it (not physical work, not a decision or what follows one): let the customer do them online, at once, instead of waiting for staff.',
  find({ map }) {
    const customer = map.actors.find((a) => a.kind === 'customer');
    if (!customer) return [];
    const decided = carryingOutDecisions(map);
    return map.steps
      .filter(
        (s) =>
          s.actor.kind === 'frontstage' &&
          partyOf(s.actor) === 'staff' &&
          s.value !== 'customer' &&
          s.value !== 'waste' &&
          (s.asks.length > 0 || s.tells.length > 0) &&
          s.next.kind !== 'all' &&
          remoteChannel(map, s) !== undefined &&
          !isPhysical(s) &&
          !isDecision(s) &&
          !decided.has(s.index),
      )
      .map((s) => ({
        rule: 'self-service',
        title: `Self-service: the customer does \`${s.id}\` (${s.name}) online`,
        why: `${s.actor.name} only ${[s.asks.length ? `takes ${s.asks.join(', ')}` : '', s.tells.length ? `gives ${s.tells.join(', ')}` : ''].filter(Boolean).join(' and ')} by ${remoteChannel(map, s)}, decides nothing and handles no goods${mean(s.wait) > 0 ? `; the customer waits ${formatDuration(mean(s.wait), map.process.calendar)} for it` : ''}`,
        steps: [s.id],
        change: (copy) => {
          const step = copy.steps[s.index]!;
          // Done at once by the customer: no queue for staff. A scheduled or transport wait stays.
          if (isQueue(step)) step.wait = { kind: 'fixed', value: 0 };
          step.actor = customer;
          step.channel = 'web';
          return copy;
        },
      }));
  },
};
