/**
 * What the customer's journey shows, whatever draws it (cxmap's drawing, Mermaid's journey text): the steps the
 * customer lives on the most likely path, from the first to the ending it reaches (the goal, whoever does it), with
 * how long the customer waits between them and the feelings recorded; then each other way the customer can go,
 * with its share of ALL customers from the analysis's reach (Reach, in the method's "What-ifs that hold"): an
 * ending shows the chance that a case ends there, a detour the chance that a case ever takes it. A 20 % branch of
 * which 90 % is corrected ends 2 % of customers, and the 18 % corrected show as a detour of their own.
 */
import { formatDuration, solveChain, type Calendar } from '../../../core/index.js';
import { isCustomerFacing, likelyPath, reachOf, type ExactAnalysis as Analysis } from '../../../analysis/index.js';
import type { Choice, ProcessMap, Step } from '../../../load/index.js';

/** A wait shorter than this between two steps of the main path is not shown. */
const SHOWN_WAIT = 60;

export interface JourneyStep {
  index: number;
  id: string;
  name: string;
  stage: string;
  /** Who the customer deals with: the customer's own name on their own steps. */
  who: string;
  channel?: string;
  /** The customer's own step, a step with the company in front of them, or work out of their sight. */
  side: 'customer' | 'frontstage' | 'hidden';
  /** The feeling recorded, -2 (very bad) to 2 (very good); none when the map records none. */
  feeling?: number;
  fails: boolean;
  momentOfTruth: boolean;
  /** On the main path: the time the customer waits after the step before (from the start for the first), seconds. */
  wait: number;
}

export interface JourneyBranch {
  /** The main path's column the way leaves after; -1 before the first. */
  from: number;
  kind: 'failure' | 'ending' | 'detour';
  /** The step of the main path a detour comes back to. */
  back?: string;
  /** The label of the choice that sends customers this way, when it has one. */
  choice?: string;
  /** The share of all customers: that end here (an ending), that ever take this way (a detour). */
  share: number;
  steps: JourneyStep[];
}

/**
 * A segment's feelings on the journey: at each step (by index), its `for:` override or the step's own feeling,
 * `undefined` where neither is recorded, `'skip'` where the segment does not do the step.
 */
export interface JourneySegment {
  id: string;
  name: string;
  share: number;
  feelings: (number | 'skip' | undefined)[];
}

/** The most segments the journey draws a feeling curve for: the largest by share. */
export const DRAWN_SEGMENTS = 5;

export interface JourneyModel {
  process: string;
  customer: string;
  calendar: Calendar;
  main: JourneyStep[];
  branches: JourneyBranch[];
  /** The share of all customers who go exactly the main path's way: the product of its choices' chances. */
  asDrawn: number;
  /** The share of all customers who take at least one detour (see `detourShare`). */
  detoured: number;
  /** The segments drawn, each with a curve of its own: up to five, the largest by share, in the map's order. */
  segments: JourneySegment[];
  /** The names of the segments not drawn, largest first. */
  undrawn: string[];
}

/** A share of all customers, as the journey writes it: `2 %`, `4.8 %`, `< 0.1 %` (kept on one line). */
export function shareText(share: number): string {
  const tenths = Math.round(share * 1000) / 10;
  return share > 0 && tenths === 0 ? '<\u00A00.1\u00A0%' : `${tenths}\u00A0%`;
}

/** The heading of a way off the main path: what it is, the choice that leads there, its share of all customers. */
export function branchTitle(b: JourneyBranch): string {
  const kind =
    b.kind === 'failure'
      ? 'Ending, goal not reached'
      : b.kind === 'ending'
        ? 'Other ending'
        : `Detour, back to ${b.back ?? 'the main path'}`;
  return [kind, b.choice, `${shareText(b.share)} of customers`].filter(Boolean).join(' · ');
}

/** The wait the customer sees before a step of the main path, as the drawing and the text write it. */
export const waitText = (model: JourneyModel, step: JourneyStep) =>
  step.wait >= SHOWN_WAIT ? `waits ${formatDuration(step.wait, model.calendar)}` : undefined;

const successors = (s: Step) =>
  s.next.kind === 'choice' ? s.next.choices.map((c) => c.to) : s.next.kind === 'all' ? s.next.branches : [];

/** The model of each analysis, made once: Mermaid's text of a large map asks for it once per part. */
const made = new WeakMap<Analysis, JourneyModel>();

export function journeyModel(analysis: Analysis): JourneyModel {
  let model = made.get(analysis);
  if (!model) made.set(analysis, (model = modelOf(analysis)));
  return model;
}

