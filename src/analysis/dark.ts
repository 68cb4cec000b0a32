/**
 * Dark time: silence that the customer feels. The customer's clock of silence starts at their last news (a step
 * that tells them something, or any contact: a frontstage step, a step on a channel) and runs while the company
 * waits and works; the part of a wait beyond `darkAfter` of silence is dark. An update lights the next stretch for
 * that long only. Waits of kind `customer` (their own choice or pace) are never dark, and neither they nor the
 * customer's own work run the clock.
 *
 * Exact on expected durations: the silence at each step is carried as a distribution over the values it takes on
 * the ways to the step (capped at the threshold, beyond which every wait is dark), pushed along the customer's
 * path one strongly connected component at a time. Inside parallel work the customer's path runs through the
 * critical branch, and the join continues from the silence at its end; what another branch tells the customer
 * does not light it.
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
  // The customer's path as one graph: a split leads into its critical branch, whose last steps lead to the join;
  // the other branches are off the critical path, so none of their waiting is the customer's.
  const next = steps.map((_, i) => {
    const branches = flow.branchRegions.get(i);
    if (!branches) return flow.edges[i]!;
    return [{ to: flow.regions[branches[time.criticalBranch.get(i)!]!]!.entry, chance: 1 }];
  });
  const comps = components(next.map((edges) => edges.map((e) => e.to))).reverse(); // in the order the mass flows
  const compOf = componentIndex(comps, steps.length);

  const key = (s: number) => Math.round(Math.min(s, limit) * 1000) / 1000;
  const dark = new Float64Array(steps.length);
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
          dark[i]! += mass * Math.max(0, s + wait[i]! - Math.max(s, limit));
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
  return dark;
}
