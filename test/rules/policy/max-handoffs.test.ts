import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('max-handoffs', () => {
  it('reports the handoffs per customer at the actor of the step with most of them', () => {
    expect(policyFindings('max-handoffs', { option: 3 })).toEqual([
      '16:50 the work changes hands 3.10 times per customer, more than the 3 allowed (most at `check`: 1)',
    ]);
  });
  it('allows 5 by default, and exactly the limit', () => {
    expect(policyFindings('max-handoffs')).toEqual([]);
    expect(policyFindings('max-handoffs', { option: 3.1 })).toEqual([]);
  });
});
