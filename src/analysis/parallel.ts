/**
 * Parallel work in which a branch can end the case. A failure end inside a branch (the customer cancels, the
 * application is declined) ends the whole case: the other branches stop where they are. On expected values:
 *
 * - each branch is solved as a region of its own: the chance that it reaches the join, the chance and the
 *   expected arrival time of each end inside it, and its expected time to the join when it gets there;
 * - branches run independently, so the work carries on past the join with the product of the branches' chances
 *   of reaching it;
 * - the case ends at the end that comes first: an end in one branch counts when no other branch has ended the
 *   case before it (ties go to the branch written first), and a step inside a branch is done only when no other
 *   branch has ended the case before it starts;
 * - the critical path of a case that ends inside parallel work is its branch's way to that end; of a case that
 *   carries on, the branch that is slowest to reach the join.
 *
 * Durations enter through their means, as everywhere in the exact figures: a branch's end is taken to come at its
 * expected time. Exact when branches end at fixed times (the simulation draws the spread); with ends at several
 * levels of nested parallel work, the inner work of a case is apportioned to the critical path on the inner
 * work's mix of ways, not on the way that case took.
 */
import { solveChain, type Chain } from '../core/index.js';
import type { Flow } from '../model/index.js';
import { NO_CONTEXT, regionChain } from './regions.js';

/** How parallel work with ends inside it scales the visits of steps. */
export interface Stopping {
  /** For a split step, the chance that its parallel work reaches the join; 1 for any other step. */
  carryOn: Float64Array;
  /** For each step, the share of its visits that happen: no other branch has ended the case before it starts. */
  survival: Float64Array;
}

/** An end that can end the case inside a region, seen from the region's entry. */
interface Exit {
  end: number;
  /** Expected arrival at the end step, from the region's entry, on the ways that reach it. */
  at: number;
  /** Chance of ending the case here, per entry. */
  chance: number;
  /** Chance of ending here with every step's work right so far (for rolled %C&A), per entry. */
  right: number;
}

interface Section {
  /** The ends inside the parallel work, with the chance that each is the one that ends the case. */
  exits: Exit[];
  /** Expected time from the split's end to the join, when the work carries on: its slowest branch. */
  through: number;
  /** The share of a step's visits in branch `k` at time `t` after the split that no other branch has cut short. */
  survives(k: number, t: number): number;
}

export interface ParallelFigures extends Stopping {
  /** Expected visits of each step per customer, less those another branch's end cut short. */
  visits: Float64Array;
  /** Expected visits of each step on the critical path. */
  critical: Float64Array;
  /** Each region's chain of steps (a split leading to its join with the chance of carrying on), by region id. */
  regionChains: Chain[];
  /** For each split step, the index (among its branches) of its slowest branch when the work carries on. */
  criticalBranch: Map<number, number>;
  /** Expected product of %C&A along the customer's path, whatever end they reach. */
  rolledCA: number;
  /** For each step marked as a milestone, in map order: the chance of reaching it, and when it is done. */
  milestones: MilestoneTime[];
  /** The goal (every success end): the share of customers who reach it, and when, for them. */
  goal: Omit<MilestoneTime, 'step'>;
}

export interface MilestoneTime {
  step: number;
  /** Chance that a customer gets there. */
  reached: number;
  /** Expected time from the start until the step is first done, for the customers who get there. */
  mean: number;
}

/** The transposed chain: solving it for a unit at t gives, from every state, the expected visits of t. */
function transpose(chain: Chain): Chain {
  const succ: number[][] = chain.succ.map(() => []);
  const weight: number[][] = chain.succ.map(() => []);
  chain.succ.forEach((list, s) =>
    list.forEach((t, e) => {
      succ[t]!.push(s);
      weight[t]!.push(chain.weight[s]![e]!);
    }),
  );
  return { succ, weight };
}

const unit = (size: number, at: number) => {
  const b = new Float64Array(size);
  b[at] = 1;
  return b;
};

