/**
 * one-channel: the customer has to change channel to pursue their need (Dixon, Freeman & Toman 2010: the web could
 * not do it, so they phone). The lever is to let the customer finish the need in the channel they chose first:
 * every later contact they start remotely is served there. Contacts in person (a branch, a shop) stay: moving them
 * would make physical or face-to-face work digital.
 */
import { customerContact } from '../analysis/index.js';
import type { Channel } from '../load/index.js';
import { walker } from '../core/index.js';
import type { Rule } from './types.js';
import { isPhysical } from './feasible.js';

export const oneChannel: Rule = {
  id: 'one-channel',
  kind: 'opportunity',
  effort: 3,
  // A change made or not: it has no size to assume.
  size: 'none',
  oneChange: true,
  lever: (n) => `One channel: serve the customer in one channel, in ${n} places`,
  description:
    'Channel switches: the customer has to change channel to pursue their need; let them finish it in the remote channel (web, app, phone, email, chat...) they chose first.',
  find({ map, flow, effort }) {
    if (effort.channelSwitches.total <= 0) return [];
    // The contacts the customer starts remotely, in the order the customer meets them.
    const order = walker(flow.links.map((edges) => edges.map((e) => e.to)))(map.start);
    const remote = order.flatMap((i) => {
      const s = map.steps[i]!;
      const via = customerContact(map, s);
      return via && via.remote && !isPhysical(s) ? [{ s, via }] : [];
    });
    // The first channel the customer chose that can carry every other remote contact: a call cannot carry the
    // payslips the customer uploads, so a need started by phone is finished on the first channel that can.
    const carries = (target: Channel) => remote.every(({ via }) => target.files || !via.files);
    const channel = remote.find(({ via }) => carries(via))?.via.id;
    const moved = remote.filter(({ via }) => via.id !== channel).map(({ s }) => s);
    if (channel === undefined || moved.length === 0) return [];
    return [
      {
        rule: 'one-channel',
        title: `One channel: serve the customer's need by ${channel} from start to finish`,
        why: `the customer ${remote[0]!.via.id === channel ? 'starts' : `starts by ${remote[0]!.via.id}, goes on`} by ${channel} and switches channel ${effort.channelSwitches.total.toFixed(2)} times to pursue the same need (${moved.map((s) => `\`${s.id}\` by ${s.channel}`).join(', ')}); ${channel} can carry what ${moved.length === 1 ? 'that contact does' : 'those contacts do'}`,
        steps: moved.map((s) => s.id),
        change: (copy) => {
          for (const s of moved) copy.steps[s.index]!.channel = channel;
          return copy;
        },
      },
    ];
  },
};
