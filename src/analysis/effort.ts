/**
 * What the process puts on the customer: the drivers of customer effort (Dixon, Freeman & Toman, "Stop Trying to
 * Delight Your Customers", HBR 2010): switching channels, being transferred, repeating information, waiting
 * without news, rework, and the number of people and systems to deal with. Each is counted exactly on the flow,
 * as an expected number per customer.
 */
import { mean } from '../core/index.js';
import type { Step } from '../load/index.js';
import type { Flow } from '../model/index.js';
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
  /** The customer changes channel between two contacts (phone, then web). */
  channelSwitches: Driver;
  /** The customer has to deal with another frontstage person than the last one. */
  transfers: Driver;
  /** The work changes hands between staff or systems, below the line of visibility. */
  handoffs: Driver;
  /** Information asked again that was already asked at an earlier step on every path to it. */
  reAsks: Driver;
  /** The items each step asks again. */
  reAsked: string[][];
  /** Waiting on the critical path while the customer has been told nothing since their last contact. */
  darkTime: Driver;
  /** The dark wait of one visit of each step: darkTime.perStep over the step's visits. */
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
function drive(
  flow: Flow,
  context: Context,
  score: (i: number, c: number) => number,
  weight: Float64Array | null = null,
) {
  const mass = contextMass(flow, context);
  const C = context.count;
  const perStep = new Float64Array(flow.steps.length);
  const mainFrom: number[] = flow.steps.map(() => -1);
  let total = 0;
  flow.steps.forEach((_, i) => {
    let best = 0;
    for (let c = 0; c < C; c++) {
      const value = mass[i * C + c]! * score(i, c) * (weight ? weight[i]! : 1);
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

/** A context that remembers the last value of `key` among the steps that have one (0: none yet). */
function lastSeen(steps: Step[], key: (s: Step) => string | undefined) {
  const values = [...new Set(steps.map(key).filter((v): v is string => v !== undefined))];
  const index = steps.map((s) => {
    const v = key(s);
    return v === undefined ? 0 : values.indexOf(v) + 1;
  });
  const context: Context = { count: values.length + 1, initial: 0, next: (i, c) => index[i] || c };
  const changes = (i: number, c: number) => (index[i]! > 0 && c > 0 && c !== index[i] ? 1 : 0);
  return { context, changes, name: (c: number) => values[c - 1] };
}

export function effortFigures(flow: Flow, time: TimeFigures): EffortFigures {
  const { steps } = flow;
  const { visits } = time;

  const channel = lastSeen(steps, (s) => (isCustomerFacing(s) ? s.channel : undefined));
  const switches = drive(flow, channel.context, channel.changes);
  const person = lastSeen(steps, (s) => (s.actor.kind === 'frontstage' ? s.actor.name : undefined));
  const transfers = drive(flow, person.context, person.changes);

  // Dark time: 0 = told nothing since the last contact, 1 = informed. Telling informs; a contact that tells nothing
  // leaves the customer without news again. The customer's own waits (before their own steps) are not dark.
  const informed: Context = {
    count: 2,
    initial: 0,
    next: (i, c) => (steps[i]!.tells.length > 0 ? 1 : isCustomerFacing(steps[i]!) ? 0 : c),
  };
  const darkWait = steps.map((s) => (s.actor.kind === 'customer' ? 0 : mean(s.wait)));
  const dark = drive(
    flow,
    informed,
    (i, c) => (c === 0 ? darkWait[i]! : 0),
    Float64Array.from(time.critical, (w, i) => (visits[i]! > 0 ? w / visits[i]! : 0)),
  );

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
  const contacts = [
    ...new Set(
      steps
        .filter((s) => s.actor.kind === 'frontstage' || (s.actor.kind === 'support' && s.channel))
        .map((s) => s.actor.name),
    ),
  ];

  return {
    customerEffort: steps.reduce((sum, s, i) => sum + (s.actor.kind === 'customer' ? visits[i]! * mean(s.work) : 0), 0),
    channelSwitches: switches.driver,
    transfers: transfers.driver,
    handoffs: { total: handoffs.reduce((a, b) => a + b, 0), perStep: handoffs },
    reAsks: { total: reAskCounts.reduce((a, b) => a + b, 0), perStep: reAskCounts },
    reAsked,
    darkTime: dark.driver,
    darkWait: Float64Array.from(dark.driver.perStep, (x, i) => (visits[i]! > 0 ? x / visits[i]! : 0)),
    reworkLoops,
    expectedReworks: reworkLoops.reduce((sum, e) => sum + visits[e.from]! * e.chance, 0),
    contacts,
    transferFrom: transfers.mainFrom.map((c) => (c > 0 ? person.name(c) : undefined)),
    switchFrom: switches.mainFrom.map((c) => (c > 0 ? channel.name(c) : undefined)),
  };
}

/**
 * Items asked again: what a step asks that was asked at an earlier step on every path to it (a "must" data-flow
 * analysis). After parallel work, what any branch asked has been asked.
 */
function reAskedItems(flow: Flow): string[][] {
  const { steps, regions } = flow;
  const items = [...new Set(steps.flatMap((s) => s.asks))];
  const bit = new Map(items.map((item, k) => [item, BigInt(1) << BigInt(k)]));
  const all = (BigInt(1) << BigInt(items.length)) - BigInt(1);
  const asks = steps.map((s) => s.asks.reduce((m, item) => m | bit.get(item)!, BigInt(0)));
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
  return steps.map((s, i) => s.asks.filter((item) => (inSet[i]! & bit.get(item)!) !== BigInt(0)));
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
