/** How the process compares with its own targets and with competitors' or best-practice benchmarks. */
import type { ProcessMap } from '../load/index.js';
import type { TimeFigures } from './time.js';

export type Metric = 'leadTime' | 'pce' | 'successRate';

export interface TargetGap {
  metric: Metric;
  target: number;
  actual: number;
  /** actual - target: seconds for lead time, a share for the others. */
  gap: number;
  met: boolean;
}

export interface BenchmarkGap {
  name: string;
  metric: Metric;
  value: number;
  actual: number;
  /** actual / value: how many times the benchmark (above 1, slower for lead time). */
  ratio: number;
  /** Whether the process does at least as well as the benchmark. */
  matched: boolean;
}

const LOWER_IS_BETTER: Record<Metric, boolean> = { leadTime: true, pce: false, successRate: false };

export function actualOf(time: TimeFigures, metric: Metric): number {
  switch (metric) {
    case 'leadTime': return time.leadTime;
    case 'pce': return time.leadTime > 0 ? time.valueAdded / time.leadTime : 0;
    case 'successRate': return time.successRate;
  }
}

const better = (metric: Metric, actual: number, reference: number) => (LOWER_IS_BETTER[metric] ? actual <= reference : actual >= reference);
const METRICS: Metric[] = ['leadTime', 'pce', 'successRate'];

export function compareTargets(map: ProcessMap, time: TimeFigures): { targets: TargetGap[]; benchmarks: BenchmarkGap[] } {
  const targets = METRICS.flatMap((metric) => {
    const target = map.process.targets[metric];
    if (target === undefined) return [];
    const actual = actualOf(time, metric);
    return [{ metric, target, actual, gap: actual - target, met: better(metric, actual, target) }];
  });
  const benchmarks = map.process.benchmarks.flatMap((b) =>
    METRICS.flatMap((metric) => {
      const value = b[metric];
      if (value === undefined) return [];
      const actual = actualOf(time, metric);
      return [{ name: b.name, metric, value, actual, ratio: value > 0 ? actual / value : Infinity, matched: better(metric, actual, value) }];
    }),
  );
  return { targets, benchmarks };
}
