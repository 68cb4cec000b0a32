/** one-channel: the customer has to change channel on the way; one channel end to end removes the switches. */
import { isCustomerFacing } from '../analysis/index.js';
import type { Rule } from './types.js';

export const oneChannel: Rule = {
  id: 'one-channel',
  kind: 'opportunity',
  lever: (n) => `One channel: serve the customer in one channel, in ${n} places`,
  description: 'Channel switches on the customer side: serve the customer end to end in the channel they use most.',
  find({ map, effort, time }) {
    if (effort.channelSwitches.total <= 0) return [];
    const use = new Map<string, number>();
    for (const s of map.steps)
      if (isCustomerFacing(s) && s.channel) use.set(s.channel, (use.get(s.channel) ?? 0) + time.visits[s.index]!);
    const [channel] = [...use].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const moved = map.steps.filter((s) => isCustomerFacing(s) && s.channel && s.channel !== channel);
    return [
      {
        rule: 'one-channel',
        title: `One channel: serve the customer by ${channel} throughout`,
        why: `the customer switches channel ${effort.channelSwitches.total.toFixed(2)} times (${[...use.keys()].join(', ')})`,
        steps: moved.map((s) => s.id),
        change: (copy) => {
          for (const s of moved) copy.steps[s.index]!.channel = channel;
          return copy;
        },
      },
    ];
  },
};
