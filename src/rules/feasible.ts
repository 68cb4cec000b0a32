/**
 * What the map's own facts allow an opportunity rule to change: one home for the feasibility of every lever
 * (ECRS: eliminate, combine, rearrange, simplify; each only where it is physically and commercially possible).
 *
 * - A step marked `locked` stays as it is.
 * - Physical work (goods carried, a visit, a drop-off, an inspection) is not made self-service or digital: a step
 *   marked `physical`, a step on an in-person channel, or one whose wait is a transport.
 * - Work moves to the customer only when it is an exchange of information on a channel that can carry it.
 * - Work does not move to or from a partner or a system (`support`) without a contract change.
 * - A decision stays with the company, and so does what follows from it.
 * - Only a queue is cut by working faster; a scheduled cycle, a transport and the customer's own time are not.
 */
import { postDominators, successors, walker } from '../core/index.js';
import { channelOf, waitKindOf, type ProcessMap, type Step } from '../load/index.js';
import { stepChanges } from '../model/index.js';

export const isLocked = (s: Step): boolean => s.locked !== undefined;

/**
 * Physical work: a step the map marks `physical`, one whose wait is a transport, or one on a channel that carries
 * people or goods (a branch, a shop, in person, a delivery, a visit).
 */
export function isPhysical(s: Step): boolean {
  if (s.physical || waitKindOf(s) === 'transport') return true;
  if (s.channel === undefined) return false;
  const via = channelOf(s.channel);
  return via.known && !via.remote;
}

/** The step's channel when it carries information remotely (web, app, phone, email, chat, sms, video, mail). */
export function remoteChannel(map: ProcessMap, s: Step): string | undefined {
  if (s.channel === undefined) return undefined;
  const via = channelOf(s.channel, map.channels);
  return via.remote ? via.id : undefined;
}

/** A company step that chooses between ways on (approve or decline, complete or not). */
export const isDecision = (s: Step): boolean =>
  s.actor.kind !== 'customer' && s.next.kind === 'choice' && s.next.choices.length > 1;

/**
 * The steps that carry out a company decision: those on the ways a decision chooses between, up to where the ways
 * meet again (the decision's immediate post-dominator), that only the decision leads to (it dominates them). The
 * decline letter, the request for photos after a review and the repair redone after a failed inspection are the
 * company acting on its decision; they stay with the company. A step the work also reaches without the decision
 * (the form re-keyed on every pass of a loop that goes back to the start) is not.
 */
export function carryingOutDecisions(map: ProcessMap): Set<number> {
  const succ = map.steps.map((s) => successors(s.next));
  const pred: number[][] = succ.map(() => []);
  succ.forEach((list, i) => list.forEach((t) => pred[t]!.push(i)));
  const ipdom = postDominators(succ, (i) => map.steps[i]!.next.kind === 'end');
  // Dominators are the post-dominators of the reversed flow, from the start.
  const idom = postDominators(pred, (i) => i === map.start);
  const dominates = (d: number, i: number) => {
    for (let at = i; at >= 0; at = idom[at]!) if (at === d) return true;
    return false;
  };
  const walk = walker(succ);
  const within = new Set<number>();
  for (const d of map.steps.filter(isDecision))
    for (const to of succ[d.index]!)
      for (const i of walk(to, ipdom[d.index])) if (i !== d.index && dominates(d.index, i)) within.add(i);
  return within;
}

/** Whether a wait can be cut by working faster or adding capacity: only a queue can (Little's law). */
export const isQueue = (s: Step): boolean => waitKindOf(s) === 'queue';

/**
 * What no change may do, whatever the rule, as a reason; undefined when the to-be map keeps to it: change a locked
 * step, give a company decision (or the work that carries it out) to the customer, or leave a step that leads
 * straight back to itself where it did not.
 */
export function breaksTheRules(before: ProcessMap, after: ProcessMap): string | undefined {
  const changes = stepChanges(before, after);
  const locked = before.steps.find((s) => isLocked(s) && changes.has(s.id));
  if (locked) return `it changes \`${locked.id}\`, which the map locks (${locked.locked})`;
  const byId = new Map(after.steps.map((s) => [s.id, s]));
  const { company, loops } = keptOf(before);
  const given = company.find((s) => byId.get(s.id)?.actor.kind === 'customer');
  if (given) return `it gives \`${given.id}\` to the customer, and decisions stay with the company`;
  const loop = after.steps.find((s) => successors(s.next).includes(s.index) && !loops.has(s.id));
  if (loop) return `it leaves \`${loop.id}\` leading straight back to itself`;
  return undefined;
}

/** What a map keeps with the company (its decisions and what carries them out) and its steps that loop to themselves. */
const kept = new WeakMap<ProcessMap, { company: Step[]; loops: Set<string> }>();
function keptOf(map: ProcessMap) {
  let found = kept.get(map);
  if (!found) {
    const carried = carryingOutDecisions(map);
    found = {
      company: map.steps.filter((s) => s.actor.kind !== 'customer' && (isDecision(s) || carried.has(s.index))),
      loops: new Set(map.steps.filter((s) => successors(s.next).includes(s.index)).map((s) => s.id)),
    };
    kept.set(map, found);
  }
  return found;
}
