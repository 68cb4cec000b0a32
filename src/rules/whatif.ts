/**
 * The what-if: an opportunity's change is made on a copy of the map and the engine computes the map again, so
 * every saving is a computed difference (never an estimate written by a rule).
 */
import {
  analyzeExact,
  gain,
  metric,
  type ExactAnalysis,
  type MetricId,
  type MetricSource,
  type TargetMetric,
} from '../analysis/index.js';
import { bypass, copyMap, tidy } from '../model/index.js';
import { opportunityId } from '../core/index.js';
import type { ProcessMap, Segment } from '../load/index.js';
import type { Opportunity, Part, Place, Rule, Size } from './types.js';
import { sizeOf, type Level, type Levers } from './size.js';
import { breaksTheRules } from './feasible.js';
import { impactOf, type Impact } from './impact.js';

/** The figures a what-if reports, each from the metric registry. */
export const WHATIF_METRICS = [
  'leadTime',
  'customerEffort',
  'successRate',
  'darkTime',
  'reAsks',
  'transfers',
  'channelSwitches',
  'repeatContacts',
  'handoffs',
] as const satisfies readonly MetricId[];
export type Figures = Record<(typeof WHATIF_METRICS)[number], number>;

export function figuresOf(a: MetricSource): Figures {
  return Object.fromEntries(WHATIF_METRICS.map((id) => [id, metric(id).of(a)!])) as Figures;
}

/** What each figure gains from `before` to `after`: positive is better for the customer. */
const savingOf = (before: Figures, after: Figures) =>
  Object.fromEntries(WHATIF_METRICS.map((id) => [id, gain(metric(id), before[id], after[id])])) as Figures;

/** What a change saves one segment of a map with segments: the change made on the map, scored in that segment. */
export interface SegmentSaving {
  segment: Segment;
  saving: Figures;
  yearly: YearlySaving;
}

/** What changes do to the figures at one size of their levers. */
export interface Outcome {
  after: Figures;
  /** What each figure gains: positive is better for the customer (less lead time, a higher success rate). */
  saving: Figures;
  /** What it saves a year (staff hours, cost, customer days, customers' own time); null where the map lacks it. */
  yearly: YearlySaving;
  /** How much of what the customer (and the company) bears it takes away, dimension by dimension. */
  impact: Impact;
  /**
   * A map with segments: what it saves each segment. `saving` and `yearly` above are the blend's, which is the
   * share-weighted sum of these (a yearly saving, their plain sum: each segment carries its share of the volume).
   */
  segments?: SegmentSaving[];
}

/** What changes do, at the middle of their levers' sizes, with the low and high ends of the range beside it. */
export interface Evaluated extends Outcome {
  /** The changes made: one opportunity, or several applied together. */
  changes: readonly Opportunity[];
  /** The map with them made, at the middle size. */
  map: ProcessMap;
  before: Figures;
  /** The targets the map misses that it would meet (at the middle size). */
  meets: TargetMetric[];
  /** The same at the low and high ends of the levers' ranges (the middle's own where no lever has a range). */
  low: Outcome;
  high: Outcome;
  /** The levers' sizes the figures assume, place by place; none for changes that are made or not. */
  sizes: Size[];
  /**
   * What the changes cost once at each size (cut-wait: clearing part of a queue's backlog); null where one of them
   * has such a cost and the map lacks what it takes to compute it; absent where none has one.
   */
  oneOff?: Record<Level, number> | null;
}

/**
 * What a change saves a year. `cost` is the whole cost to serve, as the scorecard gives it; `ownCost` is the part the
 * company bears itself (its people, its systems, its step costs) and `partnerCost` the part of other organisations
 * (partners' hours and fees, a rival's or a regulator's work): a board weighs the first.
 */
export type YearlySaving = Record<
  'staffHours' | 'cost' | 'ownCost' | 'partnerCost' | 'customerDays' | 'customerHours' | 'customerCost',
  number | null
>;

