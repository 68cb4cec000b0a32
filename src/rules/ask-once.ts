/**
 * ask-once: information the company asks again that the customer already gave it on every way to this step. Only
 * where the company asks (at its own steps, and at the customer's steps that deal with it), and only what it was
 * given itself: what another organisation asks (the ombudsman's own form) is theirs, and what the customer told
 * another organisation (the family doctor) is not the company's to pass on. A check (`verifies`) is never an item
 * asked again, so it is never taken out. Nor is a question on a rework detour: a step that customers reach only by
 * going round a loop (the email that asks for the details a form left out, the details sent again): some step comes
 * before it on every way from the start and again after it on every way to an end, so no way through it goes
 * forward without going round. The first answer could not be used, so asking again is the rework loop's own cost,
 * which getting it right first time takes away (prevent-rework), not a question to drop.
 */
import { postDominators } from '../core/index.js';
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
    const pred: number[][] = succ.map(() => []);
    succ.forEach((next, i) => next.forEach((j) => pred[j]!.push(i)));
    // Dominators from the start (post-dominators of the reversed graph) and post-dominators to the ends.
    const before = postDominators(pred, (i) => i === map.start);
    const after = postDominators(succ, (i) => succ[i]!.length === 0);
    const chain = (tree: Int32Array, i: number) => {
      const out = new Set<number>();
      for (let j = tree[i]!; j >= 0 && j < succ.length && !out.has(j); j = tree[j]!) out.add(j);
      return out;
    };
    const onDetour = (i: number) => {
      const first = chain(before, i);
      return [...chain(after, i)].some((j) => first.has(j));
    };
    const reAsked = reAskedItems(flow, (s) => org[s.index]!).map((items, i) => (onDetour(i) ? [] : items));
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
