import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('max-transfers', () => {
  it('reports the transfers per customer at the actor of the step that transfers most', () => {
    expect(policyFindings('max-transfers', { option: 0 })).toEqual([
      '17:55 the customer is passed to another person 0.10 times, more than the 0 allowed (most at `branch`: 0.10)',
    ]);
  });
  it('allows 2 by default', () => {
    expect(policyFindings('max-transfers')).toEqual([]);
  });
});
