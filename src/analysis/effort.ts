/**
 * What the process puts on the customer: the drivers of customer effort (Dixon, Freeman & Toman, "Stop Trying to
 * Delight Your Customers", HBR 2010): switching channels, repeat contacts, being transferred, repeating
 * information, waiting without news, rework, and the number of people and systems to deal with. Each is counted
 * exactly on the flow, as an expected number per customer, as the article defines it.
 */
import { components, mean, successors } from '../core/index.js';
import { channelOf, partyOf, type Channel, type ProcessMap, type Step } from '../load/index.js';
import type { Flow } from '../model/index.js';
import { darkTime } from './dark.js';
import { contextMass, type Context } from './regions.js';
import type { TimeFigures } from './time.js';

/** An expected count per customer, and the part of it that falls on each step. */
export interface Driver {
  total: number;
  perStep: Float64Array;
}

export interface EffortFigures {
  /** Hands-on time of the customer's own steps. */
  customerEffort: number;
  /**
   * The customer is made to change channel to pursue the same need: a contact on another channel than their last
   * one, unless it is a step the company designed as the customer's own (`designedSelfService`).
   */
  channelSwitches: Driver;
  /**
   * The customer has to contact the company again about the same need: every contact they start after the first,
   * unless it is a step the company designed as the customer's own (`designedSelfService`).
   */
  repeatContacts: Driver;
  /** The customer is passed from one company person to another within one contact. */
  transfers: Driver;
  /** The work changes hands between staff or systems, below the line of visibility. */
  handoffs: Driver;
  /** Information asked again that was already asked at an earlier step on every path to it. */
  reAsks: Driver;
  /** The items each step asks again. */
  reAsked: string[][];
  /** Waiting on the critical path beyond the map's `darkAfter` of silence since the customer's last news. */
  darkTime: Driver;
  /**
   * The dark wait of one visit of each step, on the critical path: darkTime.perStep over the step's critical visits
   * (0 for a step off the critical path).
   */
  darkWait: Float64Array;
  /** Edges that go back to an earlier step: rework loops. */
  reworkLoops: { from: number; to: number; chance: number }[];
  /** Expected passes through rework edges per customer. */
  expectedReworks: number;
  /** The people and systems the customer deals with: frontstage actors, and support actors reached through a channel. */
  contacts: string[];
  /** For each step, the frontstage actor or channel the customer most often comes from when it is a transfer or switch. */
  transferFrom: (string | undefined)[];
  switchFrom: (string | undefined)[];
}

export const isCustomerFacing = (s: Step) => s.actor.kind === 'customer' || s.actor.kind === 'frontstage';
/** Below the line of visibility: work the customer never sees. */
export const isInternal = (s: Step) => s.actor.kind === 'backstage' || s.actor.kind === 'support';

/** Sums `score(i, c)` over the expected mass of every state, and remembers which context contributed most. */
function drive(flow: Flow, time: TimeFigures, context: Context, score: (i: number, c: number) => number) {
  const mass = contextMass(flow, context, time.stopping);
  const C = context.count;
  const perStep = new Float64Array(flow.steps.length);
  const mainFrom: number[] = flow.steps.map(() => -1);
  let total = 0;
  flow.steps.forEach((_, i) => {
    let best = 0;
    for (let c = 0; c < C; c++) {
      const value = mass[i * C + c]! * score(i, c);
      perStep[i]! += value;
      if (value > best) {
        best = value;
        mainFrom[i] = c;
      }
    }
    total += perStep[i]!;
  });
  return { driver: { total, perStep }, mainFrom };
}

/**
 * A wait this long or longer ends a contact: a customer holds on the phone or queues at a counter for minutes, but
 * one who hears back after an hour or more is in a new contact (a stated rule, docs/scoring.md).
 */
export const CONTACT_GAP = 3600;

/**
 * A contact the customer starts: their own step on a channel they use to reach the company. Reaching the goal (a
 * success end: trading from the new account) is using the service, not contacting the company about the need.
 */
export function customerContact(map: ProcessMap, s: Step): Channel | undefined {
  if (s.actor.kind !== 'customer' || s.channel === undefined || s.outcome === 'success') return undefined;
  const via = channelOf(s.channel, map.channels);
  return via.by === 'customer' ? via : undefined;
}
/**
 * The steps the company designed as the customer's own part of the flow: a customer's contact on a channel where
 * they serve themselves (web, app), that the team classes as valued or required (`value: customer` or `business`),
 * and that no rework loop passes through. Applying online, verifying one's identity in the app after applying on
 * the web, signing up after comparing offers: the design, not effort it fails to spare (Dixon, Freeman & Toman
 * 2010 count what the customer is made to do). A chase (`waste`, or not classed), a step done again round a loop,
 * or a contact on a channel where someone of the company answers is counted.
 */
