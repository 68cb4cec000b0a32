/** keep-informed: waits the customer spends without news; a status update before them ends the dark time. */
import { formatDuration } from '../core/index.js';
import { predecessors } from '../model/index.js';
import type { Rule } from './types.js';

const UPDATE = 'status update';

export const keepInformed: Rule = {
  id: 'keep-informed',
  kind: 'opportunity',
  lever: (n) => `Send a status update before ${n} waits without news`,
  description:
    'Waits during which the customer has heard nothing since their last contact: tell them where things stand before the wait.',
  find({ map, effort, flow }) {
    const preds = predecessors(flow);
    return map.steps
      .filter((s) => effort.darkTime.perStep[s.index]! > 0)
      .map((s) => {
        const before = preds[s.index]!;
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
      });
  },
};
