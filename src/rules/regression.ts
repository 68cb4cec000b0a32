/**
 * no-regression: the gate of `cxmap check --against <ref>`: the metrics of a changed map that got worse for the
 * customer than the version at the ref, beyond a tolerance per metric.
 */
import { parseFixed, parseRatio } from '../core/index.js';
import { type ExactAnalysis, compareMetrics, show, showChange } from '../analysis/index.js';
import type { PolicyFinding } from './policy/index.js';

/**
 * The tolerance of each metric checked: `N%` of the value before, or an absolute amount (a number of handoffs,
 * a share such as 0.02 for 2 points of PCE, a duration such as `4h`). 0 lets nothing get worse.
 */
export type Tolerances = Record<string, number | string>;

export const DEFAULT_TOLERANCES: Tolerances = {
  leadTime: '10%',
  darkTime: '10%',
  customerEffort: '10%',
  successRate: 0,
  reAsks: 0,
  handoffs: 0,
  transfers: 0,
  channelSwitches: 0,
};

export const noRegression = {
  id: 'no-regression',
  description:
    'A changed map does not get worse for the customer than its version at the git ref given to --against, beyond a tolerance per metric.',
  defaultOption: DEFAULT_TOLERANCES,
  check(before: ExactAnalysis, after: ExactAnalysis, option: unknown): PolicyFinding[] {
    const tolerances = option as Tolerances;
    const cal = after.map.process.calendar;
    return compareMetrics(before, after).flatMap((row) => {
      const tolerance = tolerances[row.metric.id];
      if (tolerance === undefined || row.direction !== 'worse') return [];
      const relative = typeof tolerance === 'string' && tolerance.endsWith('%');
      const allowed = relative
        ? parseRatio(tolerance) * Math.abs(row.before)
        : typeof tolerance === 'number'
          ? tolerance
          : (parseFixed(tolerance, cal) as { value: number }).value;
      if (Math.abs(row.change) <= allowed + 1e-9) return [];
      const by =
        relative && row.before !== 0
          ? ` (${showChange('percent', row.change / Math.abs(row.before), cal).replace(' pts', '%')})`
          : '';
      const limit = relative
        ? `${tolerance} allowed`
        : allowed === 0
          ? 'none allowed'
          : `${show(row.metric.unit, allowed, cal)} allowed`;
      return [
        {
          message: `${row.metric.label} gets worse for the customer: ${show(row.metric.unit, row.before, cal)} → ${show(row.metric.unit, row.after, cal)}, ${showChange(row.metric.unit, row.change, cal)}${by}; ${limit}`,
          path: ['process', 'name'],
        },
      ];
    });
  },
};
