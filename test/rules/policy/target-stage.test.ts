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
  it('says nothing of targets met (Close lets all through) or of a map without stage targets', () => {
    const met = LOAN.replace('leadTime: 8h, successRate: 95%', 'leadTime: 9h, successRate: 90%');
    expect(policyFindings('target-stage', { yaml: met })).toEqual([]);
    expect(policyFindings('target-stage')).toEqual([]);
  });
});
