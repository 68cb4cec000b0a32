/** What the limit policies share: reading their option, and pointing at the step that adds most to a figure. */
import { atMost, formatDuration, parseFixed, parseRatio } from '../../core/index.js';
import { type ExactAnalysis, metric, show, type Driver } from '../../analysis/index.js';
import type { Path } from '../../load/index.js';
import type { Policy, PolicyFinding } from './types.js';

/** The step a driver comes from most, and the key to point at. */
function worst(analysis: ExactAnalysis, driver: Driver, key: string): { id: string; share: number; path: Path } {
  let best = 0;
  driver.perStep.forEach((x, i) => {
    if (x > driver.perStep[best]!) best = i;
  });
  return { id: analysis.map.steps[best]!.id, share: driver.perStep[best]!, path: ['steps', best, key] };
}

/** A policy that allows at most `limit` of an effort driver per customer (of a map with segments, the blend). */
export function maxDriver(
  meta: Omit<Policy, 'kind' | 'check'>,
  driver: 'handoffs' | 'transfers' | 'channelSwitches',
  key: string,
  say: (total: string, limit: string, at: string) => string,
): Policy {
  return {
    ...meta,
    kind: 'policy',
    check(analysis, option) {
      const total = metric(driver).of(analysis)!;
      const limit = option as number;
      if (atMost(total, limit)) return [];
      const at = worst(analysis, analysis.effort[driver], key);
      return [
        {
          message: say(show('count', total), show('count', limit), `most at \`${at.id}\`: ${show('count', at.share)}`),
          path: at.path,
        },
      ];
    },
  };
}

/** A duration option in the map's own calendar (`2d` is two working days in an 8-hour calendar). */
export function durationOption(analysis: ExactAnalysis, option: unknown): { seconds: number; text: string } {
  const parsed = parseFixed(option, analysis.map.process.calendar);
  if (!parsed.ok)
    throw new Error(`the option should have been checked by the configuration's schema: ${parsed.problem}`);
  return { seconds: parsed.value, text: formatDuration(parsed.value, analysis.map.process.calendar) };
}

export const ratioOption = (option: unknown) => parseRatio(option as number | string);
export type { PolicyFinding };
