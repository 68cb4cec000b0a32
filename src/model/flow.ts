/**
 * The flow model of a valid map: the steps partitioned into regions. The top region runs from the start step to
 * the end steps; each branch of parallel work is a region of its own, from the branch's first step up to (not
 * including) the join. Inside a region a split is "collapsed": it leads straight to its join, and its branches
 * are solved as regions of their own. The loader guarantees that regions nest and never overlap.
 */
import type { ProcessMap, Step } from '../load/index.js';
import { walker } from '../core/index.js';

export interface Region {
  id: number;
  /** The first step of the region. */
  entry: number;
  /** The join that ends a branch region; -1 for the top region, which ends at end steps. */
  exit: number;
  /** Steps of the region (not those inside nested branches), in order of distance from the entry. */
  members: number[];
  /** The split that starts this branch region, -1 for the top region. */
  split: number;
  /** Position of this branch among the split's branches. */
  branch: number;
}

interface Edge {
  to: number;
  chance: number;
}

export interface Flow {
  map: ProcessMap;
  steps: Step[];
  /** Regions, parents before children: regions[0] is the top region. */
  regions: Region[];
  /** The region each step belongs to. */
  regionOf: Int32Array;
  /** For each split step, the regions of its branches in the order written. */
  branchRegions: Map<number, number[]>;
  /** Where the work goes from step i inside its region: a split leads to its join. */
  edges: Edge[][];
  /** Where the work goes from step i as the map says: a split leads to each of its branches (chance 1 each). */
  links: Edge[][];
}

/** The steps that lead straight to each step, as the map says (`links`), in the order of the map. */
export function predecessors(flow: Flow): Step[][] {
  const into: Step[][] = flow.steps.map(() => []);
  for (const from of flow.steps)
    for (const to of new Set(flow.links[from.index]!.map((e) => e.to))) into[to]!.push(from);
  return into;
}

export function buildFlow(map: ProcessMap): Flow {
  const steps = map.steps;
  const edges: Edge[][] = steps.map((s) =>
    s.next.kind === 'all'
      ? [{ to: s.next.join, chance: 1 }]
      : s.next.kind === 'choice'
        ? s.next.choices.map((c) => ({ to: c.to, chance: c.chance }))
        : [],
  );
  const links: Edge[][] = steps.map((s) =>
    s.next.kind === 'all'
      ? s.next.branches.map((to) => ({ to, chance: 1 }))
      : s.next.kind === 'choice'
        ? s.next.choices.map((c) => ({ to: c.to, chance: c.chance }))
        : [],
  );
  const walk = walker(edges.map((list) => list.map((e) => e.to)));
  const regions: Region[] = [];
  const regionOf = new Int32Array(steps.length).fill(-1);
  const branchRegions = new Map<number, number[]>();
  const addRegion = (entry: number, exit: number, split: number, branch: number) => {
    const region: Region = { id: regions.length, entry, exit, members: walk(entry, exit), split, branch };
    regions.push(region);
    for (const i of region.members) regionOf[i] = region.id;
    return region.id;
  };
  addRegion(map.start, -1, -1, 0);
  for (let r = 0; r < regions.length; r++) {
    for (const i of regions[r]!.members) {
      const next = steps[i]!.next;
      if (next.kind === 'all')
        branchRegions.set(
          i,
          next.branches.map((b, k) => addRegion(b, next.join, i, k)),
        );
    }
  }
  return { map, steps, regions, regionOf, branchRegions, edges, links };
}
