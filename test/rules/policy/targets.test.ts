import { describe, expect, it } from 'vitest';
import { CARD, policyFindings } from '../../helpers/policy.js';

describe('target-lead-time, target-pce, target-success-rate', () => {
  it('report each target the map misses, at the target, with the gap', () => {
    expect(policyFindings('target-lead-time')).toEqual([
      "6:24 the lead time is 5.2 d, which misses the map's own target of 3.0 d by 2.2 d",
    ]);
    expect(policyFindings('target-pce')).toEqual([
      "6:33 the PCE is 0.1%, which misses the map's own target of 10.0% by 9.9 points",
    ]);
    expect(policyFindings('target-success-rate')).toEqual([
      "6:51 the success rate is 92.0%, which misses the map's own target of 95.0% by 3.0 points",
    ]);
  });
  it('say nothing of a target met or not set', () => {
    const met = CARD.replace('leadTime: 3d, pce: 10%, successRate: 95%', 'leadTime: 6d, successRate: 92%');
    for (const id of ['target-lead-time', 'target-pce', 'target-success-rate'])
      expect(policyFindings(id, { yaml: met }), id).toEqual([]);
  });
});
