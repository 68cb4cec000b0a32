/** max-re-asks: at most this many items asked again; each step that asks again is shown at its `asks`. */
import { atMost } from '../../core/index.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';
import { metric, show } from '../../analysis/index.js';

export const maxReAsks: Policy = {
  id: 'max-re-asks',
  kind: 'policy',
  description:
    'At most this many items asked again per customer (information the customer already gave on every way to the step).',
  recommended: 'warn',
  option: options.count(0, 'the most items asked again', ['error', 0]),
  check(analysis, option) {
    const { map, effort } = analysis;
    const limit = option as number;
    // Of a map with segments, the blend.
    const total = metric('reAsks').of(analysis)!;
    if (atMost(total, limit)) return [];
    return map.steps
      .filter((s) => effort.reAsked[s.index]!.length > 0)
      .map((s) => ({
        message: `\`${s.id}\` asks again for ${effort.reAsked[s.index]!.join(', ')}, which the customer already gave (${show('count', total)} items asked again per customer in all, ${show('count', limit)} allowed)`,
        path: ['steps', s.index, 'asks'],
      }));
  },
};
