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
  /**
   * The step the change removes (by id), the work going straight on: removals are made after the changes that keep
   * every step, all in one pass.
   */
  removes?: string;
  /** The change, made on a copy of the map (the copy may be changed in place and returned). */
  change(map: ProcessMap): ProcessMap;
  /** A lever made at several places: each place's own change, made together by `change`. */
  parts?: readonly Opportunity[];
  /** The same lever made at fewer of its places. */
  regroup?: (parts: readonly Opportunity[]) => Opportunity;
}

export interface Rule extends RuleMeta {
  kind: 'opportunity';
  /** The title of the lever when the rule finds it at several places (`count` of them). */
  lever(count: number): string;
  /** Each place where the rule's change can be made, as an opportunity of its own. */
  find(analysis: ExactAnalysis): Opportunity[];
}
