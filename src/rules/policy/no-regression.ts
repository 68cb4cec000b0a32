/**
 * no-regression: the gate of `cxmap check --against <ref>`: the metrics of a changed map that got worse for the
 * customer than the version at the ref, beyond a tolerance per metric.
 */
import { atMost, parseFixed, parseRatio } from '../../core/index.js';
import { compareMetrics, show, showChange } from '../../analysis/index.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';

/**
 * The tolerance of each metric checked: `N%` of the value before, or an absolute amount (a number of handoffs,
 * a share such as 0.02 for 2 points of PCE, a duration such as `4h`). 0 lets nothing get worse.
 */
type Tolerances = Record<string, number | string>;

export const noRegression: Policy = {
  id: 'no-regression',
  kind: 'policy',
  description:
    'With `--against <ref>`: a changed map does not get worse for the customer than its version at the ref, beyond a tolerance per metric (N% of the value before, or an absolute amount; 0 allows nothing).',
  recommended: 'error',
  option: options.tolerances(
    {
      leadTime: '10%',
      darkTime: '10%',
      customerEffort: '10%',
      successRate: 0,
      reAsks: 0,
      handoffs: 0,
      transfers: 0,
      channelSwitches: 0,
      repeatContacts: 0,
    },
    ['error', { leadTime: '10%', handoffs: 0 }],
  ),
  check(after, option, { baseline: before }) {
    if (!before) return [];
    const tolerances = option as Tolerances;
    const units = after.map.process;
    return compareMetrics(before, after).flatMap((row) => {
      const tolerance = tolerances[row.metric.id];
      if (tolerance === undefined || row.direction !== 'worse') return [];
      const relative = typeof tolerance === 'string' && tolerance.endsWith('%');
      const allowed = relative
        ? parseRatio(tolerance) * Math.abs(row.before)
        : typeof tolerance === 'number'
          ? tolerance
          : (parseFixed(tolerance, units.calendar) as { value: number }).value;
      if (atMost(Math.abs(row.change), allowed)) return [];
      const by =
        relative && row.before !== 0
          ? ` (${showChange('percent', row.change / Math.abs(row.before), units).replace(' pts', '%')})`
          : '';
      const limit = relative
        ? `${tolerance} allowed`
        : allowed === 0
          ? 'none allowed'
          : `${show(row.metric.unit, allowed, units)} allowed`;
      return [
        {
          message: `worse for the customer: ${row.metric.label} ${show(row.metric.unit, row.before, units)} → ${show(row.metric.unit, row.after, units)}, ${showChange(row.metric.unit, row.change, units)}${by}; ${limit}`,
          path: ['process', 'name'],
        },
      ];
    });
  },
};
