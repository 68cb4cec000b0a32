/** The analysis of a valid map: exact figures, simulation, effort drivers and step scores, in one result. */
import type { ProcessMap, Step } from '../load/index.js';
import { formatDuration, trappedStep } from '../core/index.js';
import { buildFlow, type Flow } from '../model/index.js';
import { effortFigures, type EffortFigures } from './effort.js';
import { businessFigures, type BusinessFigures } from './business.js';
import { scoreSteps, DEFAULT_WEIGHTS, type ScoreWeights, type StepScore } from './score.js';
import { simulate, type Simulation } from './simulate.js';
import { simulateInParallel } from './simulate-parallel.js';
import { timeFigures, type TimeFigures } from './time.js';
import { compareTargets, type BenchmarkGap, type TargetGap } from './targets.js';
import { compareStageTargets, type StageTargetFigures } from './stage-targets.js';
import { METRICS, type MetricSource } from './metrics.js';
import { analyzeSegments, analyzeSegmentsExact, type SegmentedAnalysis } from './segments.js';

export interface AnalysisOptions {
  /** Simulated customers (default 10,000). */
  runs?: number;
  /** Seed of the simulation (default 1). */
  seed?: number;
  /** The weights and thresholds steps are scored by (default `DEFAULT_WEIGHTS`). */
  weights?: ScoreWeights;
}

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;

/** The exact figures of a map, without the simulation: all that diagrams need. */
export type ExactAnalysis = Omit<Analysis, 'simulation' | 'segmented'> & {
  segmented?: SegmentedAnalysis<ExactAnalysis>;
};

export interface Analysis {
  map: ProcessMap;
  flow: Flow;
  time: TimeFigures;
  effort: EffortFigures;
  business: BusinessFigures;
  simulation: Simulation;
  scores: StepScore[];
  /** The weights and thresholds the scores were given by: the views that place a step by its verdict use them. */
  weights: ScoreWeights;
  targets: TargetGap[];
  benchmarks: BenchmarkGap[];
  /** The stages that set targets of their own, against them (none when no stage sets any). */
  stageTargets: StageTargetFigures[];
  /**
   * A map with segments: each segment's own analysis and the blend. The metric registry reads the blend as the
   * map's figures (`metric(id).of`), so every output of a segmented map gives the blend; the per-step figures
   * (`time`, `effort`, `scores`) stay those of the map as written.
   */
  segmented?: SegmentedAnalysis;
}

/** The whole analysis in this thread. */
export function analyze(map: ProcessMap, options: AnalysisOptions = {}): Analysis {
  const flow = buildFlow(map);
  const figures = exact(flow, options, map.segments && analyzeSegments(map, options));
  return finite({ ...figures, simulation: simulate(flow, simulationOptions(options)) });
}

/**
 * The same analysis, with a large simulation spread over worker threads while this thread works out the exact
 * figures. The result is identical to `analyze`.
 */
export async function analyzeInParallel(map: ProcessMap, options: AnalysisOptions = {}): Promise<Analysis> {
  const flow = buildFlow(map);
  const simulation = simulateInParallel(flow, simulationOptions(options));
  const figures = exact(flow, options, map.segments && analyzeSegments(map, options));
  return finite({ ...figures, simulation: await simulation });
}

const simulationOptions = (options: AnalysisOptions) => ({
  runs: options.runs ?? DEFAULT_RUNS,
  seed: options.seed ?? DEFAULT_SEED,
});

/** The lead time to a milestone: the exact mean and chance of getting there; the percentiles when simulated. */
export interface MilestoneFigures {
  step: Step;
  /** The milestone's name, as the map gives it. */
  name: string;
  reached: number;
  mean: number;
  percentiles?: { p50: number; p85: number; p95: number };
}

export function milestoneFigures(analysis: ExactAnalysis | Analysis): MilestoneFigures[] {
  const simulated = 'simulation' in analysis ? analysis.simulation.milestones : [];
  return analysis.time.milestones.map((m, k) => {
    const step = analysis.map.steps[m.step]!;
    const s = simulated[k];
    return {
      step,
      name: step.milestone!,
      reached: m.reached,
      mean: m.mean,
      ...(s && s.reached > 0 ? { percentiles: { p50: s.p50, p85: s.p85, p95: s.p95 } } : {}),
    };
  });
}

/** The exact figures only (no simulation): fast, for diagrams. */
export function analyzeExact(map: ProcessMap, options: AnalysisOptions = {}): ExactAnalysis {
  return exact(buildFlow(map), options, map.segments && analyzeSegmentsExact(map, options));
}

function exact<S extends SegmentedAnalysis<ExactAnalysis>>(
  flow: Flow,
  options: AnalysisOptions,
  segmented: S | undefined,
): ExactAnalysis & { segmented?: S } {
  const { map } = flow;
  // Validation refuses a loop with no way out, and a what-if may not make one (breaksTheRules); were one to come
  // here, no figure could be computed and the silence of its customers would be pushed round it for ever.
  const trapped = trappedStep(map.steps.map((s) => s.next));
  if (trapped >= 0)
    throw new Error(
      `cxmap could not compute the figures of this map: step ${map.steps[trapped]!.id} has no way to an end`,
    );
  const time = timeFigures(flow);
  const effort = effortFigures(flow, time);
  const business = businessFigures(map, time, effort);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const scores = scoreSteps(map.steps, time, effort, map.process, weights);
  const figures = {
    map,
    flow,
    time,
    effort,
    business,
    scores,
    weights,
    ...(segmented && { segmented }),
    // A map with segments is held to its targets by the blend.
    ...compareTargets(map, { time, effort, business, segmented }),
  };
  return finite({ ...figures, stageTargets: compareStageTargets(figures) });
}

/**
 * The engine's boundary: validation refuses every map whose figures cannot be computed (loops all but closed,
 * durations beyond 10 years), so a figure that is not a finite number here is a fault of cxmap, stopped before it
 * reaches an output as NaN, Infinity or null.
 */
function finite<T extends MetricSource & { map: ProcessMap; scores: StepScore[] }>(analysis: T): T {
  const bad = (what: string, x: number | string) => {
    throw new Error(`cxmap could not compute ${what} of this map (it came out as ${x})`);
  };
  for (const m of METRICS) {
    const x = m.of(analysis);
    if (x !== undefined && !Number.isFinite(x)) bad(m.label.toLowerCase(), x);
  }
  analysis.scores.forEach((s, i) => {
    const step = analysis.map.steps[i]!;
    const perStep = [s.delayShare, s.value, analysis.time.visits[i]!, analysis.effort.darkWait[i]!];
    for (const x of [...perStep, step.cost ?? 0, step.actor.hourlyCost ?? 0])
      if (!Number.isFinite(x)) bad(`the figures of step ${i + 1}`, x);
  });
  // Dark time is waiting inside the lead time: a part that exceeds the whole (beyond float error) is a fault.
  const { leadTime } = analysis.time;
  const dark = analysis.effort.darkTime.total;
  if (dark > leadTime * (1 + 1e-9)) {
    const calendar = analysis.map.process.calendar;
    bad(
      'the dark time',
      `${formatDuration(dark, calendar)}, more than the lead time of ${formatDuration(leadTime, calendar)}`,
    );
  }
  return analysis;
}
