/**
 * keep-informed: waits the customer spends without news; a status update just before them restarts the customer's
 * clock of silence, so the wait is dark only beyond the map's `darkAfter`. Where every step before the wait already
 * brings news, an update adds nothing: the rule does not fire.
 */
import { formatDuration, mean } from '../core/index.js';
import { informs } from '../analysis/index.js';
import { predecessors } from '../model/index.js';
import type { Rule } from './types.js';

const UPDATE = 'status update';

export const keepInformed: Rule = {
  id: 'keep-informed',
  kind: 'opportunity',
  effort: 1,
  // A change made or not: it has no size to assume.
  size: 'none',
  oneChange: true,
  lever: (n) => `Send a status update before ${n} waits without news`,
  description:
    'Waits during which the customer has heard nothing for longer than the map allows (darkAfter): tell them where things stand before the wait.',
  find({ map, effort, flow }) {
    const preds = predecessors(flow);
    return (
      map.steps
        // An update restarts the clock: it helps where the customer arrives at the wait having been in silence already.
        .filter(
          (s) =>
            effort.darkWait[s.index]! > Math.max(0, mean(s.wait) - map.process.darkAfter) + 1e-9 &&
            preds[s.index]!.some((p) => !informs(p)),
        )
        // The longest silences first: they head the lever's reasons.
        .sort((a, b) => effort.darkWait[b.index]! - effort.darkWait[a.index]! || a.index - b.index)
        .map((s) => {
          const before = preds[s.index]!.filter((p) => !informs(p));
          return {
            rule: 'keep-informed',
            title: `Send a status update before the wait for \`${s.id}\``,
            why: `the customer waits ${formatDuration(effort.darkWait[s.index]!, map.process.calendar)} without news before \`${s.id}\` (${s.name})`,
            steps: [...before.map((p) => p.id), s.id],
            change: (copy) => {
              for (const p of before) {
                const tells = copy.steps[p.index]!.tells;
                if (!tells.includes(UPDATE)) tells.push(UPDATE);
              }
              return copy;
            },
          };
        })
    );
  },
};
