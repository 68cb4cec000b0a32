/** require-evidence: every step says where its figures come from, at least as firmly as this. */
import type { Evidence } from '../../load/index.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';

const ORDER: Evidence[] = ['assumed', 'observed', 'measured'];

export const requireEvidence: Policy = {
  id: 'require-evidence',
  kind: 'policy',
  description: 'Every step gives `evidence` for its figures, at least this firm: assumed (any), observed or measured.',
  option: options.oneOf(ORDER, 'assumed', ['warn', 'observed']),
  check({ map }, option) {
    const least = ORDER.indexOf(option as Evidence);
    return map.steps.flatMap((s) => {
      if (s.evidence && ORDER.indexOf(s.evidence) >= least) return [];
      const wanted = ORDER.slice(least).join(' or ');
      return [
        {
          message: s.evidence
            ? `\`${s.id}\` rests on ${s.evidence} figures; ${wanted} ones are required`
            : `\`${s.id}\` does not say where its figures come from: add evidence: ${wanted}`,
          path: s.evidence ? ['steps', s.index, 'evidence'] : ['steps', s.index, 'id'],
        },
      ];
    });
  },
};
