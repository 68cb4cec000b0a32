/**
 * Where the customer's time goes, as a Mermaid pie: the waiting, and the work by value class (value-adding,
 * business-required, waste and rework, not classed), on the critical path, weighted by expected visits; the slices
 * add up to the lead time. The slices are the time chart's own (`timeModel`), so the two cannot disagree.
 */
import { formatDuration } from '../core/index.js';
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import { CHART } from './theme.js';
import { plainLabel } from './text.js';
import { timeModel } from './svg/time.js';

export function timePie(analysis: Analysis, subset: readonly number[], title: string): string {
  const cal = analysis.map.process.calendar;
  const model = timeModel(analysis, subset);
  // Slice sizes in hours: Mermaid draws the shares; the labels carry the durations in the map's calendar.
  const slices = [model.wait, ...model.work]
    .map((s) => ({ ...s, hours: (s.seconds / 3600).toFixed(2) }))
    .filter((s) => Number(s.hours) > 0);
  // The slices take the colours of the value classes of the other views (only the base theme takes colours).
  const colours = Object.fromEntries(slices.map((s, k) => [`pie${k + 1}`, s.colour]));
  const init = {
    theme: 'base',
    themeVariables: {
      ...colours,
      pieStrokeColor: CHART.paper,
      pieOuterStrokeColor: CHART.paper,
      pieSectionTextColor: CHART.paper,
      pieSectionTextSize: '15px',
      pieOpacity: '1',
    },
  };
  return `${[`%%{init: ${JSON.stringify(init)}}%%`, 'pie', `  title ${plainLabel(title)}`, ...slices.map((s) => `  "${s.label} · ${formatDuration(s.seconds, cal)}" : ${s.hours}`)].join('\n')}\n`;
}
