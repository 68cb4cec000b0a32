import { describe, expect, it } from 'vitest';
import { CARD, policyFindings } from '../../helpers/policy.js';

// In 25% of the calls the call centre puts the cardholder through to the branch's card desk, in the same call: a
// transfer. The branch seeing them a day later (the card map as it is) is a new contact, not a transfer.
const PUT_THROUGH = CARD.replace(
  'basis: observed, next: check }',
  'basis: observed, next: [{ to: desk, chance: 25% }, { to: check, chance: 75% }] }\n  - { id: desk, name: Card desk, actor: branch, channel: phone, work: 5m, next: check }',
);

describe('max-transfers', () => {
  it('reports the transfers per customer at the actor of the step that transfers most', () => {
    expect(policyFindings('max-transfers', { option: 0, yaml: PUT_THROUGH })).toEqual([
      '16:41 the customer is passed to another person 0.25 times, more than the 0 allowed (most at `desk`: 0.25)',
    ]);
    expect(policyFindings('max-transfers', { option: 0 })).toEqual([]);
  });
  it('allows 2 by default', () => {
    expect(policyFindings('max-transfers', { yaml: PUT_THROUGH })).toEqual([]);
  });
});
