import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('max-lead-time', () => {
  it('reports the lead time at the step that holds most of it', () => {
    expect(policyFindings('max-lead-time', { option: '5d' })).toEqual([
      '19:11 the lead time is 5.2 d, more than the 5.0 d allowed; `post` holds the most of it (57.8%)',
    ]);
  });
  it('allows 10 days by default, in the map’s calendar', () => {
    expect(policyFindings('max-lead-time')).toEqual([]);
    expect(policyFindings('max-lead-time', { option: '1w' })).toEqual([]);
  });
});
