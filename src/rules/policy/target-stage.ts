/** target-stage: each stage meets the targets it sets itself (`stages: [{ name, targets }]`), when it sets any. */
import { metric, show as showMetric } from '../../analysis/index.js';
import type { Policy } from './types.js';

export const targetStage: Policy = {
  id: 'target-stage',
  kind: 'policy',
  recommended: 'warn',
  description:
    'Each stage meets its own targets (`stages: [{ name, targets: { leadTime, successRate } }]`), when it sets any.',
  check({ map, stageTargets }) {
    return stageTargets.flatMap(({ stage, targets }) =>
      targets
        .filter((t) => !t.met)
        .map((t) => {
          const show = (x: number) => showMetric(metric(t.metric).unit, x, map.process);
          const message =
            t.metric === 'leadTime'
              ? `stage ${stage} takes ${show(t.actual)}, over its target of ${show(t.target)} (${show(t.gap)} over)`
              : `stage ${stage} sees ${show(t.actual)} of the customers who enter it through, under its target of ${show(t.target)} (${(100 * -t.gap).toFixed(1)} points under)`;
          return { message, path: ['stages', map.stages.indexOf(stage), 'targets', t.metric] };
        }),
    );
  },
};
