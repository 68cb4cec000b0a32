/** max-dark-time: nobody waits longer than this without news; each such wait is shown at its `wait`. */
import { formatDuration } from '../../core/index.js';
import { durationOption } from './limits.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';

export const maxDarkTime: Policy = {
  id: 'max-dark-time',
  kind: 'policy',
  description: 'No wait longer than this during which the customer has heard nothing since their last contact.',
  recommended: 'warn',
  option: options.duration('2d', ['warn', '2d']),
  check(analysis, option) {
    const limit = durationOption(analysis, option);
    const { map, effort } = analysis;
    return map.steps.flatMap((s) => {
      const dark = effort.darkWait[s.index]!;
      if (dark <= limit.seconds) return [];
      return [
        {
          message: `the customer waits ${formatDuration(dark, map.process.calendar)} without news before \`${s.id}\`, more than the ${limit.text} allowed`,
          path: ['steps', s.index, 'wait'],
        },
      ];
    });
  },
};
