/** max-dark-time: no wait holds more dark time than this (silence beyond the map's darkAfter); shown at its `wait`. */
import { atMost, formatDuration } from '../../core/index.js';
import { durationOption } from './limits.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';

export const maxDarkTime: Policy = {
  id: 'max-dark-time',
  kind: 'policy',
  description:
    "No wait with more dark time than this: time the customer spends without news beyond the map's `darkAfter` (1 day by default).",
  recommended: 'warn',
  option: options.duration('2d', ['warn', '2d']),
  check(analysis, option) {
    const limit = durationOption(analysis, option);
    const { map, effort } = analysis;
    return map.steps.flatMap((s) => {
      const dark = effort.darkWait[s.index]!;
      if (atMost(dark, limit.seconds)) return [];
      return [
        {
          message: `the customer spends ${formatDuration(dark, map.process.calendar)} in the dark (over ${formatDuration(map.process.darkAfter, map.process.calendar)} without news) waiting for \`${s.id}\`, more than the ${limit.text} allowed`,
          path: ['steps', s.index, 'wait'],
        },
      ];
    });
  },
};
