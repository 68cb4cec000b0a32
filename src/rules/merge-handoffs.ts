/**
 * merge-handoffs: work passed from desk to desk backstage; one owner removes the queues between them. Only the
 * company's own people at backstage desks: work does not move to or from another organisation, nor between a person
 * and a system, without a contract change or a project, and physical work stays where the goods are.
 */
import { formatDuration, mean } from '../core/index.js';
import { predecessors, onlySuccessor } from '../model/index.js';
import { partyOf, type Step } from '../load/index.js';
import type { Rule } from './types.js';
import { isQueue, isPhysical } from './feasible.js';

export const mergeHandoffs: Rule = {
  id: 'merge-handoffs',
  kind: 'opportunity',
  effort: 2,
  lever: (n) => `One owner for ${n} chains of handoffs`,
  description:
    'Chains of handoffs between the company’s own people at backstage desks (not partners or systems, not physical work): let one owner do the chain, without a queue at every handoff.',
  find({ map, flow }) {
    const preds = predecessors(flow);
    const chains: Step[][] = [];
    const used = new Set<number>();
    const movable = (s: Step) => s.actor.kind === 'backstage' && partyOf(s.actor) === 'staff' && !isPhysical(s);
    for (const start of map.steps) {
      if (used.has(start.index) || !movable(start)) continue;
      const chain = [start];
      for (
        let cur = start, next = onlySuccessor(cur);
        next !== undefined;
        cur = map.steps[next]!, next = onlySuccessor(cur)
      ) {
        const step = map.steps[next]!;
        if (
          !movable(step) ||
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
      const waits = chain.slice(1).reduce((sum, s) => sum + (isQueue(s) ? mean(s.wait) : 0), 0);
      return {
        rule: 'merge-handoffs',
        title: `One owner for ${chain.map((s) => `\`${s.id}\``).join(' → ')}`,
        why: `the work changes hands ${chain.length - 1} times between the company's own backstage desks (${[...new Set(chain.map((s) => s.actor.name))].join(', ')}), waiting ${formatDuration(waits, map.process.calendar)} in queues between them`,
        steps: chain.map((s) => s.id),
        change: (copy) => {
          const owner = copy.steps[chain[0]!.index]!.actor;
          for (const s of chain.slice(1)) {
            const step = copy.steps[s.index]!;
            step.actor = owner;
            if (isQueue(step)) step.wait = { kind: 'fixed', value: 0 };
          }
          return copy;
        },
      };
    });
  },
};
