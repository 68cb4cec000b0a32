/** self-service: a frontstage step that only takes or gives information; the customer could do it themselves. */
import { formatDuration, mean } from '../core/index.js';
import type { Rule } from './types.js';

export const selfService: Rule = {
  id: 'self-service',
  kind: 'opportunity',
  lever: (n) => `Self-service: the customer does ${n} steps online`,
  description:
    'Frontstage steps that only pass information to or from the customer: let the customer do them online, at once, instead of waiting for staff.',
  find({ map }) {
    const customer = map.actors.find((a) => a.kind === 'customer');
    if (!customer) return [];
    return map.steps
      .filter(
        (s) =>
          s.actor.kind === 'frontstage' &&
          s.value !== 'customer' &&
          s.value !== 'waste' &&
          (s.asks.length > 0 || s.tells.length > 0) &&
          s.next.kind !== 'all',
      )
      .map((s) => ({
        rule: 'self-service',
        title: `Self-service: the customer does \`${s.id}\` (${s.name}) online`,
        why: `${s.actor.name} only ${[s.asks.length ? `takes ${s.asks.join(', ')}` : '', s.tells.length ? `gives ${s.tells.join(', ')}` : ''].filter(Boolean).join(' and ')}; the customer waits ${formatDuration(mean(s.wait), map.process.calendar)} for it`,
        steps: [s.id],
        change: (copy) => {
          const step = copy.steps[s.index]!;
          step.actor = customer;
          step.channel = 'web';
          step.wait = { kind: 'fixed', value: 0 };
          return copy;
        },
      }));
  },
};
