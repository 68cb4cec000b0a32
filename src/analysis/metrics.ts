/**
 * The registry of process metrics: every figure once, with its id, label, unit, which way is better for the
 * customer, the one place its value is read from the analysis, and its key in the JSON outputs. The scorecard, the
 * score and report JSON, targets and benchmarks, the what-if savings, the policies, `cxmap compare` and the
 * regression gate all read from here; adding a figure means adding an entry (and, if it is new, computing it in
 * time.ts or effort.ts).
 */
import { type Calendar, DEFAULT_CALENDAR, formatAmount, formatDuration, formatMoney, same } from '../core/index.js';
import type { Simulation } from './simulate.js';
import type { EffortFigures } from './effort.js';
import type { TimeFigures } from './time.js';
import type { BusinessFigures } from './business.js';

/**
 * How a figure reads: a duration (seconds), a share (0 to 1), an expected count per customer, an amount (hours or
 * days in a year, written whole with thousands separators; the label says which), or money (an amount in the map's
 * currency).
 */
export type Unit = 'duration' | 'percent' | 'count' | 'amount' | 'money';

/** What a map's figures are in: the days of its calendar, and the currency of its amounts when it names one. */
export interface Units {
  calendar: Calendar;
  currency?: string;
}

/** What a figure is read from: the exact figures, and the simulation when it was run. */
export interface MetricSource {
  time: TimeFigures;
  effort: EffortFigures;
  business: BusinessFigures;
  simulation?: Simulation;
  /** A map with segments: its figures are the blend of its segments' (segments.ts), read in place of its own. */
  segmented?: { readonly blend: Partial<Record<string, number>> };
}

interface Definition {
  label: string;
  unit: Unit;
  /** Which way is better for the customer. */
  better: 'lower' | 'higher';
  /** The value; undefined when the source lacks it (the percentiles need the simulation). */
  of(a: MetricSource): number | undefined;
  /** Where it goes in the score JSON: a key, or a key and a key inside it. */
  json: readonly [string] | readonly [string, string];
  /** Shown in the before/after tables (`cxmap compare`, `cxmap improve`) and the report's scorecard. */
  table: boolean;
  /** Written as null in the JSON when the map lacks what it needs (the business case), rather than left out. */
  nullable?: boolean;
  /** How the figure of a map with segments comes from its segments' figures (see `Blend`). */
  blend: Blend;
}

/**
 * How the blended figure of a map with segments is made from the segments' figures: `mean`, an additive figure per
 * case, is the share-weighted sum (each segment's map carries the whole volume for it); `sum`, a yearly figure, is
 * the plain sum (each segment's map carries its share of the volume); a ratio is recomputed from the blended
 * figures it divides; `over`, a mean over the cases that get somewhere (the time to the goal), is weighted by share
 * times the chance of getting there; `simulated`, a figure of the simulation, comes from the mixed simulation (each
 * run's segment drawn by share: percentiles are never averaged); `none` is not blended (counts of distinct things
 * are shown per segment only).
 */
export type Blend =
  | 'mean'
  | 'sum'
  | 'simulated'
  | 'none'
  | { ratio: readonly [TimeTotal, TimeTotal] }
  | { over: (a: MetricSource) => number };
type TimeTotal = 'valueAdded' | 'processTime' | 'waitTime' | 'leadTime';

const simulated = (a: MetricSource) => a.simulation;

/** A figure of the business case per case, JSON only: null where the map lacks it (no partner, no system). */
const perCase = (
  label: string,
  key: 'staffHours' | 'partnerHours' | 'partnerCost' | 'systemHours',
  unit: Unit = 'amount',
): Definition => ({
  label,
  unit,
  better: 'lower',
  of: (a) => a.business[key],
  json: [key],
  table: false,
  nullable: true,
  blend: 'mean',
});

/** A yearly figure of the business case: null in the JSON when the map gives no volume (or costs). */
const yearly = (
  label: string,
  key:
    | 'staffHours'
    | 'partnerHours'
    | 'partnerCost'
    | 'systemHours'
    | 'cost'
    | 'customerDays'
    | 'customerHours'
    | 'customerCost',
  unit: Unit = 'amount',
): Definition => ({
  label,
  unit,
  better: 'lower',
  of: (a) => a.business.yearly?.[key],
  json: ['yearly', key],
  table: true,
  nullable: true,
  blend: 'sum',
});

