/** ask-once: information asked again that the customer already gave on every way to this step. */
import type { Rule } from './types.js';

export const askOnce: Rule = {
  id: 'ask-once',
  kind: 'opportunity',
  effort: 2,
  // A change made or not: it has no size to assume.
  size: 'none',
  oneChange: true,
  lever: (n) => `Ask once: stop asking again for what the customer gave, at ${n} steps`,
  description:
    'Information asked again that the customer already gave at an earlier step on every way here: ask once and pass it on.',
  find({ map, effort, time }) {
    return map.steps
      .filter((s) => effort.reAsked[s.index]!.length > 0)
      .map((s) => {
        const items = effort.reAsked[s.index]!;
        return {
          rule: 'ask-once',
          title: `Do not ask again for ${items.join(', ')} at \`${s.id}\``,
          why: `the customer already gave ${items.join(', ')} before; asked again ${(time.visits[s.index]! * items.length).toFixed(2)} times per customer`,
          steps: [s.id],
          change: (copy) => {
            const step = copy.steps[s.index]!;
            step.asks = step.asks.filter((item) => !items.includes(item));
            return copy;
          },
        };
      });
  },
};
