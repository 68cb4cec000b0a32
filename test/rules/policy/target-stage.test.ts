import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyFindings } from '../../helpers/policy.js';

/** The map of docs/scoring.md ("Targets per stage"): Assess takes 9 h against 8 h and lets 90% through against 95%. */
const LOAN = readFileSync('test/fixtures/stage-targets.cxmap.yaml', 'utf8');

describe('target-stage', () => {
  it('reports each stage target the map misses, at the target, with the gap in words', () => {
    expect(policyFindings('target-stage', { yaml: LOAN })).toEqual([
      '10:42 stage Assess takes 9 h, over its target of 8 h (1 h over)',
      '10:59 stage Assess sees 90.0% of the customers who enter it through, under its target of 95.0% (5.0 points under)',
    ]);
  });
  it('names the days of the time a stage takes, as a sentence that stands alone must', () => {
    // Working days of 8 h: Assess's 9 h are 1.1 working days, 1 h over a target of 1 day.
    const working = LOAN.replace(
      'goal: Loan offered }',
      'goal: Loan offered, calendar: { day: 8h, week: 5d } }',
    ).replace('leadTime: 8h', 'leadTime: 1d');
    expect(policyFindings('target-stage', { yaml: working })[0]).toBe(
      '10:42 stage Assess takes 1.1 working days, over its target of 1.0 d (1 h over)',
    );
  });
  it('says nothing of targets met (Close lets all through) or of a map without stage targets', () => {
    const met = LOAN.replace('leadTime: 8h, successRate: 95%', 'leadTime: 9h, successRate: 90%');
    expect(policyFindings('target-stage', { yaml: met })).toEqual([]);
    expect(policyFindings('target-stage')).toEqual([]);
  });
});
