/**
 * What changed between two maps of one process (an as-is and its to-be, as `cxmap improve` writes it or a
 * consultant edits it), step by step, in plain words for the board: steps are matched by id; each step of the
 * to-be is unchanged, changed (with what changed: `wait 4.7 d → 2.9 d`, `channel phone → web`, `asks no longer
 * for income`), or new; the steps of the as-is that the to-be no longer has are listed by name. No id appears in
 * the words.
 */
import { formatDuration, mean, wordList, type Calendar } from '../core/index.js';
import type { ProcessMap, Step } from '../load/index.js';

export interface StepChange {
  /** The step's index in the to-be. */
  index: number;
  name: string;
  kind: 'unchanged' | 'changed' | 'new';
  /** What changed, one phrase each, in the order of the step's fields; empty when unchanged or new. */
  what: string[];
}

export interface StepChanges {
  /** One for each step of the to-be, in its order. */
  steps: StepChange[];
  /** The names of the as-is steps the to-be no longer has (removed, or merged into another), in the as-is order. */
  removed: string[];
}

const VALUE_WORDS = { customer: 'value-adding', business: 'business-required', waste: 'waste' } as const;
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
const missing = (from: readonly string[], to: readonly string[]) => from.filter((x) => !to.includes(x));

function durationChange(what: string, before: number, after: number, calendar: Calendar): string[] {
  if (Math.abs(before - after) < 1) return [];
  const said = (s: number) => (s > 0 ? formatDuration(s, calendar) : 'none');
  return [`${what} ${said(before)} → ${said(after)}`];
}

function listChange(items: { before: string[]; after: string[] }, gone: string, added: string): string[] {
  const out = missing(items.before, items.after);
  const into = missing(items.after, items.before);
  return [...(out.length ? [`${gone} ${wordList(out)}`] : []), ...(into.length ? [`${added} ${wordList(into)}`] : [])];
}

/**
 * The steps a step leads to, by id, with the share of customers each way (1 for every branch of parallel work).
 * The one way of a plain sequence to a step in `gone` is followed on to where that step led, so that a step whose
 * next step was removed does not read as changed for that alone; a branch of a choice to a step in `gone` is kept,
 * and reads as a branch no longer taken.
 */
function ways(map: ProcessMap, step: Step, gone: ReadonlySet<string>, seen = new Set<number>()): Map<string, number> {
  const out = new Map<string, number>();
  const next = step.next;
  const single = next.kind === 'choice' && next.choices.length === 1;
  const add = (to: number, chance: number) => {
    const target = map.steps[to]!;
    if (single && gone.has(target.id) && !seen.has(to)) {
      seen.add(to);
      for (const [id, c] of ways(map, target, gone, seen)) out.set(id, (out.get(id) ?? 0) + chance * c);
    } else out.set(target.id, (out.get(target.id) ?? 0) + chance);
  };
  if (next.kind === 'choice') for (const c of next.choices) add(c.to, c.chance);
  if (next.kind === 'all') for (const b of next.branches) add(b, 1);
  return out;
}

/** The steps that start a branch of parallel work, with the other branches' first steps, by id. */
function parallelWith(map: ProcessMap): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of map.steps)
    if (s.next.kind === 'all')
      for (const b of s.next.branches)
        out.set(map.steps[b]!.id, new Set(s.next.branches.filter((o) => o !== b).map((o) => map.steps[o]!.id)));
  return out;
}

/**
 * What changed, step by step, in words. (The model's `stepChanges` says which keys of a step differ as the format
 * writes them, for `improve` and `cxmap compare`; this says it as a board reads it.)
 */
export function changesInWords(asIs: ProcessMap, toBe: ProcessMap): StepChanges {
  const before = new Map(asIs.steps.map((s) => [s.id, s]));
  const kept = new Set(toBe.steps.map((s) => s.id));
  const gone = new Set(asIs.steps.filter((s) => !kept.has(s.id)).map((s) => s.id));
  const nameOf = (id: string) => (toBe.steps.find((s) => s.id === id) ?? before.get(id)!).name;
  const calendar = toBe.process.calendar;
  const parallelBefore = parallelWith(asIs);
  const parallelAfter = parallelWith(toBe);
  const steps = toBe.steps.map((s): StepChange => {
    const was = before.get(s.id);
    if (!was) return { index: s.index, name: s.name, kind: 'new', what: [] };
    const what: string[] = [];
    if (was.name !== s.name) what.push(`was called ${was.name}`);
    if (was.stage !== s.stage) what.push(`moved to ${s.stage}`);
    if (was.actor.name !== s.actor.name) what.push(`done by ${was.actor.name} → ${s.actor.name}`);
    if ((was.channel ?? '') !== (s.channel ?? ''))
      what.push(`channel ${was.channel ?? 'none'} → ${s.channel ?? 'none'}`);
    what.push(...durationChange('wait', mean(was.wait), mean(s.wait), calendar));
    what.push(...durationChange('work', mean(was.work), mean(s.work), calendar));
    if (was.value !== s.value)
      what.push(
        `${was.value ? VALUE_WORDS[was.value] : 'not classed'} → ${s.value ? VALUE_WORDS[s.value] : 'not classed'}`,
      );
    what.push(...listChange({ before: was.asks, after: s.asks }, 'asks no longer for', 'now asks for'));
    what.push(...listChange({ before: was.verifies, after: s.verifies }, 'checks no longer', 'now checks'));
    what.push(
      ...listChange({ before: was.tells, after: s.tells }, 'no longer tells the customer:', 'now tells the customer:'),
    );
    if (was.ca !== s.ca) what.push(`done right first time ${percent(was.ca)} → ${percent(s.ca)}`);
    if ((was.cost ?? 0) !== (s.cost ?? 0)) what.push(`cost each time ${was.cost ?? 0} → ${s.cost ?? 0}`);
    if (was.fails && !s.fails) what.push(`no longer fails: ${was.fails}`);
    if (s.fails && was.fails !== s.fails) what.push(`now fails: ${s.fails}`);
    const together = missing([...(parallelAfter.get(s.id) ?? [])], [...(parallelBefore.get(s.id) ?? [])]);
    if (together.length) what.push(`now runs in parallel with ${wordList(together.map(nameOf))}`);
    const from = ways(asIs, was, gone);
    const to = ways(toBe, s, gone);
    const choices = from.size > 1 && to.size > 1;
    for (const [id, chance] of to) {
      const old = from.get(id);
      if (old === undefined) what.push(`now goes on to ${nameOf(id)}`);
      else if (choices && Math.abs(old - chance) > 1e-9)
        what.push(`${percent(old)} → ${percent(chance)} go on to ${nameOf(id)}`);
    }
    for (const id of from.keys()) if (!to.has(id)) what.push(`no longer goes on to ${nameOf(id)}`);
    return { index: s.index, name: s.name, kind: what.length ? 'changed' : 'unchanged', what };
  });
  return { steps, removed: asIs.steps.filter((s) => gone.has(s.id)).map((s) => s.name) };
}
