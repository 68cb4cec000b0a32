/**
 * Changing a copy of a map for a what-if: steps can be bypassed (removed, with the work that reached them going on
 * to where they led) and flows rewired; the result is renumbered and its parallel joins found again, so that the
 * engine can score it like any loaded map.
 */
import { goalDominators, type Choice, type ProcessMap, type Step } from '../load/index.js';
import { walker, successors } from '../core/index.js';

/** A deep copy to change freely. */
export function copyMap(map: ProcessMap): ProcessMap {
  return structuredClone(map);
}

/** The single step a step always goes on to, if it has exactly one way on. */
export function onlySuccessor(step: Step): number | undefined {
  return step.next.kind === 'choice' && step.next.choices.length === 1 ? step.next.choices[0]!.to : undefined;
}

/** Sends every way into a step of `to` to the step it maps to instead, in one pass over the map. */
function redirect(map: ProcessMap, to: ReadonlyMap<number, number>): void {
  const target = (i: number) => to.get(i) ?? i;
  for (const step of map.steps) {
    const next = step.next;
    if (next.kind === 'choice') {
      const merged: Choice[] = [];
      for (const c of next.choices) {
        const same = merged.find((m) => m.to === target(c.to));
        if (!same) merged.push({ ...c, to: target(c.to) });
        else {
          // Two ways that now lead to one step are one way: for every segment too, with its own chances added.
          if (same.for || c.for) {
            const segments = new Set([...Object.keys(same.for ?? {}), ...Object.keys(c.for ?? {})]);
            same.for = Object.fromEntries(
              [...segments].map((id) => [id, (same.for?.[id] ?? same.chance) + (c.for?.[id] ?? c.chance)]),
            );
          }
          same.chance += c.chance;
        }
      }
      next.choices = merged;
    } else if (next.kind === 'all') {
      next.branches = next.branches.map(target);
    }
  }
}

/**
 * Removes steps that each have one way on: everything that led to one goes straight on to where it led (past
 * other removed steps in a row), all in one pass, so that removing many steps costs as much as removing one.
 */
export function bypass(map: ProcessMap, indices: readonly number[]): ProcessMap {
  const removed = new Set(indices);
  const to = new Map<number, number>();
  for (const index of indices) {
    let target = index;
    for (let hops = 0; removed.has(target); hops++) {
      const next = onlySuccessor(map.steps[target]!);
      if (next === undefined || hops > indices.length)
        throw new Error(`step ${map.steps[index]!.id} has no single way on past the removed steps`);
      target = next;
    }
    to.set(index, target);
  }
  redirect(map, to);
  return renumber(map, removed);
}

/** Drops the removed steps, renumbers the rest, and finds every parallel join again. */
export function renumber(map: ProcessMap, removed: ReadonlySet<number>): ProcessMap {
  const newIndex = new Map<number, number>();
  const kept = map.steps.filter((s) => !removed.has(s.index));
  kept.forEach((s, k) => newIndex.set(s.index, k));
  const steps: Step[] = kept.map((s, k) => {
    const next = s.next;
    return {
      ...s,
      index: k,
      next:
        next.kind === 'choice'
          ? { kind: 'choice', choices: next.choices.map((c) => ({ ...c, to: newIndex.get(c.to)! })) }
          : next.kind === 'all'
            ? { kind: 'all', branches: next.branches.map((b) => newIndex.get(b)!), join: -1 }
            : next,
    };
  });
  const { ipdom } = goalDominators(steps);
  for (const s of steps) if (s.next.kind === 'all') s.next.join = ipdom[s.index]!;
  return { ...map, steps, start: newIndex.get(map.start)! };
}

/**
 * Tidies a changed map: removes the steps no customer reaches any more (say, a rework step whose way in was
 * closed), and drops the label of a way that is no longer a choice (the only way left).
 */
export function tidy(map: ProcessMap): ProcessMap {
  for (const step of map.steps) {
    if (step.next.kind === 'choice' && step.next.choices.length === 1)
      step.next.choices = [{ to: step.next.choices[0]!.to, chance: step.next.choices[0]!.chance }];
  }
  const reached = new Set(walker(map.steps.map((s) => successors(s.next)))(map.start));
  return reached.size === map.steps.length
    ? map
    : renumber(map, new Set(map.steps.filter((s) => !reached.has(s.index)).map((s) => s.index)));
}

/**
 * Lowers the chance of the way from `step` to `to` to `chance`: the customers it no longer takes end as the others
 * do, so the difference is spread over the other ways in proportion to their chances (the absorbing probabilities of
 * a loop that is closed: 55 / 25 back / 20, closing the 25, gives 55/75 and 20/75). A way lowered to 0 is closed.
 * The chances keep their sum and the other ways their ratios; nothing changes when the way is not there, is already
 * lower, or is the only way customers take.
 */
export function shrinkWay(step: Step, to: number, chance: number): void {
  if (step.next.kind !== 'choice') return;
  const way = step.next.choices.find((c) => c.to === to);
  const others = step.next.choices.filter((c) => c !== way);
  const rest = others.reduce((sum, c) => sum + c.chance, 0);
  if (!way || rest <= 0 || chance > way.chance) return;
  const moved = way.chance - Math.max(0, chance);
  const scaled = others.map((c) => ({ ...c, chance: c.chance + (moved * c.chance) / rest }));
  // A segment with chances of its own here has its way lowered in the same proportion, and the rest spread over its
  // other ways in proportion to its own chances: its chances keep their sum too.
  const ratio = Math.max(0, chance) / way.chance;
  for (const id of new Set(step.next.choices.flatMap((c) => Object.keys(c.for ?? {})))) {
    const own = (c: Choice) => c.for?.[id] ?? c.chance;
    const ownRest = others.reduce((sum, c) => sum + own(c), 0);
    // A segment that takes no other way keeps its chances: its customers have nowhere else to go.
    const kept = ownRest <= 0 ? 1 : ratio;
    const ownMoved = own(way) * (1 - kept);
    others.forEach((c, k) => {
      scaled[k]!.for = { ...scaled[k]!.for, [id]: own(c) + (ownRest > 0 ? (ownMoved * own(c)) / ownRest : 0) };
    });
    way.for = { ...way.for, [id]: own(way) * kept };
  }
  step.next.choices =
    chance > 0 ? step.next.choices.map((c) => (c === way ? { ...c, chance } : scaled[others.indexOf(c)]!)) : scaled;
}

/**
 * Closes the way from `step` to `to`: its customers end as those of the other ways do, its chance spread over them in
 * proportion (55% / 25% / 20%, closing the 25%, gives 73.33% / 26.67%). Closing several ways one after the other
 * gives what closing them together would.
 */
export const closeWay = (step: Step, to: number): void => shrinkWay(step, to, 0);
