/**
 * The opportunities by value and effort, laid out by cxmap, each by its number in the ranking: quick wins (much
 * value, little effort), major projects, fill-ins and thankless tasks, with the quadrants' lines where the
 * ranking draws them (value high from 2.5 of 5, effort from 3 of 5), so that an opportunity stands in the
 * quadrant the ranking gives it.
 */
import type { ProcessMap } from '../../load/index.js';
import { between, plainWords, valueOf, type Quadrant, type Ranking } from '../../rules/index.js';
import type { Drawing } from './scene.js';
import { dot } from './shapes.js';
import { CHART } from '../theme.js';
import { quadrantDrawing, type QuadrantChart, type Region } from './quadrants.js';

/** Effort 0-2 fall left of the line, 3-5 right of it; value 2.5-5 above it, 0-2.5 below. */
const REGIONS: Record<Quadrant, Omit<Region, 'id'>> = {
  'quick win': { left: 0, right: 0.5, top: 0, bottom: 0.5, title: 'Quick wins', fill: CHART.good, align: 'left' },
  'major project': {
    left: 0.5,
    right: 1,
    top: 0,
    bottom: 0.5,
    title: 'Major projects',
    fill: CHART.hurry,
    align: 'right',
  },
  'fill-in': { left: 0, right: 0.5, top: 0.5, bottom: 1, title: 'Fill-ins', fill: CHART.calm, align: 'left' },
  'thankless task': {
    left: 0.5,
    right: 1,
    top: 0.5,
    bottom: 1,
    title: 'Thankless tasks',
    fill: CHART.rethink,
    align: 'right',
  },
};
const ORDER = Object.keys(REGIONS) as Quadrant[];
const POINT = CHART.opportunity;
const clamp = (v: number) => Math.max(0, Math.min(1, v));

/** The ranked opportunities: what the drawing and the Mermaid quadrant chart both show. */
export function prioritiesChart(ranking: Ranking, title: string, map: Pick<ProcessMap, 'steps'>): QuadrantChart {
  const points = ranking.ranked.map((r, k) => {
    const right = r.effort >= 3;
    const top = r.value >= 2.5;
    return {
      id: r.opportunity.id,
      region: ORDER.indexOf(r.quadrant),
      // Efforts are whole: 0, 1, 2 in the middle of thirds of the left half, 3, 4, 5 of the right.
      u: clamp(((right ? r.effort - 3 : r.effort) + 0.5) / 3),
      v: clamp(top ? (r.value - 2.5) / 2.5 : r.value / 2.5),
      // Titles name steps by their ids; a picture, by their names. A change with a size stands at the middle of its
      // range; its name gives the value over the whole range.
      name: `${plainWords(r.opportunity.title, map)}${r.sizes.length ? ` (value ${between(valueOf(r.low.impact).toFixed(1), valueOf(r.high.impact).toFixed(1))})` : ''}`,
      key: k + 1,
      colour: POINT,
    };
  });
  return {
    title,
    regions: ORDER.map((q) => ({ id: q, ...REGIONS[q] })),
    points,
    yLabels: [
      { at: 0.25, text: '2.5-5' },
      { at: 0.75, text: '0-2.5' },
    ],
    xLabels: [
      { at: 0.25, text: 'effort 0-2' },
      { at: 0.75, text: 'effort 3-5' },
    ],
    yCaption: 'Value of the change (0-5, from its computed impact; a change with a size at the middle of its range)',
    xCaption: 'Effort of making the change (0 none to 5 a large project)',
    legend: [{ label: 'opportunity, by its rank', draw: dot(POINT) }],
  };
}

export const prioritiesDrawing = (ranking: Ranking, title: string, map: Pick<ProcessMap, 'steps'>): Drawing =>
  quadrantDrawing(prioritiesChart(ranking, title, map));
