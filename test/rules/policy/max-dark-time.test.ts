import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('max-dark-time', () => {
  it('reports every wait without news longer than the limit, at its wait', () => {
    expect(policyFindings('max-dark-time', { option: '12h' })).toEqual([
      '16:62 the customer waits 2.0 d without news before `check`, more than the 12 h allowed',
      '17:89 the customer waits 1.0 d without news before `branch`, more than the 12 h allowed',
      '19:57 the customer waits 3.0 d without news before `post`, more than the 12 h allowed',
    ]);
  });
  it('allows 2 days by default: a wait of exactly 2 days passes', () => {
    expect(policyFindings('max-dark-time')).toEqual([
      '19:57 the customer waits 3.0 d without news before `post`, more than the 2.0 d allowed',
    ]);
  });
});
