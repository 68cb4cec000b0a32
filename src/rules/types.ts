/** What an opportunity rule is and what it finds: a change to the map, whose effect the engine computes. */
import type { LeverSetting, ProcessMap } from '../load/index.js';
import type { ExactAnalysis } from '../analysis/index.js';
import type { RuleMeta } from './meta.js';
import type { Level } from './size.js';

/** What a rule says about a change at one place of the map. */
interface PlaceFacts {
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
}

/** A change that is made or not (a step removed, a question no longer asked). */
export interface FixedPlace extends PlaceFacts {
  /** The change, made on a copy of the map (the copy may be changed in place and returned). */
  change: (map: ProcessMap) => ProcessMap;
  sized?: undefined;
}

/** A change with a size: it brings one figure of the place down, by as much as the team assumes. */
export interface SizedPlace extends PlaceFacts {
  sized: Sized;
  change?: undefined;
}

/** A change a rule can make at one place of the map. */
export type Place = FixedPlace | SizedPlace;

/** The figure a sized change brings down at its place, and the change itself. */
export interface Sized {
  /** The figure at this place, in words, with its value now: "the wait before `triage` (4.0 d)". */
  what: string;
  /** The figure now: a wait in seconds, or a share (a way's chance; 1 for the whole of what a fail point causes). */
  now: number;
  unit: 'duration' | 'share';
  /** The change, made on a copy of the map (changed in place and returned), that brings the figure to `to`. */
  change: (map: ProcessMap, to: number) => ProcessMap;
  /** What the change costs once to bring the figure to `to`, where the map lets it be computed. */
  oneOff?: (to: number) => number | undefined;
}

/** A lever's size at one place, as the figures assume it: the team's setting, or the rule's default. */
export interface Size {
  /** The place's id, by which `levers:` names it: the rule and the steps of the place (`cut-wait:triage`). */
  place: string;
  /** What the rule's change cuts, in a sentence ("the wait"), and what it is at this place. */
  of: string;
  what: string;
  unit: Sized['unit'];
  now: number;
  setting: LeverSetting;
  from: 'map' | 'configuration' | 'rule';
  /** The figure after the change, at each size (low: the smallest change). */
  to: Record<Level, number>;
  /** What the change costs once at each size; null where the map lacks what it takes; absent where it has no such cost. */
  oneOff?: Record<Level, number> | null;
}

/** A place as the what-if makes it: at any of the three sizes of its lever (a change made or not is the same at all). */
export interface Part extends PlaceFacts {
  size?: Size;
  change(map: ProcessMap, level: Level): ProcessMap;
}

/** An opportunity: one place, or a rule's places made as one change (its lever). */
export interface Opportunity extends Part {
  /**
   * What `--apply` and the map's `effort:` call it: the rule and the steps of its place (`cut-wait:mri`,
   * `prevent-rework:visit+revisit`), or the rule alone for a lever.
   */
  id: string;
  /** A lever's places, made together by `change`. */
  parts?: readonly Part[];
  /** The same lever made at fewer of its places. */
  regroup?: (parts: readonly Part[]) => Opportunity;
}

export interface Rule extends RuleMeta {
  kind: 'opportunity';
  /** The effort of making its change, 0 (none) to 5 (a large project), unless the map or configuration says. */
  effort: number;
  size: NonNullable<RuleMeta['size']>;
  /** Whether its places are one change (status updates before every silent wait are one service). */
  oneChange?: boolean;
  /** The title of the lever when the rule's places are made as one change (`count` of them). */
  lever(count: number): string;
  /** Each place where the rule's change can be made. */
  find(analysis: ExactAnalysis): Place[];
}
