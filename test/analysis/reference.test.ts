/** The reference example of docs/scoring.md: the figures worked by hand there, asserted here. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/analysis/index.js';
import { scoreJson } from '../../src/report/score-json.js';
import { mapOf, HOUR } from '../helpers/analyze.js';

const a = analyze(mapOf(readFileSync('test/fixtures/reference.cxmap.yaml', 'utf8')));
const json = scoreJson(a, 'reference.cxmap.yaml');

describe('the reference example of docs/scoring.md', () => {
  it('has the visits worked out by hand', () => {
    expect(json.steps.map((s) => [s.id, s.visits])).toEqual([
      ['apply', 1],
      ['check', 1.333333],
      ['fix', 0.333333],
      ['decide', 1],
      ['reject', 0.2],
      ['prepare', 0.8],
      ['contract', 0.8],
      ['setup', 0.8],
      ['done', 0.8],
    ]);
  });

  it('has the business case worked out by hand', () => {
    // Staff hours: check 4/3 × 1 h + decide 2 h + contract 0.8 × 1 h = 4.1333 h a case.
    expect(a.business.staffHours).toBeCloseTo(4 + 2 / 15, 12);
    // The account system is a system: its time (none) is apart from staff; the map names no partner.
    expect(json.metrics).toMatchObject({ staffHours: 4.133, systemHours: 0, partnerHours: null, partnerCost: null });
    // Cost: the back office's 10/3 h × 45 = 150, the clerk's 0.8 h × 40 = 32, the set-up fee 0.8 × 12 = 9.6.
    expect(json.metrics.costPerCase).toBe(191.6);
    expect(json.metrics.yearly).toEqual({
      staffHours: 4960, // 4.1333 × 1,200
      partnerHours: null,
      partnerCost: null,
      systemHours: 0,
      cost: 229920, // 191.6 × 1,200
      customerDays: 8130, // 162.6 h / 24 h × 1,200
      customerHours: 1040, // 52 m of the owner's own work × 1,200 = 62,400 m
      customerCost: 31200, // those 1,040 h × 30 an hour
    });
  });

  it('has the process metrics worked out by hand', () => {
    expect(json.metrics).toMatchObject({
      leadTimeSeconds: 162.6 * HOUR,
      processTimeSeconds: 4.2 * HOUR,
      valueAddedSeconds: 7920,
      waitTimeSeconds: 158.4 * HOUR,
      pce: 0.01353,
      activityRatio: 0.02583,
      rolledCA: 0.69,
      successRate: 0.8,
      customerEffortSeconds: 52 * 60,
      channelSwitches: 0.25,
      repeatContacts: 0.333333,
      transfers: 0,
      handoffs: 1.8,
      reAsks: 0.333333,
      reworkLoops: 1,
      contacts: 2,
      darkTimeSeconds: 94.4 * HOUR,
    });
  });

  it('has the delay shares, values and verdicts worked out by hand', () => {
    expect(json.steps.map((s) => [s.id, s.delayShare, s.value, s.verdict])).toEqual([
      ['apply', 0.003075, 28, 'streamline'],
      ['check', 0.401804, 30, 'rethink'],
      ['fix', 0.050226, 0, 'remove'],
      ['decide', 0.0123, 100, 'keep'],
      ['reject', 0.059041, 40, 'streamline'],
      ['prepare', 0, 40, 'streamline'],
      ['contract', 0, 95, 'keep'],
      ['setup', 0.472325, 40, 'rethink'],
      ['done', 0.00123, 100, 'keep'],
    ]);
  });

  it('explains each score', () => {
    expect(json.steps[2]!.reasons).toEqual([
      'the customer feels bad here (-1)',
      'asks again for: income',
      'switches the customer from web to phone (75% of the time)',
      'makes the customer contact the company again for the same need',
      'holds 5.0% of the lead time (waits 1.0 d, works 30 m)',
      'waste: neither valued by the customer nor required',
    ]);
    expect(json.steps[7]!.reasons[0]).toBe('holds 47% of the lead time (waits 4.0 d)');
  });

  it('compares with the targets and the benchmark', () => {
    expect(json.targets).toEqual([
      { metric: 'leadTime', target: 5 * 24 * HOUR, actual: 162.6 * HOUR, gap: 42.6 * HOUR, met: false },
      { metric: 'pce', target: 0.05, actual: 0.01353, gap: -0.03647, met: false },
    ]);
    expect(json.benchmarks).toEqual([
      { name: 'Neobank', metric: 'leadTime', value: 48 * HOUR, actual: 162.6 * HOUR, ratio: 3.3875, matched: false },
    ]);
  });

  it('gives the same simulation for the same seed, and another for another seed', () => {
    const again = scoreJson(analyze(a.map), 'reference.cxmap.yaml');
    expect(again).toEqual(json);
    const other = scoreJson(analyze(a.map, { seed: 2 }), 'reference.cxmap.yaml');
    expect(other.metrics.leadTimePercentiles).not.toEqual(json.metrics.leadTimePercentiles);
    expect(other.metrics.leadTimeSeconds).toBe(json.metrics.leadTimeSeconds);
  });
});
