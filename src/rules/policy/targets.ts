/** What target-lead-time, target-pce and target-success-rate share: the map meets a target it sets itself (`process.targets`). */
import { inSentence, metric, show as showMetric, type TargetMetric } from '../../analysis/index.js';
import type { Policy } from './types.js';

export function targetPolicy(id: string, target: TargetMetric): Policy {
  const label = inSentence(metric(target));
  return {
    id,
    kind: 'policy',
    recommended: 'warn',
    description: `The map meets its own ${label} target (\`process.targets.${target}\`), when it sets one.`,
    check({ map, targets }) {
      const t = targets.find((x) => x.metric === target);
      if (!t || t.met) return [];
      const show = (x: number) => showMetric(metric(target).unit, x, map.process);
      const by = target === 'leadTime' ? show(Math.abs(t.gap)) : `${(100 * Math.abs(t.gap)).toFixed(1)} points`;
      return [
        {
          message: `the ${label} is ${show(t.actual)}, which misses the map's own target of ${show(t.target)} by ${by}`,
          path: ['process', 'targets', target],
        },
      ];
    },
  };
}
