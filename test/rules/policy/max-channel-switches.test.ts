import { describe, expect, it } from 'vitest';
import { cardWith, policyFindings } from '../../helpers/policy.js';

// The cardholder goes to the branch themselves (10%): web, then in person: 0.10 switches at `branch`. Activating the
// card on the web after it (`use`, valued, outside any loop) is the customer's own part of the flow as designed, not
// a switch; the call centre phoning them is not their switch either.
const GOES_TO_BRANCH = cardWith('branch', (line) => line.replace('actor: branch', 'actor: me'));

describe('max-channel-switches', () => {
  it('reports the switches per customer at the channel of the step that switches most', () => {
    expect(policyFindings('max-channel-switches', { option: 0, yaml: GOES_TO_BRANCH })).toEqual([
      '17:68 the customer switches channel 0.10 times, more than the 0 allowed (most at `branch`: 0.10)',
    ]);
  });
  it('counts no switch where the company reaches the customer, and allows 2 by default', () => {
    expect(policyFindings('max-channel-switches', { option: 0 })).toEqual([]);
    expect(policyFindings('max-channel-switches', { yaml: GOES_TO_BRANCH })).toEqual([]);
  });
});
