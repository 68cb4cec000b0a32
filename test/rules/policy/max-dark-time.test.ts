import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('max-dark-time', () => {
  // Dark after 1 day of silence (the default): check waits 2d after the call (1d dark); the branch, for 10%, 1d
  // after 2d of silence (all dark); post 3d after 2d of silence (3d dark) or, after the branch, after 1 minute
  // (2d 1m dark): 0.9 × 3d + 0.1 × (2d + 1m) = 2.9 d.
  it('reports every wait with more dark time than the limit, at its wait', () => {
    expect(policyFindings('max-dark-time', { option: '12h' })).toEqual([
      '16:62 the customer spends 1.0 d in the dark (over 1.0 d without news) waiting for `check`, more than the 12 h allowed',
      '17:89 the customer spends 1.0 d in the dark (over 1.0 d without news) waiting for `branch`, more than the 12 h allowed',
      '19:57 the customer spends 2.9 d in the dark (over 1.0 d without news) waiting for `post`, more than the 12 h allowed',
    ]);
  });
  it('allows 2 days by default', () => {
    expect(policyFindings('max-dark-time')).toEqual([
      '19:57 the customer spends 2.9 d in the dark (over 1.0 d without news) waiting for `post`, more than the 2.0 d allowed',
    ]);
  });
});
