/**
 * keep-informed: waits the customer spends without news; a status update just before them restarts the customer's
 * clock of silence, so the wait is dark only beyond the map's `darkAfter`. Only the company's own steps send it (its
 * people, or its systems' automatic messages): not the customer's own step, nor another organisation's. Where every
 * step before the wait already brings news, or none is the company's, the rule does not fire.
 */
import { formatDuration, mean } from '../core/index.js';
import { informs } from '../analysis/index.js';
import { predecessors } from '../model/index.js';
import type { Rule } from './types.js';
import { isCompanys } from './feasible.js';

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
    'Waits during which the customer has heard nothing for longer than the map allows (darkAfter): tell them where things stand before the wait, from the company’s own step (its people or its systems).',
  find({ map, effort, flow }) {
    const preds = predecessors(flow);
    // The steps before the wait that could send an update and do not: the company's own, bringing no news.
    const silent = (i: number) => preds[i]!.filter((p) => !informs(p) && isCompanys(p.actor));
    return (
      map.steps
        // An update restarts the clock: it helps where the customer arrives at the wait having been in silence already.
        .filter(
          (s) =>
            effort.darkWait[s.index]! > Math.max(0, mean(s.wait) - map.process.darkAfter) + 1e-9 &&
            silent(s.index).length > 0,
        )
        // The longest silences first: they head the lever's reasons.
        .sort((a, b) => effort.darkWait[b.index]! - effort.darkWait[a.index]! || a.index - b.index)
        .map((s) => {
          const before = silent(s.index);
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
