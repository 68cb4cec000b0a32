/**
 * The opportunities by value and effort, as a Mermaid quadrant chart: each ranked opportunity by its number in the
 * report's ranking. Effort runs 0 to 5 from left to right, value 0 to 5 from bottom to top; the quadrant lines
 * fall between effort 2 and 3 and at value 2.5, so the quadrants read quick wins, major projects, fill-ins and
 * thankless tasks, as practitioners draw them.
 */
import type { Quadrant, Ranking } from '../rules/index.js';
import { plainLabel } from './text.js';

/** Where a value and an effort fall on the chart (0 to 1 each), a whole effort in the middle of its band. */
const x = (effort: number) => (effort + 0.5) / 6;
const y = (value: number) => Math.min(0.97, Math.max(0.03, value / 5));

export function priorities(ranking: Ranking, title: string): string {
  const lines = [
    'quadrantChart',
    `  title ${plainLabel(title)}`,
    '  x-axis Little effort --> Much effort',
    '  y-axis Little value --> Much value',
    // Mermaid numbers the quadrants from the top right, anticlockwise.
    ...(['major project', 'quick win', 'fill-in', 'thankless task'] satisfies Quadrant[]).map(
      (q, k) => `  quadrant-${k + 1} ${q.charAt(0).toUpperCase()}${q.slice(1)}s`,
    ),
  ];
  // An opportunity near one already placed in its column of effort is set beside it, so that every number can be
  // read: a label is about 4% of the chart high.
  const placed: { effort: number; y: number }[] = [];
  const round = (v: number) => Math.round(v * 1000) / 1000;
  ranking.ranked.forEach((r, k) => {
    const at = y(r.value);
    const near = placed.filter((p) => p.effort === r.effort && Math.abs(p.y - at) < 0.05).length;
    placed.push({ effort: r.effort, y: at });
    lines.push(`  "${k + 1}": [${round(x(r.effort) + 0.04 * near)}, ${round(at)}]`);
  });
  return `${lines.join('\n')}\n`;
}
