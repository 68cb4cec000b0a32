/**
/**
 * merge-handoffs: work passed from desk to desk backstage; one owner cuts the queues between them, by the lever's
 * size (half to all of them unless the team says: the owner's own queue remains). Only the company's own people at
 * backstage desks: work does not move to or from another organisation, nor between a person and a system, without a
 * contract change or a project, and physical work stays where the goods are.
 */
import { formatDuration, mean } from '../core/index.js';
import { predecessors, onlySuccessor } from '../model/index.js';
import { partyOf, type ProcessMap, type Step } from '../load/index.js';
import type { Place, Rule } from './types.js';
import { isQueue, isPhysical } from './feasible.js';

export const mergeHandoffs: Rule = {
  id: 'merge-handoffs',
  kind: 'opportunity',
  effort: 2,
  size: { of: 'the queues between the desks', cut: [0.5, 1] },
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
    return chains.map((chain): Place => {
      const queues = chain.slice(1).filter(isQueue);
      const waits = queues.reduce((sum, s) => sum + mean(s.wait), 0);
      const desks = chain.map((s) => `\`${s.id}\``).join(' → ');
      const change = (copy: ProcessMap, share: number) => {
        const owner = copy.steps[chain[0]!.index]!.actor;
        for (const s of chain.slice(1)) copy.steps[s.index]!.actor = owner;
        for (const s of queues) copy.steps[s.index]!.wait = { kind: 'fixed', value: mean(s.wait) * share };
        return copy;
      };
      const facts = {
        rule: 'merge-handoffs',
        title: `One owner for ${desks}`,
        why: `the work changes hands ${chain.length - 1} times between the company's own backstage desks (${[...new Set(chain.map((s) => s.actor.name))].join(', ')}), waiting ${formatDuration(waits, map.process.calendar)} in queues between them`,
        steps: chain.map((s) => s.id),
      };
      // Without a queue between the desks, the change has nothing to size.
      return waits > 0
        ? {
            ...facts,
            sized: {
              what: `the queues between ${desks} (${formatDuration(waits, map.process.calendar)})`,
              now: waits,
              unit: 'duration',
              change: (copy, to) => change(copy, to / waits),
            },
          }
        : { ...facts, change: (copy) => change(copy, 0) };
    });
  },
};
