/** What target-lead-time, target-pce and target-success-rate share: the map meets a target it sets itself (`process.targets`). */
import type { Metric } from '../../analysis/index.js';
import { kindOf, show as showMetric } from '../../analysis/metrics.js';
import type { Policy } from './types.js';

export function targetPolicy(id: string, metric: Metric, label: string): Policy {
  return {
    id,
    description: `The map meets its own ${label} target (\`process.targets.${metric}\`), when it sets one.`,
    check({ map, targets }) {
      const t = targets.find((x) => x.metric === metric);
      if (!t || t.met) return [];
      const show = (x: number) => showMetric(kindOf(metric), x, map.process.calendar);
      const by = metric === 'leadTime' ? show(Math.abs(t.gap)) : `${(100 * Math.abs(t.gap)).toFixed(1)} points`;
      return [{ message: `the ${label} is ${show(t.actual)}, which misses the map's own target of ${show(t.target)} by ${by}`, path: ['process', 'targets', metric] }];
    },
  };
}
