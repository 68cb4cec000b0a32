/**
 * The stages that set targets of their own (`stages: [{ name, targets }]`), against them. A stage's lead time is
 * the time a customer spends in it, weighted as the lead time is (`stageFigures`). The success rate through a stage
 * is, of the customers who enter it, the share who do not end at a failure end inside it: one less the chance of
 * ending at one of its failure ends (the expected visits of an end step) over the expected entries into the stage.
 * An entry is an arrival at a step of the stage from a step outside it (or the start, when the stage holds it): the
 * visits of the step before times the chance of the way. Parallel work is entered once, however many of its
 * branches lie in the stage, and a join after it is arrived at by the customers whose parallel work carries on.
 * A customer sent back into a stage (a loop from a later stage) enters it again and is counted again.
 */
import type { ExactAnalysis } from './analyze.js';
import { stageFigures } from './journey-figures.js';
import { againstTarget, type TargetGap } from './targets.js';

export interface StageTargetFigures {
  stage: string;
  /** Expected seconds a customer spends in the stage. */
  leadTime: number;
  /** Of the customers who enter the stage, the share who do not end at a failure end inside it. */
  successRate: number;
  targets: TargetGap[];
}

/** Expected entries into each stage per customer, by stage name. */
function stageEntries(analysis: Pick<ExactAnalysis, 'map' | 'flow' | 'time'>): Map<string, number> {
  const { map, flow, time } = analysis;
  const stageOf = (i: number) => map.steps[i]!.stage;
  const entries = new Map(map.stages.map((s) => [s, 0]));
  const enter = (stage: string, amount: number) => entries.set(stage, entries.get(stage)! + amount);
  enter(stageOf(map.start), 1);
  for (const step of map.steps) {
    const from = step.stage;
    const next = step.next;
    if (next.kind === 'all') {
      for (const stage of new Set(next.branches.map(stageOf)))
        if (stage !== from) enter(stage, time.visits[step.index]!);
      // The parallel work carries on to the join; it arrives from outside when no branch ends in the join's stage.
      const ends = map.steps.filter(
        (s) =>
          s.next.kind === 'choice' && s.next.choices.some((c) => c.to === next.join) && isBranchOf(s.index, step.index),
      );
      const stage = stageOf(next.join);
      if (stage !== from && ends.every((s) => s.stage !== stage))
        enter(stage, time.visits[step.index]! * time.stopping.carryOn[step.index]!);
    } else if (next.kind === 'choice')
      for (const c of next.choices)
        if (stageOf(c.to) !== from && !joinedFrom(step.index, c.to))
          enter(stageOf(c.to), time.visits[step.index]! * c.chance);
  }
  return entries;

  /** Whether step i lies in the parallel work of split. */
  function isBranchOf(i: number, split: number): boolean {
    for (let r = flow.regionOf[i]!; r > 0; r = flow.regionOf[flow.regions[r]!.split]!)
      if (flow.regions[r]!.split === split) return true;
    return false;
  }
  /** Whether the way from step i to step to is a branch of parallel work arriving at its join. */
  function joinedFrom(i: number, to: number): boolean {
    return flow.regions[flow.regionOf[i]!]!.exit === to;
  }
}

/** The stages that set targets, with their figures against them, in the map's order; none when no stage sets any. */
export function compareStageTargets(analysis: Omit<ExactAnalysis, 'stageTargets'>): StageTargetFigures[] {
  const { map, time } = analysis;
  if (Object.keys(map.stageTargets).length === 0) return [];
  const entries = stageEntries(analysis);
  // The map's stages as written (of a map with segments too): the success rate through a stage is not blended.
  return stageFigures({ map, time, effort: analysis.effort }).flatMap((figures) => {
    const set = map.stageTargets[figures.stage];
    if (!set) return [];
    const failed = map.steps
      .filter((s) => s.stage === figures.stage && s.outcome === 'failure')
      .reduce((sum, s) => sum + time.visits[s.index]!, 0);
    const entered = entries.get(figures.stage)!;
    const successRate = entered > 0 ? Math.min(1, Math.max(0, 1 - failed / entered)) : 1;
    const targets = [
      ...(set.leadTime === undefined ? [] : [againstTarget('leadTime', set.leadTime, figures.time)]),
      ...(set.successRate === undefined ? [] : [againstTarget('successRate', set.successRate, successRate)]),
    ];
    return [{ stage: figures.stage, leadTime: figures.time, successRate, targets }];
  });
}
