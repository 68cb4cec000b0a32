import { describe, expect, it } from 'vitest';
import { CARD, cardWith, policyFindings } from '../../helpers/policy.js';

describe('no-regression', () => {
  // Two more days before `post`: +2 d of lead time (+38.5% of 5 d 278 m) and of dark time (+38.9% of 5 d 3.4 h).
  const worse = cardWith('post', (l) => l.replace('wait: 3d', 'wait: 5d'));

  it('reports each metric that got worse beyond its tolerance, at the process name', () => {
    expect(policyFindings('no-regression', { yaml: worse, baseline: CARD })).toEqual([
      '3:9 worse for the customer: Lead time 5.2 d → 7.2 d, +2.0 d (+38.5%); 10% allowed',
      '3:9 worse for the customer: Dark time 4.0 d → 6.0 d, +2.0 d (+50.0%); 10% allowed',
    ]);
  });
  it('takes tolerances per metric: a share of the value before, a duration, or 0', () => {
    expect(policyFindings('no-regression', { yaml: worse, baseline: CARD, option: { leadTime: '1d' } })).toEqual([
      '3:9 worse for the customer: Lead time 5.2 d → 7.2 d, +2.0 d; 1.0 d allowed',
    ]);
    expect(policyFindings('no-regression', { yaml: worse, baseline: CARD, option: { leadTime: '2d' } })).toEqual([]);
    expect(policyFindings('no-regression', { yaml: worse, baseline: CARD, option: { leadTime: '50%' } })).toEqual([]);
  });
  it('says nothing without a version to compare with, or of what got better', () => {
    expect(policyFindings('no-regression', { yaml: worse })).toEqual([]);
    expect(policyFindings('no-regression', { yaml: CARD, baseline: worse })).toEqual([]);
  });
});