/** The figures of parallel work, given each step's expected time per visit (wait plus work). */
export function parallelWork(flow: Flow, stepTime: Float64Array): ParallelFigures {
  const { steps, regions } = flow;
  const n = steps.length;
  const carryOn = new Float64Array(n).fill(1);
  const criticalBranch = new Map<number, number>();
  const sections = new Map<number, Section>();
  // Per region, per entry: visits of each member and expected arrival at it; the chance of reaching the join with
  // and without every step's work right, and the expected time to it when the work gets there; the region's exits.
  const mass: Float64Array[] = [];
  const arrival: Float64Array[] = [];
  const reach = new Float64Array(regions.length);
  const right = new Float64Array(regions.length);
  const joinTime = new Float64Array(regions.length);
  const exits: Exit[][] = [];
  // Per branch region with ends inside: the ends and splits through which the case can end there, each with the
  // expected visits of it from every member; and the chance, from every member, of reaching the join.
  const targets: { local: number; ends: number[]; visitsOf: Float64Array }[][] = [];
  const toJoin: Float64Array[] = [];
  // Per region: its chain, and the time from arriving at each member to leaving it on the ways on.
  const chains: Chain[] = [];
  const leaves: Float64Array[] = [];

  const settle = (split: number) => {
    const branches = flow.branchRegions.get(split)!;
    let slowest = 0;
    branches.forEach((b, k) => {
      if (joinTime[b]! > joinTime[branches[slowest]!]!) slowest = k;
    });
    criticalBranch.set(split, slowest);
    carryOn[split] = branches.reduce((p, b) => p * reach[b]!, 1);
    // The chance that branch k2 has ended the case before time t, as seen by a step of branch k at t.
    const endedBefore = (k2: number, t: number, k: number) =>
      exits[branches[k2]!]!.reduce((sum, x) => (x.at < t || (x.at === t && k2 < k) ? sum + x.chance : sum), 0);
    const survives = (k: number, t: number) =>
      branches.reduce((p, _, k2) => (k2 === k ? p : p * (1 - endedBefore(k2, t, k))), 1);
    const sectionExits = branches.flatMap((b, k) =>
      exits[b]!.map((x) => {
        const s = survives(k, x.at);
        return { ...x, chance: x.chance * s, right: x.right * s };
      }),
    );
    sections.set(split, { exits: sectionExits, through: joinTime[branches[slowest]!]!, survives });
  };

  for (let r = regions.length - 1; r >= 0; r--) {
    const region = regions[r]!;
    const members = region.members;
    const size = members.length;
    const { chain, exitShare } = regionChain(flow, region, NO_CONTEXT, (i) => carryOn[i]!);
    const m = solveChain(chain, unit(size, 0));
    // Expected time from arriving at a member to leaving it on the ways on: a split's parallel work carries on
    // after its slowest branch reaches the join.
    const leave = Float64Array.from(members, (i) => stepTime[i]! + (sections.get(i)?.through ?? 0));
    chains[r] = chain;
    leaves[r] = leave;
    const w = arrivalMass(chain, m, leave);
    const at = w.map((x, k) => (m[k]! > 0 ? x / m[k]! : 0));
    mass[r] = m;
    arrival[r] = at;
    reach[r] = exitShare.reduce((sum, share, k) => sum + m[k]! * share, 0);
    joinTime[r] =
      reach[r]! > 0 ? exitShare.reduce((sum, share, k) => sum + (w[k]! + m[k]! * leave[k]!) * share, 0) / reach[r]! : 0;

    // Rolled %C&A: the same region with every step's output right (its %C&A; a split's, all its branches').
    const rightChain = regionChain(flow, region, NO_CONTEXT, (i) => steps[i]!.ca * rightThrough(i));
    const rightMass = solveChain(rightChain.chain, unit(size, 0));
    right[r] = rightChain.exitShare.reduce((sum, share, k) => sum + rightMass[k]! * share, 0);
    exits[r] = members.flatMap((i, k) => {
      if (steps[i]!.next.kind === 'end')
        return [{ end: i, at: at[k]!, chance: m[k]!, right: rightMass[k]! * steps[i]!.ca }];
      const section = sections.get(i);
      if (!section) return [];
      const start = at[k]! + stepTime[i]!;
      return section.exits.map((x) => ({
        end: x.end,
        at: start + x.at,
        chance: m[k]! * x.chance,
        right: rightMass[k]! * steps[i]!.ca * x.right,
      }));
    });
    targets[r] = [];
    toJoin[r] = new Float64Array(size).fill(1);
    if (region.split >= 0 && exits[r]!.length > 0) {
      const backward = transpose(chain);
      members.forEach((i, local) => {
        const inner = sections.get(i)?.exits ?? [];
        const own = steps[i]!.next.kind === 'end';
        if (!own && inner.length === 0) return;
        const visitsOf = solveChain(backward, unit(size, local));
        const leaves = own ? 1 : 1 - carryOn[i]!;
        visitsOf.forEach((v, k) => (toJoin[r]![k]! -= v * leaves));
        targets[r]!.push({ local, ends: own ? [i] : inner.map((x) => x.end), visitsOf });
      });
    }
    if (region.split >= 0 && region.branch === 0) settle(region.split);
  }

  function rightThrough(i: number): number {
    const branches = flow.branchRegions.get(i);
    return branches ? branches.reduce((p, b) => p * right[b]!, 1) : 1;
  }

  // Top-down: critical visits, and the share of each step's visits that no other branch cut short. A split's
  // critical passes are split by how its parallel work ended: at each end inside it, or carrying on to the join.
  // A branch's steps are critical on the ways to the ends that ended the case there, and, for the slowest branch,
  // on its ways to the join when the work carried on. Arrival times are counted from the start of the process, so
  // that a step deep inside nested parallel work is compared with the ends of every level around it.
  const critical = new Float64Array(n);
  // Visits as if no branch cut another short (what enters nested branches), then scaled by what survives.
  const unstopped = new Float64Array(n);
  const endedAt = new Map<number, Map<number, number>>();
  const carriedOn = new Float64Array(n);
  const survival = new Float64Array(n).fill(1);
  const start = new Float64Array(n);
  const sectionStart = new Float64Array(n);
  const competing: { split: number; branch: number }[][] = [];
  for (const region of regions) {
    const r = region.id;
    const split = region.split;
    const m = mass[r]!;
    const section = split < 0 ? undefined : sections.get(split)!;
    if (section) sectionStart[split] = start[split]! + stepTime[split]!;
    const outer = split < 0 ? [] : competing[flow.regionOf[split]!]!;
    competing[r] = section && section.exits.length > 0 ? [...outer, { split, branch: region.branch }] : outer;
    region.members.forEach((i, k) => {
      if (split < 0) critical[i] = m[k]!;
      else {
        const slowest = criticalBranch.get(split) === region.branch;
        let c = slowest && reach[r]! > 0 ? (carriedOn[split]! * m[k]! * toJoin[r]![k]!) / reach[r]! : 0;
        for (const t of targets[r]!) {
          const ended = t.ends.reduce((sum, end) => sum + endedAt.get(split)!.get(end)!, 0);
          if (m[t.local]! > 0) c += (ended * m[k]! * t.visitsOf[k]!) / m[t.local]!;
        }
        critical[i] = c;
      }
      unstopped[i] = (split < 0 ? 1 : unstopped[split]!) * m[k]!;
      start[i] = (split < 0 ? 0 : sectionStart[split]!) + arrival[r]![k]!;
      for (const level of competing[r]!)
        survival[i]! *= sections.get(level.split)!.survives(level.branch, start[i] - sectionStart[level.split]!);
    });
    // The critical passes of each split in this region, by how its parallel work ended.
    region.members.forEach((i, k) => {
      const exitsOfSplit = sections.get(i)?.exits;
      if (!exitsOfSplit) return;
      const ended = new Map(
        exitsOfSplit.map((x) => [x.end, split < 0 ? m[k]! * x.chance : endedAt.get(split)!.get(x.end)!]),
      );
      endedAt.set(i, ended);
      carriedOn[i] = Math.max(0, critical[i]! - [...ended.values()].reduce((a, b) => a + b, 0));
    });
  }

  const rolledCA = exits[0]!.reduce((sum, x) => sum + x.right, 0);

  // A step's first arrival, level by level up to the top region: in each, the chain with the step (or the split
  // whose branch holds it) made final, so that only the first pass counts; inside a branch, the share that no other
  // branch has cut short by then.
  const firstArrival = (index: number): Omit<MilestoneTime, 'step'> => {
    let reached = 1;
    let elapsed = 0;
    for (let target = index; ;) {
      const region = regions[flow.regionOf[target]!]!;
      const local = region.members.indexOf(target);
      const chain = chains[region.id]!;
      const first = {
        succ: chain.succ.map((list, k) => (k === local ? [] : list)),
        weight: chain.weight.map((list, k) => (k === local ? [] : list)),
      };
      const m = solveChain(first, unit(region.members.length, 0));
      const w = arrivalMass(first, m, leaves[region.id]!);
      reached *= m[local]!;
      if (m[local]! > 0) elapsed += w[local]! / m[local]!;
      const split = region.split;
      if (split < 0) break;
      reached *= sections.get(split)!.survives(region.branch, elapsed);
      elapsed += stepTime[split]!;
      target = split;
    }
    return { reached, mean: reached > 0 ? elapsed + stepTime[index]! : 0 };
  };
  const milestones = steps
    .filter((s) => s.milestone !== undefined)
    .map((s) => ({ step: s.index, ...firstArrival(s.index) }));
  // The goal: the success ends together, each weighted by the customers who reach it.
  const goal = steps
    .filter((s) => s.outcome === 'success')
    .map((s) => firstArrival(s.index))
    .reduce((g, a) => ({ reached: g.reached + a.reached, mean: g.mean + a.reached * a.mean }), { reached: 0, mean: 0 });
  if (goal.reached > 0) goal.mean /= goal.reached;
  const visits = unstopped.map((u, i) => u * survival[i]!);
  return { carryOn, survival, visits, critical, regionChains: chains, criticalBranch, rolledCA, milestones, goal };
}

/**
 * Expected arrival time summed over the visits of each state, for the visits m and the time from arriving at each
 * state to leaving it: W_t = sum over s of (W_s + m_s * leave_s) * Q[s][t].
 */
function arrivalMass(chain: Chain, m: Float64Array, leave: Float64Array): Float64Array {
  const b = new Float64Array(m.length);
  chain.succ.forEach((list, s) => list.forEach((t, e) => (b[t]! += m[s]! * leave[s]! * chain.weight[s]![e]!)));
  return solveChain(chain, b);
}
