/** merge-handoffs: work passed from desk to desk below the line of visibility; one owner removes the queues. */
import { formatDuration, mean } from '../core/index.js';
import { predecessors, onlySuccessor } from '../model/index.js';
import type { Step } from '../load/index.js';
import { isInternal } from '../analysis/index.js';
import type { Rule } from './types.js';

export const mergeHandoffs: Rule = {
  id: 'merge-handoffs',
  kind: 'opportunity',
  lever: (n) => `One owner for ${n} chains of handoffs`,
  description:
    'Chains of handoffs between backstage and support actors: let one owner do the chain, without a queue at every handoff.',
  find({ map, flow }) {
    const preds = predecessors(flow);
    const chains: Step[][] = [];
    const used = new Set<number>();
    for (const start of map.steps) {
      if (used.has(start.index) || !isInternal(start)) continue;
      const chain = [start];
      for (
        let cur = start, next = onlySuccessor(cur);
        next !== undefined;
        cur = map.steps[next]!, next = onlySuccessor(cur)
      ) {
        const step = map.steps[next]!;
        if (
          !isInternal(step) ||
          step.actor.id === cur.actor.id ||
          preds[next]!.length !== 1 ||
          chain.includes(step) ||
          used.has(next)
        )
          break;
        chain.push(step);
      }
      if (chain.length < 3) continue;
      chain.forEach((s) => used.add(s.index));
      chains.push(chain);
    }
    return chains.map((chain) => {
      const waits = chain.slice(1).reduce((sum, s) => sum + mean(s.wait), 0);
      return {
        rule: 'merge-handoffs',
        title: `One owner for ${chain.map((s) => `\`${s.id}\``).join(' → ')}`,
        why: `the work changes hands ${chain.length - 1} times (${[...new Set(chain.map((s) => s.actor.name))].join(', ')}), waiting ${formatDuration(waits, map.process.calendar)} in queues between them`,
        steps: chain.map((s) => s.id),
        change: (copy) => {
          const owner = copy.steps[chain[0]!.index]!.actor;
          for (const s of chain.slice(1)) {
            const step = copy.steps[s.index]!;
            step.actor = owner;
            step.wait = { kind: 'fixed', value: 0 };
          }
          return copy;
        },
      };
    });
  },
};
