/**
 * Where the customer's time goes, as a Mermaid gantt chart of the most likely path: for every step its wait (red
 * when the customer is left without news, grey otherwise) and its work, in the map's calendar. Parallel branches
 * run side by side and the join starts when the slowest is done. The axis counts calendar days from day 1. The
 * bars are the timeline drawing's own (`timelineModel`), so the two cannot disagree.
 */
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import { lineStart, plainLabel, shorten } from './text.js';
import { timelineModel } from './svg/timeline.js';

export function timeline(analysis: Analysis, subset: readonly number[], title: string): string {
  const { map } = analysis;
  const model = timelineModel(analysis, subset);
  // Times in milliseconds (Mermaid 11 misreads start times given in seconds, `dateFormat X`). One day on the
  // axis is one day of the map's calendar (8 working hours in an 8-hour calendar).
  const scale = (1000 * 86_400) / map.process.calendar.day;
  const lines = [
    'gantt',
    `  title ${plainLabel(title)}`,
    '  dateFormat x',
    model.end * scale >= 2 * 86_400_000 ? '  axisFormat day %-j' : '  axisFormat %H:%M',
    '  todayMarker off',
  ];
  for (const stage of model.stages) {
    lines.push(`  section ${plainLabel(stage.name)}`);
    for (const b of stage.bars) {
      const name = shorten(b.name, 45);
      const t0 = Math.round(b.start * scale);
      const t1 = Math.round((b.start + b.wait) * scale);
      const t2 = Math.round((b.start + b.wait + b.work) * scale);
      if (t1 > t0)
        lines.push(`    ${lineStart(`waits for ${name}`)} :${b.dark > 0 ? 'crit' : 'done'}, w${b.step}, ${t0}, ${t1}`);
      if (t2 > t1) lines.push(`    ${lineStart(name)} :active, s${b.step}, ${t1}, ${t2}`);
      if (t2 === t0) lines.push(`    ${lineStart(name)} :milestone, s${b.step}, ${t0}, ${t0}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
