/**
 * beat-benchmark: the process misses its targets or trails a benchmark; the recommended opportunities, made
 * together, show how much of the gap they close.
 */
import { inSentence, metric, show as showMetric, type ExactAnalysis, type TargetMetric } from '../analysis/index.js';
import type { RuleMeta } from './meta.js';

const label = (id: TargetMetric) => inSentence(metric(id));

export const beatBenchmark = {
  id: 'beat-benchmark',
  kind: 'opportunity',
  description:
    'Targets missed and benchmarks not matched: what the recommended opportunities, made together, would do to the gap.',
  /** The targets the map misses and the benchmarks it does not match, in words. */
  gaps(analysis: ExactAnalysis): string[] {
    const show = (id: TargetMetric, x: number) => showMetric(metric(id).unit, x, analysis.map.process);
    return [
      ...analysis.targets
        .filter((t) => !t.met)
        .map((t) => `the target ${label(t.metric)} of ${show(t.metric, t.target)} (now ${show(t.metric, t.actual)})`),
      ...analysis.benchmarks
        .filter((b) => !b.matched)
        .map((b) => `${b.name}'s ${label(b.metric)} of ${show(b.metric, b.value)}`),
    ];
  },
} as const satisfies RuleMeta & { gaps(analysis: ExactAnalysis): string[] };
