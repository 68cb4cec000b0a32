/**
 * single-contact: the customer is passed from one person to another; one contact could see it through. Only among
 * the people who serve the customer remotely or at a desk: on-site and physical work (an engineer's visit, a
 * courier) stays with the people who do it.
 */
import type { Rule } from './types.js';
import { isPhysical } from './feasible.js';

export const singleContact: Rule = {
  id: 'single-contact',
  kind: 'opportunity',
  effort: 3,
  // A change made or not: it has no size to assume.
  size: 'none',
  oneChange: true,
  lever: (n) => `One contact: let one person see the customer through, in ${n} places`,
  description: 'Transfers between frontstage people: let the one the customer deals with most see the case through.',
  find({ map, effort, time }) {
    if (effort.transfers.total <= 0) return [];
    const frontstage = map.steps.filter((s) => s.actor.kind === 'frontstage' && !isPhysical(s));
    const load = new Map<string, number>();
    for (const s of frontstage) load.set(s.actor.id, (load.get(s.actor.id) ?? 0) + time.visits[s.index]!);
    const [ownerId] = [...load].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const owner = map.actors.find((a) => a.id === ownerId)!;
    const moved = frontstage.filter((s) => s.actor.id !== ownerId);
    const others = [...new Set(moved.map((s) => s.actor.name))];
    if (moved.length === 0) return [];
    return [
      {
        rule: 'single-contact',
        title: `One contact: let ${owner.name} handle what ${others.join(', ')} ${others.length === 1 ? 'does' : 'do'} for the customer`,
        why: `the customer is transferred ${effort.transfers.total.toFixed(2)} times and deals with ${effort.contacts.length} people and systems; none of ${moved.map((s) => `\`${s.id}\``).join(', ')} is physical or on site`,
        steps: moved.map((s) => s.id),
        change: (copy) => {
          for (const s of moved) copy.steps[s.index]!.actor = owner;
          return copy;
        },
      },
    ];
  },
};
