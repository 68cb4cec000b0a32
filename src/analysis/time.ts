/**
 * Exact Lean value-stream figures of a map (Martin & Osterling 2013; Rother & Shook 1999), on expected values:
 * visits weighted by the chances of choices and rework, and parallel work counted on its critical branch only,
 * so that lead time, process time and value-added time all come from the same paths.
 */
import { mean } from '../core/index.js';
import type { Flow } from '../model/index.js';
import { contextMass, NO_CONTEXT, solveRegion } from './regions.js';

export interface TimeFigures {
  /** Expected visits of each step per customer (rework makes it more than 1; a choice less). */
  visits: Float64Array;
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

  let processTime = 0;
  let valueAdded = 0;
  let waitTime = 0;
  steps.forEach((s, i) => {
    processTime += critical[i]! * meanWork[i]!;
    waitTime += critical[i]! * meanWait[i]!;
    if (s.value === 'customer') valueAdded += critical[i]! * meanWork[i]!;
  });

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
