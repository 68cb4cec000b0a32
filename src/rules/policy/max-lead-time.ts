/** max-lead-time: the expected lead time at most this long; shown at the step that holds most of it. */
import { atMost, formatDuration } from '../../core/index.js';
import { metric, show } from '../../analysis/index.js';
import { durationOption } from './limits.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';

export const maxLeadTime: Policy = {
  id: 'max-lead-time',
  kind: 'policy',
  description: "The customer's expected lead time at most this long (in the map's calendar).",
  option: options.duration('10d', ['error', '10d']),
  check(analysis, option) {
    const limit = durationOption(analysis, option);
    const { map, scores } = analysis;
    // Of a map with segments, the blend.
    const leadTime = metric('leadTime').of(analysis)!;
    if (atMost(leadTime, limit.seconds)) return [];
    const most = scores.reduce((best, s, i) => (s.delayShare > scores[best]!.delayShare ? i : best), 0);
    return [
      {
        message: `the lead time is ${formatDuration(leadTime, map.process.calendar)}, more than the ${limit.text} allowed; \`${map.steps[most]!.id}\` holds the most of it (${show('percent', scores[most]!.delayShare)})`,
        path: ['steps', most, 'id'],
      },
    ];
  },
};
