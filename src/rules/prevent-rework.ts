/**
 * prevent-rework: a choice that sends the work back round a loop; getting it right first time more often shrinks
 * the way back by the lever's size (half to all of it unless the team says, or to the chance the team gives), and
 * the customers who no longer go round end as the others do: the difference goes to the other ways in proportion.
 */
import { components } from '../core/index.js';
import { predecessors, shrinkWay } from '../model/index.js';
import type { Rule } from './types.js';

export const preventRework: Rule = {
  id: 'prevent-rework',
  kind: 'opportunity',
  effort: 3,
  size: { of: 'the rework', cut: [0.5, 1], to: true },
  lever: (n) => `Get it right first time at ${n} rework loops`,
  description:
    'Choices that send the work round a rework loop (often after a step with a low %C&A): get it right first time so that fewer customers, or none, go round.',
  find({ map, flow, time }) {
    // A way leads back round a loop exactly when it stays in its step's strongly connected component.
    const succ = flow.links.map((l) => l.map((e) => e.to));
    const loopOf = new Int32Array(map.steps.length).fill(-1);
    components(succ).forEach((c, k) => c.forEach((i) => (loopOf[i] = k)));
    // A way back is rework only when whoever takes it comes back to the choice. A way with an exit of its own (an
    // objection after which some customers give up) is a choice between outcomes: closing it would send those who
    // gave up on to the goal, an outcome no first-time-right brings about.
    const comesBack = (to: number, at: number) => {
      const seen = new Set([at, to]);
      const queue = [to];
      for (const i of queue)
        for (const t of succ[i]!) {
          if (loopOf[t] !== loopOf[at]) return false;
          if (!seen.has(t)) {
            seen.add(t);
            queue.push(t);
          }
        }
      return true;
    };
    const preds = predecessors(flow);
    const into = (i: number) => preds[i]!;
    const found = [];
    for (const step of map.steps) {
      if (step.next.kind !== 'choice' || step.next.choices.length < 2) continue;
      // Rework is decided where the work can also leave the loop: closing the ways round it leaves that way out. A
      // choice between ways that all stay in the loop is a branch inside it, not rework (closing one of those cut
      // the only way forward when a later loop went back before the choice).
      const inLoop = (to: number) => loopOf[to] === loopOf[step.index];
      if (step.next.choices.every((c) => inLoop(c.to))) continue;
      for (const choice of step.next.choices) {
        if (!inLoop(choice.to) || !comesBack(choice.to, step.index)) continue;
        // The likely cause: incomplete work from the steps in the loop or just before it.
        const sources = [
          ...into(step.index),
          ...map.steps.filter((s) => loopOf[s.index] === loopOf[step.index]),
        ].filter((s, k, all) => s.ca < 1 && all.indexOf(s) === k);
        const cause = sources.length
          ? `; the work arrives incomplete from ${sources.map((s) => `\`${s.id}\` (${Math.round(100 * s.ca)}% complete and accurate)`).join(', ')}`
          : '';
        const back = `${Math.round(100 * choice.chance)}% back through \`${map.steps[choice.to]!.id}\``;
        found.push({
          rule: 'prevent-rework',
          title: `Get it right first time at \`${step.id}\`: fewer than ${back}`,
          why: `${Math.round(100 * choice.chance)}% of the work at \`${step.id}\` goes round again${choice.label ? ` (${choice.label})` : ''}, ${(time.visits[step.index]! * (1 - time.firstPass[step.index]!)).toFixed(2)} extra passes per customer${cause}`,
          steps: [step.id, map.steps[choice.to]!.id],
          sized: {
            what: `the rework at \`${step.id}\` (${back})`,
            now: choice.chance,
            unit: 'share' as const,
            change: (copy: typeof map, to: number) => {
              shrinkWay(copy.steps[step.index]!, choice.to, to);
              return copy;
            },
          },
        });
      }
    }
    return found;
  },
};
