/**
 * What a reader needs to read a map's figures, said once in every output: what a day (`d`) is, and, when the map
 * gives amounts of money without naming their currency, that it names none (when it does, each amount carries it).
 */
import { dayWords } from '../core/index.js';
import type { ExactAnalysis } from '../analysis/index.js';

type Figures = Pick<ExactAnalysis, 'map' | 'business'>;

const NO_CURRENCY = 'not given in the map, so amounts are shown without one';

/** Amounts of money are shown, and the map does not say what they are in. */
const bare = ({ map, business }: Figures) =>
  map.process.currency === undefined &&
  (business.costPerCase !== undefined || business.yearly?.customerCost !== undefined);

/** As facts of a header: `Days: working days of 8 hours, 5 a week`, and `Currency: not given...` when it is not. */
export const unitFacts = (figures: Figures): [string, string][] => [
  ['Days', dayWords(figures.map.process.calendar)],
  ...(bare(figures) ? [['Currency', NO_CURRENCY] as [string, string]] : []),
];

/** As a note under a table: `Days (d) are working days of 8 hours, 5 a week.` */
export const unitsNote = (figures: Figures) =>
  `Days (d) are ${dayWords(figures.map.process.calendar)}.${bare(figures) ? ` Currency ${NO_CURRENCY}.` : ''}`;
