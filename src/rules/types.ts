/** What an opportunity rule is and what it finds: a change to the map, whose effect the engine computes. */
import type { ProcessMap } from '../load/index.js';
import type { ExactAnalysis } from '../analysis/index.js';
import type { RuleMeta } from './meta.js';

export interface Opportunity {
  /** The rule that found it. */
  rule: string;
  /** What to do, in one line. */
  title: string;
  /** Why, from the figures of the map. */
  why: string;
  /** Ids of the steps it touches. */
  steps: string[];
  /** The change removes steps: made after the changes that keep every step. */
  removes?: true;
  /** The change, made on a copy of the map (the copy may be changed in place and returned). */
  change(map: ProcessMap): ProcessMap;
}

export interface Rule extends RuleMeta {
  kind: 'opportunity';
  find(analysis: ExactAnalysis): Opportunity[];
}
