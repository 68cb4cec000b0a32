/** target-stage: each stage meets the targets it sets itself (`stages: [{ name, targets }]`), when it sets any. */
import { durationInWords } from '../../core/index.js';
import { metric, show as showMetric, type TargetGap, type Units } from '../../analysis/index.js';
import type { Policy } from './types.js';

/**
 * A stage's figure against its target, in a consultant's words: "stage Assess takes 6.1 working days, over its
 * target of 5.0 d (1.1 d over)"; "stage Close sees 100.0% of the customers who enter it through, meeting its target of 100.0%".
 */
export function stageTargetWords(stage: string, t: TargetGap, units: Units): string {
  const show = (x: number) => showMetric(metric(t.metric).unit, x, units);
  // The time the stage takes names its days, as a sentence that stands alone must: "6.1 working days".
  if (t.metric === 'leadTime')
    return `stage ${stage} takes ${durationInWords(t.actual, units.calendar)}, ${t.met ? `within its target of ${show(t.target)}` : `over its target of ${show(t.target)} (${show(t.gap)} over)`}`;
  return `stage ${stage} sees ${show(t.actual)} of the customers who enter it through, ${t.met ? `meeting its target of ${show(t.target)}` : `under its target of ${show(t.target)} (${(100 * -t.gap).toFixed(1)} points under)`}`;
}

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
        .map((t) => ({
          message: stageTargetWords(stage, t, map.process),
          path: ['stages', map.stages.indexOf(stage), 'targets', t.metric],
        })),
    );
  },
};
