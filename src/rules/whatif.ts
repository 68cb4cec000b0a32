/**
 * The what-if: an opportunity's change is made on a copy of the map and the engine computes the map again, so
 * every saving is a computed difference (never an estimate written by a rule).
 */
import {
  analyzeExact,
  gain,
  metric,
  type BusinessFigures,
  type ExactAnalysis,
  type MetricId,
} from '../analysis/index.js';
import { bypass, copyMap, tidy, stepChanges } from '../model/index.js';
import type { ProcessMap } from '../load/index.js';
import type { Opportunity, Rule } from './types.js';
import { isLocked } from './feasible.js';

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

export function figuresOf(a: ExactAnalysis): Figures {
  return Object.fromEntries(WHATIF_METRICS.map((id) => [id, metric(id).of(a)!])) as Figures;
}

export interface Evaluated {
  /** The changes made: one opportunity, or several applied together. */
  changes: readonly Opportunity[];
  /** The map with them made. */
  map: ProcessMap;
  before: Figures;
  after: Figures;
  /** What each figure gains: positive is better for the customer (less lead time, a higher success rate). */
  saving: Figures;
  /** What it saves a year (staff hours, cost, customer days, customers' own time); null where the map lacks it. */
  yearly: YearlySaving;
}

export type YearlySaving = Record<'staffHours' | 'cost' | 'customerDays' | 'customerCost', number | null>;

/** The yearly figures one map saves on another, each null unless both have it. */
function yearlySaving(before: BusinessFigures, after: BusinessFigures): YearlySaving {
  const saved = (key: keyof YearlySaving) => {
    const b = before.yearly?.[key];
    const a = after.yearly?.[key];
    return a === undefined || b === undefined ? null : b - a;
  };
  return {
    staffHours: saved('staffHours'),
    cost: saved('cost'),
    customerDays: saved('customerDays'),
    customerCost: saved('customerCost'),
  };
}

/**
 * Makes several changes on one copy of the map: first those that keep every step, then the removals, all at once
 * (so that the other changes still find their steps where they found them); then the steps no customer reaches any
 * more (rework whose way in was closed) go.
 */
export function combine(opportunities: readonly Opportunity[], copy: ProcessMap): ProcessMap {
  return tidy(apply(opportunities, copy));
}

/** The changes made in that order, without tidying: a lever's places are made this way inside `combine`. */
function apply(opportunities: readonly Opportunity[], copy: ProcessMap): ProcessMap {
  const map = opportunities.filter((o) => !o.removes).reduce((m, o) => o.change(m), copy);
  const removed = new Set(opportunities.flatMap((o) => (o.parts ?? [o]).flatMap((p) => p.removes ?? [])));
  return removed.size === 0
    ? map
    : bypass(
        map,
        map.steps.filter((s) => removed.has(s.id)).map((s) => s.index),
      );
}

/**
 * A rule's lever: its change made at every place the rule finds, as one opportunity (keeping nine customers
 * informed is one proposal with nine touch points, and one computation of what it saves), so that the work of
 * finding and scoring opportunities grows with the number of rules, not with the size of the map.
 */
function lever(rule: Rule, parts: readonly Opportunity[]): Opportunity {
  if (parts.length === 1) return parts[0]!;
  const shown = parts.slice(0, 3).map((p) => p.why);
  return {
    rule: rule.id,
    title: rule.lever(parts.length),
    why: `${shown.join('; ')}${parts.length > 3 ? `; and ${parts.length - 3} more` : ''}`,
    steps: [...new Set(parts.flatMap((p) => p.steps))],
    ...(parts.every((p) => p.removes) ? { removes: parts[0]!.removes } : {}),
    change: (copy) => apply(parts, copy),
    parts,
    regroup: (fewer) => lever(rule, fewer),
  };
}

/**
 * The levers of the rules in a map, in the rules' order (a rule that finds nothing has none). A place whose change
 * would touch a step the map locks is left out, whatever the rule: locked means no rule changes it.
 */
