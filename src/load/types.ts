/** The map as the format describes it: raw (as written, checked by the schema) and normalized (for analysis). */
import type { Calendar, Distribution, DurationInput } from '../core/index.js';
import type { ChannelStarter } from './channels.js';

export type Lane = 'customer' | 'frontstage' | 'backstage' | 'support';
export const LANES: readonly Lane[] = ['customer', 'frontstage', 'backstage', 'support'];
type ValueClass = 'customer' | 'business' | 'waste';
/** How the figures of a step were obtained. */
export type Basis = (typeof BASES)[number];
export const BASES = ['assumed', 'observed', 'measured'] as const;
export const isBasis = (text: string): text is Basis => (BASES as readonly string[]).includes(text);
/**
 * What a wait is: work waiting for capacity (`queue`), a fixed cycle (`scheduled`), something physically on its way
 * (`transport`), or the customer's own choice or pace (`customer`).
 */
export type WaitKind = 'queue' | 'scheduled' | 'transport' | 'customer';
export const WAIT_KINDS: readonly WaitKind[] = ['queue', 'scheduled', 'transport', 'customer'];

/** What a new map is about: the process, as the customer would say it, whose experience it is, and their goal. */
export interface ProcessInfo {
  name: string;
  customer: string;
  goal: string;
}

/** A map file as written, once it has passed the schema. */
export interface RawMap {
  cxmap: 1;
  process: {
    name: string;
    customer: string;
    goal: string;
    trigger?: string;
    owner?: string;
    /** The persona whose experience the map tells, by id (`personas:` of the configuration). */
    persona?: string;
    calendar?: { day?: string | number; week?: string | number };
    darkAfter?: string | number;
    volume?: string;
    customerTime?: string;
    currency?: string;
    targets?: { leadTime?: string | number; pce?: number | string; successRate?: number | string };
    benchmarks?: { name: string; leadTime?: string | number; pce?: number | string; successRate?: number | string }[];
  };
  actors: Record<string, { kind: Lane; name?: string; type?: ActorType; org?: string; cost?: string }>;
  channels?: Record<string, ChannelStarter>;
  stages?: (string | RawStage)[];
  segments?: Record<string, RawSegment>;
  steps: RawStep[];
  effort?: Record<string, number>;
  levers?: Record<string, RawLever>;
}

/** A stage as written with targets of its own: `{ name: Assess, targets: { leadTime: 5d, successRate: 95% } }`. */
export interface RawStage {
  name: string;
  targets?: { leadTime?: string | number; successRate?: number | string };
}

/** A lever's size as written: a share (`30%`, `0.3`), a range (`20%..40%`), or the figure after (`{ to: 10% }`). */
export type RawLever = number | string | { to: number | string };

export type RawNext =
  | string
  | { to: string; chance: number | string; label?: string; for?: Record<string, number | string> }[]
  | { all: string[] };

/**
 * A persona: an archetype of the customers of a segment, as the team agreed it (`personas:` of cxmap.config.yaml or of
 * a portfolio file). Only the name is required.
 */
export interface Persona {
  name: string;
  description?: string;
  goals?: string[];
  needs?: string[];
  pains?: string[];
  quote?: string;
}

/** A segment as written: its name, its share of the cases (`60%`), and the persona it stands for. */
export interface RawSegment {
  name: string;
  share: number | string;
  persona?: string;
}

/** What differs at a step for one segment, as written. */
export interface RawStepOverride {
  wait?: DurationInput;
  work?: DurationInput;
  feeling?: number;
  channel?: string;
  asks?: string[];
  tells?: string[];
  ca?: number | string;
  skip?: true;
}

export interface RawStep {
  id: string;
  name: string;
  stage?: string;
  actor: string;
  channel?: string;
  wait?: DurationInput;
  waitKind?: WaitKind;
  work?: DurationInput;
  value?: ValueClass;
  feeling?: number;
  asks?: string[];
  verifies?: string[];
  tells?: string[];
  ca?: number | string;
  cost?: number;
  fails?: string;
  momentOfTruth?: boolean;
  physical?: boolean;
  locked?: string;
  independent?: boolean;
  milestone?: string;
  basis?: Basis;
  /** What the customer sees or holds at the step (physical evidence): one thing or a list. */
  evidence?: string | string[];
  outcome?: 'success' | 'failure';
  note?: string;
  next?: RawNext;
  for?: Record<string, RawStepOverride>;
}

/** Whether an actor is a person (staff of the company or of a partner) or a system (software, a machine). */
export type ActorType = 'person' | 'system';

export interface Actor {
  id: string;
  kind: Lane;
  name: string;
  /** A person unless the map says it is a system. */
  type: ActorType;
  /** The other organisation it belongs to (a partner, a regulator, another supplier); undefined: the map's company. */
  org?: string;
  /** What an hour of its work costs, when the map says. */
  hourlyCost?: number;
}

export interface Choice {
  /** Index of the step this way leads to. */
  to: number;
  /** Share of customers who go this way, 0..1. */
  chance: number;
  label?: string;
  /** A segment's own chance of this way (0..1), by the segment's id, where it differs. */
  for?: Record<string, number>;
}

/** A share of the cases that takes the process in its own way. */
export interface Segment {
  id: string;
  name: string;
  /** Share of the cases, 0..1; the shares of a map add up to 1. */
  share: number;
  /** The persona it stands for, by id as written (`personaFindings` checks it against the team's personas). */
  persona?: string;
}

