/**
 * single-contact: the customer is passed from one person to another; one contact could see it through. Only among
 * the company's own people who already do that kind of work: serving the customer on the front line (frontstage,
 * persons, no `org`). What they hand on is only the service itself, passing information to and from the customer:
 * on-site and physical work (an engineer's visit, a courier) stays with the people who do it, and so do a decision,
 * a check (`verifies`) and the work a decision sends the case to (the due-diligence interview a high risk rating
 * calls for), which need an authority or a training the one who sees the customer through may not have. Another
 * organisation's people (the old supplier's disputes team) neither take the company's contacts nor give theirs.
 */
import { partyOf, type Step } from '../load/index.js';
import type { Rule } from './types.js';
import { carryingOutDecisions, isDecision, isPhysical } from './feasible.js';

export const singleContact: Rule = {
  id: 'single-contact',
  kind: 'opportunity',
  effort: 3,
  // A change made or not: it has no size to assume.
  size: 'none',
  oneChange: true,
  lever: (n) => `One contact: let one person see the customer through, in ${n} places`,
  description:
    'Transfers between the company’s frontstage people: let the one the customer deals with most see the case through, where the work only passes information to and from the customer (not a decision, a check or physical work).',
  find({ map, effort, time }) {
    if (effort.transfers.total <= 0) return [];
    const decided = carryingOutDecisions(map);
    const serves = (s: Step) =>
      s.actor.kind === 'frontstage' &&
      partyOf(s.actor) === 'staff' &&
      !isPhysical(s) &&
      !isDecision(s) &&
      !decided.has(s.index) &&
      s.verifies.length === 0;
    const frontstage = map.steps.filter(serves);
    const load = new Map<string, number>();
    for (const s of frontstage) load.set(s.actor.id, (load.get(s.actor.id) ?? 0) + time.visits[s.index]!);
    if (load.size < 2) return [];
    const [ownerId] = [...load].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const owner = map.actors.find((a) => a.id === ownerId)!;
    const moved = frontstage.filter((s) => s.actor.id !== ownerId);
    const others = [...new Set(moved.map((s) => s.actor.name))];
    return [
      {
        rule: 'single-contact',
        title: `One contact: let ${owner.name} handle what ${others.join(', ')} ${others.length === 1 ? 'does' : 'do'} for the customer`,
        why: `the customer is transferred ${effort.transfers.total.toFixed(2)} times and deals with ${effort.contacts.length} people and systems; ${moved.map((s) => `\`${s.id}\``).join(', ')} only ${moved.length === 1 ? 'passes' : 'pass'} information to and from the customer (no decision, check or physical work), as ${owner.name} already does`,
        steps: moved.map((s) => s.id),
        change: (copy) => {
          for (const s of moved) copy.steps[s.index]!.actor = owner;
          return copy;
        },
      },
    ];
  },
};
