/**
 * The JSON form of a scored map (`cxmap score --format json`), documented in docs/scoring.md. Durations are in
 * seconds, ratios from 0 to 1; numbers are rounded (seconds to the millisecond, the rest to 6 decimals) so that the
 * output is stable and diffs cleanly.
 */
import { isWorkingCalendar, mean } from '../core/index.js';
import {
  jsonValue,
  METRICS,
  metric,
  milestoneFigures,
  type Analysis,
  type TargetGap,
  type Metric,
  type SegmentedAnalysis,
  type TargetMetric,
} from '../analysis/index.js';

const seconds = (x: number) => jsonValue('duration', x);
const ratio = (x: number) => jsonValue('percent', x);

/** The figures in the JSON: numbers under their key, the percentiles and yearly figures in objects of their own. */
type MetricsJson = Record<string, number | null | Record<string, number | null>>;

/** Every figure of the metric registry under its JSON key, in the registry's order. */
function metricsJson(of: (m: Metric) => number | undefined): MetricsJson {
  const out: MetricsJson = {};
  for (const m of METRICS) {
    const value = of(m);
    if (value === undefined && !m.nullable) continue;
    const json = value === undefined ? null : jsonValue(m.unit, value);
    const [key, inner] = m.json;
    if (inner === undefined) out[key] = json;
    else out[key] = { ...(out[key] as Record<string, number | null> | undefined), [inner]: json };
  }
  return out;
}

/**
 * The JSON of a scored map. A map with segments gives the blended figures under `metrics` (a figure that is not
 * blended is left out) and each segment's own beside them under `segments`.
 */
export function scoreJson(analysis: Analysis, file: string, segmented?: SegmentedAnalysis) {
  const { map, time, effort, simulation, scores } = analysis;
  const p = map.process;
  return {
    file,
    process: { name: p.name, customer: p.customer, goal: p.goal, trigger: p.trigger ?? null, owner: p.owner ?? null },
    calendar: {
      daySeconds: p.calendar.day,
      weekSeconds: p.calendar.week,
      days: isWorkingCalendar(p.calendar) ? 'working' : 'calendar',
    },
    /** What every amount of money is in (costPerCase, the yearly cost and value, the savings); null when unnamed. */
    currency: p.currency ?? null,
    metrics: segmented
      ? metricsJson((m) => segmented.blend[m.id])
      : Object.assign(
          metricsJson((m) => m.of(analysis)),
          { contactNames: effort.contacts },
        ),
    ...(segmented && {
      segments: segmented.segments.map((s) => ({
        id: s.segment.id,
        name: s.segment.name,
        share: ratio(s.segment.share),
        persona: s.segment.persona ?? null,
        metrics: Object.assign(
          metricsJson((m) => m.of(s.analysis)),
          { contactNames: s.analysis.effort.contacts },
        ),
      })),
    }),
    milestones: milestoneFigures(analysis).map((m) => ({
      step: m.step.id,
      name: m.name,
      reached: ratio(m.reached),
      leadTime: seconds(m.mean),
      leadTimePercentiles: m.percentiles
        ? { p50: seconds(m.percentiles.p50), p85: seconds(m.percentiles.p85), p95: seconds(m.percentiles.p95) }
        : null,
    })),
    simulation: { runs: simulation.runs, seed: simulation.seed, stoppedRuns: simulation.stoppedRuns },
    targets: analysis.targets.map(targetJson),
    benchmarks: analysis.benchmarks.map((b) => ({
      ...b,
      value: round(b.metric, b.value),
      actual: round(b.metric, b.actual),
      ratio: ratio(b.ratio),
    })),
    /** The stages that set targets, with their figures against them: only when a stage sets any. */
    ...(analysis.stageTargets.length === 0
      ? {}
      : {
          stages: analysis.stageTargets.map((s) => ({
            name: s.stage,
            leadTimeSeconds: seconds(s.leadTime),
            successRate: ratio(s.successRate),
            targets: s.targets.map(targetJson),
          })),
        }),
    steps: map.steps.map((step, i) => ({
      id: step.id,
      name: step.name,
      stage: step.stage,
      lane: step.actor.kind,
      actor: step.actor.id,
      visits: ratio(time.visits[i]!),
      criticality: ratio(simulation.criticality[i]!),
      delayShare: ratio(scores[i]!.delayShare),
      value: scores[i]!.value,
      verdict: scores[i]!.verdict,
      reasons: scores[i]!.reasons,
      waitSeconds: seconds(mean(step.wait)),
      workSeconds: seconds(mean(step.work)),
      darkWaitSeconds: seconds(effort.darkWait[i]!),
      reAsked: effort.reAsked[i]!,
    })),
  };
}

const round = (id: TargetMetric, x: number) => jsonValue(metric(id).unit, x);

const targetJson = (t: TargetGap) => ({
  ...t,
  target: round(t.metric, t.target),
  actual: round(t.metric, t.actual),
  gap: round(t.metric, t.gap),
});
