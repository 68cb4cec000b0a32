/** What an opportunity rule is and what it finds: a change to the map, whose effect the engine computes. */
import type { ProcessMap } from '../load/index.js';
import type { ExactAnalysis } from '../analysis/index.js';
import type { RuleMeta } from './meta.js';

/** A change a rule can make at one place of the map. */
export interface Place {
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
}

/** An opportunity: one place, or a rule's places made as one change (its lever). */
export interface Opportunity extends Place {
  /**
   * What `--apply` and the map's `effort:` call it: the rule and the steps of its place (`cut-wait:mri`,
   * `prevent-rework:visit+revisit`), or the rule alone for a lever.
   */
  id: string;
  /** A lever's places, made together by `change`. */
  parts?: readonly Place[];
  /** The same lever made at fewer of its places. */
  regroup?: (parts: readonly Place[]) => Opportunity;
}

export interface Rule extends RuleMeta {
  kind: 'opportunity';
  /** The effort of making its change, 0 (none) to 5 (a large project), unless the map or configuration says. */
  effort: number;
  /** Whether its places are one change (status updates before every silent wait are one service). */
  oneChange?: boolean;
  /** The title of the lever when the rule's places are made as one change (`count` of them). */
  lever(count: number): string;
  /** Each place where the rule's change can be made. */
  find(analysis: ExactAnalysis): Place[];
}
