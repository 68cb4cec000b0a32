/**
 * ask-once: information the company asks again that the customer already gave it on every way to this step. Only
 * where the company asks (at its own steps, and at the customer's steps that deal with it), and only what it was
 * given itself: what another organisation asks (the ombudsman's own form) is theirs, and what the customer told
 * another organisation (the family doctor) is not the company's to pass on. A check (`verifies`) is never an item
 * asked again, so it is never taken out. Nor is a chase: a step whose every way on leads back through the step that
 * asked the item (the email that asks for the details a form left out, before the form is sent again): the first
 * answer could not be used, so asking for it is the rework loop's own cost, which getting it right first time takes
 * away (prevent-rework), not a question to drop.
 */
import { componentIndex, components } from '../core/index.js';
import { reAskedItems } from '../analysis/index.js';
import type { Rule } from './types.js';
import { otherOrg } from './feasible.js';

export const askOnce: Rule = {
  id: 'ask-once',
  kind: 'opportunity',
  effort: 2,
  // A change made or not: it has no size to assume.
  size: 'none',
  oneChange: true,
  lever: (n) => `Ask once: stop asking again for what the customer gave, at ${n} steps`,
  description:
    'Information the company asks again that the customer already gave at an earlier step on every way here (not a check, not another organisation’s form): ask once and pass it on.',
  find({ map, flow, time }) {
    const org = map.steps.map((s) => otherOrg(map, s) ?? '');
    const succ = flow.links.map((l) => l.map((e) => e.to));
    const loops = components(succ);
    const loopOf = componentIndex(loops, map.steps.length);
    // A chase: every way on from the step leads back, before any end, through a step of its own loop that asks the
    // item (the form it chases for).
    const chase = (i: number, item: string) => {
      if (loops[loopOf[i]!]!.length < 2) return false;
      const asks = (j: number) => j !== i && loopOf[j] === loopOf[i] && map.steps[j]!.asks.includes(item);
      const seen = new Set<number>([i]);
      const queue = succ[i]!.filter((j) => !asks(j));
      for (let j = queue.shift(); j !== undefined; j = queue.shift()) {
        if (seen.has(j)) continue;
        seen.add(j);
        if (succ[j]!.length === 0) return false;
        queue.push(...succ[j]!.filter((k) => !asks(k)));
      }
      return true;
    };
    const reAsked = reAskedItems(flow, (s) => org[s.index]!).map((items, i) => items.filter((x) => !chase(i, x)));
    return map.steps
      .filter((s) => reAsked[s.index]!.length > 0 && org[s.index] === '')
      .map((s) => {
        const items = reAsked[s.index]!;
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
