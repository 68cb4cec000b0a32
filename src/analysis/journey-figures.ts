/**
 * The journey stage by stage, in the scoring's own figures: the time a customer spends in each stage is the
 * lead time's share of the stage's steps (`leanTime` over them: each step's wait and work times its expected
 * visits on the critical path, the weights of the lead time), so that the stages add up to the lead time; its
 * waiting and its dark time the same way (`effort.darkTime.perStep`). The feeling of a stage is the worst one the
 * map records there, at the step it is recorded at; nothing is made up for a stage that records none. The endings
 * are the map's end steps with their share of all customers: the expected visits of an end step, which is the
 * chance that a case ends there (an end is reached once at most), so that the endings add up to all customers.
 */
import type { Step } from '../load/index.js';
import type { ExactAnalysis } from './analyze.js';
import { leanTime } from './time.js';

export interface StageFigures {
  stage: string;
  steps: Step[];
  /** Expected seconds a customer spends in the stage (wait and work), weighted as the lead time is. */
  time: number;
  /** The part of `time` spent waiting. */
  wait: number;
  /** The part of `wait` that is dark (silence beyond the map's `darkAfter`). */
  dark: number;
  /** The worst feeling recorded in the stage and the first step it is recorded at; none when none is recorded. */
  worst?: { feeling: number; step: Step };
  truths: Step[];
  fails: Step[];
}

/**
 * Of a map with segments, the time, waiting and dark time of a stage are blended: each segment's own, weighted by its
 * share (additive figures of a case, so that the stages add up to the blended lead time); the steps, the feelings,
 * the moments of truth and the fail points are the map's as written.
 */
export function stageFigures(analysis: Pick<ExactAnalysis, 'map' | 'time' | 'effort' | 'segmented'>): StageFigures[] {
  const own = ownStageFigures(analysis);
  const segments = analysis.segmented?.segments;
  if (!segments) return own;
  const theirs = segments.map((s) => ({ share: s.segment.share, stages: ownStageFigures(s.analysis) }));
  const blend = (stage: string, key: 'time' | 'wait' | 'dark') =>
    theirs.reduce((sum, t) => sum + t.share * (t.stages.find((x) => x.stage === stage)?.[key] ?? 0), 0);
  return own.map((st) => ({
    ...st,
    time: blend(st.stage, 'time'),
    wait: blend(st.stage, 'wait'),
    dark: blend(st.stage, 'dark'),
  }));
}

function ownStageFigures(analysis: Pick<ExactAnalysis, 'map' | 'time' | 'effort'>): StageFigures[] {
  const { map, time, effort } = analysis;
  return map.stages.map((stage) => {
    const steps = map.steps.filter((s) => s.stage === stage);
    const lean = leanTime(
      map.steps,
      time,
      steps.map((s) => s.index),
    );
    let worst: StageFigures['worst'];
    for (const step of steps)
      if (step.feeling !== undefined && (!worst || step.feeling < worst.feeling))
        worst = { feeling: step.feeling, step };
    return {
      stage,
      steps,
      time: lean.wait + lean.valueAdding + lean.required + lean.waste + lean.unclassed,
      wait: lean.wait,
      dark: steps.reduce((sum, s) => sum + effort.darkTime.perStep[s.index]!, 0),
      worst,
      truths: steps.filter((s) => s.momentOfTruth),
      fails: steps.filter((s) => s.fails),
    };
  });
}

export interface Ending {
  step: Step;
  outcome: 'success' | 'failure';
  /** The share of all customers whose case ends here. */
  share: number;
}

/**
 * Every ending of the map with the share of all customers that end there, the likeliest first. Of a map with
 * segments, the share is blended: each segment's share of its customers ending there, weighted by its share.
 */
export function endings(analysis: ExactAnalysis): Ending[] {
  const segments = analysis.segmented?.segments;
  const reach = (step: Step) =>
    segments
      ? segments.reduce((sum, s) => {
          const own = s.analysis.map.steps.find((x) => x.id === step.id);
          return sum + (own ? s.segment.share * s.analysis.time.visits[own.index]! : 0);
        }, 0)
      : analysis.time.visits[step.index]!;
  return analysis.map.steps
    .filter((s) => s.next.kind === 'end')
    .map((step) => ({ step, outcome: step.outcome ?? 'success', share: reach(step) }))
    .sort((a, b) => b.share - a.share || a.step.index - b.step.index);
}
