/** require-basis: every step says where its figures come from, at least as firmly as this. */
import { BASES, type Basis } from '../../load/index.js';
import { options } from '../meta.js';
import type { Policy } from './types.js';

export const requireBasis: Policy = {
  id: 'require-basis',
  kind: 'policy',
  description: 'Every step gives the `basis` of its figures, at least this firm: assumed (any), observed or measured.',
  option: options.oneOf(BASES, 'assumed', ['warn', 'observed']),
  check({ map }, option) {
    const least = BASES.indexOf(option as Basis);
    return map.steps.flatMap((s) => {
      if (s.basis && BASES.indexOf(s.basis) >= least) return [];
      const wanted = BASES.slice(least).join(' or ');
      return [
        {
          message: s.basis
            ? `\`${s.id}\` rests on ${s.basis} figures; ${wanted} ones are required`
            : `\`${s.id}\` does not say where its figures come from: add basis: ${wanted}`,
          path: s.basis ? ['steps', s.index, 'basis'] : ['steps', s.index, 'id'],
        },
      ];
    });
  },
};