/** The yearly figures of the registry that a saving a year is made of. */
const YEARLY_METRICS = {
  staffHours: 'yearlyStaffHours',
  cost: 'yearlyCost',
  partnerCost: 'yearlyPartnerCost',
  customerDays: 'yearlyCustomerDays',
  customerHours: 'yearlyCustomerHours',
  customerCost: 'yearlyCustomerCost',
} as const satisfies Record<string, MetricId>;

/** The yearly figures one map saves on another (of a map with segments, the blend's), each null unless both have it. */
function yearlySaving(before: MetricSource, after: MetricSource): YearlySaving {
  const saved = (key: keyof typeof YEARLY_METRICS) => {
    const b = metric(YEARLY_METRICS[key]).of(before);
    const a = metric(YEARLY_METRICS[key]).of(after);
    return a === undefined || b === undefined ? null : b - a;
  };
  const cost = saved('cost');
  const partnerCost = saved('partnerCost');
  return {
    staffHours: saved('staffHours'),
    cost,
    ownCost: cost === null ? null : cost - (partnerCost ?? 0),
    partnerCost,
    customerDays: saved('customerDays'),
    customerHours: saved('customerHours'),
    customerCost: saved('customerCost'),
  };
}

/**
 * Makes several changes on one copy of the map, each at the `level` of its lever's size: first those that keep every
 * step, then the removals, all at once (so that the other changes still find their steps where they found them);
 * then the steps no customer reaches any more (rework whose way in was closed) go.
 */
export function combine(opportunities: readonly Part[], copy: ProcessMap, level: Level): ProcessMap {
  return tidy(apply(opportunities, copy, level));
}

/** The changes made in that order, without tidying: a lever's places are made this way inside `combine`. */
function apply(opportunities: readonly Part[], copy: ProcessMap, level: Level): ProcessMap {
  const map = opportunities.filter((o) => !o.removes).reduce((m, o) => o.change(m, level), copy);
  const removed = new Set(
    opportunities.flatMap((o) => ((o as Opportunity).parts ?? [o]).flatMap((p) => p.removes ?? [])),
  );
  return removed.size === 0
    ? map
    : bypass(
        map,
        map.steps.filter((s) => removed.has(s.id)).map((s) => s.index),
      );
}

/** A place as the what-if makes it: a sized change at the size of each level, as the team or the rule sets it. */
function partOf(rule: Rule, place: Place, map: ProcessMap, sizes: Levers): Part {
  // A change made or not is the same at every level.
  if (place.sized === undefined) return place;
  const { sized, ...facts } = place;
  const size = sizeOf(rule, opportunityId(rule.id, place.steps), sized, map, sizes);
  return { ...facts, size, change: (copy, level) => sized.change(copy, size.to[level]) };
}

/**
 * A rule's places made as one change: one opportunity, one computation of what it saves. Keeping the customer
 * informed before nine silent waits is one proposal with nine touch points; cutting six queues is a programme.
 */
function lever(rule: Rule, parts: readonly Part[]): Opportunity {
  if (parts.length === 1) return { ...parts[0]!, id: rule.id };
  const shown = parts.slice(0, 3).map((p) => p.why);
  return {
    id: rule.id,
    rule: rule.id,
    title: rule.lever(parts.length),
    why: `${shown.join('; ')}${parts.length > 3 ? `; and ${parts.length - 3} more` : ''}`,
    steps: [...new Set(parts.flatMap((p) => p.steps))],
    ...(parts.every((p) => p.removes) ? { removes: parts[0]!.removes } : {}),
    change: (copy, level) => apply(parts, copy, level),
    parts,
    regroup: (fewer) => lever(rule, fewer),
  };
}

/**
 * A rule finding more places than this makes them one change (a programme), so that the work of finding and
 * scoring opportunities grows with the number of rules, not with the size of the map, and a report does not list
 * thirty rows of the same lever.
 */
export const MOST_PLACES = 6;

/**
 * The opportunities of the rules in a map, in the rules' order: each place on its own (`cut-wait:mri`), or the
 * rule's places as one lever (`keep-informed`) where the rule says they are one change or it finds more than
 * `MOST_PLACES`; each sized as the map, then the configuration (`sizes`), then the rule says. A place whose change
 * would break what no rule may break (a locked step changed, a decision given to the customer, a step looping to
 * itself) is left out, whatever the rule.
 */