export function designedSelfService(flow: Flow): boolean[] {
  const { map, steps } = flow;
  const inLoop = new Uint8Array(steps.length);
  for (const comp of components(flow.links.map((l) => l.map((e) => e.to))))
    if (comp.length > 1 || flow.links[comp[0]!]!.some((e) => e.to === comp[0])) for (const i of comp) inLoop[i] = 1;
  return steps.map(
    (s, i) =>
      customerContact(map, s)?.selfService === true && (s.value === 'customer' || s.value === 'business') && !inLoop[i],
  );
}

/**
 * The steps of the contact the customer starts at step `i` (a customer's contact): that step, then the steps that
 * carry it on without a wait that ends it, on the same channel: the customer's own, and the company's side of it (the
 * agent who answers the call, the desk at the counter), whoever's they are.
 */
export function contactSteps(map: ProcessMap, i: number): Step[] {
  const first = map.steps[i]!;
  const via = customerContact(map, first);
  if (!via) return [];
  const found = [first];
  for (let k = 0; k < found.length; k++)
    for (const to of successors(found[k]!.next)) {
      const s = map.steps[to]!;
      if (found.includes(s) || mean(s.wait) >= CONTACT_GAP || s.channel === undefined) continue;
      if (channelOf(s.channel, map.channels).id === via.id) found.push(s);
    }
  return found;
}

/** The company people the customer deals with: frontstage actors, and support actors reached through a channel. */
const isCompanyPerson = (s: Step) =>
  s.actor.kind === 'frontstage' || (s.actor.kind === 'support' && s.channel !== undefined);

/** Numbers 1..n for the distinct values of `key` among the steps (0 where a step has none), and their names. */
function numbered(steps: Step[], key: (s: Step) => string | undefined) {
  const values = [...new Set(steps.map(key).filter((v): v is string => v !== undefined))];
  const index = steps.map((s) => {
    const v = key(s);
    return v === undefined ? 0 : values.indexOf(v) + 1;
  });
  return { index, count: values.length, name: (c: number) => values[c - 1] };
}

export function effortFigures(flow: Flow, time: TimeFigures): EffortFigures {
  const { steps } = flow;
  const { visits } = time;
  const endsContact = steps.map((s) => mean(s.wait) >= CONTACT_GAP);

  // Contacts the customer starts. Context: the channel of their last contact (0: none yet) times whether that
  // contact is still going on. A contact on the channel of the open contact continues it; any other starts one.
  const started = steps.map((s) => customerContact(flow.map, s));
  const channel = numbered(steps, (s) => started[s.index]?.id);
  const starts = (i: number, c: number) => {
    const k = channel.index[i]!;
    const open = c % 2 === 1 && !endsContact[i];
    return k > 0 && !(open && c >> 1 === k);
  };
  const contact: Context = {
    count: 2 * (channel.count + 1),
    initial: 0,
    next: (i, c) => (channel.index[i]! > 0 ? 2 * channel.index[i]! + 1 : endsContact[i] ? c & ~1 : c),
  };
  // A step the company designed as the customer's own is a contact (the next one on another channel is a switch),
  // but not a switch or a repeat itself.
  const designed = designedSelfService(flow);
  const switches = drive(flow, time, contact, (i, c) =>
    !designed[i] && starts(i, c) && c >> 1 > 0 && c >> 1 !== channel.index[i] ? 1 : 0,
  );
  const repeats = drive(flow, time, contact, (i, c) => (!designed[i] && starts(i, c) && c >> 1 > 0 ? 1 : 0));

  // Transfers. Context: the company person the customer is dealing with in the contact going on (0: none). A wait
  // ends the contact, and so does a contact the customer starts. Only the company's own people pass the customer on:
  // its systems (an automatic email) and another organisation's people (the old supplier's call centre) do not.
  const person = numbered(steps, (s) => (isCompanyPerson(s) && partyOf(s.actor) === 'staff' ? s.actor.id : undefined));
  const dealing: Context = {
    count: person.count + 1,
    initial: 0,
    next: (i, c) => person.index[i] || (endsContact[i] || started[i] ? 0 : c),
  };
  const transfers = drive(flow, time, dealing, (i, c) =>
    person.index[i]! > 0 && !endsContact[i] && c > 0 && c !== person.index[i] ? 1 : 0,
  );
  const dark = darkTime(flow, time);

  const handoffs = new Float64Array(steps.length);
  const isHandoff = (a: Step, b: Step) =>
    a.actor.kind !== 'customer' &&
    b.actor.kind !== 'customer' &&
    a.actor.id !== b.actor.id &&
    !(a.actor.kind === 'frontstage' && b.actor.kind === 'frontstage');
  steps.forEach((s, i) => {
    for (const { to, chance } of flow.links[i]!) if (isHandoff(s, steps[to]!)) handoffs[to]! += visits[i]! * chance;
  });

  const reAsked = reAskedItems(flow);
  const reAskCounts = Float64Array.from(steps, (_, i) => visits[i]! * reAsked[i]!.length);

  const reworkLoops = backEdges(flow);
  const contacts = [...new Set(steps.filter(isCompanyPerson).map((s) => s.actor.name))];

  return {
    customerEffort: steps.reduce((sum, s, i) => sum + (s.actor.kind === 'customer' ? visits[i]! * mean(s.work) : 0), 0),
    channelSwitches: switches.driver,
    repeatContacts: repeats.driver,
    transfers: transfers.driver,
    handoffs: { total: handoffs.reduce((a, b) => a + b, 0), perStep: handoffs },
    reAsks: { total: reAskCounts.reduce((a, b) => a + b, 0), perStep: reAskCounts },
    reAsked,
    darkTime: { total: dark.reduce((a, b) => a + b, 0), perStep: dark },
    darkWait: Float64Array.from(dark, (x, i) => (time.critical[i]! > 0 ? x / time.critical[i]! : 0)),
    reworkLoops,
    expectedReworks: reworkLoops.reduce((sum, e) => sum + visits[e.from]! * e.chance, 0),
    contacts,
    transferFrom: transfers.mainFrom.map((c) =>
      c > 0 ? flow.map.actors.find((a) => a.id === person.name(c))?.name : undefined,
    ),
    switchFrom: switches.mainFrom.map((c) => (c >> 1 > 0 ? channel.name(c >> 1) : undefined)),
  };
}

