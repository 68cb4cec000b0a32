/**
 * The steps by value and delay, laid out by cxmap. The regions are the verdicts of `cxmap score`, so that a
 * step stands where its verdict says: keep and speed up (high value for the customer, little and much delay),
 * streamline and rethink (low value), and a band across the bottom for waste, which is removed whatever its
 * delay. Business-required work is never of high value for the customer (score.ts), so it never stands in the
 * upper half. Across, a step's share of the lead time; the middle is the share from which a delay is high.
 */
import { CHART, VALUE_STYLE, type ValueKey } from '../theme.js';
import { highDelayShare, type Verdict, type ExactAnalysis as Analysis } from '../../analysis/index.js';
import { type Drawing } from './scene.js';
import { valueItems } from './shapes.js';
import { quadrantDrawing, type QuadrantChart, type Region } from './quadrants.js';

const REGIONS: Record<Verdict, Omit<Region, 'id'>> = {
  keep: { left: 0, right: 0.5, top: 0, bottom: 0.4, title: 'Keep', fill: CHART.good, align: 'left' },
  'speed up': { left: 0.5, right: 1, top: 0, bottom: 0.4, title: 'Speed up', fill: CHART.hurry, align: 'right' },
  streamline: { left: 0, right: 0.5, top: 0.4, bottom: 0.78, title: 'Streamline', fill: CHART.calm, align: 'left' },
  rethink: { left: 0.5, right: 1, top: 0.4, bottom: 0.78, title: 'Rethink', fill: CHART.rethink, align: 'right' },
  remove: {
    left: 0,
    right: 1,
    top: 0.78,
    bottom: 1,
    title: 'Remove: waste, whatever its delay',
    fill: CHART.remove,
    align: 'left',
  },
};
const ORDER = Object.keys(REGIONS) as Verdict[];

const pct = (x: number) => `${Math.round(100 * x)}%`;
const clamp = (v: number) => Math.max(0, Math.min(1, v));

/** The matrix of the steps of `subset`: what the drawing and the Mermaid quadrant chart both show. */
export function matrixChart(analysis: Analysis, subset: readonly number[], title: string): QuadrantChart {
  const { map, scores, time, weights } = analysis;
  const high = Math.min(1, highDelayShare(time, weights));
  const { highValue } = weights;
  const values = new Set<ValueKey>();
  const points = subset.map((i) => {
    const { verdict, value, delayShare } = scores[i]!;
    const step = map.steps[i]!;
    values.add(step.value ?? 'none');
    // Across: the share within the half of the verdict's delay (the waste band spans both halves).
    const slow = delayShare >= high;
    const half = slow ? clamp((delayShare - high) / Math.max(1e-9, 1 - high)) : clamp(delayShare / high);
    const u = verdict === 'remove' ? (slow ? 0.5 + half / 2 : half / 2) : half;
    const v =
      verdict === 'keep' || verdict === 'speed up'
        ? (value - highValue) / Math.max(1, 100 - highValue)
        : value / highValue;
    return {
      id: step.id,
      region: ORDER.indexOf(verdict),
      u,
      v: clamp(v),
      name: step.name,
      key: i + 1,
      colour: VALUE_STYLE[step.value ?? 'none'].band,
    };
  });
  return {
    title,
    regions: ORDER.map((v) => ({ id: v, ...REGIONS[v] })),
    points,
    yLabels: [
      { at: 0.2, text: `${highValue}-100` },
      { at: 0.59, text: `0-${highValue - 1}` },
      { at: 0.89, text: 'waste' },
    ],
    xLabels: [
      { at: 0, text: '0%' },
      { at: 0.5, text: pct(high) },
      { at: 1, text: '100%' },
    ],
    yCaption: 'Value for the customer (score 0-100)',
    xCaption: `Share of the lead time on the critical path (a step is slow from ${pct(high)})`,
    legend: valueItems(values, 'dot'),
  };
}

export const matrixDrawing = (analysis: Analysis, subset: readonly number[], title: string): Drawing =>
  quadrantDrawing(matrixChart(analysis, subset, title));
