/**
 * one-channel: the customer has to change channel to pursue their need; serving every contact they start in the
 * channel they use most removes the switches.
 */
import { customerContact } from '../analysis/index.js';
import type { Rule } from './types.js';

export const oneChannel: Rule = {
  id: 'one-channel',
  kind: 'opportunity',
  lever: (n) => `One channel: serve the customer in one channel, in ${n} places`,
  description:
    'Channel switches: the customer has to change channel to pursue their need; serve every contact they start in the channel they use most.',
  find({ map, effort, time }) {
    if (effort.channelSwitches.total <= 0) return [];
    const use = new Map<string, number>();
    const contacts = map.steps.flatMap((s) => {
      const via = customerContact(map, s);
      return via ? [{ s, via }] : [];
    });
    for (const { s, via } of contacts) use.set(via.id, (use.get(via.id) ?? 0) + time.visits[s.index]!);
    const [channel] = [...use].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const moved = contacts.filter(({ via }) => via.id !== channel).map(({ s }) => s);
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
