/**
 * What the recommended changes of real maps may never do, read as the client reads them: cross an organisation, take
 * a check out of its step, or have a step that is not the company's own send the customer news. The four examples and
 * the energy switch (test/fixtures), a map with the old supplier, the switching service and the ombudsman in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { stepChanges } from '../../src/model/index.js';
import { isRecommended, opportunities } from '../../src/rules/index.js';
import { mapOf } from '../helpers/analyze.js';

const MAPS: [string, string[]][] = [
  [
    'examples/home-loan.cxmap.yaml',
    [
      'ask-once',
      'keep-informed',
      'remove-waste:register',
      'prevent-rework:check-complete+ask-missing',
      'cut-wait:meet',
    ],
  ],
  [
    'examples/car-insurance-claim.cxmap.yaml',
    ['ask-once', 'remove-waste:assign-handler', 'cut-wait:close-claim', 'keep-informed', 'cut-wait:assess-damage'],
  ],
  [
    'examples/broadband-installation.cxmap.yaml',
    ['ask-once', 'fix-fail-point:visit', 'cut-wait:visit', 'keep-informed'],
  ],
  ['examples/hospital-referral.cxmap.yaml', ['ask-once', 'cut-wait:wait-clinic', 'cut-wait:mri', 'keep-informed']],
  // The old supplier's billing run and rework, and the switching service's objections, are not the company's to
  // change: only its own question and its own update are recommended.
  ['test/fixtures/energy-switch.cxmap.yaml', ['ask-once', 'keep-informed']],
];

describe('the recommended changes of real maps', () => {
  it.each(MAPS)(
    '%s: each stays within the company, keeps every check, and informs only from its own steps',
    (file, ids) => {
      const map = mapOf(readFileSync(file, 'utf8'));
      const ranking = opportunities(analyzeExact(map));
      const recommended = ranking.ranked.filter(isRecommended);
      expect(recommended.map((r) => r.opportunity.id)).toEqual(ids);
      const was = new Map(map.steps.map((s) => [s.id, s]));
      for (const r of recommended) {
        const now = new Map(r.map.steps.map((s) => [s.id, s]));
        for (const [id, keys] of stepChanges(map, r.map)) {
          const before = was.get(id)!;
          // No other organisation's step is changed or removed.
          expect(before.actor.org, `${r.opportunity.id} changes ${id}`).toBeUndefined();
          if (keys === 'removed') continue;
          const after = now.get(id)!;
          expect(after.actor.org, `${r.opportunity.id} gives ${id} to another organisation`).toBeUndefined();
          expect(after.verifies, `${r.opportunity.id} takes a check out of ${id}`).toEqual(before.verifies);
          if (keys.includes('tells'))
            expect(after.actor.kind, `${r.opportunity.id} informs from ${id}`).not.toBe('customer');
        }
      }
    },
  );
});
