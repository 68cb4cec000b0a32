/**
 * The score of every step, with the reasons behind it: its delay (the share of the customer's lead time it holds),
 * its value for the customer (0-100), and a verdict from the two.
 */
import { formatDuration, mean, type Calendar } from '../core/index.js';
import { feelingWord, type Step } from '../load/index.js';
import type { Driver, EffortFigures } from './effort.js';
import type { TimeFigures } from './time.js';

/** The documented default weights (docs/scoring.md). A configuration file may change them. */
export interface ScoreWeights {
  /** Starting value by value class; a step without a class starts at `unclassified`. */
  base: { customer: number; business: number; waste: number; unclassified: number };
  /** Points off per point of bad feeling (feeling -2 costs twice this). */
  perBadFeeling: number;
  /** Points off per item asked again, up to `maxReAsk`. */
  perReAsk: number;
  maxReAsk: number;
  /** Points off for a transfer and for a channel switch, times the share of visits on which it happens. */
  transfer: number;
  channelSwitch: number;
  /** Points off for a repeat contact, times the share of visits on which it happens. */
  repeatContact: number;
  /** Points off for a known fail point. */
  failPoint: number;
  /** Points off for each 100% the step's output falls short of complete and accurate. */
  incomplete: number;
  /** A step's value counts as high from this score on. */
  highValue: number;
  /** A step's delay counts as high when its share of the lead time is this many times an even share. */
  highDelayFactor: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  base: { customer: 100, business: 40, waste: 0, unclassified: 50 },
  perBadFeeling: 10,
  perReAsk: 10,
  maxReAsk: 30,
  transfer: 15,
  channelSwitch: 10,
  repeatContact: 10,
  failPoint: 10,
  incomplete: 50,
  highValue: 60,
  highDelayFactor: 2,
};

export type Verdict = 'keep' | 'speed up' | 'streamline' | 'rethink' | 'remove';

export interface StepScore {
  delayShare: number;
  value: number;
  verdict: Verdict;
  /** Why: the most telling first. */
  reasons: string[];
}

const pct = (x: number) => `${(100 * x).toFixed(x >= 0.1 ? 0 : 1)}%`;
const CLASS_WORDS = {
  customer: 'value-adding for the customer',
  business: 'required by the business, not valued by the customer',
  waste: 'neither valued by the customer nor required',
};

/** The share of the lead time from which a step's delay counts as high: a multiple of an even share among the steps on the critical path. */
export const highDelayShare = (time: TimeFigures, weights: ScoreWeights) =>
  weights.highDelayFactor / Math.max(1, time.critical.filter((c) => c > 0).length);

export function scoreSteps(
  steps: Step[],
  time: TimeFigures,
  effort: EffortFigures,
  { calendar, darkAfter }: { calendar: Calendar; darkAfter: number },
  weights: ScoreWeights,
): StepScore[] {
  const highDelay = highDelayShare(time, weights);
  return steps.map((step, i) => {
    const visits = time.visits[i]!;
    const delayShare = time.leadTime > 0 ? (time.critical[i]! * time.stepTime[i]!) / time.leadTime : 0;
    const delayReasons: string[] = [];
    const valueReasons: string[] = [];
    let value = step.value ? weights.base[step.value] : weights.base.unclassified;
    valueReasons.push(step.value ? `${step.value}: ${CLASS_WORDS[step.value]}` : 'no value class given');
    // Only the first pass has the step's class; its repeats are rework, which is waste (Martin & Osterling 2013).
    const first = time.firstPass[i]!;
    if (step.value && step.value !== 'waste' && first < 0.9995) {
      value = first * value + (1 - first) * weights.base.waste;
      valueReasons.push(`${pct(1 - first)} of its passes are rework, which is waste`);
    }

    const feeling = step.feeling ?? 0;
    if (feeling < 0) {
      value -= weights.perBadFeeling * -feeling;
      valueReasons.push(`the customer feels ${feelingWord(feeling)} here (${feeling})`);
    }
    const reAsked = effort.reAsked[i]!;
    if (reAsked.length > 0) {
      value -= Math.min(weights.maxReAsk, weights.perReAsk * reAsked.length);
      valueReasons.push(`asks again for: ${reAsked.join(', ')}`);
    }
    // An effort driver costs its points times the share of the step's visits on which it happens.
    const perVisit = (driver: Driver, points: number, reason: () => string) => {
      const rate = visits > 0 ? driver.perStep[i]! / visits : 0;
      if (rate <= 0) return;
      value -= points * rate;
      valueReasons.push(`${reason()}${rate < 0.995 ? ` (${pct(rate)} of the time)` : ''}`);
    };
    perVisit(
      effort.transfers,
      weights.transfer,
      () => `transfers the customer from ${effort.transferFrom[i]} to ${step.actor.name}`,
    );
    perVisit(
      effort.channelSwitches,
      weights.channelSwitch,
      () => `switches the customer from ${effort.switchFrom[i]} to ${step.channel}`,
    );
    perVisit(
      effort.repeatContacts,
      weights.repeatContact,
      () => 'makes the customer contact the company again for the same need',
    );
    if (step.fails) {
      value -= weights.failPoint;
      valueReasons.push(`fail point: ${step.fails}`);
    }
    if (step.ca < 1) {
      value -= weights.incomplete * (1 - step.ca);
      valueReasons.push(
        `only ${pct(step.ca)} complete and accurate: ${pct(1 - step.ca)} of its output needs correcting`,
      );
    }
    // Required by the business is not valued by the customer: such a step is never of high value to them, whatever
    // the weights (Martin & Osterling's business-value-adding work is to be minimised, not kept).
    if (step.value === 'business') value = Math.min(value, weights.highValue - 1);
    value = Math.round(Math.max(0, Math.min(100, value)));

    if (delayShare >= 0.001) {
      const wait = mean(step.wait);
      const parts = [
        wait > 0 ? `waits ${formatDuration(wait, calendar)}` : '',
        mean(step.work) > 0 ? `works ${formatDuration(mean(step.work), calendar)}` : '',
      ].filter(Boolean);
      delayReasons.push(
        `holds ${pct(delayShare)} of the lead time${parts.length ? ` (${parts.join(', ')}${visits > 1.0005 ? `, ${visits.toFixed(2)} visits` : ''})` : ''}`,
      );
    }
    const dark = effort.darkWait[i]!;
    if (dark > 0)
      delayReasons.push(
        `waits ${formatDuration(dark, calendar)} in the dark (over ${formatDuration(darkAfter, calendar)} without news)`,
      );
    if (visits > 1.0005) delayReasons.push(`done ${visits.toFixed(2)} times per customer on average (rework)`);

    const isHighDelay = delayShare >= highDelay;
    const verdict: Verdict =
      step.value === 'waste'
        ? 'remove'
        : value >= weights.highValue
          ? isHighDelay
            ? 'speed up'
            : 'keep'
          : isHighDelay
            ? 'rethink'
            : 'streamline';
    // The reasons that explain the verdict come first.
    const reasons = isHighDelay
      ? [...delayReasons, ...valueReasons.slice(1), valueReasons[0]!]
      : [...valueReasons.slice(1), ...delayReasons, valueReasons[0]!];
    return { delayShare, value, verdict, reasons };
  });
}
