/**
 * The most likely path through a map, as a timeline: the steps a customer most often goes through, each with the
 * time its wait and its work start. The timeline and the journey draw it.
 */
import { mean } from '../core/index.js';
import type { Next, Step } from '../load/index.js';
import type { ExactAnalysis as Analysis } from './analyze.js';

/** A step of the most likely path: when its wait starts (seconds from the trigger), its wait and its work. */
export interface PathStep {
  step: number;
  start: number;
  wait: number;
  work: number;
}

/** A walk from step `i` at `time` until `stop` (a join) or an end; `block`: the parallel work it waits on. */
interface Walk {
  i: number | undefined;
  stop: number;
  time: number;
  block?: { branches: number[]; next: number; start: number; slowest: number; join: number };
}

/** The path of each analysis, walked once: the views split into parts by stage ask for it again for each part. */
const PATHS = new WeakMap<Analysis, readonly PathStep[]>();

/**
 * The steps of the most likely path: the likeliest way on at every choice, without going round a loop, each step
 * once with its mean wait and work. Parallel branches all start when the split is done and the join starts when
 * the slowest is done. They are walked one after the other on a stack of walks rather than by recursion, so that
 * parallel work nested thousands deep cannot overflow the call stack.
 */
export function likelyPath(analysis: Analysis): readonly PathStep[] {
  const known = PATHS.get(analysis);
  if (known) return known;
  const { map } = analysis;
  const bars: PathStep[] = [];
  const seen = new Set<number>();
  const stack: Walk[] = [{ i: map.start, stop: -1, time: 0 }];
  let finished = 0; // the time the last walk taken off the stack ended
  while (stack.length > 0) {
    const w = stack.at(-1)!;
    if (w.block) {
      // Back from a branch: start the next one, or go on from the join when the slowest is done.
      w.block.slowest = Math.max(w.block.slowest, finished);
      if (w.block.next < w.block.branches.length) {
        stack.push({ i: w.block.branches[w.block.next++]!, stop: w.block.join, time: w.block.start });
        continue;
      }
      w.time = w.block.slowest;
      w.i = w.block.join;
      w.block = undefined;
    }
    while (w.i !== undefined && w.i !== w.stop && !seen.has(w.i)) {
      seen.add(w.i);
      const s: Step = map.steps[w.i]!;
      const wait = mean(s.wait);
      const work = mean(s.work);
      bars.push({ step: w.i, start: w.time, wait, work });
      w.time += wait + work;
      const next: Next = s.next;
      if (next.kind === 'all') {
        w.block = { branches: next.branches, next: 1, start: w.time, slowest: -Infinity, join: next.join };
        stack.push({ i: next.branches[0]!, stop: next.join, time: w.time });
        break;
      }
      w.i =
        next.kind === 'choice'
          ? [...next.choices].filter((c) => !seen.has(c.to)).sort((a, b) => b.chance - a.chance)[0]?.to
          : undefined;
    }
    if (w.block) continue;
    finished = w.time;
    stack.pop();
  }
  PATHS.set(analysis, bars);
  return bars;
}
