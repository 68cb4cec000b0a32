/** min-pce: process cycle efficiency (value-added time over lead time) at least this much. */
import { atLeast } from '../../core/index.js';
import { metric, show } from '../../analysis/index.js';
import { ratioOption } from './limits.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';

export const minPce: Policy = {
  id: 'min-pce',
  kind: 'policy',
  description: 'Process cycle efficiency (value-added time over lead time) at least this much.',
  recommended: 'warn',
  option: options.share('5%', ['warn', '10%']),
  check(analysis, option) {
    const limit = ratioOption(option);
    // Of a map with segments, the blend.
    const pce = metric('pce').of(analysis)!;
    if (atLeast(pce, limit)) return [];
    return [
      {
        message: `PCE is ${show('percent', pce)}, below the ${show('percent', limit)} required: ${show('percent', 1 - pce)} of the customer's time adds nothing they value`,
        path: ['process', 'name'],
      },
    ];
  },
};
