/**
 * What a service blueprint says of each step (Shostack 1984; Bitner, Ostrom & Morgan 2008), in whichever form it
 * is drawn: who does it and through which channel, its work time, its wait before it, and whether it holds a
 * large share of the customer's lead time.
 */
import { formatDuration, mean } from '../core/index.js';
import type { ExactAnalysis } from './analyze.js';
import { highDelayShare } from './score.js';

/**
 * The share of the lead time from which a step is emphasised as slow: the verdicts' own line (twice an even share of
 * the steps on the critical path, or the configuration's `highDelayFactor`), the matrix's middle line too.
 */
export const slowFrom = (analysis: ExactAnalysis) => highDelayShare(analysis.time, analysis.weights);

export interface StepFacts {
  name: string;
  /** The actor's name and the channel, when there is one. */
  who: string[];
  work?: string;
  /** The step's share of the lead time, when at least `slowFrom`. */
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
    hotShare: share >= slowFrom(analysis) ? share : undefined,
    wait: wait > 0 ? formatDuration(wait, cal) : undefined,
  };
}

/** The actor, channel and work time of a step, on one line; `duration` can keep a duration from breaking. */
export const metaLine = (facts: StepFacts, duration = (d: string) => d) =>
  [...facts.who, ...(facts.work ? [duration(facts.work)] : [])].join(' · ');
