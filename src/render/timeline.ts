/**
 * Where the customer's time goes, as a Mermaid gantt chart of the most likely path: for every step its wait (red
 * when the customer is left without news, grey otherwise) and its work, in the map's calendar. Parallel branches
 * run side by side and the join starts when the slowest is done. The axis counts calendar days from day 1.
 */
import { mean } from '../core/index.js';
import type { Next, Step } from '../load/index.js';
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import { lineStart, plainLabel, shorten } from './text.js';

interface Bar {
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

/**
 * The steps of the most likely path: the likeliest way on at every choice, without going round a loop. Parallel
 * branches are walked one after the other from the split's time, on a stack of walks rather than by recursion, so
 * that parallel work nested thousands deep cannot overflow the call stack.
 */
export function likelyPath(analysis: Analysis): Bar[] {
  const { map } = analysis;
  const bars: Bar[] = [];
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
  return bars;
}

export function timeline(analysis: Analysis, subset: readonly number[], title: string): string {
  const { map, effort } = analysis;
  const inPart = new Set(subset);
  const bars = likelyPath(analysis).filter((b) => inPart.has(b.step));
  // Times in milliseconds (Mermaid 11 misreads start times given in seconds, `dateFormat X`). One day on the
  // axis is one day of the map's calendar (8 working hours in an 8-hour calendar).
  const scale = (1000 * 86_400) / map.process.calendar.day;
  const total = bars.reduce((end, b) => Math.max(end, b.start + b.wait + b.work), 0) * scale;
  const lines = [
    'gantt',
    `  title ${plainLabel(title)}`,
    '  dateFormat x',
    total >= 2 * 86_400_000 ? '  axisFormat day %-j' : '  axisFormat %H:%M',
    '  todayMarker off',
  ];
  for (const stage of map.stages) {
    const inStage = bars.filter((b) => map.steps[b.step]!.stage === stage);
    if (inStage.length === 0) continue;
    lines.push(`  section ${plainLabel(stage)}`);
    for (const b of inStage) {
      const s = map.steps[b.step]!;
      const name = shorten(s.name, 45);
      const t0 = Math.round(b.start * scale);
      const t1 = Math.round((b.start + b.wait) * scale);
      const t2 = Math.round((b.start + b.wait + b.work) * scale);
      const dark = effort.darkWait[b.step]! > 0;
      if (t1 > t0)
        lines.push(`    ${lineStart(`waits for ${name}`)} :${dark ? 'crit' : 'done'}, w${b.step}, ${t0}, ${t1}`);
      if (t2 > t1) lines.push(`    ${lineStart(name)} :active, s${b.step}, ${t1}, ${t2}`);
      if (t2 === t0) lines.push(`    ${lineStart(name)} :milestone, s${b.step}, ${t0}, ${t0}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
