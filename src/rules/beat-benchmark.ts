/**
 * beat-benchmark: the process misses its targets or trails a benchmark; the what-if applies every other
 * opportunity at once, to show how much of the gap they close together.
 */
import { inSentence, metric, show as showMetric, type TargetMetric } from '../analysis/index.js';
import type { Rule } from './types.js';
import { combine, levers, select } from './whatif.js';

const label = (id: TargetMetric) => inSentence(metric(id));

export function beatBenchmark(others: Rule[]): Rule {
  return {
    id: 'beat-benchmark',
    kind: 'opportunity',
    lever: () => 'Make the other opportunities together',
    description:
      'Targets missed and benchmarks not matched: what the other opportunities, made together, would do to the gap.',
    find(analysis) {
      const cal = analysis.map.process.calendar;
      const show = (id: TargetMetric, x: number) => showMetric(metric(id).unit, x, cal);
      const gaps = [
        ...analysis.targets
          .filter((t) => !t.met)
          .map((t) => `the target ${label(t.metric)} of ${show(t.metric, t.target)} (now ${show(t.metric, t.actual)})`),
        ...analysis.benchmarks
          .filter((b) => !b.matched)
          .map((b) => `${b.name}'s ${label(b.metric)} of ${show(b.metric, b.value)}`),
      ];
      if (gaps.length === 0) return [];
      const selection = select(analysis, levers(others, analysis));
      const chosen = selection.chosen.map((c) => c.opportunity);
      const { left } = selection;
      if (chosen.length === 0) return [];
      return [
        {
          rule: 'beat-benchmark',
          title:
            chosen.length === 1
              ? `Close the gap: ${chosen[0]!.title.charAt(0).toLowerCase()}${chosen[0]!.title.slice(1)}`
              : `Close the gap: ${chosen.length} opportunities together`,
          why: `the process misses ${gaps.join('; ')}${left.length ? ` (${left.length} more left out: they collide with better ones)` : ''}`,
          steps: [...new Set(chosen.flatMap((o) => o.steps))],
          change: (copy) => combine(chosen, copy),
        },
      ];
    },
  };
}