const DEFINITIONS = {
  leadTime: {
    label: 'Lead time',
    unit: 'duration',
    better: 'lower',
    of: (a) => a.time.leadTime,
    json: ['leadTimeSeconds'],
    table: true,
    blend: 'mean',
  },
  p50: {
    label: 'Lead time p50',
    unit: 'duration',
    better: 'lower',
    of: (a) => simulated(a)?.p50,
    json: ['leadTimePercentiles', 'p50'],
    table: false,
    blend: 'simulated',
  },
  p85: {
    label: 'Lead time p85',
    unit: 'duration',
    better: 'lower',
    of: (a) => simulated(a)?.p85,
    json: ['leadTimePercentiles', 'p85'],
    table: true,
    blend: 'simulated',
  },
  p95: {
    label: 'Lead time p95',
    unit: 'duration',
    better: 'lower',
    of: (a) => simulated(a)?.p95,
    json: ['leadTimePercentiles', 'p95'],
    table: true,
    blend: 'simulated',
  },
  simulatedMean: {
    label: 'Simulated mean lead time',
    unit: 'duration',
    better: 'lower',
    of: (a) => simulated(a)?.mean,
    json: ['simulatedMeanSeconds'],
    table: false,
    blend: 'simulated',
  },
  processTime: {
    label: 'Process time',
    unit: 'duration',
    better: 'lower',
    of: (a) => a.time.processTime,
    json: ['processTimeSeconds'],
    table: true,
    blend: 'mean',
  },
  valueAdded: {
    label: 'Value-added time',
    unit: 'duration',
    better: 'higher',
    of: (a) => a.time.valueAdded,
    json: ['valueAddedSeconds'],
    table: true,
    blend: 'mean',
  },
  waitTime: {
    label: 'Wait time',
    unit: 'duration',
    better: 'lower',
    of: (a) => a.time.waitTime,
    json: ['waitTimeSeconds'],
    table: false,
    blend: 'mean',
  },
  pce: {
    label: 'PCE',
    unit: 'percent',
    better: 'higher',
    of: (a) => a.time.pce,
    json: ['pce'],
    table: true,
    blend: { ratio: ['valueAdded', 'leadTime'] },
  },
  activityRatio: {
    label: 'Activity ratio',
    unit: 'percent',
    better: 'higher',
    of: (a) => a.time.activityRatio,
    json: ['activityRatio'],
    table: true,
    blend: { ratio: ['processTime', 'leadTime'] },
  },
  waitShare: {
    label: 'Wait share',
    unit: 'percent',
    better: 'lower',
    of: (a) => a.time.waitShare,
    json: ['waitShare'],
    table: true,
    blend: { ratio: ['waitTime', 'leadTime'] },
  },
  rolledCA: {
    label: 'Rolled %C&A',
    unit: 'percent',
    better: 'higher',
    of: (a) => a.time.rolledCA,
    json: ['rolledCA'],
    table: true,
    blend: 'mean',
  },
  goalTime: {
    label: 'Lead time to the goal',
    unit: 'duration',
    better: 'lower',
    of: (a) => (a.time.goal.reached > 0 ? a.time.goal.mean : undefined),
    json: ['goalTimeSeconds'],
    table: true,
    blend: { over: (a) => a.time.goal.reached },
  },
  successRate: {
    label: 'Success rate',
    unit: 'percent',
    better: 'higher',
    of: (a) => a.time.successRate,
    json: ['successRate'],
    table: true,
    blend: 'mean',
  },
  customerEffort: {
    label: "Customer's own work",
    unit: 'duration',
    better: 'lower',
    of: (a) => a.effort.customerEffort,
    json: ['customerEffortSeconds'],
    table: true,
    blend: 'mean',
  },
  darkTime: {
    label: 'Dark time',
    unit: 'duration',
    better: 'lower',
    of: (a) => a.effort.darkTime.total,
    json: ['darkTimeSeconds'],
    table: true,
    blend: 'mean',
  },
  channelSwitches: {
    label: 'Channel switches',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.channelSwitches.total,
    json: ['channelSwitches'],
    table: true,
    blend: 'mean',
  },
  repeatContacts: {
    label: 'Repeat contacts',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.repeatContacts.total,
    json: ['repeatContacts'],
    table: true,
    blend: 'mean',
  },
  transfers: {
    label: 'Transfers',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.transfers.total,
    json: ['transfers'],
    table: true,
    blend: 'mean',
  },
  handoffs: {
    label: 'Handoffs',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.handoffs.total,
    json: ['handoffs'],
    table: true,
    blend: 'mean',
  },
  reAsks: {
    label: 'Items asked again',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.reAsks.total,
    json: ['reAsks'],
    table: true,
    blend: 'mean',
  },
  reworkLoops: {
    label: 'Rework loops',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.reworkLoops.length,
    json: ['reworkLoops'],
    table: true,
    blend: 'none',
  },
  expectedReworks: {
    label: 'Rework passes',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.expectedReworks,
    json: ['expectedReworks'],
    table: false,
    blend: 'mean',
  },
  contacts: {
    label: 'People and systems met',
    unit: 'count',
    better: 'lower',
    of: (a) => a.effort.contacts.length,
    json: ['contacts'],
    table: true,
    blend: 'none',
  },
  costPerCase: {
    label: 'Cost to serve a case',
    unit: 'money',
    better: 'lower',
    of: (a) => a.business.costPerCase,
    json: ['costPerCase'],
    table: true,
    nullable: true,
    blend: 'mean',
  },
  staffHours: perCase('Staff hours a case', 'staffHours'),
  partnerHours: perCase('Partner hours a case', 'partnerHours'),
  partnerCost: perCase("Partners' cost a case", 'partnerCost', 'money'),
  systemHours: perCase('System hours a case', 'systemHours'),
  yearlyStaffHours: yearly('Staff hours a year', 'staffHours'),
  yearlyPartnerHours: yearly('Partner hours a year', 'partnerHours'),
  yearlyPartnerCost: yearly("Partners' cost a year", 'partnerCost', 'money'),
  yearlySystemHours: yearly('System hours a year', 'systemHours'),
  yearlyCost: yearly('Cost a year', 'cost', 'money'),
  yearlyCustomerDays: yearly('Customer days a year', 'customerDays'),
  // The customers' own work is time; its worth in money only beside it, when the map values a customer's hour.
  yearlyCustomerHours: yearly("Customers' own hours a year", 'customerHours'),
  yearlyCustomerCost: yearly("Value of customers' own hours a year", 'customerCost', 'money'),
} as const satisfies Record<string, Definition>;