function modelOf(analysis: Analysis): JourneyModel {
  const { map } = analysis;
  const bars = likelyPath(analysis);
  const path = bars.map((b) => b.step);
  const onPath = new Set(path);
  const isEnd = (i: number) => map.steps[i]!.next.kind === 'end';
  // The customer lives their own steps, the frontstage's, and the ending they reach whoever makes it.
  const lived = (i: number) => isCustomerFacing(map.steps[i]!) || isEnd(i);
  // Who goes where: of a map with segments, each segment by its own chances (on the ways drawn from the map as
  // written), weighted by its share; a step a segment skips is one it does not reach.
  const parts = customersOf(analysis);
  const blend = (f: (part: Part) => number) => parts.reduce((sum, part) => sum + part.share * f(part), 0);
  const reach = (i: number) => blend((part) => part.reach(map.steps[i]!.id));

  const stepOf = (i: number, wait = 0): JourneyStep => {
    const s = map.steps[i]!;
    return {
      index: i,
      id: s.id,
      name: s.name,
      stage: s.stage,
      who: s.actor.kind === 'customer' ? map.process.customer : s.actor.name,
      channel: s.channel,
      side: s.actor.kind === 'customer' ? 'customer' : isCustomerFacing(s) ? 'frontstage' : 'hidden',
      feeling: s.feeling,
      fails: Boolean(s.fails),
      momentOfTruth: Boolean(s.momentOfTruth),
      wait,
    };
  };

  // The main path, and what the customer waits between its steps: the time from the end of one to the start of
  // the next one's work on the most likely path (the company's work out of sight included).
  const main: JourneyStep[] = [];
  let done = 0;
  for (const b of bars) {
    if (!lived(b.step)) continue;
    main.push(stepOf(b.step, Math.max(0, b.start + b.wait - done)));
    done = b.start + b.wait + b.work;
  }
  const column = new Map<number, number>(); // a step of the likely path -> the last main column at or before it
  let k = -1;
  for (const i of path) {
    if (lived(i)) k++;
    column.set(i, k);
  }

  const before = new Map<number, number>(); // step -> a step leading to it, one on the likely path if any
  const choice = new Map<string, string | undefined>(); // `from>to` -> the label of the choice
  const chosen = new Set<number>(); // the steps a choice leads to
  for (const s of map.steps) {
    for (const t of successors(s)) if (!before.has(t) || onPath.has(s.index)) before.set(t, s.index);
    if (s.next.kind === 'choice')
      for (const c of s.next.choices) {
        choice.set(`${s.index}>${c.to}`, c.label);
        chosen.add(c.to);
      }
  }
  const likeliest = (i: number) => {
    const next = map.steps[i]!.next;
    if (next.kind === 'all') return next.branches[0];
    if (next.kind === 'choice') return [...next.choices].sort((a, b) => b.chance - a.chance)[0]?.to;
    return undefined;
  };

  // The endings the main path misses first; then every step off it that the customer lives or that a choice leads
  // to: each as the way from the main path through it, on to its ending or back to the main path.
  const covered = new Set<number>();
  const branches: JourneyBranch[] = [];
  const detourSteps = new Set<number>(); // every step of a way that comes back to the main path
  // `from>to`: the ways back to the main path, a detour's last step and a choice straight back from another way
  const detourEdges = new Set<string>();
  const offPath = map.steps.filter((s) => !onPath.has(s.index)).map((s) => s.index);
  for (const start of [...offPath.filter(isEnd), ...offPath.filter((i) => lived(i) || chosen.has(i))]) {
    if (covered.has(start)) continue;
    const back: number[] = []; // from the start back to the main path
    const inWay = new Set<number>();
    let at: number | undefined = start;
    while (at !== undefined && !onPath.has(at) && !inWay.has(at)) {
      back.push(at);
      inWay.add(at);
      at = before.get(at);
    }
    if (at === undefined || !onPath.has(at)) continue;
    const way = back.reverse();
    // The labelled choice nearest before the start names the way: the reason this share of customers is here.
    const entry = [at, ...way];
    let label: string | undefined;
    for (let e = entry.length - 1; e > 0 && label === undefined; e--) label = choice.get(`${entry[e - 1]}>${entry[e]}`);
    let on = isEnd(start) ? undefined : likeliest(start);
    while (on !== undefined && !onPath.has(on) && !inWay.has(on)) {
      way.push(on);
      inWay.add(on);
      on = likeliest(on);
    }
    for (const i of way) covered.add(i);
    const last = map.steps[way.at(-1)!]!;
    if (last.next.kind !== 'end') {
      for (const i of way) detourSteps.add(i);
      if (on !== undefined) detourEdges.add(`${last.index}>${on}`);
    }
    branches.push({
      from: column.get(at)!,
      kind: last.next.kind !== 'end' ? 'detour' : last.outcome === 'failure' ? 'failure' : 'ending',
      back: last.next.kind !== 'end' && on !== undefined ? map.steps[on]!.name : undefined,
      choice: label,
      share: reach(start),
      steps: way.filter((i) => lived(i) || i === start).map((i) => stepOf(i)),
    });
  }
  // A way straight back to the main path from a step drawn on another way (a query resolved at once, beside a way
  // back through more steps or an ending): a detour of its own, with its share of all customers, so that no
  // customer who comes back is lost from the picture.
  for (const branch of [...branches])
    for (const step of branch.steps) {
      const next = map.steps[step.index]!.next;
      if (next.kind !== 'choice') continue;
      for (const c of next.choices)
        if (onPath.has(c.to) && !detourEdges.has(`${step.index}>${c.to}`)) {
          detourEdges.add(`${step.index}>${c.to}`);
          branches.push({
            from: branch.from,
            kind: 'detour',
            back: map.steps[c.to]!.name,
            choice: c.label,
            share: blend((part) => part.reach(step.id) * part.chance(c)),
            steps: [step],
          });
        }
    }
  return {
    process: map.process.name,
    customer: map.process.customer,
    calendar: map.process.calendar,
    main,
    branches,
    asDrawn: blend((part) => asDrawnShare(map, path, part.chance)),
    // A detour inside parallel work escapes the chain (see detourShare); each detour's own share is a floor, so the
    // share that takes at least one is never said to be less than that of a detour drawn beside it.
    detoured: Math.max(
      blend((part) => detourShare(map, detourSteps, detourEdges, part.chance)),
      ...branches.filter((b) => b.kind === 'detour').map((b) => b.share),
    ),
    ...segmentsOf(map),
  };
}

