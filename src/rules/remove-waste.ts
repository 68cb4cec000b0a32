/**
 * remove-waste: a step that is neither valued by the customer nor required can go; the work goes straight on. Only
 * work the customer's need does not pass through: not a contact the customer starts (the call that reports a fault
 * is how the fault reaches the company; fix the cause instead), not an exchange of information with the customer
 * (asking for missing documents is how they arrive), not a check (`verifies`), not what a decision sends the work to
 * (redoing a faulty repair, or a rework step that leads back to the check that sent the work to it: fix the cause,
 * or close the loop with prevent-rework), not a step without work (that is a wait, which is cut, not removed), and
 * not another organisation's step: its work is theirs to change.
 */
import { formatDuration, mean } from '../core/index.js';
import { carryingOutDecisions } from './feasible.js';
import { customerContact } from '../analysis/index.js';
import { bypass, onlySuccessor } from '../model/index.js';
import { partyOf } from '../load/index.js';
import type { Rule } from './types.js';

export const removeWaste: Rule = {
  id: 'remove-waste',
  kind: 'opportunity',
  effort: 1,
  // A change made or not: it has no size to assume.
  size: 'none',
  lever: (n) => `Remove the ${n} steps that are waste`,
  description:
    'Steps classed as waste (neither valued by the customer nor required) that no contact, information or check passes through, that are not rework and not another organisation’s: remove them and let the work go straight on.',
  find({ map, scores, time }) {
    const decided = carryingOutDecisions(map);
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
          !decided.has(s.index) &&
          mean(s.work) > 0 &&
          customerContact(map, s) === undefined &&
          s.asks.length === 0 &&
          s.verifies.length === 0 &&
          s.tells.length === 0 &&
          partyOf(s.actor) !== 'partner' &&
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
