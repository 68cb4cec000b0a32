/**
 * Segments: groups of customers who take the same process in their own way. Each segment lives its own map (the
 * map with its differences applied), analysed like any other; the figures of the whole are blended from them as the
 * metric registry says (docs/scoring.md, "Segments").
 */
import type { ProcessMap, Segment } from '../load/index.js';
import { buildFlow, bypass, copyMap } from '../model/index.js';
import {
  analyze,
  analyzeExact,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  type Analysis,
  type AnalysisOptions,
  type ExactAnalysis,
} from './analyze.js';
import { METRICS, type MetricId } from './metrics.js';
import { chunksOf, randomStream, simulateChunk, spread, type Simulation } from './simulate.js';
import { timeSplit, type TimeSlice } from './time.js';

/**
 * The map as one segment lives it: its own waits, work, feelings, channels, questions, news and %C&A where it
 * differs, its own chances of the ways, and the steps it skips bypassed (whatever led to one goes straight on to
 * where it led). Its volume is the segment's share of the map's. The result is a map without segments.
 */
export function segmentMap(map: ProcessMap, segment: string): ProcessMap {
  const found = map.segments?.find((s) => s.id === segment);
  if (!found) throw new Error(`the map has no segment ${segment}`);
  const copy = copyMap(map);
  delete copy.segments;
  if (copy.process.volume !== undefined) copy.process.volume *= found.share;
  const skipped: number[] = [];
  for (const step of copy.steps) {
    if (step.next.kind === 'choice')
      step.next.choices = step.next.choices.map(({ for: own, ...way }) => ({
        ...way,
        chance: own?.[segment] ?? way.chance,
      }));
    const differs = step.for?.[segment];
    delete step.for;
    if (!differs) continue;
    const { skip, ...rest } = differs;
    Object.assign(step, rest);
    if (skip) skipped.push(step.index);
  }
  return skipped.length === 0 ? copy : bypass(copy, skipped);
}

/** The blended figures of a map with segments, by metric id; a figure that is not blended is left out. */
export type BlendedFigures = Partial<Record<MetricId, number>>;

export interface SegmentAnalysis<A extends ExactAnalysis = Analysis> {
  segment: Segment;
  analysis: A;
}

/** Each segment's analysis and the blend (exact only, without the simulated figures, for `analyzeExact`). */
export interface SegmentedAnalysis<A extends ExactAnalysis = Analysis> {
  segments: SegmentAnalysis<A>[];
  blend: BlendedFigures;
}

/**
 * Every segment's analysis, and the blend: additive figures per case weighted by share, yearly figures summed,
 * ratios recomputed from the blended sums, and the simulated figures from one mixed simulation.
 */
export function analyzeSegments(map: ProcessMap, options: AnalysisOptions = {}): SegmentedAnalysis {
  const segments = (map.segments ?? []).map((segment) => ({
    segment,
    analysis: analyze(segmentMap(map, segment.id), options),
  }));
  const mixed = mixedSimulation(
    segments.map((s) => s.analysis.map),
    segments.map((s) => s.segment.share),
    options,
  );
  return { segments, blend: blendFigures(segments, mixed) };
}

/** The same without the simulation: each segment's exact figures and their blend (what a what-if re-scores). */
export function analyzeSegmentsExact(map: ProcessMap, options: AnalysisOptions = {}): SegmentedAnalysis<ExactAnalysis> {
  const segments = (map.segments ?? []).map((segment) => ({
    segment,
    analysis: analyzeExact(segmentMap(map, segment.id), options),
  }));
  return { segments, blend: blendFigures(segments) };
}

/**
 * The blend of the segments' figures, as the metric registry says each one blends; the simulated figures only from
 * the mixed simulation, when there is one.
 */