export const levers = (rules: readonly Rule[], analysis: ExactAnalysis): Opportunity[] => {
  const locked = analysis.map.steps.filter(isLocked).map((s) => s.id);
  const allowed = (part: Opportunity) =>
    locked.length === 0 ||
    !locked.some((id) => stepChanges(analysis.map, combine([part], copyMap(analysis.map))).has(id));
  return rules.flatMap((rule) => {
    const parts = rule.find(analysis).filter(allowed);
    return parts.length > 0 ? [lever(rule, parts)] : [];
  });
};

/** The figures of the map with these changes made. */
export function whatIf(baseline: ExactAnalysis, changes: readonly Opportunity[]): Evaluated {
  const before = figuresOf(baseline);
  const map = combine(changes, copyMap(baseline.map));
  const changed = analyzeExact(map);
  const after = figuresOf(changed);
  const saving = Object.fromEntries(
    WHATIF_METRICS.map((id) => [id, gain(metric(id), before[id], after[id])]),
  ) as Figures;
  return { changes, map, before, after, saving, yearly: yearlySaving(baseline.business, changed.business) };
}

export const evaluate = (baseline: ExactAnalysis, opportunity: Opportunity): Evaluated =>
  whatIf(baseline, [opportunity]);

export interface Selection {
  /** The changes to make together, best first, each with what it changes on its own (step id -> keys, or removed). */
  chosen: { opportunity: Opportunity; steps: ReturnType<typeof stepChanges> }[];
  /** The changes left out, each with the better change it collides with. */
  left: { opportunity: Opportunity; because: Opportunity }[];
}

/**
 * The changes that can be made together, best first: a change is left out when a better one already sets the same
 * key of the same step (self-service puts a step on the web, one-channel on the phone). A change to a step that
 * another removes is not a clash: it is moot for that step and still made elsewhere.
 */
export function select(baseline: ExactAnalysis, candidates: readonly Opportunity[]): Selection {
  const ranked = rank(candidates.map((o) => evaluate(baseline, o))).map((e) => ({
    opportunity: e.changes[0]!,
    steps: stepChanges(baseline.map, e.map),
  }));
  const chosen: Selection['chosen'] = [];
  const left: Selection['left'] = [];
  const clashWith = (id: string, keys: string[] | 'removed') =>
    chosen.find((c) => {
      const other = c.steps.get(id);
      if (other === undefined || keys === 'removed' || other === 'removed') return false;
      return keys.some((k) => other.includes(k));
    });
  for (const candidate of ranked) {
    const clashes = [...candidate.steps].flatMap(([id, keys]) => {
      const c = clashWith(id, keys);
      return c ? [{ id, because: c.opportunity }] : [];
    });
    if (clashes.length === 0) {
      chosen.push(candidate);
      continue;
    }
    // A lever whose clashes lie at some of its places is made at the others.
    const { parts, regroup } = candidate.opportunity;
    const clear = parts?.filter((p) => !p.steps.some((id) => clashes.some((c) => c.id === id)));
    if (clear && clear.length > 0 && regroup) {
      const fewer = regroup(clear);
      // Only what it changes is needed here, not its figures: the map, not its analysis.
      const steps = stepChanges(baseline.map, combine([fewer], copyMap(baseline.map)));
      if ([...steps].every(([id, keys]) => !clashWith(id, keys))) {
        chosen.push({ opportunity: fewer, steps });
        continue;
      }
    }
    left.push({ opportunity: candidate.opportunity, because: clashes[0]!.because });
  }
  return { chosen, left };
}

/** Ranked by the lead time they save, then the customer's effort, the dark time, and the drivers of effort. */
export function rank(list: Evaluated[]): Evaluated[] {
  const effort = (s: Figures) => s.reAsks + s.transfers + s.channelSwitches + s.repeatContacts + s.handoffs;
  return [...list].sort(
    (a, b) =>
      b.saving.leadTime - a.saving.leadTime ||
      b.saving.customerEffort - a.saving.customerEffort ||
      b.saving.darkTime - a.saving.darkTime ||
      b.saving.successRate - a.saving.successRate ||
      effort(b.saving) - effort(a.saving) ||
      a.changes[0]!.rule.localeCompare(b.changes[0]!.rule) ||
      a.changes[0]!.title.localeCompare(b.changes[0]!.title),
  );
}
