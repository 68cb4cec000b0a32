import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('min-pce', () => {
  it('reports a PCE below the limit at the process name', () => {
    expect(policyFindings('min-pce')).toEqual([
      "3:9 PCE is 0.1%, below the 5.0% required: 99.9% of the customer's time adds nothing they value",
    ]);
  });
  it('takes the limit as a share or a percentage', () => {
    expect(policyFindings('min-pce', { option: 0.001 })).toEqual([]);
    expect(policyFindings('min-pce', { option: '0.1%' })).toEqual([]);
    expect(policyFindings('min-pce', { option: '0.2%' })).toHaveLength(1);
  });
});