/** What differs at a step for one segment, normalized: durations as distributions, %C&A as 0..1. */
export interface StepOverride {
  wait?: Distribution;
  work?: Distribution;
  feeling?: number;
  channel?: string;
  asks?: string[];
  tells?: string[];
  ca?: number;
  /** The segment does not do this step: its ways lead on. */
  skip?: true;
}

/** Where the work goes after a step. A plain `next: x` is a single choice with chance 1. */
export type Next =
  | { kind: 'end' }
  | { kind: 'choice'; choices: Choice[] }
  /** Parallel work: every branch starts; `join` (a step index) starts when the slowest branch is done. */
  | { kind: 'all'; branches: number[]; join: number };

export interface Step {
  index: number;
  id: string;
  name: string;
  stage: string;
  actor: Actor;
  /** The channel as written (channelOf tells what it is). */
  channel?: string;
  wait: Distribution;
  /** What the wait is, when the map says (waitKindOf gives the default). */
  waitKind?: WaitKind;
  work: Distribution;
  value?: ValueClass;
  feeling?: number;
  asks: string[];
  /** What the step checks rather than collects: identity, security questions, an original document, a third party's form. */
  verifies: string[];
  tells: string[];
  /** Percent complete and accurate of this step's output, 0..1 (1 when not given). */
  ca: number;
  /** A cost each time the step is done, besides its actor's time. */
  cost?: number;
  fails?: string;
  momentOfTruth: boolean;
  /** Marked as handling goods or needing someone on the spot (see `isPhysical` for what else counts). */
  physical: boolean;
  /** Why the step must stay as it is (no rule changes it), when the map says so. */
  locked?: string;
  /** Marked as not needing what the step before it produces. */
  independent: boolean;
  /** A milestone the customer counts, reached when this step is done. */
  milestone?: string;
  basis?: Basis;
  /** What the customer sees or holds at the step (physical evidence, drawn in the blueprint's top lane). */
  evidence: string[];
  /** Set on end steps only: success unless the map says failure. */
  outcome?: 'success' | 'failure';
  note?: string;
  next: Next;
  /** What differs here for a segment, by the segment's id (only on maps with segments). */
  for?: Record<string, StepOverride>;
}

export interface Benchmark {
  name: string;
  leadTime?: number;
  pce?: number;
  successRate?: number;
}

/** A valid map, normalized: durations in seconds, references resolved to indexes, joins found. */
export interface ProcessMap {
  process: {
    name: string;
    customer: string;
    goal: string;
    trigger?: string;
    owner?: string;
    /** The persona whose experience the map tells, by id as written (`personaFindings` checks it). */
    persona?: string;
    calendar: Calendar;
    /** Silence longer than this since the last news is dark time (seconds; one day of the calendar by default). */
    darkAfter: number;
    /** Cases a year, when the map says. */
    volume?: number;
    /** What an hour of the customer's own work is worth, when the team counts it. */
    customerHour?: number;
    /** What the map's amounts of money are in: an ISO 4217 code in capitals (`EUR`) or a symbol (`€`). */
    currency?: string;
    targets: { leadTime?: number; pce?: number; successRate?: number };
    benchmarks: Benchmark[];
  };
  actors: Actor[];
  /** The map's own channels (beyond the standard ones), and who starts a contact on each. */
  channels: Record<string, ChannelStarter>;
  stages: string[];
  /** The targets a stage sets for itself (its lead time in seconds, the success rate through it), by stage name. */
  stageTargets: Record<string, StageTargets>;
  /** The segments of the cases, when the map has them (their shares add up to 1). */
  segments?: Segment[];
  steps: Step[];
  /** Index of the step where the customer starts. */
  start: number;
  /** The effort of making an opportunity (by its id, or a rule's id), 0 to 5, where the team has estimated it. */
  effort: Record<string, number>;
  /** The size of a lever (by a place's id, or a rule's id), where the team has set it. */
  levers: Record<string, LeverSetting>;
}

/** A stage's own targets: the longest time a customer may spend in it, the lowest share who get through it. */
export interface StageTargets {
  leadTime?: number;
  successRate?: number;
}

/**
 * The size of a lever as the team sets it, each a range from low to high (equal for one value): the share of the
 * figure the change takes away (`cut`: a wait cut by 30%), or the figure it is brought to (`to`: a loop's chance
 * brought to 10%).
 */
export type LeverSetting = { cut: readonly [number, number] } | { to: readonly [number, number] };

/** A step's feeling in words, from -2 (very bad) to 2 (very good), as the format's scale names them. */
export const feelingWord = (feeling: number): string =>
  ['very bad', 'bad', 'neutral', 'good', 'very good'][feeling + 2]!;

/** What a step's wait is: as the map says, or the customer's own pace in their lane and a queue elsewhere. */
export const waitKindOf = (s: Step): WaitKind => s.waitKind ?? (s.actor.kind === 'customer' ? 'customer' : 'queue');

/**
 * Who an actor is to the company whose process the map is: the customer, the company's own people (`staff`) or
 * systems, or another organisation (`partner`: a partner, a regulator, another supplier, people and systems alike).
 */
export type Party = 'customer' | 'staff' | 'system' | 'partner';
export const partyOf = (a: Actor): Party =>
  a.kind === 'customer' ? 'customer' : a.org !== undefined ? 'partner' : a.type === 'system' ? 'system' : 'staff';
