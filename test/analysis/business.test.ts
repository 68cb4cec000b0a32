/**
 * Who is who in the business case: staff hours and their cost are the company's own people; another organisation's
 * hours and fees, and the company's systems' time, are figures of their own. The dispute map below is the worked
 * example of docs/scoring.md ("The business case").
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { scoreJson } from '../../src/report/score-json.js';
import { scorecard } from '../../src/report/scorecard.js';
import { mapOf } from '../helpers/analyze.js';

export const DISPUTE = `cxmap: 1
process: { name: Dispute a bill, customer: Household, goal: A bill I agree with, volume: 1000/y }
actors:
  me: { kind: customer, name: Household }
  agent: { kind: frontstage, name: Billing agent, cost: 40/h }
  billing: { kind: support, name: Billing system, type: system, cost: 0/h }
  ombudsman: { kind: support, name: Ombudsman, org: Energy Ombudsman, cost: 50/h }
steps:
  - { id: raise, name: Raise the dispute online, actor: me, channel: web, work: 10m, next: review }
  - { id: review, name: Review the bill, actor: agent, wait: 1d, work: 1h, next: rebill }
  - { id: rebill, name: Recalculate the bill, actor: billing, work: 6m, next: [{ to: done, chance: 80% }, { to: ombudsman, chance: 20% }] }
  - { id: ombudsman, name: Rule on the dispute, actor: ombudsman, wait: 20d, work: 3h, cost: 150, next: done }
  - { id: done, name: Pay the agreed bill, actor: me, channel: web, work: 5m }
`;

describe('the business case counts the company’s people, partners and systems apart', () => {
  const a = analyze(mapOf(DISPUTE), { runs: 100 });
  const json = scoreJson(a, 'dispute.cxmap.yaml');

  it('gives staff hours of the company’s own people only: the agent’s 1 h, not the system’s or the ombudsman’s', () => {
    // Before: 1 h + 6 m + 0.2 × 3 h = 1.7 h counted as staff.
    expect(a.business.staffHours).toBeCloseTo(1, 12);
    // The billing system: 6 m = 0.1 h; the ombudsman, reached by 20%: 0.2 × 3 h = 0.6 h.
    expect(a.business.systemHours).toBeCloseTo(0.1, 12);
    expect(a.business.partnerHours).toBeCloseTo(0.6, 12);
  });

  it('gives the partners’ cost, their hours at their rate and their fee: 0.2 × (3 h × 50 + 150) = 60', () => {
    expect(a.business.partnerCost).toBeCloseTo(60, 9);
    // Cost to serve: the agent 1 h × 40 = 40, the system 0, the ombudsman 60: 100 a case.
    expect(a.business.costPerCase).toBeCloseTo(100, 9);
  });

  it('writes them per case and a year in the JSON, 1,000 cases a year', () => {
    expect(json.metrics).toMatchObject({ staffHours: 1, partnerHours: 0.6, partnerCost: 60, systemHours: 0.1 });
    expect(json.metrics.yearly).toEqual({
      staffHours: 1000,
      partnerHours: 600,
      partnerCost: 60000,
      systemHours: 100,
      cost: 100000,
      // Lead time: 10 m + (1 d + 1 h) + 6 m + 0.2 × (20 d + 3 h) + 5 m = 121.95 h = 5.08125 d, × 1,000.
      customerDays: 5081.25,
      // The household's 10 m + 5 m of its own work, 1,000 times.
      customerHours: 250,
      customerCost: null,
    });
  });

  it('says them apart in the scorecard', () => {
    const text = scorecard(a, 'dispute.cxmap.yaml', { colorLevel: 0 });
    expect(text).toContain(
      'Business case   100 to serve a case, 1 staff hours, 0.60 partner hours costing 60, 0.10 system hours a case\n',
    );
    expect(text).toContain(
      '1,000 cases a year: cost 100,000 · 1,000 staff hours · 600 partner hours costing 60,000 · 100 system hours · ',
    );
  });

  it('leaves the partner and system figures out (null in the JSON) of a map that names neither', () => {
    const plain = analyze(mapOf(DISPUTE.replace(', type: system', '').replace(', org: Energy Ombudsman', '')), {
      runs: 100,
    });
    // Everyone is the company's people then: 1 h + 0.1 h + 0.6 h.
    expect(plain.business.staffHours).toBeCloseTo(1.7, 12);
    expect(scoreJson(plain, 'p').metrics).toMatchObject({ partnerHours: null, partnerCost: null, systemHours: null });
  });

  it('gives no partners’ cost when a partner that works has none, and names it', () => {
    const uncosted = analyze(mapOf(DISPUTE.replace(', org: Energy Ombudsman, cost: 50/h', ', org: Energy Ombudsman')), {
      runs: 100,
    });
    expect(uncosted.business.partnerHours).toBeCloseTo(0.6, 12);
    expect(uncosted.business.partnerCost).toBeUndefined();
    expect(uncosted.business.uncosted).toEqual(['Ombudsman']);
  });
});
