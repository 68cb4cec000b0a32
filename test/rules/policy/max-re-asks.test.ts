import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

describe('max-re-asks', () => {
  it('reports every step that asks again, at its asks, with the total per customer', () => {
    const total = '(1.10 items asked again per customer in all, 0 allowed)';
    expect(policyFindings('max-re-asks')).toEqual([
      `15:96 \`call\` asks again for card number, which the customer already gave ${total}`,
      `17:110 \`branch\` asks again for card number, which the customer already gave ${total}`,
    ]);
  });
  it('allows up to the limit', () => {
    expect(policyFindings('max-re-asks', { option: 1.1 })).toEqual([]);
  });
});