/** A part of the customers: all of them, or a segment, with its share, its chance of a way and its reach of a step. */
interface Part {
  share: number;
  chance: (way: Choice) => number;
  /** The share of the part that reaches the step at least once, by the step's id. */
  reach: (id: string) => number;
}

function customersOf(analysis: Analysis): Part[] {
  const segments = analysis.segmented?.segments;
  if (!segments) {
    const index = new Map(analysis.map.steps.map((s) => [s.id, s.index]));
    return [{ share: 1, chance: (way) => way.chance, reach: (id) => reachOf(analysis.time, index.get(id)!) }];
  }
  return segments.map(({ segment, analysis: own }) => {
    const index = new Map(own.map.steps.map((s) => [s.id, s.index]));
    return {
      share: segment.share,
      chance: (way) => way.for?.[segment.id] ?? way.chance,
      reach: (id) => (index.has(id) ? reachOf(own.time, index.get(id)!) : 0),
    };
  });
}

/**
 * The segments' feelings, the largest `DRAWN_SEGMENTS` by share (the first written of equal shares) in the order
 * the map writes them; the names of the others, largest first.
 */
function segmentsOf(map: ProcessMap): Pick<JourneyModel, 'segments' | 'undrawn'> {
  const all = map.segments ?? [];
  const bySize = [...all].sort((a, b) => b.share - a.share);
  const drawn = new Set(bySize.slice(0, DRAWN_SEGMENTS));
  return {
    segments: all
      .filter((g) => drawn.has(g))
      .map((g) => ({
        id: g.id,
        name: g.name,
        share: g.share,
        feelings: map.steps.map((s) => {
          const own = s.for?.[g.id];
          return own?.skip ? 'skip' : (own?.feeling ?? s.feeling);
        }),
      })),
    undrawn: bySize.slice(DRAWN_SEGMENTS).map((g) => g.name),
  };
}

/**
 * The share of all customers who go the most likely path exactly as drawn: at each choice on it, the chance of the
 * way it takes (the likeliest way on to a later step of the path), multiplied along it. Parallel work takes every
 * branch, so it costs no chance. Home loan: 70 % complete at the first check x 80 % approved at the first
 * underwriting = 56 %.
 */
function asDrawnShare(map: ProcessMap, path: readonly number[], chance: Part['chance']): number {
  const order = new Map(path.map((i, k) => [i, k]));
  let share = 1;
  for (const i of path) {
    const next = map.steps[i]!.next;
    if (next.kind !== 'choice') continue;
    const on = next.choices.filter((c) => (order.get(c.to) ?? -1) > order.get(i)!);
    if (on.length) share *= Math.max(...on.map(chance));
  }
  return share;
}

/**
 * The share of all customers who take at least one detour: the chance of ever entering a step of a way back to the
 * main path, or a choice straight back to it from a way off it. Worked out as an absorbing chain over the steps (the
 * one the lead time is computed on) in which those steps and choices lead to a sink: the mass that reaches the sink
 * is the share. Parallel work is passed over (the split leads to its join): a detour inside a parallel branch is not
 * counted here (none of the examples has one); each such detour still shows with its own share.
 */
function detourShare(
  map: ProcessMap,
  steps: ReadonlySet<number>,
  edges: ReadonlySet<string>,
  chance: Part['chance'],
): number {
  const sink = map.steps.length;
  const succ: number[][] = [];
  const weight: number[][] = [];
  for (const s of map.steps) {
    const out: { to: number; w: number }[] =
      steps.has(s.index) || s.next.kind === 'end'
        ? []
        : s.next.kind === 'all'
          ? [{ to: s.next.join, w: 1 }]
          : s.next.choices.map((c) => ({ to: c.to, w: chance(c) }));
    const to = out.map((o) => (steps.has(o.to) || edges.has(`${s.index}>${o.to}`) ? sink : o.to));
    succ.push(to);
    weight.push(out.map((o) => o.w));
  }
  succ.push([]);
  weight.push([]);
  const start = new Float64Array(sink + 1);
  start[map.start] = 1;
  return solveChain({ succ, weight }, start)[sink]!;
}
