/**
 * Exact Lean value-stream figures of a map (Martin & Osterling 2013; Rother & Shook 1999), on expected values:
 * visits weighted by the chances of choices and rework, and parallel work counted on its critical branch only,
 * so that lead time, process time and value-added time all come from the same paths.
 */
import { firstVisitShares, mean } from '../core/index.js';
import type { Step } from '../load/index.js';
import type { Flow } from '../model/index.js';
import { parallelWork, type MilestoneTime, type Stopping } from './parallel.js';

export interface TimeFigures {
  /** Expected visits of each step per customer (rework makes it more than 1; a choice less). */
  visits: Float64Array;
  /**
   * The share of each step's visits that are first passes (the chance of ever reaching it over its visits). Further
   * passes are rework, and rework is waste whatever the step's class (Martin & Osterling 2013).
   */
  firstPass: Float64Array;
  /**
   * Expected visits on the critical path: the visits, less those in parallel branches that did not decide when the
   * parallel work ended (a branch slower to the join, or one that another branch's end cut short).
   */
  critical: Float64Array;
  /** Expected wait plus work of one visit of each step. */
  stepTime: Float64Array;
  /** For each split step, the index (among its branches) of the slowest branch when the work carries on. */
  criticalBranch: Map<number, number>;
  /** How ends inside parallel branches cut the visits short. */
  stopping: Stopping;
  leadTime: number;
  processTime: number;
  valueAdded: number;
  waitTime: number;
  /** Process cycle efficiency: value-added time over lead time (Lean). */
  pce: number;
  /** Process time over lead time. */
  activityRatio: number;
  /** Wait time over lead time. */
  waitShare: number;
  /** Expected product of %C&A along the customer's path: the chance that no step's output needs correcting. */
  rolledCA: number;
  /** Share of customers who end at a success outcome. */
  successRate: number;
  /** The steps marked as milestones: the chance of reaching each, and the expected time until it is done. */
  milestones: MilestoneTime[];
  /**
   * The goal: the share of customers who reach a success end, and the expected time from the trigger until it is
   * done for them (the lead time averages every end, failures included).
   */
  goal: Omit<MilestoneTime, 'step'>;
}

/** The share of customers who ever reach a step: its expected visits less the repeated ones (first passes). */
export const reachOf = (time: Pick<TimeFigures, 'visits' | 'firstPass'>, i: number): number =>
  time.visits[i]! * time.firstPass[i]!;

export function timeFigures(flow: Flow): TimeFigures {
  const { steps, regions } = flow;
  const stepTime = Float64Array.from(steps, (s) => mean(s.wait) + mean(s.work));
  const { visits, critical, regionChains, criticalBranch, rolledCA, milestones, goal, ...stopping } = parallelWork(
    flow,
    stepTime,
  );

  // First passes, region by region (parents first): a branch's first pass lies inside its split's first pass.
  const firstPass = new Float64Array(steps.length);
  for (const region of regions) {
    const shares = firstVisitShares(regionChains[region.id]!);
    const outer = region.split < 0 ? 1 : firstPass[region.split]!;
    region.members.forEach((i, k) => (firstPass[i] = outer * shares[k]!));
  }

  const { wait: waitTime, ...work } = leanTime(steps, { critical, firstPass });
  const processTime = work.valueAdding + work.required + work.waste + work.unclassed;
  const valueAdded = work.valueAdding;
  const leadTime = waitTime + processTime;
  const successRate = steps.reduce((sum, s, i) => (s.outcome === 'success' ? sum + visits[i]! : sum), 0);
  // Numerator and denominator come from the same (critical) paths, so none of these shares can pass 100%.
  const share = (x: number) => (leadTime > 0 ? x / leadTime : 0);
  return {
    visits,
    firstPass,
    critical,
    stepTime,
    criticalBranch,
    stopping,
    leadTime,
    processTime,
    valueAdded,
    waitTime,
    pce: share(valueAdded),
    activityRatio: share(processTime),
    waitShare: share(waitTime),
    rolledCA,
    successRate,
    milestones,
    goal,
  };
}

/**
 * Where the time on the critical path goes, in Lean classes: waiting, and work by value class, where only the first
 * pass of a value-adding or business-required step counts as such and every further pass is waste (rework).
 */
export function leanTime(
  steps: readonly Step[],
  time: Pick<TimeFigures, 'critical' | 'firstPass'>,
  subset: readonly number[] = steps.map((s) => s.index),
) {
  const total = { wait: 0, valueAdding: 0, required: 0, waste: 0, unclassed: 0 };
  for (const i of subset) {
    const step = steps[i]!;
    const critical = time.critical[i]!;
    const work = critical * mean(step.work);
    total.wait += critical * mean(step.wait);
    if (!step.value) total.unclassed += work;
    else if (step.value === 'waste') total.waste += work;
    else {
      const first = work * time.firstPass[i]!;
      total[step.value === 'customer' ? 'valueAdding' : 'required'] += first;
      total.waste += work - first;
    }
  }
  return total;
}

/** A class of the time on the critical path: the waiting, or the work of one value class. */
export type TimeClass = 'wait' | 'valueAdding' | 'required' | 'waste' | 'unclassed';

/** A share of the time on the critical path, with what a reader calls it. */
export interface TimeSlice {
  key: TimeClass;
  label: string;
  seconds: number;
}

const TIME_LABELS: Record<TimeClass, string> = {
  wait: 'Waiting',
  valueAdding: 'Value-adding work',
  required: 'Business-required work',
  waste: 'Waste work and rework',
  unclassed: 'Work not classed',
};

/**
 * Where the customer's time goes on the critical path, weighted by expected visits: the waiting, then the work by
 * value class (`leanTime`); over all the steps, the slices add up to the lead time.
 */
export function timeSplit(
  analysis: { map: { steps: readonly Step[] }; time: Pick<TimeFigures, 'critical' | 'firstPass'> },
  subset: readonly number[] = analysis.map.steps.map((s) => s.index),
): TimeSlice[] {
  const lean = leanTime(analysis.map.steps, analysis.time, subset);
  return (Object.keys(TIME_LABELS) as TimeClass[]).map((key) => ({
    key,
    label: TIME_LABELS[key],
    seconds: lean[key],
  }));
}
