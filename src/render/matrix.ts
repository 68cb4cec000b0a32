/**
 * The steps by value and delay, as a Mermaid quadrant chart. The axes are drawn so that the quadrant lines are the
 * verdict's thresholds (the weights the map was scored by): a step's delay counts as high from twice an even share of
 * the lead time (x = 0.5) and its value as high from 60 (y = 0.5) by default; so the quadrants read keep, speed up,
 * streamline and rethink.
 */
import { highDelayShare, type ExactAnalysis as Analysis } from '../analysis/index.js';
import { plainLabel } from './text.js';

export function matrix(analysis: Analysis, subset: readonly number[], title: string): string {
  const { map, scores, time, weights: w } = analysis;
  const highDelay = highDelayShare(time, w);
  const x = (share: number) => Math.min(1, share / (2 * highDelay));
  const y = (value: number) =>
    value < w.highValue
      ? (0.5 * value) / w.highValue
      : 0.5 + (0.5 * (value - w.highValue)) / Math.max(1, 100 - w.highValue);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const lines = [
    'quadrantChart',
    `  title ${plainLabel(title)}`,
    '  x-axis Small share of the lead time --> Large share',
    '  y-axis Low value for the customer --> High value',
    '  quadrant-1 Speed up',
    '  quadrant-2 Keep',
    '  quadrant-3 Streamline',
    '  quadrant-4 Rethink or remove',
  ];
  for (const i of subset) {
    const s = scores[i]!;
    // Quoted: a step id may be a keyword of the chart (`title`); ids hold no quotes.
    lines.push(`  "${map.steps[i]!.id}": [${round(x(s.delayShare))}, ${round(y(s.value))}]`);
  }
  return `${lines.join('\n')}\n`;
}
