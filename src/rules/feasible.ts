/**
 * What the map's own facts allow an opportunity rule to change: one home for the feasibility of every lever
 * (ECRS: eliminate, combine, rearrange, simplify; each only where it is physically and commercially possible).
 *
 * - A step marked `locked` stays as it is.
 * - Physical work (goods carried, a visit, a drop-off, an inspection) is not made self-service or digital: a step
 *   marked `physical`, a step on an in-person channel, or one whose wait is a transport.
 * - Work moves to the customer only when it is an exchange of information on a channel that can carry it, done by
 *   the company's own people.
 * - Work, contacts and questions do not move between organisations (a partner, a regulator, another supplier: an
 *   actor with `org`), nor between a person and a system: that takes a contract change or a project, not a quick
 *   win. What another organisation asks, and the channel of a contact with it, are theirs.
 * - A contact changes channel on both sides (the customer's step and the company's side of it), or not at all.
 * - A check (`verifies`) stays, and only the company's own steps bring the customer news.
 * - A decision stays with the company, and so does what follows from it.
 * - Only a queue is cut by working faster; a scheduled cycle, a transport and the customer's own time are not.
 */
import { postDominators, successors, trappedStep, walker } from '../core/index.js';
import { channelOf, partyOf, waitKindOf, type Actor, type ProcessMap, type Step } from '../load/index.js';
import { contactSteps } from '../analysis/index.js';
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

/**
 * Whether `to` may take over work that `from` does: within one organisation, a person's work by a person and a
 * system's by a system; the customer (self-service) and the company's own people only from each other.
 */
export function mayTakeOver(from: Actor, to: Actor): boolean {
  if (from.kind === 'customer') return to.kind === 'customer' || partyOf(to) === 'staff';
  if (to.kind === 'customer') return partyOf(from) === 'staff';
  return from.org === to.org && from.type === to.type;
}

/** The company's own people and systems (not the customer, not another organisation). */
export const isCompanys = (a: Actor): boolean => partyOf(a) === 'staff' || partyOf(a) === 'system';

/**
 * Who is on the other side of a customer's step: the company's (or another organisation's) people and systems in
 * the contact it starts (the agent who answers the call), else those the customer's step leads to next, through the
 * customer's own further steps (who receives the form they fill in).
 */
export function counterparts(map: ProcessMap, s: Step): Actor[] {
  const side = contactSteps(map, s.index).filter((t) => t.actor.kind !== 'customer');
  if (side.length > 0) return [...new Set(side.map((t) => t.actor))];
  const found = new Set<Actor>();
  const seen = new Set([s.index]);
  const queue = [s.index];
  for (let k = 0; k < queue.length; k++)
    for (const to of successors(map.steps[queue[k]!]!.next)) {
      if (seen.has(to)) continue;
      seen.add(to);
      const t = map.steps[to]!;
      if (t.actor.kind === 'customer') queue.push(to);
      else found.add(t.actor);
    }
  return [...found];
}

/**
 * The other organisation a step belongs to, when it is not the company's: its actor's `org`, or, for a customer's
 * step, the `org` of whoever is on its other side. Undefined: the company's own.
 */
export function otherOrg(map: ProcessMap, s: Step): string | undefined {
  return s.actor.kind === 'customer' ? counterparts(map, s).find((a) => a.org !== undefined)?.org : s.actor.org;
}

/** Whether a wait can be cut by working faster or adding capacity: only a queue can (Little's law). */
export const isQueue = (s: Step): boolean => waitKindOf(s) === 'queue';

/**
 * What no change may do, whatever the rule, as a reason; undefined when the to-be map keeps to it: change a locked
 * step, give a company decision (or the work that carries it out) to the customer, leave a step that leads
 * straight back to itself where it did not, or a loop with no way out, move work across organisations or between a person and a system,
 * remove a check, change what another organisation asks or the channel of a contact with it, move one side of a
 * contact to another channel, or have a step that is not the company's own bring the customer news.
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
  const trapped = after.steps[trappedStep(after.steps.map((s) => s.next))];
  if (trapped) return `it leaves \`${trapped.id}\` with no way on to an end: its customers would go round for ever`;
  return acrossParties(before, byId, changes);
}

/** What a change does across organisations, between people and systems, to checks and to contacts (breaksTheRules). */
function acrossParties(
  before: ProcessMap,
  byId: ReadonlyMap<string, Step>,
  changes: ReturnType<typeof stepChanges>,
): string | undefined {
  const channel = (map: ProcessMap, s: Step) =>
    s.channel === undefined ? undefined : channelOf(s.channel, map.channels).id;
  const wasById = new Map(before.steps.map((s) => [s.id, s]));
  for (const [id, keys] of changes) {
    if (keys === 'removed') continue;
    const was = wasById.get(id)!;
    const now = byId.get(id)!;
    if (keys.includes('actor') && !mayTakeOver(was.actor, now.actor))
      return `it gives \`${id}\` (${was.actor.name}'s work) to ${now.actor.name}: work moves neither between organisations nor between a person and a system without a contract change`;
    const dropped = was.verifies.find((item) => !now.verifies.includes(item));
    if (dropped !== undefined)
      return `it takes the check of ${dropped} out of \`${id}\`, and a check is the point of its step`;
    const org = keys.includes('asks') || keys.includes('channel') ? otherOrg(before, was) : undefined;
    if (org !== undefined && keys.includes('asks'))
      return `it changes what \`${id}\` asks, which is for ${org} to decide`;
    if (org !== undefined && keys.includes('channel'))
      return `it moves \`${id}\`, a contact with ${org}, to another channel, which is for ${org} to decide`;
    const told = now.tells.find((item) => !was.tells.includes(item));
    if (told !== undefined && !isCompanys(now.actor))
      return `it has \`${id}\` (${now.actor.name}) give the customer ${told}, and only the company's own steps can`;
  }
  // A contact changes channel on both sides, or not at all.
  for (const s of before.steps) {
    const sides = contactSteps(before, s.index).filter((t) => byId.has(t.id));
    const to = sides.map((t) => channel(before, byId.get(t.id)!));
    const moved = sides.findIndex((t, k) => to[k] !== channel(before, t));
    const kept = sides.findIndex((_, k) => to[k] !== to[moved]);
    if (moved >= 0 && kept >= 0)
      return `it moves \`${sides[moved]!.id}\` to ${to[moved]} while \`${sides[kept]!.id}\`, another side of the same contact, is on ${to[kept]}`;
  }
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
