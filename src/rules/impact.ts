/**
 * The impact of an opportunity: how much of what the customer bears (and, where the map gives costs, what the
 * company pays) the change takes away, added up over six dimensions. docs/scoring.md ("Ranking opportunities")
 * defines it with a worked example.
 */
import { metric, type ExactAnalysis, type MetricId } from '../analysis/index.js';

interface Dimension {
  id: 'leadTime' | 'ownWork' | 'failures' | 'darkTime' | 'effortDrivers' | 'cost';
  /** In a sentence: "takes away 12% of the lead time". */
  label: string;
  of(a: ExactAnalysis): number | undefined;
  /** The least a change is measured against: an hour of own work, one driver per customer, else nothing. */
  floor: number;
}

const value = (id: MetricId) => (a: ExactAnalysis) => metric(id).of(a);

/** The drivers of effort the customer meets (Dixon, Freeman & Toman 2010), each counted per customer. */
const DRIVERS = ['reAsks', 'transfers', 'channelSwitches', 'repeatContacts'] as const satisfies readonly MetricId[];

export const IMPACT_DIMENSIONS: readonly Dimension[] = [
  { id: 'leadTime', label: 'the lead time', of: value('leadTime'), floor: 0 },
  // Ten minutes more of a five-minute task is not worth a day of waiting: the customer's own work counts as at
  // least an hour.
  { id: 'ownWork', label: "the customer's own work", of: value('customerEffort'), floor: 3600 },
  { id: 'failures', label: 'the customers who miss the goal', of: (a) => 1 - metric('successRate').of(a)!, floor: 0 },
  { id: 'darkTime', label: 'the dark time', of: value('darkTime'), floor: 0 },
  {
    id: 'effortDrivers',
    label: 'the drivers of effort',
    of: (a) => DRIVERS.reduce((sum, id) => sum + metric(id).of(a)!, 0),
    floor: 1,
  },
  { id: 'cost', label: 'the cost to serve', of: value('costPerCase'), floor: 0 },
];

export type DimensionId = Dimension['id'];

export interface Impact {
  /** The sum of the shares: 0.5 takes away half of one dimension, or a quarter of two. */
  total: number;
  /** Each dimension's change as a share (positive: taken away; negative: added), for the map's dimensions. */
  shares: Partial<Record<DimensionId, number>>;
}

/**
 * Each dimension's change from `before` to `after` as a share of the larger of the two (at least its floor), so
 * that a share lies between -1 and 1 and nothing is divided by zero: halving a wait that is the whole lead time
 * takes away 50%; doubling the customer's own work adds 50%. A dimension the map lacks (cost without costs) is
 * left out.
 */
export function impactOf(before: ExactAnalysis, after: ExactAnalysis): Impact {
  const shares: Impact['shares'] = {};
  let total = 0;
  for (const d of IMPACT_DIMENSIONS) {
    const b = d.of(before);
    const a = d.of(after);
    if (b === undefined || a === undefined) continue;
    const scale = Math.max(b, a, d.floor);
    // Below a billionth of the scale the difference is rounding, not a change.
    const share = scale === 0 || Math.abs(b - a) <= 1e-9 * scale ? 0 : (b - a) / scale;
    shares[d.id] = share;
    total += share;
  }
  return { total, shares };
}

/** The impact worth half the scale of value: 15% (of one dimension, or spread over several). */
const HALF = 0.15;

/**
 * The value of an opportunity on the matrix, 0 to 5: `5 × impact ÷ (impact + 15%)`, so that an impact of 15% is
 * worth 2.5 (the middle, where value counts as high) and value nears 5 as impact grows, without a cap that would
 * put large opportunities on one spot. No impact (or a loss) is 0.
 */
export const valueOf = (impact: Impact): number => (impact.total > 0 ? (5 * impact.total) / (impact.total + HALF) : 0);

/** How an opportunity ranks: its impact for each step of effort, `impact / (1 + effort)`. */
export const priorityOf = (impact: Impact, effort: number): number => impact.total / (1 + effort);
