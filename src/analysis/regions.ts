/**
 * Solving the flow region by region. A state is a step together with a context: what the customer carries from
 * step to step (the last channel they used, the last person they dealt with, whether they have been told
 * anything since their last contact). Plain visits are the case of a single context.
 */
import type { Flow, Region } from '../model/index.js';
import { solveChain, type Chain } from '../core/index.js';
import type { Stopping } from './parallel.js';

export interface Context {
  /** Number of contexts. */
  count: number;
  /** The context at the start of the process. */
  initial: number;
  /** The context after step i, entered in context c. */
  next(i: number, c: number): number;
}

export const NO_CONTEXT: Context = { count: 1, initial: 0, next: () => 0 };

interface RegionSolution {
  /** Mass of state (members[k], c) at k * count + c. */
  mass: Float64Array;
  /** Mass that leaves the region through its exit (the join), by context. */
  exit: Float64Array;
}

/**
 * The chain of one region's states (step, context), with the share of each state's mass that leaves through the
 * region's exit. `factor(i)` scales what flows out of step i (1 for visits; the step's %C&A for the chance that the
 * work is still right).
 */
export function regionChain(flow: Flow, region: Region, context: Context, factor: (i: number) => number = () => 1) {
  const C = context.count;
  const local = new Map<number, number>(region.members.map((s, k) => [s, k]));
  const size = region.members.length * C;
  const chain: Chain = { succ: Array.from({ length: size }, () => []), weight: Array.from({ length: size }, () => []) };
  const exitShare = new Float64Array(size);
  region.members.forEach((i, k) => {
    const f = factor(i);
    for (let c = 0; c < C; c++) {
      const out = context.next(i, c);
      const state = k * C + c;
      for (const edge of flow.edges[i]!) {
        if (edge.to === region.exit) {
          exitShare[state]! += edge.chance * f;
          continue;
        }
        chain.succ[state]!.push(local.get(edge.to)! * C + out);
        chain.weight[state]!.push(edge.chance * f);
      }
    }
  });
  return { chain, exitShare };
}

/** Solves one region for the mass entering it at its entry step (by context). */
export function solveRegion(
  flow: Flow,
  region: Region,
  context: Context,
  entry: Float64Array,
  factor: (i: number) => number = () => 1,
): RegionSolution {
  const C = context.count;
  const { chain, exitShare } = regionChain(flow, region, context, factor);
  const b = new Float64Array(region.members.length * C);
  for (let c = 0; c < C; c++) b[c] = entry[c]!; // the entry step is members[0]
  const mass = solveChain(chain, b);
  const exit = new Float64Array(C);
  region.members.forEach((i, k) => {
    for (let c = 0; c < C; c++) exit[context.next(i, c)]! += mass[k * C + c]! * exitShare[k * C + c]!;
  });
  return { mass, exit };
}

/**
 * Global expected mass of every state (step i, context c) at i * count + c, for one customer entering the process.
 * Parallel branches start in the context the split leaves; the join continues from the split's context, with the
 * chance that no branch ended the case; a step inside a branch counts the share of its visits that happen.
 */
export function contextMass(flow: Flow, context: Context, stopping: Stopping): Float64Array {
  const C = context.count;
  // The mass as if no branch cut another short: what enters nested branches.
  const unstopped = new Float64Array(flow.steps.length * C);
  const entries = new Map<number, Float64Array>();
  const start = new Float64Array(C);
  start[context.initial] = 1;
  entries.set(0, start);
  for (const region of flow.regions) {
    const { mass } = solveRegion(flow, region, context, entries.get(region.id)!, (i) => stopping.carryOn[i]!);
    region.members.forEach((i, k) => {
      for (let c = 0; c < C; c++) unstopped[i * C + c] = mass[k * C + c]!;
      const branches = flow.branchRegions.get(i);
      if (!branches) return;
      const out = new Float64Array(C);
      for (let c = 0; c < C; c++) out[context.next(i, c)]! += mass[k * C + c]!;
      for (const r of branches) entries.set(r, out);
    });
  }
  return unstopped.map((x, state) => x * stopping.survival[Math.floor(state / C)]!);
}