/**
 * Items asked again: what a step asks that was asked at an earlier step on every path to it (a "must" data-flow
 * analysis). After parallel work, what any branch asked has been asked. What a step verifies (a check: identity,
 * an original document) is never asked again there, even where it also asks it. With `party`, an item counts as
 * given only to the party that asked it (the company, or another organisation): what the company asks again of
 * what it was given itself; without, of what the customer gave anyone on the way (their effort).
 */
export function reAskedItems(flow: Flow, party: (s: Step) => string = () => ''): string[][] {
  const { steps, regions } = flow;
  const key = (s: Step, item: string) => `${party(s)}\u0000${item}`;
  const items = [...new Set(steps.flatMap((s) => s.asks.map((item) => key(s, item))))];
  const bit = new Map(items.map((item, k) => [item, BigInt(1) << BigInt(k)]));
  const all = (BigInt(1) << BigInt(items.length)) - BigInt(1);
  const asks = steps.map((s) => s.asks.reduce((m, item) => m | bit.get(key(s, item))!, BigInt(0)));
  const inSet: bigint[] = steps.map(() => all);
  const outSet: bigint[] = steps.map(() => all);
  // What the work carries along an edge inside a region: after a split, what the split and all its branches asked.
  const carried = (p: number): bigint => {
    const branches = flow.branchRegions.get(p);
    if (!branches) return outSet[p]!;
    return branches.reduce((m, r) => m | exitSet(r), outSet[p]!);
  };
  const exitSet = (r: number): bigint => {
    const region = regions[r]!;
    let m = all;
    for (const p of region.members) if (flow.edges[p]!.some((e) => e.to === region.exit)) m &= carried(p);
    return m;
  };
  const incoming: number[][] = steps.map(() => []);
  steps.forEach((_, p) =>
    flow.edges[p]!.forEach((e) => {
      if (flow.regionOf[e.to] === flow.regionOf[p]) incoming[e.to]!.push(p);
    }),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const region of regions) {
      for (const j of region.members) {
        let m = j === flow.map.start ? BigInt(0) : all;
        for (const p of incoming[j]!) m &= carried(p);
        if (region.split >= 0 && j === region.entry) m &= outSet[region.split]!;
        if (m !== inSet[j]) {
          inSet[j] = m;
          outSet[j] = m | asks[j]!;
          changed = true;
        }
      }
    }
  }
  return steps.map((s, i) =>
    s.asks.filter((item) => (inSet[i]! & bit.get(key(s, item))!) !== BigInt(0) && !s.verifies.includes(item)),
  );
}

/** Rework edges: edges that go back to a step on the current path, found by a depth-first walk in written order. */
function backEdges(flow: Flow): { from: number; to: number; chance: number }[] {
  const state = new Uint8Array(flow.steps.length); // 0 new, 1 on the path, 2 done
  const result: { from: number; to: number; chance: number }[] = [];
  const stack: [number, number][] = [[flow.map.start, 0]];
  state[flow.map.start] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const edge = flow.links[top[0]]![top[1]++];
    if (!edge) {
      state[top[0]] = 2;
      stack.pop();
    } else if (state[edge.to] === 1) {
      result.push({ from: top[0], to: edge.to, chance: edge.chance });
    } else if (state[edge.to] === 0) {
      state[edge.to] = 1;
      stack.push([edge.to, 0]);
    }
  }
  return result.sort((a, b) => a.from - b.from || a.to - b.to);
}
