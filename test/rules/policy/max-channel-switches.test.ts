import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('max-channel-switches', () => {
  it('reports the switches per customer at the channel of the step that switches most', () => {
    expect(policyFindings('max-channel-switches', { option: 2 })).toEqual([
      '15:62 the customer switches channel 2.10 times, more than the 2 allowed (most at `call`: 1)',
    ]);
  });
  it('allows 2 by default… and so finds 2.10 too many', () => {
    expect(policyFindings('max-channel-switches')).toHaveLength(1);
    expect(policyFindings('max-channel-switches', { option: 3 })).toEqual([]);
  });
});
