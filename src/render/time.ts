/**
 * Where the customer's time goes, as a Mermaid pie: the waiting, and the work by value class (value-adding,
 * business-required, waste and rework, not classed), on the critical path, weighted by expected visits; the slices add up to
 * the lead time.
 */
import { formatDuration } from '../core/index.js';
import { leanTime, type ExactAnalysis as Analysis } from '../analysis/index.js';
import { PALETTE } from './theme.js';
import { plainLabel } from './text.js';

interface TimeSlice {
  label: string;
  seconds: number;
  colour: string;
}

export function timeSplit(
  analysis: Analysis,
  subset: readonly number[] = analysis.map.steps.map((s) => s.index),
): TimeSlice[] {
  const lean = leanTime(analysis.map.steps, analysis.time, subset);
  return [
    { label: 'Waiting', seconds: lean.wait, colour: PALETTE.hot },
    { label: 'Value-adding work', seconds: lean.valueAdding, colour: PALETTE.valueAdding },
    { label: 'Business-required work', seconds: lean.required, colour: PALETTE.required },
    { label: 'Waste work and rework', seconds: lean.waste, colour: PALETTE.waste },
    { label: 'Work not classed', seconds: lean.unclassed, colour: PALETTE.unclassified },
  ];
}

export function timePie(analysis: Analysis, subset: readonly number[], title: string): string {
  const cal = analysis.map.process.calendar;
  // Slice sizes in hours: Mermaid draws the shares; the labels carry the durations in the map's calendar.
  const slices = timeSplit(analysis, subset)
    .map((s) => ({ ...s, hours: (s.seconds / 3600).toFixed(2) }))
    .filter((s) => Number(s.hours) > 0);
  // The slices take the colours of the value classes of the other views (only the base theme takes colours).
  const colours = Object.fromEntries(slices.map((s, k) => [`pie${k + 1}`, s.colour]));
  const init = {
    theme: 'base',
    themeVariables: {
      ...colours,
      pieStrokeColor: '#FFFFFF',
      pieOuterStrokeColor: '#FFFFFF',
      pieSectionTextColor: '#FFFFFF',
      pieSectionTextSize: '15px',
      pieOpacity: '1',
    },
  };
  return `${[`%%{init: ${JSON.stringify(init)}}%%`, 'pie', `  title ${plainLabel(title)}`, ...slices.map((s) => `  "${s.label} · ${formatDuration(s.seconds, cal)}" : ${s.hours}`)].join('\n')}\n`;
}