export type MetricId = keyof typeof DEFINITIONS;

export interface Metric extends Definition {
  id: MetricId;
}

/**
 * Every metric, in the order the tables show them. The one place a figure is read: of a map with segments, the
 * blend (a figure that is not blended, such as the count of distinct contacts, has none: it is shown per segment).
 */
export const METRICS: readonly Metric[] = Object.entries(DEFINITIONS).map(([id, d]) => ({
  id: id as MetricId,
  ...d,
  of: (a: MetricSource) => (a.segmented ? a.segmented.blend[id] : d.of(a)),
}));

/** A metric by its id. */
export const metric = (id: MetricId): Metric => METRICS.find((m) => m.id === id)!;

/** The label inside a sentence: `lead time`, `customer's own work`, but `PCE`. */
export const inSentence = (m: Metric) =>
  /^[A-Z][a-z]/.test(m.label) ? m.label.charAt(0).toLowerCase() + m.label.slice(1) : m.label;

const CALENDAR_DAYS: Units = { calendar: DEFAULT_CALENDAR };

/** A value as people read it, in the map's units: `4.5 d`, `12.5%`, `1.25`, `4,960`, `EUR 190.90`. */
export function show(unit: Unit, x: number, units: Units = CALENDAR_DAYS): string {
  if (unit === 'duration') return formatDuration(x, units.calendar);
  if (unit === 'percent') return `${(100 * x).toFixed(1)}%`;
  if (unit === 'amount') return formatAmount(x);
  if (unit === 'money') return formatMoney(x, units.currency);
  return Number.isInteger(Math.round(x * 100) / 100) ? String(Math.round(x)) : x.toFixed(2);
}

/** A change as people read it, with its sign: `−2.3 d`, `+5.0 pts`, `−1`, `−EUR 18,000`. */
export function showChange(unit: Unit, change: number, units: Units): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  // A real change too small to show in the table's precision still shows as one.
  if (unit === 'percent') return size < 0.0005 ? `${sign}<0.1 pts` : `${sign}${(100 * size).toFixed(1)} pts`;
  if (unit !== 'duration' && size < 0.005) return `${sign}<${show(unit, 0.01, units)}`;
  return `${sign}${show(unit, size, units)}`;
}

/** A value as the JSON outputs write it: seconds and amounts to three decimals, shares and counts to six. */
export const jsonValue = (unit: Unit, x: number) =>
  unit === 'duration' || unit === 'amount' || unit === 'money'
    ? Math.round(x * 1000) / 1000
    : Math.round(x * 1e6) / 1e6;

/** The improvement a change makes to a figure, positive when better for the customer. */
export const gain = (m: Metric, before: number, after: number) =>
  m.better === 'lower' ? before - after : after - before;

type Direction = 'better' | 'worse' | 'same';

export interface Row {
  metric: Metric;
  before: number;
  after: number;
  change: number;
  direction: Direction;
}

/** Before and after for every metric of the tables that both sides have. */
export function compareMetrics(before: MetricSource, after: MetricSource): Row[] {
  return METRICS.filter((m) => m.table).flatMap((metric) => {
    const b = metric.of(before);
    const a = metric.of(after);
    if (b === undefined || a === undefined) return [];
    const change = a - b;
    const direction: Direction = same(a, b) ? 'same' : gain(metric, b, a) > 0 ? 'better' : 'worse';
    return [{ metric, before: b, after: a, change, direction }];
  });
}
