/**
 * Exact Lean value-stream figures of a map (Martin & Osterling 2013; Rother & Shook 1999), on expected values:
 * visits weighted by the chances of choices and rework, and parallel work counted on its critical branch only,
 * so that lead time, process time and value-added time all come from the same paths.
 */
import { firstVisitShares, mean } from '../core/index.js';
import type { Step } from '../load/index.js';
import type { Flow } from '../model/index.js';
import { contextMass, NO_CONTEXT, regionChain, solveRegion } from './regions.js';

export interface TimeFigures {
  /** Expected visits of each step per customer (rework makes it more than 1; a choice less). */
  visits: Float64Array;
  /**
   * The share of each step's visits that are first passes (the chance of ever reaching it over its visits). Further
   * passes are rework, and rework is waste whatever the step's class (Martin & Osterling 2013).
   */
  firstPass: Float64Array;
  /** Expected visits on the critical path: the visits, or 0 in a parallel branch that is not the slowest. */
  critical: Float64Array;
  /** Expected wait plus work of one visit of each step. */
  stepTime: Float64Array;
  /** For each split step, the index (among its branches) of the slowest branch. */
  criticalBranch: Map<number, number>;
  /** Whether each region lies on the critical path. */
  criticalRegion: boolean[];
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
}

export function timeFigures(flow: Flow): TimeFigures {
  const { steps, regions } = flow;
  const visits = contextMass(flow, NO_CONTEXT);
  const meanWait = steps.map((s) => mean(s.wait));
  const meanWork = steps.map((s) => mean(s.work));
  const stepTime = Float64Array.from(steps, (_, i) => meanWait[i]! + meanWork[i]!);
  const entries = (regionId: number) => {
    const split = regions[regionId]!.split;
    return split < 0 ? 1 : visits[split]!;
  };

  // Bottom-up: the expected time of one pass through each region, a split counting its slowest branch.
  const regionTime = new Float64Array(regions.length);
  const criticalBranch = new Map<number, number>();
  for (let r = regions.length - 1; r >= 0; r--) {
    let total = 0;
    for (const i of regions[r]!.members) {
      let time = stepTime[i]!;
      const branches = flow.branchRegions.get(i);
      if (branches) {
        let slowest = 0;
        branches.forEach((b, k) => {
          if (regionTime[b]! > regionTime[branches[slowest]!]!) slowest = k;
        });
        criticalBranch.set(i, slowest);
        time += regionTime[branches[slowest]!]!;
      }
      total += (visits[i]! / entries(r)) * time;
    }
    regionTime[r] = total;
  }

  // Top-down: a region is on the critical path when its parent is and it is its split's slowest branch.
  const criticalRegion = regions.map(() => true);
  for (const region of regions) {
    if (region.split >= 0) {
      criticalRegion[region.id] =
        criticalRegion[flow.regionOf[region.split]!]! && criticalBranch.get(region.split) === region.branch;
    }
  }
  const critical = Float64Array.from(visits, (v, i) => (criticalRegion[flow.regionOf[i]!] ? v : 0));

  // First passes, region by region (parents first): a branch's first pass lies inside its split's first pass.
  const firstPass = new Float64Array(steps.length);
  for (const region of regions) {
    const shares = firstVisitShares(regionChain(flow, region, NO_CONTEXT).chain);
    const outer = region.split < 0 ? 1 : firstPass[region.split]!;
    region.members.forEach((i, k) => (firstPass[i] = outer * shares[k]!));
  }

  const { wait: waitTime, ...work } = leanTime(steps, { critical, firstPass });
  const processTime = work.valueAdding + work.required + work.waste + work.unclassed;
  const valueAdded = work.valueAdding;

  // Rolled %C&A, bottom-up: the chance that a branch's work arrives at the join complete and accurate.
  const rightFirstTime = new Float64Array(regions.length);
  const factor = (i: number) =>
    (flow.branchRegions.get(i) ?? []).reduce((f, b) => f * rightFirstTime[b]!, steps[i]!.ca);
  const one = Float64Array.of(1);
  for (let r = regions.length - 1; r >= 1; r--)
    rightFirstTime[r] = solveRegion(flow, regions[r]!, NO_CONTEXT, one, factor).exit[0]!;
  const top = solveRegion(flow, regions[0]!, NO_CONTEXT, one, factor);
  let rolledCA = 0;
  let successRate = 0;
  regions[0]!.members.forEach((i, k) => {
    if (steps[i]!.next.kind !== 'end') return;
    rolledCA += top.mass[k]! * steps[i]!.ca;
    if (steps[i]!.outcome === 'success') successRate += visits[i]!;
  });

  const leadTime = regionTime[0]!;
  // Numerator and denominator come from the same (critical) paths, so none of these shares can pass 100%.
  const share = (x: number) => (leadTime > 0 ? x / leadTime : 0);
  return {
    visits,
    firstPass,
    critical,
    stepTime,
    criticalBranch,
    criticalRegion,
    leadTime,
    processTime,
    valueAdded,
    waitTime,
    pce: share(valueAdded),
    activityRatio: share(processTime),
    waitShare: share(waitTime),
    rolledCA,
    successRate,
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
