import { describe, expect, it } from 'vitest';
import { cardWith, policyFindings } from '../../helpers/policy.js';

describe('require-evidence', () => {
  it('reports steps without evidence at their id, and weaker evidence at its value', () => {
    const missing = (line: number, id: string) =>
      `${line}:11 \`${id}\` does not say where its figures come from: add evidence: measured`;
    expect(policyFindings('require-evidence', { option: 'measured' })).toEqual([
      '15:121 `call` rests on observed figures; measured ones are required',
      missing(16, 'check'),
      missing(17, 'branch'),
      missing(18, 'issue'),
      missing(19, 'post'),
      missing(20, 'use'),
      missing(21, 'done'),
      missing(22, 'lost'),
    ]);
  });
  it('accepts any evidence by default, and names the firmer kinds wanted', () => {
    expect(policyFindings('require-evidence')).toHaveLength(7);
    const yaml = cardWith('check', (l) => l.replace('value: business,', 'value: business, evidence: assumed,'));
    expect(policyFindings('require-evidence', { yaml, option: 'observed' })[0]).toBe(
      '16:104 `check` rests on assumed figures; observed or measured ones are required',
    );
  });
});
