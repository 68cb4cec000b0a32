/**
 * The opportunities by value and effort, as a Mermaid quadrant chart printed from the drawing's own model
 * (`prioritiesChart`): each ranked opportunity by its number in the report's ranking, where the drawing puts it.
 * Effort runs 0 to 5 from left to right, value 0 to 5 from bottom to top; the quadrant lines fall between effort 2
 * and 3 and at value 2.5, so the quadrants read quick wins, major projects, fill-ins and thankless tasks, as
 * practitioners draw them.
 */
import type { ProcessMap } from '../load/index.js';
import type { Ranking } from '../rules/index.js';
import { quadrantMermaid } from './matrix.js';
import { prioritiesChart } from './svg/priorities.js';

export const priorities = (ranking: Ranking, title: string, map: Pick<ProcessMap, 'steps'>): string =>
  quadrantMermaid(
    prioritiesChart(ranking, title, map),
    { x: ['Little effort', 'Much effort'], y: ['Little value', 'Much value'] },
    (p) => String(p.key),
  );