export const levers = (rules: readonly Rule[], analysis: ExactAnalysis, sizes: Levers = {}): Opportunity[] =>
  rules.flatMap((rule) => {
    const found = rule.find(analysis).map((place) => partOf(rule, place, analysis.map, sizes));
    const parts = keepingTheRules(analysis.map, found);
    if (parts.length === 0) return [];
    if (rule.oneChange || parts.length > MOST_PLACES) return [lever(rule, parts)];
    return parts.map((part) => ({ ...part, id: opportunityId(rule.id, part.steps) }));
  });

/**
 * The places whose change keeps what no change may break, at the largest size of each (closing a way may leave a
 * step no customer reaches, where shrinking it does not). Checking a change costs a copy of the map, so the places
 * are checked together and, only where that fails, by halves: a few checks for the thousands of places a large map
 * can have, not one each.
 */
function keepingTheRules(map: ProcessMap, places: readonly Part[]): Part[] {
  if (places.length === 0 || breaksTheRules(map, combine(places, copyMap(map), 'high')) === undefined)
    return [...places];
  if (places.length === 1) return [];
  const half = Math.ceil(places.length / 2);
  return [...keepingTheRules(map, places.slice(0, half)), ...keepingTheRules(map, places.slice(half))];
}

/**
 * What changes do to the map's figures, at one size of their levers. Of a map with segments, the changed map is
 * scored segment by segment and blended (`analyzeExact`), so every figure here is the blend's, and what each segment
 * saves is beside it.
 */
function outcomeOf(baseline: ExactAnalysis, before: Figures, changed: ExactAnalysis): Outcome {
  const after = figuresOf(changed);
  const segments = baseline.segmented?.segments.map((s, k): SegmentSaving => {
    const own = changed.segmented!.segments[k]!.analysis;
    return {
      segment: s.segment,
      saving: savingOf(figuresOf(s.analysis), figuresOf(own)),
      yearly: yearlySaving(s.analysis, own),
    };
  });
  return {
    after,
    saving: savingOf(before, after),
    yearly: yearlySaving(baseline, changed),
    impact: impactOf(baseline, changed),
    ...(segments && { segments }),
  };
}

/**
 * The figures of the map with these changes made, at the middle of their levers' sizes and, where a lever has a
 * range, at its low and high ends: three scorings of the changed map, or one.
 */
export function whatIf(baseline: ExactAnalysis, changes: readonly Opportunity[]): Evaluated {
  const before = figuresOf(baseline);
  const sizes = changes.flatMap((c) => (c.parts ?? [c]).flatMap((p) => (p.size ? [p.size] : [])));
  const map = combine(changes, copyMap(baseline.map), 'mid');
  const changed = analyzeExact(map, { weights: baseline.weights });
  const mid = outcomeOf(baseline, before, changed);
  const at = (level: Level) =>
    sizes.some((s) => s.to.low !== s.to.high)
      ? outcomeOf(
          baseline,
          before,
          analyzeExact(combine(changes, copyMap(baseline.map), level), { weights: baseline.weights }),
        )
      : mid;
  const costs = sizes.flatMap((s) => (s.oneOff === undefined ? [] : [s.oneOff]));
  const total = (level: Level) => costs.reduce((sum, c) => sum + c![level], 0);
  return {
    changes,
    map,
    before,
    ...mid,
    meets: changed.targets
      .filter((t) => t.met && baseline.targets.some((b) => b.metric === t.metric && !b.met))
      .map((t) => t.metric),
    low: at('low'),
    high: at('high'),
    sizes,
    ...(costs.length === 0
      ? {}
      : { oneOff: costs.includes(null) ? null : { low: total('low'), mid: total('mid'), high: total('high') } }),
  };
}

export const evaluate = (baseline: ExactAnalysis, opportunity: Opportunity): Evaluated =>
  whatIf(baseline, [opportunity]);
