/**
 * one-channel: the customer has to change channel to pursue their need (Dixon, Freeman & Toman 2010: the web could
 * not do it, so they phone). The lever is to let the customer finish the need in the channel they chose first:
 * every later contact they start remotely with the company is served there, on both sides (the customer's step and
 * the company's side of the same contact, the agent who answers), or not at all. Contacts in person (a branch, a
 * shop) stay: moving them would make physical or face-to-face work digital. A contact with another organisation (the
 * old supplier, the ombudsman) is theirs: it neither moves nor sets the channel. A contact with a hold in it (a wait
 * shorter than the contact itself: on the line, at the desk) stays too, as the map cannot say how long the customer
 * would wait on the other channel.
 */
import { CONTACT_GAP, contactSteps, customerContact } from '../analysis/index.js';
import type { Channel, Step } from '../load/index.js';
import { mean, walker } from '../core/index.js';
import type { Rule } from './types.js';
import { isPhysical, otherOrg } from './feasible.js';

export const oneChannel: Rule = {
  id: 'one-channel',
  kind: 'opportunity',
  effort: 3,
  // A change made or not: it has no size to assume.
  size: 'none',
  oneChange: true,
  lever: (n) => `One channel: serve the customer in one channel, in ${n} places`,
  description:
    'Channel switches: the customer has to change channel to pursue their need; let them finish it in the remote channel (web, app, phone, email, chat...) they chose first, moving both sides of each contact (not contacts with another organisation, nor one with a hold whose length on the other channel the map cannot tell).',
  find({ map, flow, effort }) {
    if (effort.channelSwitches.total <= 0) return [];
    // The contacts the customer starts remotely with the company, in the order the customer meets them.
    const order = walker(flow.links.map((edges) => edges.map((e) => e.to)))(map.start);
    const remote = order.flatMap((i) => {
      const s = map.steps[i]!;
      const via = customerContact(map, s);
      return via && via.remote && !isPhysical(s) && otherOrg(map, s) === undefined
        ? [{ s, via, sides: contactSteps(map, i) }]
        : [];
    });
    // The first channel the customer chose that can carry every other remote contact: a call cannot carry the
    // payslips the customer uploads, so a need started by phone is finished on the first channel that can.
    const carries = (target: Channel) => remote.every(({ via }) => target.files || !via.files);
    const channel = remote.find(({ via }) => carries(via))?.via.id;
    const holds = (sides: readonly Step[]) => sides.some((t) => mean(t.wait) > 0 && mean(t.wait) < CONTACT_GAP);
    const moved = remote.filter(({ via, sides }) => via.id !== channel && !holds(sides));
    if (channel === undefined || moved.length === 0) return [];
    const steps = moved.flatMap(({ sides }) => sides);
    return [
      {
        rule: 'one-channel',
        title: `One channel: serve the customer's need by ${channel} from start to finish`,
        why: `the customer ${remote[0]!.via.id === channel ? 'starts' : `starts by ${remote[0]!.via.id}, goes on`} by ${channel} and switches channel ${effort.channelSwitches.total.toFixed(2)} times to pursue the same need (${moved.map(({ s }) => `\`${s.id}\` by ${s.channel}`).join(', ')}); ${channel} can carry what ${moved.length === 1 ? 'that contact does' : 'those contacts do'}${steps.length > moved.length ? `, and the company's side of ${moved.length === 1 ? 'it' : 'them'} moves with ${moved.length === 1 ? 'it' : 'them'}` : ''}`,
        steps: steps.map((s) => s.id),
        change: (copy) => {
          for (const s of steps) copy.steps[s.index]!.channel = channel;
          return copy;
        },
      },
    ];
  },
};
