/** How the process compares with its own targets and with competitors' or best-practice benchmarks. */
import { atLeast, atMost, same } from '../core/index.js';
import type { ProcessMap } from '../load/index.js';
import { metric, type MetricSource } from './metrics.js';

/** The figures a map can set targets and benchmarks for (`process.targets`, `process.benchmarks`). */
const TARGET_METRICS = ['leadTime', 'pce', 'successRate'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export interface TargetGap {
  metric: TargetMetric;
  target: number;
  actual: number;
  /** actual - target: seconds for lead time, a share for the others. */
  gap: number;
  met: boolean;
}

export interface BenchmarkGap {
  name: string;
  metric: TargetMetric;
  value: number;
  actual: number;
  /** actual / value: how many times the benchmark (above 1, slower for lead time). */
  ratio: number;
  /** Whether the process does at least as well as the benchmark. */
  matched: boolean;
}

const atLeastAsGood = (id: TargetMetric, actual: number, reference: number) =>
  metric(id).better === 'lower' ? atMost(actual, reference) : atLeast(actual, reference);

/** A figure against its target: the gap (actual - target) and whether the target is met. */
export const againstTarget = (id: TargetMetric, target: number, actual: number): TargetGap => ({
  metric: id,
  target,
  actual,
  gap: same(actual, target) ? 0 : actual - target,
  met: atLeastAsGood(id, actual, target),
});

export function compareTargets(
  map: ProcessMap,
  figures: MetricSource,
): { targets: TargetGap[]; benchmarks: BenchmarkGap[] } {
  const actual = (id: TargetMetric) => metric(id).of(figures)!;
  const targets = TARGET_METRICS.flatMap((id) => {
    const target = map.process.targets[id];
    if (target === undefined) return [];
    return [againstTarget(id, target, actual(id))];
  });
  const benchmarks = map.process.benchmarks.flatMap((b) =>
    TARGET_METRICS.flatMap((id) => {
      const value = b[id];
      if (value === undefined) return [];
      const ratio = value > 0 ? actual(id) / value : Infinity;
      return [
        { name: b.name, metric: id, value, actual: actual(id), ratio, matched: atLeastAsGood(id, actual(id), value) },
      ];
    }),
  );
  return { targets, benchmarks };
}

/**
 * The segments, by name, that miss the map's target for a figure: the blend is held to the target, and a blend that
 * meets it can hide a segment that does not (62% of a journey's customers over its lead-time target, the average
 * under it). None for a map without segments.
 */
export function segmentsMissing(
  analysis: {
    segmented?: { segments: readonly { segment: { name: string }; analysis: { targets: readonly TargetGap[] } }[] };
  },
  id: TargetMetric,
): string[] {
  return (analysis.segmented?.segments ?? [])
    .filter((s) => s.analysis.targets.some((t) => t.metric === id && !t.met))
    .map((s) => s.segment.name);
}
