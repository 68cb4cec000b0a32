/** remove-waste: a step that is neither valued by the customer nor required can go; the work goes straight on. */
import { formatDuration } from '../core/index.js';
import { bypass, onlySuccessor, predecessors } from '../model/index.js';
import type { Rule } from './types.js';

export const removeWaste: Rule = {
  id: 'remove-waste',
  kind: 'opportunity',
  lever: (n) => `Remove the ${n} steps that are waste`,
  description:
    'Steps classed as waste (neither valued by the customer nor required): remove them and let the work go straight on.',
  find({ map, flow, scores, time }) {
    const preds = predecessors(flow);
    // A branch of parallel work that is one step long cannot go: the split would lead straight to its own join.
    const wholeBranch = new Set(
      map.steps.flatMap(({ next }) =>
        next.kind === 'all' ? next.branches.filter((b) => onlySuccessor(map.steps[b]!) === next.join) : [],
      ),
    );
    return map.steps
      .filter(
        (s) =>
          s.value === 'waste' &&
          onlySuccessor(s) !== undefined &&
          onlySuccessor(s) !== s.index &&
          // A rework step that leads back to the step that sent the work to it: without it, that step would loop
          // to itself. Closing the loop is prevent-rework's lever.
          !preds[s.index]!.some((p) => p.index === onlySuccessor(s)) &&
          s.index !== map.start &&
          !wholeBranch.has(s.index),
      )
      .map((s) => ({
        rule: 'remove-waste',
        title: `Remove \`${s.id}\` (${s.name})`,
        why: `waste: neither valued by the customer nor required; it holds ${(100 * scores[s.index]!.delayShare).toFixed(1)}% of the lead time (${formatDuration(time.critical[s.index]! * time.stepTime[s.index]!, map.process.calendar)} per customer)`,
        steps: [s.id],
        removes: s.id,
        change: (copy) => bypass(copy, [s.index]),
      }));
  },
};
