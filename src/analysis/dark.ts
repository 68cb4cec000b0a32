/**
 * Dark time: silence that the customer feels. The customer's clock of silence starts at their last news (a step
 * that tells them something, or any contact: a frontstage step, a step on a channel) and runs while the company
 * waits and works; the part of a wait beyond `darkAfter` of silence is dark. An update lights the next stretch for
 * that long only. Waits of kind `customer` (their own choice or pace) are never dark, and neither they nor the
 * customer's own work run the clock.
 *
 * Exact on expected durations: the silence on arrival at each step is carried as a distribution over the values it
 * takes on the ways to the step (capped at the threshold, beyond which every wait is dark), pushed along the flow one
 * strongly connected component at a time. Each branch of parallel work starts from the silence at its split; the
 * join continues from the silence at the end of the critical branch (what another branch tells the customer does not
 * light it). A step's dark time is its dark wait per visit times its visits on the critical path, the weights of the
 * lead time: a step after a join counts only the cases that were not ended inside the parallel work, a step of the
 * branch that ended a case counts for that case, and no step's dark time can exceed its share of the lead time.
 */
import { componentIndex, components, mean } from '../core/index.js';
import { waitKindOf, type Step } from '../load/index.js';
import type { Flow } from '../model/index.js';
import type { TimeFigures } from './time.js';

/** Masses below this (per customer) are dropped: they change no figure at the precision cxmap prints. */
const NEGLIGIBLE = 1e-13;

/** Whether a step brings the customer news: it tells them something, or they are in contact with the company. */
export const informs = (s: Step) => s.tells.length > 0 || s.actor.kind === 'frontstage' || s.channel !== undefined;

/** Expected dark seconds per customer falling on each step, counted on the critical path. */
export function darkTime(flow: Flow, time: TimeFigures): Float64Array {
  const { steps } = flow;
  const limit = flow.map.process.darkAfter;
  const wait = steps.map((s) => (waitKindOf(s) === 'customer' ? 0 : mean(s.wait)));
  const busy = steps.map((s, i) => wait[i]! + (s.actor.kind === 'customer' ? 0 : mean(s.work)));
  // The ways the silence travels: a split leads into each of its branches; only the critical branch's last steps
  // lead on to the join, so that the join carries on from the silence at its end.
  const next = steps.map((_, i) => {
    const branches = flow.branchRegions.get(i);
    if (branches) return branches.map((r) => ({ to: flow.regions[r]!.entry, chance: 1 }));
    const region = flow.regions[flow.regionOf[i]!]!;
    const offCritical = region.split >= 0 && time.criticalBranch.get(region.split) !== region.branch;
    return offCritical ? flow.edges[i]!.filter((e) => e.to !== region.exit) : flow.edges[i]!;
  });
  const comps = components(next.map((edges) => edges.map((e) => e.to))).reverse(); // in the order the mass flows
  const compOf = componentIndex(comps, steps.length);

  const key = (s: number) => Math.round(Math.min(s, limit) * 1000) / 1000;
  // Per step, the mass that arrived and the dark seconds it met there: their ratio is the dark wait of a visit.
  const arrived = new Float64Array(steps.length);
  const darkMass = new Float64Array(steps.length);
  // The silence the customer arrives with at each step, by value: the mass still to push on.
  const pending = steps.map(() => new Map<number, number>());
  pending[flow.map.start]!.set(0, 1);
  comps.forEach((comp, c) => {
    for (let moved = true; moved;) {
      moved = false;
      for (const i of comp) {
        const here = pending[i]!;
        if (here.size === 0) continue;
        pending[i] = new Map();
        for (const [s, mass] of here) {
          if (mass < NEGLIGIBLE) continue;
          arrived[i]! += mass;
          darkMass[i]! += mass * Math.max(0, s + wait[i]! - Math.max(s, limit));
          const after = informs(steps[i]!) ? 0 : key(s + busy[i]!);
          for (const edge of next[i]!) {
            const flowing = mass * edge.chance;
            pending[edge.to]!.set(after, (pending[edge.to]!.get(after) ?? 0) + flowing);
            if (compOf[edge.to] === c && flowing >= NEGLIGIBLE) moved = true;
          }
        }
      }
    }
  });
  return Float64Array.from(steps, (_, i) => (arrived[i]! > 0 ? (time.critical[i]! * darkMass[i]!) / arrived[i]! : 0));
}
