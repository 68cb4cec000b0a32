/**
 * What a service blueprint says of each step (Shostack 1984; Bitner, Ostrom & Morgan 2008), in whichever form it
 * is drawn: who does it and through which channel, its work time, its wait before it, and whether it holds a
 * large share of the customer's lead time.
 */
import { formatDuration, mean } from '../core/index.js';
import type { ExactAnalysis } from './analyze.js';

/** Steps holding at least this share of the lead time are emphasised. */
export const HOT_SHARE = 0.1;

export interface StepFacts {
  name: string;
  /** The actor's name and the channel, when there is one. */
  who: string[];
  work?: string;
  /** The step's share of the lead time, when at least `HOT_SHARE`. */
  hotShare?: number;
  wait?: string;
}

export function stepFacts(analysis: ExactAnalysis, i: number): StepFacts {
  const s = analysis.map.steps[i]!;
  const cal = analysis.map.process.calendar;
  const share = analysis.scores[i]!.delayShare;
  const wait = mean(s.wait);
  return {
    name: s.name,
    who: [s.actor.name, s.channel ?? ''].filter(Boolean),
    work: mean(s.work) > 0 ? formatDuration(mean(s.work), cal) : undefined,
    hotShare: share >= HOT_SHARE ? share : undefined,
    wait: wait > 0 ? formatDuration(wait, cal) : undefined,
  };
}

/** The actor, channel and work time of a step, on one line; `duration` can keep a duration from breaking. */
export const metaLine = (facts: StepFacts, duration = (d: string) => d) =>
  [...facts.who, ...(facts.work ? [duration(facts.work)] : [])].join(' · ');
