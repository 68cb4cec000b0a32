import { describe, expect, it } from 'vitest';
import { cardWith, policyFindings } from '../../helpers/policy.js';

describe('require-basis', () => {
  it('reports steps without a basis at their id, and a weaker basis at its value', () => {
    const missing = (line: number, id: string) =>
      `${line}:11 \`${id}\` does not say where its figures come from: add basis: measured`;
    expect(policyFindings('require-basis', { option: 'measured' })).toEqual([
      '15:118 `call` rests on observed figures; measured ones are required',
      missing(16, 'check'),
      missing(17, 'branch'),
      missing(18, 'issue'),
      missing(19, 'post'),
      missing(20, 'use'),
      missing(21, 'done'),
      missing(22, 'lost'),
    ]);
  });
  it('accepts any basis by default, and names the firmer kinds wanted', () => {
    expect(policyFindings('require-basis')).toHaveLength(7);
    const yaml = cardWith('check', (l) => l.replace('value: business,', 'value: business, basis: assumed,'));
    expect(policyFindings('require-basis', { yaml, option: 'observed' })[0]).toBe(
      '16:101 `check` rests on assumed figures; observed or measured ones are required',
    );
  });
});
