/**
 * parallelize: two steps done one after the other that could run at the same time. cxmap cannot see what a step
 * works on, so the later step must be marked `independent` (it does not need what the earlier one produces): a
 * parcel cannot be scanned in while it is still on the van.
 */
import { onlySuccessor, renumber, predecessors } from '../model/index.js';
import type { Step } from '../load/index.js';
import { isInternal } from '../analysis/index.js';
import type { Rule } from './types.js';

export const parallelize: Rule = {
  id: 'parallelize',
  kind: 'opportunity',
  effort: 2,
  // A change made or not: it has no size to assume.
  size: 'none',
  lever: (n) => `Run ${n} pairs of steps at the same time`,
  description:
    'Two backstage or support steps in a row, by different actors, the later one marked independent (it does not need what the earlier one produces): start both at once.',
  find({ map, flow }) {
    const preds = predecessors(flow);
    const found = [];
    for (const a of map.steps) {
      const bIndex = onlySuccessor(a);
      const p = preds[a.index]!.length === 1 ? preds[a.index]![0]! : undefined;
      if (bIndex === undefined || p === undefined || onlySuccessor(p) !== a.index) continue;
      const b = map.steps[bIndex]!;
      const c = onlySuccessor(b);
      const independent = (s: Step) =>
        isInternal(s) && s.value !== 'waste' && s.asks.length === 0 && s.tells.length === 0 && s.ca === 1;
      if (
        c === undefined ||
        !b.independent ||
        !independent(a) ||
        !independent(b) ||
        a.actor.id === b.actor.id ||
        preds[bIndex]!.length !== 1
      )
        continue;
      if (flow.regionOf[a.index] !== flow.regionOf[c]) continue;
      found.push({
        rule: 'parallelize',
        title: `Run \`${a.id}\` and \`${b.id}\` at the same time`,
        why: `${a.actor.name} and ${b.actor.name} work one after the other, though the map says \`${b.id}\` does not need what \`${a.id}\` produces (independent) and neither needs the customer`,
        steps: [a.id, b.id],
        change: (copy: typeof map) => {
          copy.steps[p.index]!.next = { kind: 'all', branches: [a.index, b.index], join: c };
          copy.steps[a.index]!.next = { kind: 'choice', choices: [{ to: c, chance: 1 }] };
          return renumber(copy, new Set());
        },
      });
    }
    return found;
  },
};
