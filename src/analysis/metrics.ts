/**
 * Every process metric once: its label, its kind and which way is better for the customer. The before/after
 * tables of `cxmap compare` and `cxmap improve`, the report's scorecard and the regression gate of `cxmap check`
 * all read from here, and how each reads: durations in the map's calendar, shares in percent, changes with their sign.
 */
import { DEFAULT_CALENDAR, formatDuration, type Calendar } from '../load/duration.js';
import type { Analysis, ExactAnalysis } from './index.js';

export type Kind = 'duration' | 'percent' | 'count';

export interface Metric {
  key: string;
  label: string;
  kind: Kind;
  /** Which way is better for the customer. */
  better: 'lower' | 'higher';
  /** The value, or undefined when the analysis lacks it (percentiles need the simulation). */
  of(a: ExactAnalysis | Analysis): number | undefined;
}

const share = (x: number, of: number) => (of > 0 ? x / of : 0);
const simulated = (a: ExactAnalysis | Analysis) => ('simulation' in a ? a.simulation : undefined);

export const METRICS: Metric[] = [
  { key: 'leadTime', label: 'Lead time', kind: 'duration', better: 'lower', of: (a) => a.time.leadTime },
  { key: 'p85', label: 'Lead time p85', kind: 'duration', better: 'lower', of: (a) => simulated(a)?.p85 },
  { key: 'p95', label: 'Lead time p95', kind: 'duration', better: 'lower', of: (a) => simulated(a)?.p95 },
  { key: 'processTime', label: 'Process time', kind: 'duration', better: 'lower', of: (a) => a.time.processTime },
  { key: 'valueAdded', label: 'Value-added time', kind: 'duration', better: 'higher', of: (a) => a.time.valueAdded },
  { key: 'pce', label: 'PCE', kind: 'percent', better: 'higher', of: (a) => share(a.time.valueAdded, a.time.leadTime) },
  { key: 'activityRatio', label: 'Activity ratio', kind: 'percent', better: 'higher', of: (a) => share(a.time.processTime, a.time.leadTime) },
  { key: 'waitShare', label: 'Wait share', kind: 'percent', better: 'lower', of: (a) => share(a.time.waitTime, a.time.leadTime) },
  { key: 'rolledCA', label: 'Rolled %C&A', kind: 'percent', better: 'higher', of: (a) => a.time.rolledCA },
  { key: 'successRate', label: 'Success rate', kind: 'percent', better: 'higher', of: (a) => a.time.successRate },
  { key: 'customerEffort', label: "Customer's own work", kind: 'duration', better: 'lower', of: (a) => a.effort.customerEffort },
  { key: 'darkTime', label: 'Dark time', kind: 'duration', better: 'lower', of: (a) => a.effort.darkTime.total },
  { key: 'channelSwitches', label: 'Channel switches', kind: 'count', better: 'lower', of: (a) => a.effort.channelSwitches.total },
  { key: 'transfers', label: 'Transfers', kind: 'count', better: 'lower', of: (a) => a.effort.transfers.total },
  { key: 'handoffs', label: 'Handoffs', kind: 'count', better: 'lower', of: (a) => a.effort.handoffs.total },
  { key: 'reAsks', label: 'Items asked again', kind: 'count', better: 'lower', of: (a) => a.effort.reAsks.total },
  { key: 'reworkLoops', label: 'Rework loops', kind: 'count', better: 'lower', of: (a) => a.effort.reworkLoops.length },
  { key: 'contacts', label: 'People and systems met', kind: 'count', better: 'lower', of: (a) => a.effort.contacts.length },
];

/** How a metric reads, by its key (`leadTime` is a duration, `pce` a share). */
export const kindOf = (key: string): Kind => METRICS.find((m) => m.key === key)!.kind;

/** A metric as people read it: `4.5 d`, `12.5%`, `1.25`. */
export function show(kind: Kind, x: number, calendar: Calendar = DEFAULT_CALENDAR): string {
  if (kind === 'duration') return formatDuration(x, calendar);
  if (kind === 'percent') return `${(100 * x).toFixed(1)}%`;
  return Number.isInteger(Math.round(x * 100) / 100) ? String(Math.round(x)) : x.toFixed(2);
}

/** A change as people read it, with its sign: `−2.3 d`, `+5.0 pts`, `−1`. */
export function showChange(kind: Kind, change: number, calendar: Calendar): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  // A real change too small to show in the table's precision still shows as one.
  if (kind === 'percent') return size < 0.0005 ? `${sign}<0.1 pts` : `${sign}${(100 * size).toFixed(1)} pts`;
  if (kind === 'count' && size < 0.005) return `${sign}<0.01`;
  return `${sign}${show(kind, size, calendar)}`;
}

export type Direction = 'better' | 'worse' | 'same';

export interface Row {
  metric: Metric;
  before: number;
  after: number;
  change: number;
  direction: Direction;
}

/** Numbers this close are the same: below what any table shows. */
const EPSILON = 1e-9;

/** Before and after for every metric both analyses have. */
export function compareMetrics(before: ExactAnalysis | Analysis, after: ExactAnalysis | Analysis): Row[] {
  return METRICS.flatMap((metric) => {
    const b = metric.of(before);
    const a = metric.of(after);
    if (b === undefined || a === undefined) return [];
    const change = a - b;
    const direction: Direction = Math.abs(change) <= EPSILON * Math.max(1, Math.abs(b)) ? 'same' : (change < 0) === (metric.better === 'lower') ? 'better' : 'worse';
    return [{ metric, before: b, after: a, change, direction }];
  });
}