export function blendFigures(segments: readonly SegmentAnalysis<ExactAnalysis>[], mixed?: Simulation): BlendedFigures {
  const blend: BlendedFigures = {};
  const weighted = (id: MetricId, weight: (s: SegmentAnalysis<ExactAnalysis>) => number) => {
    const m = METRICS.find((x) => x.id === id)!;
    let sum = 0;
    for (const s of segments) {
      const x = m.of(s.analysis);
      if (x === undefined) return undefined;
      sum += weight(s) * x;
    }
    return sum;
  };
  for (const m of METRICS) {
    const value =
      m.blend === 'mean'
        ? weighted(m.id, (s) => s.segment.share)
        : m.blend === 'sum'
          ? weighted(m.id, () => 1)
          : m.blend === 'simulated' && mixed && segments.length > 0
            ? // Only the simulation is read for a simulated figure.
              m.of({ ...segments[0]!.analysis, simulation: mixed })
            : undefined;
    if (value !== undefined) blend[m.id] = value;
  }
  for (const m of METRICS) {
    const how = m.blend;
    if (typeof how !== 'object') continue;
    if ('ratio' in how) {
      // Ratios after the sums they divide, as time.ts computes them for one map.
      const [part, whole] = how.ratio;
      blend[m.id] = blend[whole]! > 0 ? blend[part]! / blend[whole]! : 0;
    } else {
      // A mean over the cases that get somewhere: each segment weighs its share times its chance of getting there
      // (a segment that never gets there weighs nothing, and has no figure).
      let sum = 0;
      let total = 0;
      for (const s of segments) {
        const x = m.of(s.analysis);
        const weight = s.segment.share * how.over(s.analysis);
        if (x === undefined || weight === 0) continue;
        sum += weight * x;
        total += weight;
      }
      if (total > 0) blend[m.id] = sum / total;
    }
  }
  return blend;
}

/**
 * The lead time of customers of every segment together: each run's segment is drawn by share (with its own stream
 * of the seed), then each segment's runs are simulated on its own map, and the percentiles taken over all runs.
 */
export function mixedSimulation(maps: readonly ProcessMap[], shares: readonly number[], options: AnalysisOptions) {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const counts = maps.map(() => 0);
  const draw = randomStream(seed ^ 0x5e9);
  for (let run = 0, r = 0; run < runs; run++, r++) {
    if (r === draw.buffer.length) {
      draw.refill();
      r = 0;
    }
    let k = 0;
    let u = draw.buffer[r]!;
    while (k < maps.length - 1 && u >= shares[k]!) u -= shares[k++]!;
    counts[k]!++;
  }
  const leadTimes = new Float64Array(runs);
  let offset = 0;
  let stoppedRuns = 0;
  maps.forEach((map, k) => {
    const flow = buildFlow(map);
    for (const chunk of chunksOf({ runs: counts[k]!, seed: (seed + k + 1) >>> 0 })) {
      const part = simulateChunk(flow, chunk.runs, chunk.seed);
      leadTimes.set(part.leadTimes, offset);
      offset += part.leadTimes.length;
      stoppedRuns += part.stoppedRuns;
    }
  });
  const simulation: Simulation = {
    runs,
    seed,
    ...spread(leadTimes),
    criticality: new Float64Array(0),
    stoppedRuns,
    milestones: [],
  };
  return simulation;
}

/**
 * Where a case's time goes (waiting, value-adding work...) at the steps of `subset` (all by default): of a map with
 * segments, each class share-weighted over the segments (each is a part of the lead time, an additive figure), so
 * that the classes of all steps add up to the blended lead time.
 */
export function blendedTimeSplit(
  analysis: ExactAnalysis,
  subset: readonly number[] = analysis.map.steps.map((s) => s.index),
): TimeSlice[] {
  if (!analysis.segmented) return timeSplit(analysis, subset);
  // The same steps in each segment's map, by id: a step the segment skips holds none of its time.
  const ids = new Set(subset.map((i) => analysis.map.steps[i]!.id));
  const parts = analysis.segmented.segments.map((s) => ({
    share: s.segment.share,
    split: timeSplit(
      s.analysis,
      s.analysis.map.steps.filter((step) => ids.has(step.id)).map((step) => step.index),
    ),
  }));
  return timeSplit(analysis, subset).map((slice, k) => ({
    ...slice,
    seconds: parts.reduce((sum, p) => sum + p.share * p.split[k]!.seconds, 0),
  }));
}
