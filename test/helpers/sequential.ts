/**
 * Makes a map without parallel work out of one with it: the branches of each split run one after the other
 * (the split leads to the first branch, whose end leads to the second, and so on to the join). The exact figures
 * of such a map are those of the absorbing Markov chain, which the simulation must then agree with.
 */
import { parseDocument } from 'yaml';
import { buildFlow } from '../../src/model/flow.js';
import type { RawMap } from '../../src/load/index.js';
import { mapOf } from './analyze.js';

export function sequential(yaml: string): string {
  const map = mapOf(yaml);
  const flow = buildFlow(map);
  const raw = parseDocument(yaml).toJS() as RawMap;
  for (const [split, regions] of flow.branchRegions) {
    const next = map.steps[split]!.next;
    if (next.kind !== 'all') continue;
    const joinId = map.steps[next.join]!.id;
    raw.steps[split]!.next = map.steps[next.branches[0]!]!.id;
    regions.forEach((r, k) => {
      const onward = k + 1 < regions.length ? map.steps[next.branches[k + 1]!]!.id : joinId;
      for (const i of flow.regions[r]!.members) {
        const step = raw.steps[i]!;
        if (step.next === joinId) step.next = onward;
        else if (Array.isArray(step.next)) for (const c of step.next) if (c.to === joinId) c.to = onward;
      }
    });
  }
  return JSON.stringify(raw);
}
